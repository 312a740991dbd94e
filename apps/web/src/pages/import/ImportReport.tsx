import { Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportReport as Report, ImportWriteCounts } from '../../api/imports';
import { useFormatters } from '../../components/format/useFormatters';

const entities = ['accounts', 'products', 'orders', 'lines', 'tickets', 'referrals', 'suggestions', 'income'] as const;

/** The result of a run: rows read, valid, skipped, and what was inserted/updated per kind of record. */
export function ImportReport({ report }: { report: Report }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const written = entities
    .filter((entity) => report[entity])
    .map((entity) => ({ entity, ...(report[entity] as ImportWriteCounts) }));
  const entityLabel = (entity: (typeof entities)[number]) => t(`import.writtenTables.${entity}`);

  return (
    <div style={{ textAlign: 'left' }}>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          { key: 'total', label: t('import.totalRows'), children: format.number(report.totalRows) },
          { key: 'valid', label: t('import.validRows'), children: format.number(report.validRows) },
          { key: 'skipped', label: t('import.skippedRows'), children: format.number(report.skippedRows?.length ?? 0) },
          {
            key: 'duration',
            label: t('import.duration'),
            children: report.durationMs !== undefined ? t('import.seconds', { value: format.number(report.durationMs / 1000) }) : '—',
          },
        ]}
      />
      {written.length ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('import.reportEntities')}
          </Typography.Title>
          <Table
            size="small"
            rowKey="entity"
            pagination={false}
            dataSource={written}
            columns={[
              { key: 'entity', dataIndex: 'entity', title: '', render: entityLabel },
              { key: 'inserted', dataIndex: 'inserted', title: t('import.inserted'), align: 'right', render: (v: number) => format.number(v) },
              { key: 'updated', dataIndex: 'updated', title: t('import.updated'), align: 'right', render: (v: number) => format.number(v) },
              { key: 'unchanged', dataIndex: 'unchanged', title: t('import.unchanged'), align: 'right', render: (v: number) => format.number(v) },
            ]}
          />
        </>
      ) : null}
    </div>
  );
}
