import { Card, Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AnalyticsOverview } from '../../api/analytics';
import { EnumTag } from '../../components/enums/EnumTag';
import { useFormatters } from '../../components/format/useFormatters';

type TopRow = NonNullable<AnalyticsOverview['top']>[number];

/** The ten customers with the highest predicted CLV, each opening its value tab. */
export function TopCustomersCard({ top }: { top: TopRow[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Card
      title={t('analytics.top.title')}
      data-testid="analytics-top"
      className="panel-card"
      styles={{ body: { padding: 0 } }}
      extra={<Link to="/accounts?sort=predictedClv&order=desc">{t('analytics.top.viewAll')}</Link>}
    >
      <Table<TopRow>
        rowKey="accountId"
        size="small"
        tableLayout="fixed"
        pagination={false}
        dataSource={top}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noData')} /> }}
        columns={[
          { key: 'rank', title: t('analytics.top.rank'), width: 44, render: (_v, _row, index) => index + 1 },
          {
            key: 'name',
            dataIndex: 'name',
            title: t('analytics.top.name'),
            ellipsis: true,
            render: (name: string, row) => (
              <Link to={`/accounts/${row.accountId}?tab=value`} title={name}>
                {name}
              </Link>
            ),
          },
          { key: 'segment', dataIndex: 'segment', title: t('analytics.top.segment'), width: 130, render: (v: string) => <EnumTag name="rfmSegment" value={v} /> },
          { key: 'tier', dataIndex: 'valueTier', title: t('analytics.top.tier'), width: 100, render: (v: string) => <EnumTag name="valueTier" value={v} /> },
          { key: 'pAlive', dataIndex: 'pAlive', title: t('analytics.top.pAlive'), width: 84, align: 'right', render: (v: number) => format.percent(v) },
          { key: 'clv', dataIndex: 'predictedClv', title: t('analytics.top.clv'), width: 130, align: 'right', render: (v: number) => format.money(v) },
        ]}
      />
    </Card>
  );
}
