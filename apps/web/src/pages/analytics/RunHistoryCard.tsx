import { Card, Empty, Progress, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { AnalyticsRunListItem } from '../../api/analytics';
import { EnumTag } from '../../components/enums/EnumTag';
import { useFormatters } from '../../components/format/useFormatters';

/** Past refreshes (GET /api/analytics/runs): as-of date, status, when and how long. */
export function RunHistoryCard({ runs, loading }: { runs: AnalyticsRunListItem[] | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Card title={t('analytics.history.title')} data-testid="analytics-runs" className="panel-card" styles={{ body: { padding: 0 } }}>
      <Table<AnalyticsRunListItem>
        rowKey="id"
        size="small"
        tableLayout="fixed"
        dataSource={runs}
        loading={loading}
        pagination={{ pageSize: 8, hideOnSinglePage: true, size: 'small' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noData')} /> }}
        columns={[
          { key: 'id', dataIndex: 'id', title: '#', width: 52 },
          { key: 'asOf', dataIndex: 'asOf', title: t('analytics.history.asOf'), width: 110, render: (v: string) => format.date(v) },
          {
            key: 'status',
            dataIndex: 'status',
            title: t('analytics.history.status'),
            width: 120,
            render: (status: string, run) =>
              status === 'running' ? (
                <Progress percent={run.progress} size="small" status="active" />
              ) : status === 'failed' && run.error ? (
                <Tooltip title={run.error}>
                  <span>
                    <EnumTag name="analyticsRunStatus" value={status} />
                  </span>
                </Tooltip>
              ) : (
                <EnumTag name="analyticsRunStatus" value={status} />
              ),
          },
          { key: 'createdAt', dataIndex: 'createdAt', title: t('analytics.history.startedAt'), render: (v: string) => format.dateTime(v) },
          {
            key: 'duration',
            title: t('analytics.history.duration'),
            width: 80,
            align: 'right',
            render: (_v, run) =>
              run.finishedAt ? (
                <Typography.Text type="secondary">
                  {t('analytics.history.seconds', { value: format.fixed(dayjs(run.finishedAt).diff(run.createdAt) / 1000, 1) })}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Card>
  );
}
