import { Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { campaignChannels, campaignStatuses, campaignsApi, useCanRunCampaigns, type Campaign } from '../../api/campaigns';
import { useFormatters } from '../../components/format/useFormatters';
import { ListSelectFilter, RecordListPage } from '../../components/table/RecordListPage';
import { useRecordActionColumns } from '../../components/table/useRecordActionColumns';
import { useRecordList } from '../../components/table/useRecordList';
import { CampaignFormDrawer } from './CampaignFormDrawer';
import { EnumTag } from '../../components/enums/EnumTag';
import { useEnumOptions } from '../../components/enums/useEnumOptions';
import { useCampaignPeriod } from './useCampaignPeriod';

const filterNames = ['status', 'channel'] as const;

/** Every campaign: search, status and channel filters, server paging; a campaign opens on its own page. */
export default function CampaignsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const period = useCampaignPeriod();
  const records = useRecordList(campaignsApi, filterNames, { sort: 'updatedAt', order: 'desc' });
  const { list, bin } = records;
  const canRun = useCanRunCampaigns();
  const statusOptions = useEnumOptions('campaignStatus', campaignStatuses);
  const channelOptions = useEnumOptions('campaignChannel', campaignChannels);
  // Delete shows to the roles that run campaigns; the server refuses a sales user someone else's campaign.
  const actions = useRecordActionColumns<Campaign>({ resource: campaignsApi, area: 'campaigns', inBin: bin.active, nameOf: (c) => c.name, fixed: true });
  const filtered = Boolean(list.params.q || list.params.status || list.params.channel);
  const sortable = (key: string) => ({ sorter: true, sortOrder: list.sortOrderOf(key) });

  const columns: ColumnsType<Campaign> = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('campaigns.fields.name'),
      ellipsis: true,
      ...sortable('name'),
      render: (name: string, campaign) =>
        bin.active ? (
          <span title={name}>{name}</span>
        ) : (
          <Link to={`/campaigns/${campaign.id}`} title={name} data-testid="campaign-open">
            {name}
          </Link>
        ),
    },
    { key: 'channel', dataIndex: 'channel', title: t('campaigns.fields.channel'), width: 90, ...sortable('channel'), render: (v: string) => <EnumTag name="campaignChannel" value={v} /> },
    { key: 'status', dataIndex: 'status', title: t('campaigns.fields.status'), width: 100, ...sortable('status'), render: (v: string) => <EnumTag name="campaignStatus" value={v} /> },
    { key: 'startsOn', dataIndex: 'startsOn', title: t('campaigns.fields.period'), width: 180, ...sortable('startsOn'), render: (_v, c) => period(c) },
    {
      key: 'members',
      title: t('campaigns.fields.members'),
      width: 140,
      align: 'right',
      render: (_v, c) => (
        <span>
          {t('campaigns.list.membersCount', { active: format.number(c.members?.active ?? 0) })}
          {c.members?.left ? <Typography.Text type="secondary">{` · ${t('campaigns.list.membersLeft', { left: format.number(c.members.left) })}`}</Typography.Text> : null}
        </span>
      ),
    },
    { key: 'cost', dataIndex: 'cost', title: t('campaigns.fields.cost'), width: 110, align: 'right', ...sortable('cost'), render: (v: number) => format.money(v) },
    { key: 'owner', title: t('campaigns.fields.owner'), width: 110, ellipsis: true, render: (_v, c) => c.ownerName ?? '—' },
    { key: 'updatedAt', dataIndex: 'updatedAt', title: t('campaigns.fields.updatedAt'), width: 140, ...sortable('updatedAt'), render: (v: string) => format.dateTime(v) },
    ...actions,
  ];

  return (
    <RecordListPage<Campaign>
      records={records}
      title={t('campaigns.list.title')}
      titleTestId="campaigns-title"
      canWrite={canRun}
      newRecord={{ label: t('campaigns.list.new'), testId: 'campaign-new' }}
      search={{ placeholder: t('campaigns.list.searchPlaceholder'), width: 260, testId: 'campaigns-search' }}
      filters={
        <>
          <ListSelectFilter list={list} name="status" placeholder={t('campaigns.fields.status')} options={statusOptions} width={140} testId="campaigns-status-filter" />
          <ListSelectFilter list={list} name="channel" placeholder={t('campaigns.fields.channel')} options={channelOptions} width={130} testId="campaigns-channel-filter" />
        </>
      }
      columns={columns}
      emptyText={filtered ? t('campaigns.list.noMatch') : t('campaigns.list.empty')}
      tableTestId="campaigns-table"
      drawer={<CampaignFormDrawer open={records.drawer.open} campaign={records.drawer.record} onClose={records.drawer.onClose} />}
    />
  );
}
