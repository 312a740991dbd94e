import type { ReactNode } from 'react';
import { Card, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../api/analytics';
import type { Direction } from '../../api/propensity';
import { useFormatters } from '../../components/format/useFormatters';
import { Chart } from '../analytics/Chart';
import { escapeHtml, wrapLabel } from '../segments/shared';
import { directionColor, useFeatureLabel } from './features';

export interface FactorBar {
  feature: string;
  /** change in log-odds per standard deviation of the feature */
  perSd: number;
  direction: Direction;
}

/**
 * The model's top factors as a diverging bar chart: the change in log-odds for one standard deviation more of
 * each feature (which compares features in different units), right for what raises the probability, left for
 * what lowers it. Feature names are translated when the model's own (`labels`), else shown as the table has them.
 */
export function FactorsCard({
  factors,
  labels,
  churn,
  testId,
  extra,
  raw,
  max = 10,
  outcome,
  note,
}: {
  factors: FactorBar[];
  labels?: Record<string, LocalizedText> | null;
  churn: boolean;
  testId: string;
  extra?: ReactNode;
  /** show the features' names as they are (an uploaded table's columns) */
  raw?: boolean;
  max?: number;
  /** an uploaded table's outcome ("Exited = 1"): the texts speak of it rather than of buying */
  outcome?: string;
  note?: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const featureLabel = useFeatureLabel();
  const list = factors.slice(0, max);
  const names = list.map((f) => (raw ? f.feature : featureLabel(f.feature, labels)));
  // a symmetric axis on round numbers, with room for the bars' labels
  const limit = Math.ceil(Math.max(0.1, ...list.map((f) => Math.abs(f.perSd))) * 1.2 * 2) / 2;
  const effect = (d: Direction) =>
    outcome ? t(`propensity.factor.${d}Outcome`, { outcome }) : t(churn ? `propensity.factor.${d}Risk` : `propensity.factor.${d}Probability`);

  const option = {
    grid: { left: 8, right: 40, top: 8, bottom: 36, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const f = list[p.dataIndex];
        return (
          `<b>${escapeHtml(names[p.dataIndex])}</b><br/>` +
          `${f.direction === 'raises' ? '↑' : '↓'} ${escapeHtml(effect(f.direction))}<br/>` +
          `${t('propensity.factors.perSd')}: <b>${f.perSd > 0 ? '+' : ''}${format.fixed(f.perSd, 2)}</b><br/>` +
          `${t('propensity.factors.oddsRatio', { value: format.fixed(Math.exp(f.perSd), 2) })}`
        );
      },
    },
    xAxis: {
      type: 'value',
      min: -limit,
      max: limit,
      name: t('propensity.factors.axis'),
      nameLocation: 'middle',
      nameGap: 26,
      axisLabel: { formatter: (v: number) => format.fixed(v, 1) },
      splitLine: { lineStyle: { type: 'dashed', opacity: 0.5 } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: names.map((n) => wrapLabel(n, 26)),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { lineHeight: 14 },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        data: list.map((f) => ({ value: f.perSd, itemStyle: { color: directionColor(f.direction, churn), borderRadius: f.perSd >= 0 ? [0, 3, 3, 0] : [3, 0, 0, 3] } })),
        label: {
          show: true,
          position: 'right',
          fontSize: 11,
          color: '#595959',
          formatter: (p: { value: number }) => `${p.value > 0 ? '+' : ''}${format.fixed(p.value, 2)}`,
        },
        markLine: { silent: true, symbol: 'none', data: [{ xAxis: 0 }], lineStyle: { color: '#8c8c8c', type: 'solid' }, label: { show: false } },
      },
    ],
  };

  return (
    <Card title={t('propensity.factors.title')} className="panel-card" data-testid={testId} extra={extra}>
      <Typography.Paragraph type="secondary" className="panel-help">
        {outcome ? t('propensity.factors.helpOutcome', { outcome }) : t(churn ? 'propensity.factors.helpChurn' : 'propensity.factors.help')}
        {note ? ` ${note}` : ''}
      </Typography.Paragraph>
      <Flex gap={16} className="factor-legend">
        <span>
          <span className="legend-swatch" style={{ background: directionColor('raises', churn) }} /> {effect('raises')}
        </span>
        <span>
          <span className="legend-swatch" style={{ background: directionColor('lowers', churn) }} /> {effect('lowers')}
        </span>
      </Flex>
      {list.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Chart option={option} height={Math.max(220, 44 + list.length * 32)} testId={`${testId}-chart`} />
      )}
    </Card>
  );
}
