import { useState } from 'react';
import { useCanWrite } from '../../api/access';
import { Button, Flex, Input } from 'antd';
import { PlusOutlined, StarFilled } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { contactsApi, useContacts, type Contact } from '../../api/contacts';
import { AccountLink } from '../../components/AccountLink';
import { EnumTag } from '../../components/enums/EnumTag';
import { PageHeader } from '../../components/layout/PageHeader';
import { RecycleBinHint, RecycleBinSwitch } from '../../components/table/RecycleBinSwitch';
import { ServerTable } from '../../components/table/ServerTable';
import { useListParams } from '../../components/table/useListParams';
import { useRecordActionColumns } from '../../components/table/useRecordActionColumns';
import { recycleBinParam, useRecycleBin } from '../../components/table/useRecycleBin';
import { ContactFormDrawer } from './ContactFormDrawer';

const filterNames = ['accountId', recycleBinParam] as const;

export default function ContactsPage() {
  const canCreate = useCanWrite('contacts');
  const { t } = useTranslation();
  const list = useListParams(filterNames);
  const bin = useRecycleBin(list);
  const contacts = useContacts(bin.params);
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const actions = useRecordActionColumns<Contact>({ resource: contactsApi, area: 'contacts', inBin: bin.active, nameOf: (c) => c.name, fixed: true });

  const columns: ColumnsType<Contact> = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('fields.contact.name'),
      width: 200,
      ellipsis: true,
      sorter: true,
      sortOrder: list.sortOrderOf('name'),
      render: (name: string, contact) => {
        const star = contact.isPrimary ? <StarFilled style={{ color: '#faad14', marginRight: 6 }} /> : null;
        // A deleted contact is restored, not edited.
        if (bin.active) {
          return (
            <span title={name}>
              {star}
              {name}
            </span>
          );
        }
        return (
          <a onClick={() => setEditing(contact)} title={name}>
            {star}
            {name}
          </a>
        );
      },
    },
    {
      key: 'account',
      title: t('fields.contact.account'),
      ellipsis: true,
      render: (_v, contact) => <AccountLink id={contact.accountId} name={contact.accountName} />,
    },
    { key: 'title', dataIndex: 'title', title: t('fields.contact.title'), width: 150, ellipsis: true },
    { key: 'email', dataIndex: 'email', title: t('fields.contact.email'), width: 220, ellipsis: true },
    { key: 'phone', title: t('fields.contact.phone'), width: 150, ellipsis: true, render: (_v, c) => c.mobile || c.phone || '—' },
    {
      key: 'preferredChannel',
      dataIndex: 'preferredChannel',
      title: t('fields.contact.preferredChannel'),
      width: 120,
      render: (value: string | null) => <EnumTag name="preferredChannel" value={value} />,
    },
    ...actions,
  ];

  return (
    <>
      <PageHeader
        title={t('contacts.title')}
        extra={
          <>
            <RecycleBinSwitch bin={bin} />
            {canCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('contacts.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <Flex gap={12} wrap className="toolbar">
        <Input.Search
          key={list.params.q ?? ''}
          allowClear
          placeholder={t('contacts.searchPlaceholder')}
          defaultValue={list.params.q}
          onSearch={(q) => list.update({ q })}
          style={{ width: 320 }}
        />
      </Flex>
      <RecycleBinHint bin={bin} />
      <ServerTable<Contact> query={contacts} list={list} columns={columns} emptyText={bin.active ? t('recycleBin.empty') : t('contacts.empty')} />
      <ContactFormDrawer open={editing !== null} contact={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
    </>
  );
}
