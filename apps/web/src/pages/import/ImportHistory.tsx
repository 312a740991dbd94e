import { Card, Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useImportJobs, type ImportJob } from '../../api/imports';
import { EnumTag } from '../../components/enums/EnumTag';
import { useFormatters } from '../../components/format/useFormatters';

/** Past imports (GET /api/imports): file, kind, status, rows, when. */
export function ImportHistory() {
  const { t } = useTranslation();
  const format = useFormatters();
  const jobs = useImportJobs();
  if (jobs.isError) return null;
  return (
    <Card title={t('import.history')} style={{ marginTop: 16 }} styles={{ body: { padding: 0 } }}>
      <Table<ImportJob>
        rowKey="id"
        size="small"
        tableLayout="fixed"
        dataSource={jobs.data}
        loading={jobs.isFetching}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: jobs.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noData')} /> }}
        columns={[
          { key: 'fileName', dataIndex: 'fileName', title: t('import.file'), ellipsis: true },
          { key: 'kind', dataIndex: 'kind', title: t('import.kind'), width: 160, render: (v: string) => <EnumTag name="importKind" value={v} /> },
          { key: 'status', dataIndex: 'status', title: t('fields.order.status'), width: 120, render: (v: string) => <EnumTag name="importStatus" value={v} /> },
          { key: 'totalRows', dataIndex: 'totalRows', title: t('import.totalRows'), width: 120, align: 'right', render: (v: number | null) => format.number(v) },
          { key: 'createdAt', dataIndex: 'createdAt', title: t('fields.account.createdAt'), width: 170, render: (v: string) => format.dateTime(v) },
        ]}
      />
    </Card>
  );
}
