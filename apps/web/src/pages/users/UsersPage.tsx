import { useState } from 'react';
import { App, Button, Empty, Popconfirm, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth';
import { roles, type Role } from '../../api/enums';
import { useUpdateUser, useUsers, type User } from '../../api/users';
import { useEnumOptions } from '../../components/enums/useEnumOptions';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { useNotifyError } from '../../components/feedback/useNotifyError';
import { useFormatters } from '../../components/format/useFormatters';
import { PageHeader } from '../../components/layout/PageHeader';
import { UserCreateDrawer } from './UserCreateDrawer';

/** Admin: who can sign in, with which role. Users are deactivated, never deleted (their changes stay attributed). */
export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormatters();
  const me = useCurrentUser();
  const users = useUsers({ pageSize: 200, sort: 'name', order: 'asc' });
  const update = useUpdateUser();
  const notifyError = useNotifyError();
  const roleOptions = useEnumOptions('role', roles);
  const [creating, setCreating] = useState(false);

  const changeRole = (user: User, role: Role) =>
    update.mutate({ id: user.id, role }, { onSuccess: () => void message.success(t('users.roleChanged')), onError: notifyError });
  const setActive = (user: User, active: boolean) =>
    update.mutate({ id: user.id, active }, { onSuccess: () => void message.success(t('common.saved')), onError: notifyError });

  const columns: ColumnsType<User> = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('fields.user.name'),
      width: 200,
      ellipsis: true,
      render: (name: string, user) => (user.id === me.data?.id ? `${name}${t('users.you')}` : name),
    },
    { key: 'email', dataIndex: 'email', title: t('fields.user.email'), width: 260, ellipsis: true },
    {
      key: 'role',
      dataIndex: 'role',
      title: t('fields.user.role'),
      width: 170,
      render: (role: Role, user) => (
        <Select<Role>
          value={role}
          options={roleOptions}
          onChange={(next) => changeRole(user, next)}
          disabled={user.id === me.data?.id}
          style={{ width: 140 }}
          size="small"
          aria-label={t('fields.user.role')}
        />
      ),
    },
    {
      key: 'active',
      dataIndex: 'active',
      title: t('fields.user.active'),
      width: 110,
      render: (active: boolean) => (active ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>),
    },
    { key: 'createdAt', dataIndex: 'createdAt', title: t('fields.user.createdAt'), width: 130, render: (v: string) => format.date(v) },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 120,
      render: (_v, user) =>
        user.id === me.data?.id ? null : user.active ? (
          <Popconfirm title={t('users.deactivateConfirm')} onConfirm={() => setActive(user, false)}>
            <Button size="small" danger>
              {t('users.deactivate')}
            </Button>
          </Popconfirm>
        ) : (
          <Button size="small" onClick={() => setActive(user, true)}>
            {t('users.activate')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('users.new')}
          </Button>
        }
      />
      {users.isError ? (
        <ErrorResult error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <Table<User>
          rowKey="id"
          size="middle"
          tableLayout="fixed"
          columns={columns}
          dataSource={users.data?.items}
          loading={users.isFetching}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: users.isPending ? ' ' : <Empty description={t('users.empty')} /> }}
        />
      )}
      <UserCreateDrawer open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
