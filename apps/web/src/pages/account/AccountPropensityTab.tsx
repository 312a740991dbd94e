import { Card, Col, Empty, Flex, Row, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAccountPropensity, type AccountPropensity, type AccountScore, type AccountScoreHistory } from '../../api/propensity';
import { EmptyHint, EmptyState } from '../../components/feedback/EmptyCard';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { useFormatters } from '../../components/format/useFormatters';
import { Chart, chartColors } from '../analytics/Chart';
import { FactorList } from '../propensity/features';
import { percentTick, useModelName, useProbability, useTargetLabel } from '../propensity/shared';
import { useMaySeeModel } from '../segments/shared';

/**
 * The account's purchase propensity and churn risk: every target's probability (after the ledger's correction)
 * with the factors behind it in words, and its any-purchase and churn scores over time with what happened once
 * the horizon has passed.
 */
export function AccountPropensityTab({ accountId }: { accountId: number }) {
  const { t } = useTranslation();
  const data = useAccountPropensity(accountId);
  const mayOpen = useMaySeeModel();

  if (data.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (data.isError) return <ErrorResult error={data.error} onRetry={() => void data.refetch()} />;
  if (!data.data.run || data.data.scores.length === 0) {
    return (
      <EmptyState
        testId="account-propensity-empty"
        title={data.data.run ? t('propensity.account.notScored') : t('propensity.common.emptyTitle')}
        description={<EmptyHint maxWidth={560}>{data.data.run ? t('propensity.account.notScoredHint') : t('propensity.account.emptyHint')}</EmptyHint>}
      >
        {mayOpen && !data.data.run ? <Link to="/propensity">{t('propensity.account.openModels')}</Link> : null}
      </EmptyState>
    );
  }
  return <Panel data={data.data} />;
}

const churnColor = (p: number) => (p >= 0.6 ? '#cf1322' : p >= 0.35 ? '#d46b08' : '#595959');

function Panel({ data }: { data: AccountPropensity }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const targetLabel = useTargetLabel();
  const modelName = useModelName();
  const probability = useProbability();

  return (
    <Flex vertical gap={16} data-testid="account-propensity">
      <Typography.Text type="secondary">{t('segments.common.asOf', { date: format.dateTime(data.run?.asOf) })}</Typography.Text>
      <Row gutter={[16, 16]}>
        {data.scores.map((score) => {
          const churn = score.target === 'churn';
          const name = targetLabel(score.target, score.label);
          return (
            <Col key={score.target} xs={24} md={12} xl={8}>
              <Card size="small" className={`value-card score-card${churn ? ' score-card-churn' : ''}`} data-testid={`account-propensity-score-${score.target}`}>
                <Flex justify="space-between" align="flex-start" gap={12}>
                  <Flex vertical style={{ minWidth: 0 }}>
                    <Typography.Text strong ellipsis={{ tooltip: name }}>
                      {name}
                    </Typography.Text>
                    <Typography.Text type="secondary" className="value-stat-note">
                      {t(churn ? 'propensity.account.horizonChurn' : 'propensity.account.horizon', { date: format.date(score.horizonEnd) })}
                    </Typography.Text>
                  </Flex>
                  <Tooltip title={t('propensity.account.rawTooltip', { raw: probability(score.probability), corrected: probability(score.corrected), model: modelName(score.chosen) })}>
                    <span className="score-value" style={{ color: churn ? churnColor(score.corrected) : chartColors.blue }} data-testid="account-propensity-probability">
                      {probability(score.corrected)}
                    </span>
                  </Tooltip>
                </Flex>
                <div className="score-factors">
                  <FactorList factors={score.factors} churn={churn} testId="account-propensity-reasons" />
                </div>
              </Card>
            </Col>
          );
        })}
      </Row>
      <History history={data.history} scores={data.scores} />
    </Flex>
  );
}

function History({ history: all, scores }: { history: AccountScoreHistory[]; scores: AccountScore[] }) {
  const { t } = useTranslation();
  // a refresh run again on the same day supersedes the earlier one: one score per target and issue date
  const latest = new Map<string, AccountScoreHistory>();
  for (const h of [...all].sort((a, b) => a.runId - b.runId)) latest.set(`${h.target}|${h.issuedOn}`, h);
  const history = [...latest.values()];
  const format = useFormatters();
  const targetLabel = useTargetLabel();
  const probability = useProbability();
  const dates = [...new Set(history.map((h) => h.issuedOn))].sort();
  const targets = (['any', 'churn'] as const).filter((target) => history.some((h) => h.target === target));
  const colors = { any: chartColors.blue, churn: chartColors.red };
  const outcomeText = (h: AccountScoreHistory) =>
    h.outcome === null
      ? t('propensity.account.pending', { date: format.date(h.horizonEnd) })
      : h.target === 'churn'
        ? t(h.outcome ? 'propensity.account.churned' : 'propensity.account.stayed')
        : t(h.outcome ? 'propensity.account.bought' : 'propensity.account.notBought');

  const option = {
    legend: { top: 0, data: targets.map((target) => targetLabel(target)) },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesIndex: number; dataIndex: number }) => {
        const target = targets[p.seriesIndex];
        const h = history.find((x) => x.target === target && x.issuedOn === dates[p.dataIndex]);
        if (!h) return '';
        return `<b>${targetLabel(target)}</b> · ${format.date(h.issuedOn)}<br/>${t('propensity.account.score')}: <b>${probability(h.corrected)}</b><br/>${outcomeText(h)}`;
      },
    },
    xAxis: { type: 'category', data: dates.map((d) => format.date(d)), boundaryGap: dates.length === 1 },
    yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: percentTick } },
    series: targets.map((target) => ({
      name: targetLabel(target),
      type: 'line',
      color: colors[target],
      connectNulls: true,
      lineStyle: { width: 2.5 },
      data: dates.map((d) => {
        const h = history.find((x) => x.target === target && x.issuedOn === d);
        if (!h) return null;
        return {
          value: h.corrected,
          // what happened: filled when the outcome occurred, hollow when it did not, a small dot while unknown
          symbol: h.outcome === null ? 'circle' : h.outcome ? 'circle' : 'emptyCircle',
          symbolSize: h.outcome === null ? 5 : 11,
          itemStyle: h.outcome === null ? { opacity: 0.6 } : undefined,
        };
      }),
    })),
  };

  const rows = [...history].sort((a, b) => b.issuedOn.localeCompare(a.issuedOn) || a.target.localeCompare(b.target));
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('propensity.account.historyTitle')} className="value-card" data-testid="account-propensity-history">
          <Typography.Paragraph type="secondary" className="panel-help">
            {t('propensity.account.historyHelp')}
          </Typography.Paragraph>
          {dates.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('propensity.account.noHistory')} />
          ) : (
            <Chart option={option} height={260} testId="account-propensity-history-chart" />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('propensity.account.outcomesTitle')} className="value-card" styles={{ body: { padding: 0 } }}>
          <Table<AccountScoreHistory>
            rowKey={(h) => `${h.runId}-${h.target}`}
            size="small"
            dataSource={rows}
            pagination={rows.length > 8 ? { pageSize: 8, size: 'small' } : false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('propensity.account.noHistory')} /> }}
            data-testid="account-propensity-outcomes"
            columns={[
              { key: 'issuedOn', dataIndex: 'issuedOn', title: t('propensity.account.issuedOn'), width: 104, render: (v: string) => format.date(v) },
              { key: 'target', dataIndex: 'target', title: t('propensity.account.target'), ellipsis: true, render: (v: string) => targetLabel(v, scores.find((s) => s.target === v)?.label) },
              { key: 'score', dataIndex: 'corrected', title: t('propensity.account.score'), width: 100, align: 'right', render: (v: number) => probability(v) },
              {
                key: 'outcome',
                title: t('propensity.account.outcome'),
                width: 132,
                render: (_v: unknown, h: AccountScoreHistory) =>
                  h.outcome === null ? (
                    <Tooltip title={outcomeText(h)}>
                      <Tag>{t('propensity.account.pendingShort')}</Tag>
                    </Tooltip>
                  ) : (
                    <Tag color={(h.target === 'churn') === h.outcome ? 'red' : 'green'}>{outcomeText(h)}</Tag>
                  ),
              },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
