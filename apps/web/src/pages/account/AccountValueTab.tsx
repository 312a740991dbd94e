import { Card, Col, Descriptions, Empty, Flex, Row, Skeleton, Statistic, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  analyticsRoles,
  useAccountValue,
  useAnalyticsDefinitions,
  useAnalyticsRun,
  type AccountScore,
  type AnalyticsDefinitions,
  type CltvBreakdown,
} from '../../api/analytics';
import { useCurrentUser } from '../../api/auth';
import type { Role } from '../../api/enums';
import { EnumTag } from '../../components/enums/EnumTag';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { useFormatters } from '../../components/format/useFormatters';
import { useLocalizedText } from '../../components/format/useLocalizedText';
import { Chart, chartColors } from '../analytics/Chart';
import { CltvBreakdownTable } from './CltvBreakdownTable';

function Hint({ text }: { text: string }) {
  return (
    <Tooltip title={text}>
      <QuestionCircleOutlined className="hint-icon" />
    </Tooltip>
  );
}

/** The account's customer value in the newest snapshot that includes it, and over time. */
export function AccountValueTab({ accountId }: { accountId: number }) {
  const { t } = useTranslation();
  const value = useAccountValue(accountId);
  const definitions = useAnalyticsDefinitions();
  const me = useCurrentUser();
  const latest = value.data?.latest ?? null;
  // The run's parameters say over which horizon and at which rate the figures were computed.
  const run = useAnalyticsRun(latest?.runId ?? null);

  if (value.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (value.isError) return <ErrorResult error={value.error} onRetry={() => void value.refetch()} />;
  if (!latest) {
    const canOpen = me.data ? (analyticsRoles as readonly Role[]).includes(me.data.role) : false;
    return (
      <Empty
        data-testid="account-value-empty"
        description={
          <Flex vertical gap={4} align="center">
            <Typography.Text strong>{t('account.value.empty')}</Typography.Text>
            <Typography.Text type="secondary" style={{ maxWidth: 560 }}>
              {t('account.value.emptyHint')}
            </Typography.Text>
          </Flex>
        }
      >
        {canOpen ? <Link to="/analytics">{t('account.value.openAnalytics')}</Link> : null}
      </Empty>
    );
  }
  return (
    <AccountValue
      latest={latest}
      history={value.data.history}
      definitions={definitions.data}
      horizonMonths={run.data?.params?.horizonMonths}
      discountRate={run.data?.params?.monthlyDiscountRate}
    />
  );
}

function AccountValue({
  latest,
  history,
  definitions,
  horizonMonths,
  discountRate,
}: {
  latest: AccountScore;
  history: AccountScore[];
  definitions: AnalyticsDefinitions | undefined;
  horizonMonths: number | undefined;
  discountRate: number | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const localized = useLocalizedText();
  const details = latest.details;
  const cltv = details?.cltv;
  const months = horizonMonths ?? definitions?.defaults.horizonMonths ?? 12;
  const ruleIndex = definitions?.lifecycle.rule.findIndex((line) => line.id === details?.lifecycleRule) ?? -1;
  const rule = ruleIndex >= 0 ? definitions?.lifecycle.rule[ruleIndex] : undefined;
  const [r, f, m] = latest.rfmScore?.split('') ?? [];

  return (
    <Flex vertical gap={16} data-testid="account-value">
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <Typography.Text type="secondary" data-testid="account-value-snapshot">
          {t('account.value.snapshot', { date: format.dateTime(latest.asOf) })}
        </Typography.Text>
        <Typography.Text type="secondary">{t('account.value.snapshots', { count: history.length })}</Typography.Text>
      </Flex>

      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} xl={6}>
          <Card size="small" className="value-stat">
            <Statistic
              title={
                <span>
                  {t('account.value.predictedClv')} <Hint text={t('account.value.predictedClvHint', { months })} />
                </span>
              }
              valueRender={() => <span data-testid="account-value-clv">{format.money(latest.predictedClv)}</span>}
            />
            {cltv && Math.abs(cltv.influence) > 0 ? (
              <Typography.Text type="secondary" className="value-stat-note">
                {t('account.value.cltvWithInfluence', { value: format.significant(cltv.cltv) })}
              </Typography.Text>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card size="small" className="value-stat">
            <Statistic
              title={
                <span>
                  {t('account.value.pAlive')} <Hint text={t('account.value.pAliveHint')} />
                </span>
              }
              valueRender={() => <span data-testid="account-value-palive">{format.percent(latest.pAlive)}</span>}
            />
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card size="small" className="value-stat">
            <Statistic
              title={
                <span>
                  {t('account.value.expectedPurchases')} <Hint text={t('account.value.expectedPurchasesHint', { months })} />
                </span>
              }
              valueRender={() => <span data-testid="account-value-expected">{format.fixed(latest.expectedPurchases, 2)}</span>}
            />
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card size="small" className="value-stat">
            <Statistic
              title={
                <span>
                  {t('account.value.monetary')} <Hint text={t('account.value.monetaryHint', { count: latest.frequency })} />
                </span>
              }
              valueRender={() => <span data-testid="account-value-monetary">{format.money(latest.monetary)}</span>}
            />
          </Card>
        </Col>
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('account.value.scoresTitle')} className="value-card">
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'rfm',
                  label: (
                    <span>
                      {t('account.value.rfmScore')} <Hint text={t('account.value.rfmHint')} />
                    </span>
                  ),
                  children: (
                    <Flex gap={6} data-testid="account-value-rfm">
                      <span className="rfm-digit" title={t('account.value.rDigit')}>
                        R <b>{r ?? '—'}</b>
                      </span>
                      <span className="rfm-digit" title={t('account.value.fDigit')}>
                        F <b>{f ?? '—'}</b>
                      </span>
                      <span className="rfm-digit" title={t('account.value.mDigit')}>
                        M <b>{m ?? '—'}</b>
                      </span>
                    </Flex>
                  ),
                },
                { key: 'recency', label: t('account.value.recency'), children: format.number(latest.recencyDays) },
                { key: 'frequency', label: t('account.value.frequency'), children: format.number(latest.frequency) },
                {
                  key: 'segment',
                  label: t('account.value.segment'),
                  children: (
                    <span data-testid="account-value-segment">
                      <EnumTag name="rfmSegment" value={latest.segment} />
                    </span>
                  ),
                },
                { key: 'abc', label: t('account.value.abcClass'), children: <EnumTag name="abcClass" value={latest.abcClass} /> },
                { key: 'tier', label: t('account.value.valueTier'), children: <EnumTag name="valueTier" value={latest.valueTier} /> },
                {
                  key: 'stage',
                  label: t('account.value.lifecycleStage'),
                  children: (
                    <Flex vertical gap={6} data-testid="account-value-stage">
                      <span>
                        <EnumTag name="lifecycleStage" value={latest.lifecycleStage} />
                      </span>
                      {rule ? (
                        <div className="lifecycle-decided" data-testid="account-value-rule">
                          <Typography.Text type="secondary">
                            {t('account.value.decidedBy')} · {t('account.value.ruleNumber', { n: ruleIndex + 1 })}
                          </Typography.Text>
                          <div>{localized(rule.text)}</div>
                        </div>
                      ) : null}
                    </Flex>
                  ),
                },
                ...(details
                  ? [
                      { key: 'tenure', label: t('account.value.tenure'), children: `${format.number(details.tenureDays)} ${t('account.value.daysUnit')}` },
                      { key: 'repeat', label: t('account.value.repeatPurchases'), children: format.number(details.x) },
                      { key: 'trend', label: t('account.value.trend'), children: `${details.trend > 0 ? '+' : ''}${format.fixed(details.trend, 2)}` },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('account.value.trendTitle')} className="value-card">
            <HistoryChart history={history} />
            {history.length < 2 ? (
              <Typography.Text type="secondary" className="value-stat-note">
                {t('account.value.trendSingle')}
              </Typography.Text>
            ) : null}
          </Card>
        </Col>
      </Row>

      {cltv ? (
        <Card
          size="small"
          title={t('account.value.cltvTitle')}
          extra={
            <Typography.Text type="secondary">
              {t('account.value.horizon', { months, rate: format.percent(discountRate ?? definitions?.defaults.monthlyDiscountRate ?? 0.01) })}
            </Typography.Text>
          }
        >
          <Row gutter={[24, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} xl={14}>
              {definitions ? (
                <div className="cltv-summary">
                  <code className="formula">{definitions.cltv.formula}</code>
                  <Typography.Text type="secondary">{localized(definitions.cltv.summary)}</Typography.Text>
                </div>
              ) : null}
            </Col>
            <Col xs={24} xl={10}>
              <Typography.Text strong>{t('account.value.waterfall.title')}</Typography.Text>
              <Waterfall cltv={cltv} />
            </Col>
          </Row>
          <CltvBreakdownTable cltv={cltv} marginRate={details?.marginRate} definitions={definitions?.cltv} />
        </Card>
      ) : null}
    </Flex>
  );
}

function HistoryChart({ history }: { history: AccountScore[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  // Two snapshots on one day are told apart by the time.
  const days = history.map((h) => format.date(h.asOf));
  const labels = history.map((h, i) => (days.indexOf(days[i]) !== days.lastIndexOf(days[i]) ? format.dateTime(h.asOf) : days[i]));
  const clvName = t('account.value.predictedClv');
  // Snapshots often differ by a few per cent: the axis fits the values, and then needs more digits than "1.4M".
  const values = history.map((h) => h.predictedClv);
  const narrow = Math.max(...values) - Math.min(...values) < 0.2 * Math.max(1, Math.abs(Math.max(...values)));
  const axisLabel = (v: number) => (narrow ? format.number(Math.round(v)) : format.compact(v));
  const aliveName = t('account.value.pAlive');
  const option = {
    tooltip: {
      trigger: 'axis',
      formatter: (items: { dataIndex: number }[]) => {
        const h = history[items[0]?.dataIndex ?? 0];
        if (!h) return '';
        return `${labels[items[0].dataIndex]}<br/>${clvName}: ${format.money(h.predictedClv)}<br/>${aliveName}: ${format.percent(h.pAlive)}`;
      },
    },
    legend: { top: 0, data: [clvName, aliveName] },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: labels, boundaryGap: history.length < 3 },
    yAxis: [
      // fitted to the values, so a change between snapshots shows
      { type: 'value', name: clvName, scale: true, axisLabel: { formatter: axisLabel } },
      { type: 'value', name: aliveName, min: 0, max: 1, splitLine: { show: false }, axisLabel: { formatter: (v: number) => format.percent(v) } },
    ],
    series: [
      { name: clvName, type: 'line', data: history.map((h) => h.predictedClv), color: chartColors.blue, symbolSize: 8, lineStyle: { width: 2.5 } },
      { name: aliveName, type: 'line', yAxisIndex: 1, data: history.map((h) => h.pAlive), color: chartColors.green, symbolSize: 8, lineStyle: { type: 'dashed' } },
    ],
  };
  return <Chart option={option} height={340} testId="account-value-history" />;
}

/** m·L − C + referral value + endorsement value = CLTV, as floating bars (horizontal, so long names fit). */
function Waterfall({ cltv }: { cltv: CltvBreakdown }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const steps = [
    { name: t('account.value.waterfall.margin'), delta: cltv.purchaseMarginValue },
    { name: t('account.value.waterfall.marketing'), delta: -cltv.marketingCostValue },
    { name: t('account.value.waterfall.referrals'), delta: cltv.referralValue },
    { name: t('account.value.waterfall.endorsements'), delta: cltv.endorsementValue },
  ];
  let running = 0;
  const bars = steps.map((step) => {
    const from = running;
    running += step.delta;
    return { name: step.name, low: Math.min(from, running), high: Math.max(from, running), delta: step.delta, total: false };
  });
  bars.push({ name: t('account.value.waterfall.cltv'), low: Math.min(0, cltv.cltv), high: Math.max(0, cltv.cltv), delta: cltv.cltv, total: true });

  const parts = bars.map((b) =>
    b.low >= 0 ? { base: b.low, up: b.high - b.low, down: 0 } : b.high <= 0 ? { base: b.high, up: 0, down: b.low - b.high } : { base: 0, up: b.high, down: b.low },
  );
  const color = (b: (typeof bars)[number]) => (b.total ? chartColors.blue : b.delta < 0 ? chartColors.red : chartColors.green);
  const option = {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items: { dataIndex: number }[]) => {
        const b = bars[items[0]?.dataIndex ?? 0];
        return b ? `${b.name}: ${b.delta > 0 && !b.total ? '+' : ''}${format.significant(b.delta)}` : '';
      },
    },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => format.compact(v) } },
    yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.name), axisLabel: { width: 120, overflow: 'break' } },
    series: [
      // An invisible bar up to where each step starts, with the visible step stacked on it; ECharts stacks
      // positive and negative values apart, so a step that crosses zero is drawn as its two halves.
      { type: 'bar', stack: 'w', silent: true, itemStyle: { color: 'transparent' }, data: parts.map((p) => p.base) },
      {
        type: 'bar',
        stack: 'w',
        barMaxWidth: 22,
        data: parts.map((p, i) => ({ value: p.up, itemStyle: { color: color(bars[i]) } })),
        label: {
          show: true,
          position: 'right',
          fontSize: 11,
          formatter: (p: { dataIndex: number }) => {
            const b = bars[p.dataIndex];
            return b && b.high > 0 && (b.delta !== 0 || b.total) ? format.compact(b.delta) : '';
          },
        },
      },
      {
        type: 'bar',
        stack: 'w',
        barMaxWidth: 22,
        data: parts.map((p, i) => ({ value: p.down, itemStyle: { color: color(bars[i]) } })),
        label: {
          show: true,
          position: 'left',
          fontSize: 11,
          formatter: (p: { dataIndex: number }) => {
            const b = bars[p.dataIndex];
            return b && b.high <= 0 && b.low < 0 ? format.compact(b.delta) : '';
          },
        },
      },
    ],
  };
  return <Chart option={option} height={200} testId="account-value-waterfall" />;
}
