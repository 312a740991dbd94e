import { useState } from 'react';
import { Button, Flex, Input } from 'antd';
import { PlusOutlined, StarFilled } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useContacts, type Contact } from '../../api/contacts';
import { AccountLink } from '../../components/AccountLink';
import { EnumTag } from '../../components/enums/EnumTag';
import { PageHeader } from '../../components/layout/PageHeader';
import { ServerTable } from '../../components/table/ServerTable';
import { useListParams } from '../../components/table/useListParams';
import { ContactFormDrawer } from './ContactFormDrawer';

const filterNames = ['accountId'] as const;

export default function ContactsPage() {
  const { t } = useTranslation();
  const list = useListParams(filterNames);
  const contacts = useContacts(list.params);
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);

  const columns: ColumnsType<Contact> = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('fields.contact.name'),
      width: 200,
      ellipsis: true,
      sorter: true,
      sortOrder: list.sortOrderOf('name'),
      render: (name: string, contact) => (
        <a onClick={() => setEditing(contact)} title={name}>
          {contact.isPrimary ? <StarFilled style={{ color: '#faad14', marginRight: 6 }} /> : null}
          {name}
        </a>
      ),
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
  ];

  return (
    <>
      <PageHeader
        title={t('contacts.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('contacts.new')}
          </Button>
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
      <ServerTable<Contact> query={contacts} list={list} columns={columns} emptyText={t('contacts.empty')} />
      <ContactFormDrawer open={editing !== null} contact={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
    </>
  );
}
