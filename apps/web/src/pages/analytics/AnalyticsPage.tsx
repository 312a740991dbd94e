import { useMemo, useState } from 'react';
import { Button, Card, Col, Empty, Flex, Result, Row, Statistic, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth';
import {
  analyticsRoles,
  useAnalyticsDefinitions,
  useAnalyticsOverview,
  type AnalyticsOverview,
  type ValueParams,
} from '../../api/analytics';
import type { Role } from '../../api/enums';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { OverviewSkeleton } from '../../components/feedback/OverviewSkeleton';
import { useFormatters } from '../../components/format/useFormatters';
import { PageHeader, PageHeaderNote } from '../../components/layout/PageHeader';
import { CalibrationCard } from './CalibrationCard';
import { ClvHistogramCard } from './ClvHistogramCard';
import { LifecycleCard } from './LifecycleCard';
import { ModelFitCard } from './ModelFitCard';
import { ParetoCard } from './ParetoCard';
import { RefreshDrawer } from './RefreshDrawer';
import { RfmGridCard } from './RfmGridCard';
import { RunHistoryCard } from './RunHistoryCard';
import { TiersCard } from './TiersCard';
import { TopCustomersCard } from './TopCustomersCard';
import { useFollowedRun } from './useFollowedRun';

/** Customer value analysis: the newest snapshot's RFM, ABC, tiers, lifecycle, CLV and model fit; refresh on demand. */
export default function AnalyticsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const allowed = me.data ? (analyticsRoles as readonly Role[]).includes(me.data.role) : false;
  if (!allowed) {
    return (
      <>
        <PageHeader title={t('analytics.title')} />
        <Card data-testid="analytics-forbidden">
          <Result status="403" title={t('analytics.forbiddenTitle')} subTitle={t('analytics.forbidden')} />
        </Card>
      </>
    );
  }
  return <AnalyticsContent />;
}

function AnalyticsContent() {
  const { t } = useTranslation();
  const format = useFormatters();
  const overview = useAnalyticsOverview();
  const definitions = useAnalyticsDefinitions();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { runs, busy, follow, progress } = useFollowedRun(t('analytics.run.done'));

  const initialParams = useMemo<ValueParams | null>(() => {
    const defaults = definitions.data?.defaults;
    if (!defaults) return null;
    const last = overview.data?.run?.params ?? {};
    return { ...defaults, ...last, tierRule: { ...defaults.tierRule, ...last.tierRule } };
  }, [definitions.data, overview.data]);

  const run = overview.data?.run ?? null;
  const header = (
    <PageHeader
      title={t('analytics.title')}
      extra={
        <>
          {run ? <PageHeaderNote testId="analytics-snapshot-date">{t('analytics.snapshotAsOf', { date: format.dateTime(run.asOf) })}</PageHeaderNote> : null}
          <Button
            type="primary"
            icon={<ReloadOutlined />}
            loading={busy}
            disabled={!initialParams}
            onClick={() => setDrawerOpen(true)}
            data-testid="analytics-refresh"
          >
            {t('analytics.refresh')}
          </Button>
        </>
      }
    />
  );

  const drawer = initialParams ? (
    <RefreshDrawer
      open={drawerOpen}
      onClose={() => setDrawerOpen(false)}
      initial={initialParams}
      definitions={definitions.data}
      onStarted={follow}
    />
  ) : null;

  let body;
  if (overview.isPending) body = <OverviewSkeleton />;
  else if (overview.isError) body = <ErrorResult error={overview.error} onRetry={() => void overview.refetch()} />;
  else if (!run) {
    body = (
      <Card data-testid="analytics-empty">
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <Flex vertical gap={4}>
              <Typography.Text strong>{t('analytics.emptyTitle')}</Typography.Text>
              <Typography.Text type="secondary">{t('analytics.empty')}</Typography.Text>
            </Flex>
          }
        >
          <Button type="primary" loading={busy} disabled={!initialParams} onClick={() => setDrawerOpen(true)} data-testid="analytics-run-first">
            {t('analytics.runFirst')}
          </Button>
        </Empty>
      </Card>
    );
  } else if (!run.summary?.bgnbd || !run.summary.customers) {
    body = (
      <Card data-testid="analytics-empty">
        <Empty description={t('analytics.emptySnapshot')} />
      </Card>
    );
  } else {
    body = <Panels data={overview.data} definitions={definitions.data} />;
  }

  return (
    <>
      {header}
      {progress}
      {body}
      {!overview.isPending && runs.data?.length ? (
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col span={24}>
            <RunHistoryCard runs={runs.data} loading={runs.isFetching && !runs.data} />
          </Col>
        </Row>
      ) : null}
      {drawer}
    </>
  );
}

function Panels({ data, definitions }: { data: AnalyticsOverview; definitions: ReturnType<typeof useAnalyticsDefinitions>['data'] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const run = data.run!;
  const summary = run.summary;
  const params = { ...definitions?.defaults, ...run.params };
  const byTier = data.byTier ?? [];
  const historicalValue = byTier.reduce((sum, row) => sum + row.value, 0);
  const predictedClv = byTier.reduce((sum, row) => sum + row.clv, 0);

  const stats = [
    { key: 'customers', title: t('analytics.stats.customers'), value: format.number(summary.customers) },
    { key: 'purchaseDays', title: t('analytics.stats.purchaseDays'), value: format.number(summary.purchaseDays) },
    { key: 'historicalValue', title: t('analytics.stats.historicalValue'), value: format.money(historicalValue) },
    { key: 'predictedClv', title: t('analytics.stats.predictedClv', { months: params.horizonMonths ?? 12 }), value: format.money(predictedClv) },
  ];

  return (
    <Row gutter={[16, 16]}>
      {stats.map((stat) => (
        <Col key={stat.key} xs={24} sm={12} xl={6}>
          <Card className="stat-card" data-testid={`analytics-stat-${stat.key}`}>
            <Statistic title={stat.title} value={stat.value} />
          </Card>
        </Col>
      ))}
      <Col span={24}>
        <RfmGridCard cells={data.rfmGrid ?? []} grid={definitions?.rfmGrid} segments={data.bySegment ?? []} />
      </Col>
      <Col xs={24} xl={12}>
        {summary.pareto && summary.abc ? <ParetoCard pareto={summary.pareto} abc={summary.abc} params={params} /> : null}
      </Col>
      <Col xs={24} xl={12}>
        <ClvHistogramCard buckets={data.clvHistogram ?? []} horizonMonths={params.horizonMonths} />
      </Col>
      <Col xs={24} xl={12}>
        <TiersCard byTier={byTier} params={params} />
      </Col>
      <Col xs={24} xl={12}>
        <LifecycleCard byStage={data.byStage ?? []} lifecycle={definitions?.lifecycle} />
      </Col>
      <Col xs={24} xl={10}>
        <ModelFitCard summary={summary} />
      </Col>
      <Col xs={24} xl={14}>
        <CalibrationCard holdout={summary.holdout} />
      </Col>
      <Col span={24}>
        <TopCustomersCard top={data.top ?? []} />
      </Col>
    </Row>
  );
}
