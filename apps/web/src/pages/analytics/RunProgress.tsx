import { Alert, Card, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnalyticsRun } from '../../api/analytics';

/** A refresh under way (progress and stage, polled by the page), or how it failed. */
export function RunProgress({ run, onClose }: { run: AnalyticsRun | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  if (run?.status === 'failed') {
    return (
      <Alert
        type="error"
        showIcon
        closable={{ onClose }}
        title={t('analytics.run.failed')}
        description={run.error ?? undefined}
        data-testid="analytics-run-failed"
        style={{ marginBottom: 16 }}
      />
    );
  }
  const stage = run?.summary?.stage;
  const stageText =
    !run || run.status === 'queued' || !stage
      ? t('analytics.run.queued')
      : t('analytics.run.stage', { stage: t(`analytics.stages.${stage}` as never, { defaultValue: stage }) as string });
  return (
    <Card data-testid="analytics-run-progress" data-status={run?.status ?? 'queued'} style={{ marginBottom: 16 }}>
      <Flex vertical gap={4}>
        <Typography.Text strong>{t('analytics.run.progressTitle')}</Typography.Text>
        <Progress percent={run?.progress ?? 0} status="active" />
        <Typography.Text type="secondary" data-testid="analytics-run-stage">
          {stageText}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
