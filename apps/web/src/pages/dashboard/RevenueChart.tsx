import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { echarts } from './echarts';
import type { RevenueMonth } from '../../api/dashboard';
import { useFormatters } from '../../components/format/useFormatters';
import { fontFamily } from '../../theme';

/** Revenue per month as bars, the number of orders as a line on its own axis. */
export function RevenueChart({ months }: { months: RevenueMonth[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (months.length === 0) return <Empty description={t('dashboard.noRevenue')} />;

  const revenueName = t('dashboard.revenueSeries');
  const ordersName = t('dashboard.ordersSeries');
  const option = {
    textStyle: { fontFamily },
    color: ['#1677ff', '#fa8c16'],
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value: number) => format.number(value),
    },
    legend: { data: [revenueName, ordersName], top: 0 },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => m.month), axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', name: revenueName, axisLabel: { formatter: (value: number) => format.compact(value) } },
      { type: 'value', name: ordersName, splitLine: { show: false }, minInterval: 1 },
    ],
    dataZoom: months.length > 24 ? [{ type: 'inside', start: Math.max(0, 100 - (24 / months.length) * 100), end: 100 }] : [],
    series: [
      { name: revenueName, type: 'bar', data: months.map((m) => m.revenue), barMaxWidth: 32 },
      { name: ordersName, type: 'line', yAxisIndex: 1, data: months.map((m) => m.orders), symbolSize: 6 },
    ],
  };
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      style={{ height: 340, width: '100%' }}
      data-testid="revenue-chart"
    />
  );
}
