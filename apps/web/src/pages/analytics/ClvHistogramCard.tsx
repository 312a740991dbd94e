import { useState } from 'react';
import { Card, Empty, Flex, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnalyticsOverview } from '../../api/analytics';
import { useFormatters } from '../../components/format/useFormatters';
import { Chart, chartColors } from './Chart';

type Bucket = NonNullable<AnalyticsOverview['clvHistogram']>[number];
type Scale = 'linear' | 'log';

/** How many customers fall in each band of predicted CLV; a log scale keeps the long tail visible. */
export function ClvHistogramCard({ buckets, horizonMonths }: { buckets: Bucket[]; horizonMonths: number | undefined }) {
  const { t } = useTranslation();
  const format = useFormatters();
  // Most customers sit in the first band, which flattens the others on a linear scale.
  const [scale, setScale] = useState<Scale>('log');
  const range = (b: Bucket) => `${format.compact(b.low)}–${format.compact(b.high)}`;

  const option = {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items: { dataIndex: number }[]) => {
        const b = buckets[items[0]?.dataIndex ?? 0];
        if (!b) return '';
        return `${t('analytics.histogram.range')}: ${format.money(b.low)} – ${format.money(b.high)}<br/>${t('analytics.histogram.customers')}: ${format.number(b.customers)}`;
      },
    },
    grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: buckets.map(range), axisLabel: { rotate: 40, fontSize: 11 }, axisTick: { alignWithLabel: true } },
    yAxis: {
      type: scale === 'log' ? 'log' : 'value',
      name: t('analytics.histogram.customers'),
      minInterval: 1,
      ...(scale === 'log' ? { min: 1, logBase: 10 } : {}),
    },
    series: [
      {
        type: 'bar',
        data: buckets.map((b) => b.customers),
        color: chartColors.blue,
        barCategoryGap: '12%',
        label: {
          show: buckets.length <= 24,
          position: 'top',
          fontSize: 10,
          color: 'rgba(0,0,0,0.55)',
          formatter: (p: { value: number }) => format.number(p.value),
        },
      },
    ],
  };

  return (
    <Card
      title={t('analytics.histogram.title')}
      data-testid="analytics-clv-histogram"
      className="panel-card"
      extra={
        <Flex align="center" gap={8}>
          <Typography.Text type="secondary">{t('analytics.histogram.scale')}</Typography.Text>
          <Segmented<Scale>
            size="small"
            value={scale}
            onChange={setScale}
            options={[
              { value: 'linear', label: t('analytics.histogram.linear') },
              { value: 'log', label: t('analytics.histogram.log') },
            ]}
          />
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" className="panel-help">
        {t('analytics.histogram.help')}
        {horizonMonths ? ` ${t('analytics.histogram.horizon', { months: horizonMonths })}` : null}
      </Typography.Paragraph>
      {buckets.length === 0 ? (
        <Empty description={t('common.noData')} />
      ) : (
        <Chart option={option} height={420} testId="analytics-clv-histogram-chart" />
      )}
    </Card>
  );
}
