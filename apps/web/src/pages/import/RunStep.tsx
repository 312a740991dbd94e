import { Button, Flex, Progress, Result, Skeleton, Typography } from 'antd';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ImportKind } from '../../api/enums';
import { useImportJob, type ImportReport as Report } from '../../api/imports';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { useFormatters } from '../../components/format/useFormatters';
import { ImportReport } from './ImportReport';
import { useProblemText } from './useProblemText';

/** Where the imported records are seen afterwards: referrals and income are on each customer's page. */
const listOf: Record<ImportKind, { path: string; label: ParseKeys }> = {
  accounts: { path: '/accounts', label: 'nav.accounts' },
  products: { path: '/products', label: 'nav.products' },
  orders: { path: '/orders', label: 'nav.orders' },
  tickets: { path: '/tickets', label: 'service.nav.tickets' },
  suggestions: { path: '/suggestions', label: 'service.nav.suggestions' },
  referrals: { path: '/accounts', label: 'nav.accounts' },
  income: { path: '/accounts', label: 'nav.accounts' },
};

/** Step 4: progress of the background import (polled), then its result. */
export function RunStep({ jobId, kind, onRestart }: { jobId: number; kind: ImportKind; onRestart: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const job = useImportJob(jobId, true);
  const problemText = useProblemText();
  const rejection = (report: Report) =>
    report.fatal
      ? t('import.atRow', { row: report.fatal.row, reason: problemText(report.fatal) })
      : t('import.rejectedInvalid', { invalid: format.number(report.invalidRows ?? 0), total: format.number(report.totalRows ?? 0) });

  if (job.isPending) return <Skeleton active />;
  if (job.isError) return <ErrorResult error={job.error} onRetry={() => void job.refetch()} />;

  const { status, progress, totalRows, report, error } = job.data;
  if (status === 'done' || status === 'failed') {
    const rejected = report?.outcome === 'rejected';
    const ok = status === 'done' && !rejected;
    return (
      <div data-testid="import-result" data-status={rejected ? 'rejected' : status}>
        <Result
          status={ok ? 'success' : rejected ? 'warning' : 'error'}
          title={ok ? t('import.doneTitle') : rejected ? t('import.rejectedTitle') : t('import.failedTitle')}
          // The counts below say what happened; why matters when nothing was written.
          subTitle={ok ? undefined : rejected ? rejection(report) : (error ?? report?.message ?? undefined)}
          extra={[
            <Button key="again" onClick={onRestart}>
              {t('import.startOver')}
            </Button>,
            ok ? (
              <Link key="list" to={listOf[kind].path}>
                <Button type="primary">{t(listOf[kind].label)}</Button>
              </Link>
            ) : null,
          ]}
        >
          {report ? <ImportReport report={report} /> : null}
        </Result>
      </div>
    );
  }

  const total = totalRows ?? 0;
  const percent = total > 0 ? Math.min(99, Math.floor((progress / total) * 100)) : 0;
  return (
    <Flex vertical align="center" gap={16} style={{ padding: '32px 0' }} data-testid="import-progress">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('import.running')}
      </Typography.Title>
      <Progress percent={percent} status="active" style={{ maxWidth: 560 }} />
      {total > 0 ? (
        <Typography.Text type="secondary">{t('import.progress', { done: format.number(progress), total: format.number(total) })}</Typography.Text>
      ) : null}
    </Flex>
  );
}
