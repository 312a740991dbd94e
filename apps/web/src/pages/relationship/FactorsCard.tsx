import { Card, Flex, Table, Tag, Typography } from 'antd';
import { BoxplotChart } from 'echarts/charts';
import { useTranslation } from 'react-i18next';
import { relationshipClasses, type FactorStats, type NodeWeight, type RelationshipFactor } from '../../api/relationship';
import { useFormatters } from '../../components/format/useFormatters';
import { useLocalizedText } from '../../components/format/useLocalizedText';
import { Chart } from '../analytics/Chart';
import { echarts } from '../analytics/echarts';
import { escapeHtml } from '../segments/shared';
import { classColors, useFactorAxisFormat, useFactorFormat } from './shared';

// the box plots are drawn only here
echarts.use([BoxplotChart]);

interface Row {
  factor: RelationshipFactor;
  stats: FactorStats | undefined;
  weight: number | undefined;
}

/** Each factor: its definition, its global weight, and its distribution over customers with the class means. */
export function FactorsCard({ factors, stats, weights }: { factors: RelationshipFactor[]; stats: FactorStats[]; weights: NodeWeight[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const localized = useLocalizedText();
  const rows: Row[] = factors.map((factor, i) => ({ factor, stats: stats.find((s) => s.index === i), weight: weights.find((w) => w.key === factor.key)?.global }));

  return (
    <Card title={t('relationship.page.factors.title')} data-testid="relationship-factors" styles={{ body: { paddingTop: 12 } }}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary" className="panel-help" style={{ margin: 0 }}>
          {t('relationship.page.factors.help')}
        </Typography.Text>
        <Flex gap={12}>
          {relationshipClasses.map((c) => (
            <Flex key={c} align="center" gap={4}>
              <span className="group-dot" style={{ background: classColors[c] }} />
              <Typography.Text style={{ fontSize: 12 }}>{t('relationship.page.factors.meanOf', { class: t(`relationship.classes.${c}`) })}</Typography.Text>
            </Flex>
          ))}
        </Flex>
      </Flex>
      <Table<Row>
        rowKey={(r) => r.factor.key}
        size="small"
        tableLayout="fixed"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            key: 'factor',
            title: t('relationship.page.factors.factor'),
            render: (_v, { factor }) => (
              <div data-testid={`relationship-factor-${factor.key}`}>
                <Flex align="center" gap={6} wrap>
                  <Typography.Text strong>{localized(factor.label)}</Typography.Text>
                  <Tag style={{ marginInlineEnd: 0 }}>{t(`relationship.page.factors.groups.${factor.group}`)}</Tag>
                  {factor.direction === 'higher-worse' ? (
                    <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
                      {t('relationship.page.factors.cost')}
                    </Tag>
                  ) : null}
                </Flex>
                <Typography.Paragraph className="factor-definition" data-testid="relationship-factor-definition">
                  {localized(factor.definition)}
                </Typography.Paragraph>
              </div>
            ),
          },
          {
            key: 'weight',
            title: t('relationship.page.factors.weight'),
            width: 112,
            align: 'right',
            render: (_v, { weight }) => <b>{format.percent(weight)}</b>,
          },
          {
            key: 'distribution',
            title: t('relationship.page.factors.distribution'),
            width: '42%',
            render: (_v, row) => <FactorBox row={row} />,
          },
        ]}
      />
    </Card>
  );
}

function FactorBox({ row }: { row: Row }) {
  const { t } = useTranslation();
  const formatValue = useFactorFormat();
  const axisFormat = useFactorAxisFormat();
  const { factor, stats } = row;
  const q = stats?.quantiles;
  if (!q || q.some((v) => v === null || !Number.isFinite(v))) {
    return <Typography.Text type="secondary">{t('relationship.page.factors.noData')}</Typography.Text>;
  }
  const means = relationshipClasses.map((c) => ({
    c,
    value: c === 'good' ? stats.meanGood : c === 'medium' ? stats.meanMedium : stats.meanBad,
  }));
  const known = [...q, ...means.map((m) => m.value).filter((v): v is number => v !== null && Number.isFinite(v))];
  let min = Math.min(...known);
  let max = Math.max(...known);
  if (max === min) {
    min -= 1;
    max += 1;
  }
  const pad = (max - min) * 0.06;
  const labels = ['p10', 'p25', 'median', 'p75', 'p90'] as const;
  const option = {
    animation: false,
    grid: { left: 8, right: 16, top: 6, bottom: 22, containLabel: false },
    xAxis: {
      type: 'value',
      min: min - pad,
      max: max + pad,
      splitNumber: 4,
      axisLabel: { fontSize: 10, color: '#8c8c8c', formatter: (v: number) => axisFormat(v, factor.unit), hideOverlap: true, showMinLabel: false, showMaxLabel: false },
      splitLine: { lineStyle: { color: '#f0f0f0' } },
    },
    yAxis: { type: 'category', data: [''], show: false },
    tooltip: { trigger: 'item', confine: true },
    series: [
      {
        type: 'boxplot',
        data: [q],
        boxWidth: [14, 14],
        itemStyle: { color: '#e6f4ff', borderColor: '#1677ff', borderWidth: 1.2 },
        tooltip: {
          formatter: () =>
            labels.map((l, i) => `${escapeHtml(t(`relationship.page.factors.${l}`))}: <b>${escapeHtml(formatValue(q[i], factor.unit))}</b>`).join('<br/>'),
        },
      },
      ...means
        .filter((m) => m.value !== null && Number.isFinite(m.value))
        .map((m) => ({
          type: 'scatter',
          name: m.c,
          data: [[m.value, 0]],
          symbolSize: 10,
          z: 5,
          itemStyle: { color: classColors[m.c], borderColor: '#fff', borderWidth: 1 },
          tooltip: {
            formatter: () =>
              `${escapeHtml(t('relationship.page.factors.meanOf', { class: t(`relationship.classes.${m.c}`) }))}: <b>${escapeHtml(formatValue(m.value, factor.unit))}</b>`,
          },
        })),
    ],
  };
  return (
    <div data-testid={`relationship-factor-box-${factor.key}`}>
      <Chart option={option} height={64} />
    </div>
  );
}
