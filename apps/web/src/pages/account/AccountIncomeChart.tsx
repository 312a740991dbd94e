import { useTranslation } from 'react-i18next';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { IncomePeriod } from '../../api/income';
import { useFormatters } from '../../components/format/useFormatters';
import { fontFamily } from '../../theme';
import { echarts } from '../dashboard/echarts';

/** Income per period as bars; the growth over the previous period as a line on its own (percent) axis. */
export function AccountIncomeChart({ periods, labelOf }: { periods: IncomePeriod[]; labelOf: (p: IncomePeriod) => string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const incomeName = t('service.income.chartIncome');
  const growthName = t('service.income.chartGrowth');
  const option = {
    textStyle: { fontFamily },
    color: ['#1677ff', '#fa8c16'],
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items: { seriesName: string; marker: string; value: number | null; axisValue: string }[]) =>
        [
          items[0]?.axisValue ?? '',
          ...items.map((item) => `${item.marker} ${item.seriesName}: ${item.seriesName === growthName ? (item.value === null || item.value === undefined ? '—' : format.percent(item.value)) : format.money(item.value)}`),
        ].join('<br/>'),
    },
    legend: { data: [incomeName, growthName], top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: periods.map(labelOf), axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', axisLabel: { formatter: (value: number) => format.compact(value) } },
      { type: 'value', splitLine: { show: false }, axisLabel: { formatter: (value: number) => format.percent(value) } },
    ],
    series: [
      { name: incomeName, type: 'bar', data: periods.map((p) => p.income), barMaxWidth: 36 },
      { name: growthName, type: 'line', yAxisIndex: 1, data: periods.map((p) => p.growth), symbolSize: 7, connectNulls: false },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 240, width: '100%' }} data-testid="income-chart" />;
}
