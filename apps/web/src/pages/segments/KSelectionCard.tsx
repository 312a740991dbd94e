import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SegmentSummary } from '../../api/segments';
import { useFormatters } from '../../components/format/useFormatters';
import { Chart, chartColors } from '../analytics/Chart';

/** How the number of groups was chosen: the mean silhouette (and the inertia's elbow) for each k tried, or the analyst's k. */
export function KSelectionCard({ summary }: { summary: SegmentSummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const tried = summary.kSelection;
  const silhouetteName = t('segments.groups.kCurve.silhouette');
  const inertiaName = t('segments.groups.kCurve.inertia');

  const facts = (
    <Row gutter={[16, 8]} style={{ marginTop: 8 }}>
      <Col span={8}>
        <Statistic title={t('segments.groups.kCurve.chosen')} value={summary.k} />
      </Col>
      {summary.silhouette !== null && summary.silhouette !== undefined ? (
        <Col span={8}>
          <Statistic title={silhouetteName} value={format.fixed(summary.silhouette, 3)} />
        </Col>
      ) : null}
      <Col span={8}>
        <Statistic title={t('segments.groups.kCurve.fuzziness')} value={format.fixed(summary.fuzziness, 1)} />
      </Col>
    </Row>
  );

  if (!tried || tried.length === 0) {
    return (
      <Card title={t('segments.groups.kCurve.title')} className="panel-card" data-testid="segments-k-selection">
        <Flex vertical gap={8}>
          <Typography.Paragraph type="secondary" className="panel-help">
            {t('segments.groups.kCurve.fixed', { k: summary.k })}
          </Typography.Paragraph>
          {facts}
          <Typography.Paragraph type="secondary" className="panel-help" style={{ marginTop: 16 }}>
            {t('segments.groups.kCurve.silhouetteHelp')}
          </Typography.Paragraph>
        </Flex>
      </Card>
    );
  }

  // silhouettes often differ in the third decimal: enough digits that the axis labels differ
  const values = tried.map((r) => r.silhouette);
  const spread = Math.max(...values) - Math.min(...values);
  const digits = spread < 0.05 ? 3 : 2;
  const option = {
    tooltip: {
      trigger: 'axis',
      formatter: (items: { dataIndex: number }[]) => {
        const row = tried[items[0]?.dataIndex ?? 0];
        if (!row) return '';
        return `k = <b>${row.k}</b>${row.k === summary.k ? ` (${t('segments.groups.kCurve.chosenShort')})` : ''}<br/>${silhouetteName}: ${format.fixed(row.silhouette, 3)}<br/>${inertiaName}: ${format.compact(row.inertia)}`;
      },
    },
    legend: { top: 0, data: [silhouetteName, inertiaName] },
    grid: { left: 8, right: 8, top: 36, bottom: 24, containLabel: true },
    xAxis: { type: 'category', data: tried.map((r) => String(r.k)), name: 'k', nameLocation: 'middle', nameGap: 24 },
    yAxis: [
      { type: 'value', scale: true, axisLabel: { formatter: (v: number) => format.fixed(v, digits) } },
      { type: 'value', scale: true, splitLine: { show: false }, axisLabel: { formatter: (v: number) => format.compact(v) } },
    ],
    series: [
      {
        name: silhouetteName,
        type: 'line',
        color: chartColors.blue,
        symbolSize: 7,
        lineStyle: { width: 2.5 },
        data: tried.map((r) => ({
          value: r.silhouette,
          symbolSize: r.k === summary.k ? 14 : 7,
          itemStyle: r.k === summary.k ? { color: chartColors.orange, borderColor: '#fff', borderWidth: 2 } : undefined,
        })),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: chartColors.orange, type: 'dashed' },
          label: { show: false },
          data: [{ xAxis: String(summary.k) }],
        },
      },
      {
        name: inertiaName,
        type: 'line',
        yAxisIndex: 1,
        color: chartColors.grey,
        symbol: 'circle',
        symbolSize: 5,
        lineStyle: { type: 'dashed', width: 1.5 },
        data: tried.map((r) => r.inertia),
      },
    ],
  };

  return (
    <Card title={t('segments.groups.kCurve.title')} className="panel-card" data-testid="segments-k-selection">
      <Typography.Paragraph type="secondary" className="panel-help">
        {t('segments.groups.kCurve.help', { k: summary.k })}
      </Typography.Paragraph>
      <Chart option={option} height={280} testId="segments-k-chart" />
      {facts}
      <Typography.Paragraph type="secondary" className="panel-help" style={{ marginTop: 16 }}>
        {t('segments.groups.kCurve.silhouetteHelp')}
      </Typography.Paragraph>
    </Card>
  );
}
