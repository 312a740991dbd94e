import { useState } from 'react';
import { Card, Col, Flex, Row, Segmented, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AnalyticsOverview } from '../../api/analytics';
import { EnumTag, useEnumLabel } from '../../components/enums/EnumTag';
import { useFormatters } from '../../components/format/useFormatters';
import { Chart } from './Chart';

type Metric = 'customers' | 'value';
type SegmentRow = NonNullable<AnalyticsOverview['bySegment']>[number];

const scores = [1, 2, 3, 4, 5];
const palette = ['#f0f5ff', '#adc6ff', '#597ef7', '#1d39c4', '#061178'];

/**
 * The 5 × 5 grid of recency R (rows, 5 on top) against the combined frequency-monetary score FM (columns):
 * each cell names its segment and shows its customers and historical value; the colour follows one of the two.
 * Beside it, the eleven segments with their totals, each linking to its accounts.
 */
export function RfmGridCard({
  cells,
  grid,
  segments,
}: {
  cells: NonNullable<AnalyticsOverview['rfmGrid']>;
  grid: string[][] | undefined;
  segments: SegmentRow[];
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = useEnumLabel();
  const [metric, setMetric] = useState<Metric>('customers');

  const byCell = new Map(cells.map((c) => [`${c.r}-${c.fm}`, c]));
  const max = Math.max(1, ...cells.map((c) => c[metric]));
  const data = scores.flatMap((r) =>
    scores.map((fm) => {
      const cell = byCell.get(`${r}-${fm}`);
      const customers = cell?.customers ?? 0;
      const value = cell?.value ?? 0;
      const metricValue = metric === 'customers' ? customers : value;
      const segment = grid?.[r - 1]?.[fm - 1];
      return {
        value: [fm - 1, r - 1, metricValue],
        customers,
        amount: value,
        segment,
        // dark cells get white text
        label: { color: metricValue / max > 0.45 ? '#fff' : 'rgba(0,0,0,0.85)' },
      };
    }),
  );

  const option = {
    tooltip: {
      formatter: (p: { data: (typeof data)[number] }) =>
        `<b>${p.data.segment ? label('rfmSegment', p.data.segment) : ''}</b><br/>R ${p.data.value[1] + 1} · FM ${p.data.value[0] + 1}<br/>` +
        `${t('analytics.rfm.customers')}: ${format.number(p.data.customers)}<br/>${t('analytics.rfm.value')}: ${format.money(p.data.amount)}`,
    },
    // containLabel leaves out axis names: room for them is made by hand
    grid: { left: 44, right: 8, top: 8, bottom: 40 },
    xAxis: {
      type: 'category',
      data: scores.map(String),
      name: t('analytics.rfm.fmAxis'),
      nameLocation: 'middle',
      nameGap: 26,
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      data: scores.map(String),
      name: t('analytics.rfm.rAxis'),
      nameLocation: 'middle',
      nameRotate: 90,
      nameGap: 24,
      splitArea: { show: true },
    },
    visualMap: { show: false, min: 0, max, dimension: 2, inRange: { color: palette } },
    series: [
      {
        type: 'heatmap',
        data,
        itemStyle: { borderColor: '#fff', borderWidth: 2, borderRadius: 4 },
        label: {
          show: true,
          lineHeight: 16,
          formatter: (p: { data: (typeof data)[number] }) =>
            [
              `{name|${p.data.segment ? label('rfmSegment', p.data.segment) : ''}}`,
              format.number(p.data.customers),
              p.data.amount ? format.compact(p.data.amount) : '—',
            ].join('\n'),
          rich: { name: { fontWeight: 600, fontSize: 12, lineHeight: 16 } },
          // long segment names wrap inside the cell
          overflow: 'break',
          width: 100,
        },
        emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } },
      },
    ],
  };

  const totalCustomers = segments.reduce((sum, s) => sum + s.customers, 0);

  return (
    <Card
      title={t('analytics.rfm.title')}
      data-testid="analytics-rfm-grid"
      extra={
        <Flex align="center" gap={8}>
          <Typography.Text type="secondary">{t('analytics.rfm.colorBy')}</Typography.Text>
          <Segmented<Metric>
            size="small"
            value={metric}
            onChange={setMetric}
            options={[
              { value: 'customers', label: t('analytics.rfm.customers') },
              { value: 'value', label: t('analytics.rfm.value') },
            ]}
          />
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" className="panel-help">
        {t('analytics.rfm.help')}
      </Typography.Paragraph>
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={13}>
          <Chart option={option} height={440} testId="analytics-rfm-chart" />
        </Col>
        <Col xs={24} xl={11}>
          <Table<SegmentRow>
            rowKey="segment"
            size="small"
            tableLayout="fixed"
            pagination={false}
            dataSource={segments}
            columns={[
              {
                key: 'segment',
                dataIndex: 'segment',
                title: t('analytics.rfm.segment'),
                ellipsis: true,
                render: (segment: string) => (
                  <Link to={`/accounts?segment=${encodeURIComponent(segment)}`} title={t('analytics.rfm.viewAccounts')}>
                    <EnumTag name="rfmSegment" value={segment} />
                  </Link>
                ),
              },
              {
                key: 'customers',
                dataIndex: 'customers',
                title: t('analytics.rfm.customers'),
                width: 96,
                align: 'right',
                render: (v: number) => (
                  <span title={format.percent(totalCustomers ? v / totalCustomers : 0)}>{format.number(v)}</span>
                ),
              },
              { key: 'value', dataIndex: 'value', title: t('analytics.rfm.value'), width: 110, align: 'right', render: (v: number) => format.compact(v) },
              { key: 'clv', dataIndex: 'clv', title: t('analytics.rfm.clv'), width: 110, align: 'right', render: (v: number) => format.compact(v) },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}
