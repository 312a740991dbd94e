import { Empty, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useAuditLog, type AuditEntry } from '../../api/audit';
import { EnumTag } from '../../components/enums/EnumTag';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { useFormatters } from '../../components/format/useFormatters';
import { FieldChanges } from './FieldChanges';

/** The account's audit log: who changed what, when. */
export function AccountHistoryTab({ accountId }: { accountId: number }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const audit = useAuditLog('account', accountId);

  const columns: ColumnsType<AuditEntry> = [
    { key: 'at', dataIndex: 'at', title: t('account.history.when'), width: 160, render: (v: string) => format.dateTime(v) },
    {
      key: 'who',
      dataIndex: 'userName',
      title: t('account.history.who'),
      width: 140,
      ellipsis: true,
      render: (name: string | null) => name || t('account.history.system'),
    },
    { key: 'action', dataIndex: 'action', title: t('account.history.action'), width: 100, render: (v: string) => <EnumTag name="auditAction" value={v} /> },
    { key: 'changes', dataIndex: 'changes', title: t('account.history.changes'), render: (changes: AuditEntry['changes']) => <FieldChanges changes={changes} /> },
  ];

  if (audit.isError) return <ErrorResult error={audit.error} onRetry={() => void audit.refetch()} />;
  return (
    <Table<AuditEntry>
      rowKey="id"
      size="middle"
      tableLayout="fixed"
      columns={columns}
      dataSource={audit.data?.items}
      loading={audit.isFetching}
      locale={{ emptyText: audit.isPending ? ' ' : <Empty description={t('account.noHistory')} /> }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
    />
  );
}
