import { useState } from 'react';
import { useCanWrite } from '../../api/access';
import { Button, Flex, Input, Select, Tooltip } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { accountsApi, accountsExportUrl, useAccounts, type Account } from '../../api/accounts';
import { abcClasses, customerTypes, lifecycleStages, relationshipLevels, rfmSegments, valueTiers } from '../../api/enums';
import { EnumTag } from '../../components/enums/EnumTag';
import { useEnumOptions } from '../../components/enums/useEnumOptions';
import { useFormatters } from '../../components/format/useFormatters';
import { PageHeader } from '../../components/layout/PageHeader';
import { RecycleBinHint, RecycleBinSwitch } from '../../components/table/RecycleBinSwitch';
import { ServerTable } from '../../components/table/ServerTable';
import { useListParams } from '../../components/table/useListParams';
import { useRecordActionColumns } from '../../components/table/useRecordActionColumns';
import { recycleBinParam, useRecycleBin } from '../../components/table/useRecycleBin';
import { AccountCreateDrawer } from './AccountCreateDrawer';

const filterNames = ['customerType', 'relationshipLevel', 'segment', 'valueTier', 'lifecycleStage', 'abcClass'] as const;

const nameWidth = 240;

export default function AccountsPage() {
  const canCreate = useCanWrite('accounts');
  const { t } = useTranslation();
  const format = useFormatters();
  const list = useListParams([...filterNames, recycleBinParam]);
  const bin = useRecycleBin(list);
  const accounts = useAccounts(bin.params);
  // Accounts are deleted from their own page; the list has only the recycle bin's Restore.
  const binColumns = useRecordActionColumns<Account>({ resource: accountsApi, area: 'accounts', inBin: true, nameOf: (a) => a.name, fixed: true });
  const [creating, setCreating] = useState(false);
  const typeOptions = useEnumOptions('customerType', customerTypes);
  const levelOptions = useEnumOptions('relationshipLevel', relationshipLevels);
  const segmentOptions = useEnumOptions('rfmSegment', rfmSegments);
  const tierOptions = useEnumOptions('valueTier', valueTiers);
  const stageOptions = useEnumOptions('lifecycleStage', lifecycleStages);
  const abcOptions = useEnumOptions('abcClass', abcClasses);
  const filtered = Boolean(list.params.q || filterNames.some((name) => list.params[name]));
  const filterSelect = (name: (typeof filterNames)[number], options: { value: string; label: string }[], width: number) => (
    <Select
      allowClear
      placeholder={t(`fields.account.${name}`)}
      options={options}
      value={list.params[name] as string | undefined}
      onChange={(value?: string) => list.update({ [name]: value })}
      style={{ width }}
      data-testid={`accounts-filter-${name}`}
    />
  );

  const columns: ColumnsType<Account> = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('fields.account.name'),
      // With the value columns the list is wider than a laptop screen: the name stays in view while it scrolls.
      width: nameWidth,
      fixed: 'left',
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
    {
      key: 'segment',
      title: t('fields.account.segment'),
      width: 150,
      render: (_v, account) => <EnumTag name="rfmSegment" value={account.score?.segment} />,
    },
    {
      key: 'valueTier',
      title: t('fields.account.valueTier'),
      width: 110,
      render: (_v, account) => <EnumTag name="valueTier" value={account.score?.valueTier} />,
    },
    {
      key: 'lifecycleStage',
      title: t('fields.account.lifecycleStage'),
      width: 110,
      render: (_v, account) => <EnumTag name="lifecycleStage" value={account.score?.lifecycleStage} />,
    },
    {
      key: 'predictedClv',
      title: t('fields.account.predictedClv'),
      width: 140,
      align: 'right',
      sorter: true,
      // the most valuable first
      sortDirections: ['descend', 'ascend'],
      sortOrder: list.sortOrderOf('predictedClv'),
      render: (_v, account) => format.money(account.score?.predictedClv),
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
    ...(bin.active ? binColumns : []),
  ];

  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        extra={
          <>
            <RecycleBinSwitch bin={bin} />
            <Tooltip title={t('accounts.exportHint')}>
              <Button icon={<DownloadOutlined />} href={accountsExportUrl(bin.params)} download="accounts.csv" data-testid="accounts-export">
                {t('accounts.export')}
              </Button>
            </Tooltip>
            {canCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="account-new">
                {t('accounts.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <Flex gap={12} wrap className="toolbar">
        <Input.Search
          key={list.params.q ?? ''}
          allowClear
          placeholder={t('accounts.searchPlaceholder')}
          defaultValue={list.params.q}
          onSearch={(q) => list.update({ q })}
          style={{ width: 250 }}
          data-testid="accounts-search"
        />
        {filterSelect('customerType', typeOptions, 150)}
        {filterSelect('relationshipLevel', levelOptions, 150)}
        {filterSelect('segment', segmentOptions, 150)}
        {filterSelect('valueTier', tierOptions, 120)}
        {filterSelect('lifecycleStage', stageOptions, 140)}
        {filterSelect('abcClass', abcOptions, 100)}
      </Flex>
      <RecycleBinHint bin={bin} />
      <ServerTable<Account>
        query={accounts}
        list={list}
        columns={columns}
        minWidth={columns.reduce((sum, column) => sum + (Number(column.width) || 0), 0)}
        emptyText={bin.active ? t('recycleBin.empty') : filtered ? t('accounts.emptyFiltered') : t('accounts.empty')}
      />
      <AccountCreateDrawer open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
