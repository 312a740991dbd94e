import { useState } from 'react';
import { Button, Flex, Input, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAccounts, type Account } from '../../api/accounts';
import { customerTypes, relationshipLevels } from '../../api/enums';
import { EnumTag } from '../../components/enums/EnumTag';
import { useEnumOptions } from '../../components/enums/useEnumOptions';
import { useFormatters } from '../../components/format/useFormatters';
import { PageHeader } from '../../components/layout/PageHeader';
import { ServerTable } from '../../components/table/ServerTable';
import { useListParams } from '../../components/table/useListParams';
import { AccountCreateDrawer } from './AccountCreateDrawer';

const filterNames = ['customerType', 'relationshipLevel'] as const;

export default function AccountsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const list = useListParams(filterNames);
  const accounts = useAccounts(list.params);
  const [creating, setCreating] = useState(false);
  const typeOptions = useEnumOptions('customerType', customerTypes);
  const levelOptions = useEnumOptions('relationshipLevel', relationshipLevels);
  const filtered = Boolean(list.params.q || list.params.customerType || list.params.relationshipLevel);

  const columns: ColumnsType<Account> = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('fields.account.name'),
      ellipsis: true,
      sorter: true,
      sortOrder: list.sortOrderOf('name'),
      render: (name: string, account) => (
        <Link to={`/accounts/${account.id}`} title={name}>
          {name}
        </Link>
      ),
    },
    { key: 'externalId', dataIndex: 'externalId', title: t('fields.account.externalId'), width: 120, ellipsis: true, sorter: true, sortOrder: list.sortOrderOf('externalId') },
    {
      key: 'customerType',
      dataIndex: 'customerType',
      title: t('fields.account.customerType'),
      width: 140,
      sorter: true,
      sortOrder: list.sortOrderOf('customerType'),
      render: (value: string) => <EnumTag name="customerType" value={value} />,
    },
    {
      key: 'relationshipLevel',
      dataIndex: 'relationshipLevel',
      title: t('fields.account.relationshipLevel'),
      width: 120,
      sorter: true,
      sortOrder: list.sortOrderOf('relationshipLevel'),
      render: (value: string) => <EnumTag name="relationshipLevel" value={value} />,
    },
    { key: 'ownerName', dataIndex: 'ownerName', title: t('fields.account.owner'), width: 120, ellipsis: true },
    {
      key: 'city',
      title: t('fields.account.city'),
      width: 140,
      ellipsis: true,
      render: (_v, account) => [account.city, account.region].filter(Boolean).join(' · ') || '—',
    },
    { key: 'phone', dataIndex: 'phone', title: t('fields.account.phone'), width: 150, ellipsis: true },
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('fields.account.createdAt'),
      width: 120,
      sorter: true,
      sortOrder: list.sortOrderOf('createdAt'),
      render: (value: string) => format.date(value),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="account-new">
            {t('accounts.new')}
          </Button>
        }
      />
      <Flex gap={12} wrap className="toolbar">
        <Input.Search
          key={list.params.q ?? ''}
          allowClear
          placeholder={t('accounts.searchPlaceholder')}
          defaultValue={list.params.q}
          onSearch={(q) => list.update({ q })}
          style={{ width: 320 }}
          data-testid="accounts-search"
        />
        <Select
          allowClear
          placeholder={t('fields.account.customerType')}
          options={typeOptions}
          value={list.params.customerType as string | undefined}
          onChange={(value?: string) => list.update({ customerType: value })}
          style={{ width: 200 }}
        />
        <Select
          allowClear
          placeholder={t('fields.account.relationshipLevel')}
          options={levelOptions}
          value={list.params.relationshipLevel as string | undefined}
          onChange={(value?: string) => list.update({ relationshipLevel: value })}
          style={{ width: 180 }}
        />
      </Flex>
      <ServerTable<Account>
        query={accounts}
        list={list}
        columns={columns}
        emptyText={filtered ? t('accounts.emptyFiltered') : t('accounts.empty')}
      />
      <AccountCreateDrawer open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
