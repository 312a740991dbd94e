import { useMemo, useState } from 'react';
import { Card, Empty, Flex, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ModelQuality, TrendPoint } from '../../api/propensity';
import { useFormatters } from '../../components/format/useFormatters';
import { useLocalizedText } from '../../components/format/useLocalizedText';
import { Chart, chartColors } from '../analytics/Chart';
import { escapeHtml, truncateLabel } from '../segments/shared';
import { isShareFeature, useFeatureLabel, useFeatureValue } from './features';
import { percentTick } from './shared';

/**
 * The seed's figure 2: for one attribute, each customer's value against the probability the model gave them
 * (out of fold), the outliers the fit left out drawn grey, and the trend through the valid customers only — a
 * binned mean, so one far-off customer cannot bend it.
 */
export function TrendCard({ quality, churn }: { quality: ModelQuality; churn: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const localized = useLocalizedText();
  const featureLabel = useFeatureLabel();
  const featureValue = useFeatureValue();
  const features = quality.trend.features;
  const [picked, setPicked] = useState<string | null>(null);
  const feature = picked && features.includes(picked) ? picked : features[0];
  const k = features.indexOf(feature);
  const counts = quality.outliers.counts;

  const { inside, outside, trend, missing } = useMemo(() => split(quality.trend.points, k), [quality.trend.points, k]);
  const label = feature ? featureLabel(feature, quality.labels) : '';
  const share = feature ? isShareFeature(feature) : false;
  const names = {
    inside: t('propensity.trend.inside'),
    outside: t('propensity.trend.outside'),
    trend: t('propensity.trend.trend'),
  };
  const probabilityName = t(churn ? 'propensity.trend.probabilityChurn' : 'propensity.trend.probability');

  const option = {
    legend: { top: 0, data: [names.inside, names.outside, names.trend] },
    grid: { left: 8, right: 24, top: 40, bottom: 36, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesName: string; value: [number, number] }) =>
        `${escapeHtml(p.seriesName)}<br/>${escapeHtml(label)}: <b>${escapeHtml(featureValue(feature, p.value[0]))}</b><br/>${escapeHtml(probabilityName)}: <b>${format.percent(p.value[1])}</b>`,
    },
    xAxis: {
      type: 'value',
      scale: !share,
      name: truncateLabel(label, 48),
      nameLocation: 'middle',
      nameGap: 26,
      axisLabel: { formatter: share ? percentTick : (v: number) => format.compact(v) },
      splitLine: { lineStyle: { type: 'dashed', opacity: 0.5 } },
    },
    yAxis: { type: 'value', min: 0, max: 1, name: probabilityName, nameTextStyle: { align: 'left' }, axisLabel: { formatter: percentTick } },
    series: [
      { name: names.inside, type: 'scatter', data: inside, symbolSize: 6, color: chartColors.blue, itemStyle: { opacity: 0.55 }, z: 3 },
      { name: names.outside, type: 'scatter', data: outside, symbolSize: 6, color: '#bfbfbf', itemStyle: { opacity: 0.6 }, z: 2 },
      { name: names.trend, type: 'line', data: trend, color: chartColors.orange, smooth: 0.35, symbol: 'circle', symbolSize: 5, lineStyle: { width: 3 }, z: 4 },
    ],
  };

  return (
    <Card
      title={t('propensity.trend.title')}
      className="panel-card"
      data-testid="propensity-trend"
    >
      <Typography.Paragraph type="secondary" className="panel-help">
        {t('propensity.trend.help')}
      </Typography.Paragraph>
      {features.length > 1 ? (
        <Flex align="center" gap={8} wrap className="trend-features">
          <Typography.Text type="secondary">{t('propensity.trend.attribute')}</Typography.Text>
          <Segmented<string>
            size="small"
            value={feature}
            onChange={setPicked}
            data-testid="propensity-trend-feature"
            options={features.map((f) => {
              const name = featureLabel(f, quality.labels);
              return { value: f, label: <span title={name}>{truncateLabel(name, 24)}</span> };
            })}
          />
        </Flex>
      ) : null}
      {features.length === 0 || inside.length + outside.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('propensity.trend.none')} />
      ) : (
        <Chart option={option} height={340} testId="propensity-trend-chart" />
      )}
      <Flex vertical gap={4} className="outlier-note" data-testid="propensity-outliers">
        <Typography.Text className="outlier-counts">
          {t('propensity.trend.outlierCounts', {
            total: format.number(counts.total),
            rows: format.number(quality.rows),
            attribute: format.number(counts.attribute),
            residual: format.number(counts.residual),
          })}{' '}
          {feature
            ? t('propensity.trend.outlierFeature', { feature: label, count: counts.byAttribute[feature] ?? 0, n: format.number(counts.byAttribute[feature] ?? 0) })
            : null}
        </Typography.Text>
        {quality.rows > 0 && counts.total / quality.rows > 0.5 ? (
          <Typography.Text type="warning" className="outlier-rule" data-testid="propensity-outliers-most">
            {t('propensity.trend.mostOutliers', { share: format.percent(counts.total / quality.rows), n: format.number(quality.rows - counts.total) })}
          </Typography.Text>
        ) : null}
        <Typography.Text type="secondary" className="outlier-rule" data-testid="propensity-outlier-rule">
          {localized(quality.outliers.rule)}
        </Typography.Text>
        <Typography.Text type="secondary" className="outlier-rule">
          {t('propensity.trend.sample', { shown: format.number(inside.length + outside.length), rows: format.number(quality.rows) })}
          {missing > 0 ? ` ${t('propensity.trend.missing', { count: missing, n: format.number(missing) })}` : ''}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** The points of feature k, split into those in the fit and the outliers, and the binned trend of the former. */
function split(points: TrendPoint[], k: number) {
  const inside: [number, number][] = [];
  const outside: [number, number][] = [];
  let missing = 0;
  for (const p of points) {
    const x = p.values[k];
    if (x === null || x === undefined || !Number.isFinite(x)) {
      missing++;
      continue;
    }
    (p.outlier ? outside : inside).push([x, p.probability]);
  }
  return { inside, outside, trend: binnedMean(inside), missing };
}

/**
 * Mean probability per bin of the feature: one bin per value when there are few distinct values (a count such as
 * children), else bins of equal numbers of customers (robust to skewed features), each at its mean x.
 */
export function binnedMean(points: [number, number][]): [number, number][] {
  if (points.length < 3) return [];
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  const distinct = new Set(sorted.map((p) => p[0]));
  const groups: [number, number][][] = [];
  if (distinct.size <= 12) {
    for (const p of sorted) {
      const last = groups[groups.length - 1];
      if (last && last[0][0] === p[0]) last.push(p);
      else groups.push([p]);
    }
  } else {
    const bins = Math.max(3, Math.min(12, Math.floor(sorted.length / 15)));
    const size = sorted.length / bins;
    for (let b = 0; b < bins; b++) groups.push(sorted.slice(Math.round(b * size), Math.round((b + 1) * size)));
  }
  return groups
    .filter((g) => g.length >= 2 || distinct.size <= 12)
    .map((g) => [g.reduce((s, p) => s + p[0], 0) / g.length, g.reduce((s, p) => s + p[1], 0) / g.length] as [number, number]);
}
