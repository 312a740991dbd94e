import { useState } from 'react';
import { Button, Empty, Flex, Table } from 'antd';
import { PlusOutlined, StarFilled } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { contactsApi, useContacts, type Contact } from '../../api/contacts';
import { EnumTag } from '../../components/enums/EnumTag';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { useRecordActionColumns } from '../../components/table/useRecordActionColumns';
import { ContactFormDrawer } from '../contacts/ContactFormDrawer';
import { useCanWrite } from '../../api/access';

export function AccountContactsTab({ accountId }: { accountId: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const contacts = useContacts({ accountId, ...page, sort: 'name', order: 'asc' });
  const canAdd = useCanWrite('contacts');
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const actions = useRecordActionColumns<Contact>({ resource: contactsApi, area: 'contacts', nameOf: (c) => c.name });

  const columns: ColumnsType<Contact> = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('fields.contact.name'),
      width: 200,
      ellipsis: true,
      render: (name: string, contact) => (
        <a onClick={() => setEditing(contact)} title={name}>
          {contact.isPrimary ? <StarFilled style={{ color: '#faad14', marginRight: 6 }} /> : null}
          {name}
        </a>
      ),
    },
    { key: 'title', dataIndex: 'title', title: t('fields.contact.title'), width: 160, ellipsis: true },
    { key: 'role', dataIndex: 'role', title: t('fields.contact.role'), width: 140, ellipsis: true },
    { key: 'email', dataIndex: 'email', title: t('fields.contact.email'), width: 220, ellipsis: true },
    { key: 'phone', title: t('fields.contact.phone'), width: 160, ellipsis: true, render: (_v, c) => c.mobile || c.phone || '—' },
    {
      key: 'preferredChannel',
      dataIndex: 'preferredChannel',
      title: t('fields.contact.preferredChannel'),
      width: 120,
      render: (value: string | null) => <EnumTag name="preferredChannel" value={value} />,
    },
    ...actions,
  ];

  if (contacts.isError) return <ErrorResult error={contacts.error} onRetry={() => void contacts.refetch()} />;
  return (
    <>
      {canAdd ? (
        <Flex justify="end" className="toolbar">
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('account.addContact')}
          </Button>
        </Flex>
      ) : null}
      <Table<Contact>
        rowKey="id"
        size="middle"
        tableLayout="fixed"
        columns={columns}
        dataSource={contacts.data?.items}
        loading={contacts.isFetching}
        locale={{ emptyText: contacts.isPending ? ' ' : <Empty description={t('account.noContacts')} /> }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: contacts.data?.total ?? 0,
          hideOnSinglePage: true,
          onChange: (p, size) => setPage({ page: p, pageSize: size }),
        }}
      />
      <ContactFormDrawer
        open={editing !== null}
        contact={editing === 'new' ? null : editing}
        accountId={accountId}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
