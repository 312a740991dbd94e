import { useState } from 'react';
import { Card, Col, Flex, Row, Segmented, Skeleton, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePropensityAccuracy, usePropensityModels, type AccuracyPoint } from '../../api/propensity';
import { EmptyCard, EmptyHint } from '../../components/feedback/EmptyCard';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { useFormatters } from '../../components/format/useFormatters';
import { PageHeader } from '../../components/layout/PageHeader';
import { Chart, chartColors } from '../analytics/Chart';
import { SnapshotInfo, useMaySeeModel } from '../segments/shared';
import { PropensityForbidden, PropensityNav, percentTick, useTargetLabel } from './shared';

/**
 * How good the predictions were once their horizon had passed, issue date by issue date, before and after the
 * ledger's correction: the error (log-loss or Brier score) and the mean prediction against what happened, with
 * the number of predictions behind each point.
 */
export default function AccuracyPage() {
  const { t } = useTranslation();
  const allowed = useMaySeeModel();
  if (allowed === false) return <PropensityForbidden title={t('propensity.accuracy.title')} />;
  return <Content />;
}

type Metric = 'logLoss' | 'brier';

function Content() {
  const { t } = useTranslation();
  const format = useFormatters();
  const accuracy = usePropensityAccuracy();
  const models = usePropensityModels();
  const [metric, setMetric] = useState<Metric>('logLoss');
  const horizon = models.data?.models[0]?.horizonDays ?? 90;
  const points = accuracy.data?.points ?? [];
  const targets = [...new Set(points.map((p) => p.target))].sort((a, b) => (a === 'any' ? -1 : b === 'any' ? 1 : a.localeCompare(b)));

  let body;
  if (accuracy.isPending) {
    body = (
      <Card>
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  } else if (accuracy.isError) {
    body = <ErrorResult error={accuracy.error} onRetry={() => void accuracy.refetch()} />;
  } else if (points.length === 0) {
    body = (
      <EmptyCard
        testId="propensity-accuracy-empty"
        title={t('propensity.accuracy.emptyTitle')}
        description={
          <EmptyHint>
            {t('propensity.accuracy.empty', { days: horizon })}{' '}
            {accuracy.data.openPredictions > 0
              ? t('propensity.accuracy.emptyOpen', { count: accuracy.data.openPredictions, open: format.number(accuracy.data.openPredictions) })
              : t('propensity.accuracy.emptyNone')}
          </EmptyHint>
        }
      />
    );
  } else {
    body = (
      <Flex vertical gap={16}>
        <Card size="small" className="accuracy-intro">
          <Flex justify="space-between" align="center" gap={16} wrap>
            <Typography.Paragraph className="panel-help" style={{ margin: 0, flex: '1 1 560px' }}>
              {t('propensity.accuracy.help', { days: horizon })}
            </Typography.Paragraph>
            <Flex align="center" gap={8}>
              <Typography.Text type="secondary">{t('propensity.accuracy.metric')}</Typography.Text>
              <Segmented<Metric>
                value={metric}
                onChange={setMetric}
                options={[
                  { value: 'logLoss', label: t('propensity.accuracy.logLoss') },
                  { value: 'brier', label: t('propensity.accuracy.brier') },
                ]}
                data-testid="propensity-accuracy-metric"
              />
            </Flex>
          </Flex>
          <Typography.Text type="secondary" className="value-stat-note">
            {t('propensity.accuracy.open', { count: accuracy.data.openPredictions, open: format.number(accuracy.data.openPredictions) })}
          </Typography.Text>
        </Card>
        {targets.map((target) => (
          <TargetAccuracy key={target} target={target} points={points.filter((p) => p.target === target)} metric={metric} />
        ))}
      </Flex>
    );
  }

  return (
    <>
      <PageHeader title={t('propensity.accuracy.title')} testId="propensity-accuracy-title" extra={<SnapshotInfo asOf={models.data?.run?.asOf} />} />
      <PropensityNav />
      {body}
    </>
  );
}

function TargetAccuracy({ target, points, metric }: { target: string; points: AccuracyPoint[]; metric: Metric }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const targetLabel = useTargetLabel();
  const sorted = [...points].sort((a, b) => a.issuedOn.localeCompare(b.issuedOn));
  const dates = sorted.map((p) => format.date(p.issuedOn));
  const axisLabels = sorted.map((p) => `${format.date(p.issuedOn)}\n${t('propensity.accuracy.n', { n: format.number(p.predictions) })}`);
  const before = (p: AccuracyPoint) => (metric === 'logLoss' ? p.logLoss : p.brier);
  const after = (p: AccuracyPoint) => (metric === 'logLoss' ? p.logLossCorrected : p.brierCorrected);
  const last = sorted[sorted.length - 1];
  const change = last && before(last) > 0 ? (after(last) - before(last)) / before(last) : null;
  const metricName = t(metric === 'logLoss' ? 'propensity.accuracy.logLoss' : 'propensity.accuracy.brier');
  const names = {
    before: t('propensity.accuracy.before'),
    after: t('propensity.accuracy.after'),
    predicted: t('propensity.accuracy.meanPredicted'),
    corrected: t('propensity.accuracy.meanCorrected'),
    observed: t('propensity.accuracy.observed'),
  };
  const tooltip = (rows: (p: AccuracyPoint) => string) => ({
    trigger: 'axis',
    formatter: (items: { dataIndex: number }[]) => {
      const p = sorted[items[0]?.dataIndex ?? 0];
      return p ? `<b>${format.date(p.issuedOn)}</b> · ${t('propensity.accuracy.n', { n: format.number(p.predictions) })}<br/>${rows(p)}` : '';
    },
  });
  const xAxis = { type: 'category', data: axisLabels, boundaryGap: sorted.length === 1, axisLabel: { lineHeight: 16 } };
  const grid = { left: 8, right: 24, top: 44, bottom: 8, containLabel: true };

  const errorOption = {
    legend: { top: 0, data: [names.before, names.after] },
    grid,
    tooltip: tooltip(
      (p) =>
        `${names.before}: <b>${format.fixed(before(p), 3)}</b><br/>${names.after}: <b>${format.fixed(after(p), 3)}</b>` +
        (before(p) > 0 ? `<br/>${t('propensity.accuracy.changeShort', { value: signedPercent(format.percent, (after(p) - before(p)) / before(p)) })}` : ''),
    ),
    xAxis,
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => format.fixed(v, 2) } },
    series: [
      { name: names.before, type: 'line', data: sorted.map(before), color: chartColors.grey, symbolSize: 8, lineStyle: { width: 2, type: 'dashed' } },
      {
        name: names.after,
        type: 'line',
        data: sorted.map(after),
        color: chartColors.blue,
        symbolSize: 9,
        lineStyle: { width: 3 },
        label: { show: true, position: 'top', formatter: (p: { value: number }) => format.fixed(p.value, 3), color: chartColors.blue, fontSize: 11 },
      },
    ],
  };

  const rateOption = {
    legend: { top: 0, data: [names.predicted, names.corrected, names.observed] },
    grid,
    tooltip: tooltip(
      (p) =>
        `${names.predicted}: <b>${format.percent(p.meanPredicted)}</b><br/>${names.corrected}: <b>${format.percent(p.meanCorrected)}</b><br/>${names.observed}: <b>${format.percent(p.observedRate)}</b>`,
    ),
    xAxis,
    yAxis: { type: 'value', min: 0, max: (v: { max: number }) => Math.min(1, Math.ceil((v.max + 0.05) * 10) / 10), axisLabel: { formatter: percentTick } },
    series: [
      { name: names.predicted, type: 'line', data: sorted.map((p) => p.meanPredicted), color: chartColors.grey, symbolSize: 8, lineStyle: { width: 2, type: 'dashed' } },
      { name: names.corrected, type: 'line', data: sorted.map((p) => p.meanCorrected), color: chartColors.blue, symbolSize: 8, lineStyle: { width: 2.5 } },
      {
        name: names.observed,
        type: 'line',
        data: sorted.map((p) => p.observedRate),
        color: chartColors.green,
        symbol: 'diamond',
        symbolSize: 11,
        lineStyle: { width: 2.5 },
        label: { show: true, position: 'bottom', formatter: (p: { value: number }) => format.percent(p.value), color: '#389e0d', fontSize: 11 },
      },
    ],
  };

  const total = sorted.reduce((s, p) => s + p.predictions, 0);
  return (
    <Card
      title={targetLabel(target)}
      data-testid={`propensity-accuracy-${target}`}
      extra={<Tag>{t('propensity.accuracy.points', { count: sorted.length, n: sorted.length, predictions: format.number(total) })}</Tag>}
    >
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={5}>
          <Flex vertical gap={16}>
            <Statistic
              title={t('propensity.accuracy.latest', { date: dates[dates.length - 1] })}
              value={format.fixed(last ? after(last) : null, 3)}
              suffix={<span className="stat-suffix">{metricName}</span>}
              data-testid={`propensity-accuracy-${target}-latest`}
            />
            <Typography.Text type={change !== null && change < 0 ? 'success' : 'secondary'} data-testid={`propensity-accuracy-${target}-change`}>
              {change === null
                ? '—'
                : Math.abs(change) < 0.0005
                  ? t('propensity.accuracy.noChange')
                  : t(change < 0 ? 'propensity.accuracy.better' : 'propensity.accuracy.worse', { value: format.percent(Math.abs(change)), metric: metricName })}
            </Typography.Text>
            {sorted.length > 0 && sorted[0].meanPredicted === sorted[0].meanCorrected ? (
              <Typography.Text type="secondary" className="value-stat-note">
                {t('propensity.accuracy.firstUncorrected')}
              </Typography.Text>
            ) : null}
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Typography.Text strong>{t('propensity.accuracy.errorTitle', { metric: metricName })}</Typography.Text>
          <Chart option={errorOption} height={280} testId={`propensity-accuracy-${target}-error`} />
        </Col>
        <Col xs={24} xl={9}>
          <Typography.Text strong>{t('propensity.accuracy.rateTitle')}</Typography.Text>
          <Chart option={rateOption} height={280} testId={`propensity-accuracy-${target}-rate`} />
        </Col>
      </Row>
    </Card>
  );
}

const signedPercent = (percent: (v: number) => string, v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${percent(Math.abs(v))}`;
