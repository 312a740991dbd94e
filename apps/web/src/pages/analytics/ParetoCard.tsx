import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AbcClassSummary, ValueParams } from '../../api/analytics';
import { abcClasses, type AbcClass } from '../../api/enums';
import { EnumTag } from '../../components/enums/EnumTag';
import { useFormatters } from '../../components/format/useFormatters';
import { Chart, chartColors } from './Chart';

const zoneColors: Record<AbcClass, string> = { A: 'rgba(245, 34, 45, 0.07)', B: 'rgba(250, 140, 22, 0.07)', C: 'rgba(0, 0, 0, 0.025)' };

/**
 * The Lorenz/Pareto curve of historical value (customers ranked by value, highest first), with the A/B/C
 * zones along the customer axis and the value cuts that define them, and the class table.
 */
export function ParetoCard({
  pareto,
  abc,
  params,
}: {
  pareto: [number, number][];
  abc: Record<AbcClass, AbcClassSummary>;
  params: Partial<ValueParams> | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const endA = abc.A.customerShare;
  const endB = abc.A.customerShare + abc.B.customerShare;
  const cutA = params?.abcCutA;
  const cutB = params?.abcCutB;
  const axisPercent = (v: number) => format.percent(v);

  const option = {
    tooltip: {
      trigger: 'axis',
      formatter: (items: { data: [number, number]; seriesIndex: number }[]) => {
        const point = items.find((i) => i.seriesIndex === 0)?.data;
        if (!point) return '';
        return `${t('analytics.pareto.customerShare')}: ${format.percent(point[0])}<br/>${t('analytics.pareto.valueShare')}: ${format.percent(point[1])}`;
      },
    },
    legend: { top: 0, data: [t('analytics.pareto.curve'), t('analytics.pareto.equality')] },
    grid: { left: 8, right: 16, top: 36, bottom: 28, containLabel: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      name: t('analytics.pareto.customerShare'),
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { formatter: axisPercent },
    },
    yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: axisPercent }, name: t('analytics.pareto.valueShare') },
    series: [
      {
        name: t('analytics.pareto.curve'),
        type: 'line',
        data: pareto,
        showSymbol: false,
        color: chartColors.blue,
        lineStyle: { width: 2.5 },
        markArea: {
          silent: true,
          label: { position: 'insideTop', fontWeight: 600, color: 'rgba(0,0,0,0.55)' },
          data: [
            [{ xAxis: 0, name: 'A', itemStyle: { color: zoneColors.A } }, { xAxis: endA }],
            [{ xAxis: endA, name: 'B', itemStyle: { color: zoneColors.B } }, { xAxis: endB }],
            [{ xAxis: endB, name: 'C', itemStyle: { color: zoneColors.C } }, { xAxis: 1 }],
          ],
        },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: chartColors.orange },
          label: { position: 'insideEndTop', color: 'rgba(0,0,0,0.65)' },
          data: [
            ...(cutA !== undefined ? [{ yAxis: cutA, name: 'A', label: { formatter: t('analytics.pareto.cut', { cls: 'A', value: format.percent(cutA) }) } }] : []),
            ...(cutB !== undefined ? [{ yAxis: cutB, name: 'B', label: { formatter: t('analytics.pareto.cut', { cls: 'B', value: format.percent(cutB) }) } }] : []),
          ],
        },
      },
      {
        name: t('analytics.pareto.equality'),
        type: 'line',
        data: [
          [0, 0],
          [1, 1],
        ],
        showSymbol: false,
        silent: true,
        color: chartColors.grey,
        lineStyle: { type: 'dashed', width: 1 },
      },
    ],
  };

  const rows = abcClasses.map((cls) => ({ cls, ...abc[cls] }));
  return (
    <Card title={t('analytics.pareto.title')} data-testid="analytics-pareto" className="panel-card">
      <Typography.Paragraph type="secondary" className="panel-help">
        {t('analytics.pareto.help')}
      </Typography.Paragraph>
      <Chart option={option} height={300} testId="analytics-pareto-chart" />
      <Table
        rowKey="cls"
        size="small"
        tableLayout="fixed"
        pagination={false}
        dataSource={rows}
        style={{ marginTop: 8 }}
        columns={[
          {
            key: 'cls',
            dataIndex: 'cls',
            title: t('analytics.pareto.class'),
            render: (cls: AbcClass) => (
              <Link to={`/accounts?abcClass=${cls}`}>
                <EnumTag name="abcClass" value={cls} />
              </Link>
            ),
          },
          { key: 'customers', dataIndex: 'customers', title: t('analytics.pareto.customers'), align: 'right', render: (v: number) => format.number(v) },
          { key: 'customerShare', dataIndex: 'customerShare', title: t('analytics.pareto.customerShare'), align: 'right', render: (v: number) => format.percent(v) },
          { key: 'value', dataIndex: 'value', title: t('analytics.pareto.value'), align: 'right', render: (v: number) => format.compact(v) },
          { key: 'valueShare', dataIndex: 'valueShare', title: t('analytics.pareto.valueShare'), align: 'right', render: (v: number) => format.percent(v) },
        ]}
      />
    </Card>
  );
}
