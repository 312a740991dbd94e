import { useState } from 'react';
import { Card, Empty, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerGroup } from '../../api/segments';
import { useFormatters } from '../../components/format/useFormatters';
import { useLocalizedText } from '../../components/format/useLocalizedText';
import { Chart } from '../analytics/Chart';
import { escapeHtml, groupColor, truncateLabel, useGroupNames, wrapLabel } from './shared';

type Kind = 'radar' | 'lines';

/** Beyond this many features a radar's labels crowd each other: the features go down the side instead. */
const radarMaxFeatures = 12;

/**
 * Each group's centre over the clustering features in standard units (0 = the average customer): a radar for a
 * few features, a profile plot (features down the side, one line per group: parallel coordinates on their side)
 * for many. A group's shape shows what sets it apart.
 */
export function GroupProfileChart({ groups }: { groups: CustomerGroup[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const localized = useLocalizedText();
  const groupName = useGroupNames(groups);
  const profile = groups[0]?.profile;
  const features = profile?.features ?? [];
  const [chosen, setChosen] = useState<Kind | null>(null);
  const kind: Kind = chosen ?? (features.length > radarMaxFeatures ? 'lines' : 'radar');

  if (!profile || features.length < 2) {
    return (
      <Card title={t('segments.groups.profile.title')} className="panel-card" data-testid="segments-profile">
        <Empty description={t('segments.groups.profile.tooFew')} />
      </Card>
    );
  }

  const labels = features.map((f) => localized(profile.labels?.[f]) || f);
  const values = groups.flatMap((g) => g.profile.zCentroid ?? []);
  // one common scale, a little beyond the extremes, in whole standard units
  const min = Math.floor(Math.min(-1, ...values) - 0.25);
  const max = Math.ceil(Math.max(1, ...values) + 0.25);
  const names = groups.map((g) => groupName(g.groupNo));
  const signed = (z: number) => `${z > 0 ? '+' : ''}${format.fixed(z, 2)}`;

  // below the chart, as many lines as the names need: the plot keeps the card's width
  const legend = {
    type: 'plain',
    bottom: 0,
    left: 'center',
    itemGap: 14,
    data: names,
    formatter: (name: string) => truncateLabel(name, 26),
    tooltip: { show: true },
  };
  const legendRows = Math.ceil(names.length / 3);

  let option: Record<string, unknown>;
  let height: number;
  if (kind === 'radar') {
    height = 420 + legendRows * 22;
    option = {
      color: groups.map((g) => groupColor(g.groupNo)),
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (p: { dataIndex: number }) => {
          const group = groups[p.dataIndex];
          if (!group) return '';
          const rows = labels
            .map((label, i) => ({ label, z: group.profile.zCentroid[i] ?? 0 }))
            .sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
            .map(({ label, z }) => `${escapeHtml(label)}: <b>${signed(z)}</b>`);
          return `<b>${escapeHtml(names[p.dataIndex] ?? '')}</b><br/>${rows.join('<br/>')}`;
        },
      },
      legend,
      radar: {
        center: ['50%', `${50 - legendRows * 2}%`],
        radius: '62%',
        splitNumber: max - min,
        indicator: labels.map((label) => ({ name: label, min, max })),
        axisName: { color: 'rgba(0, 0, 0, 0.65)', fontSize: 12, lineHeight: 14, formatter: (name: string) => wrapLabel(name, 18) },
        splitArea: { areaStyle: { color: ['#fafafa', '#fff'] } },
        axisLabel: { show: false },
      },
      series: [
        {
          type: 'radar',
          symbolSize: 4,
          lineStyle: { width: 2 },
          areaStyle: { opacity: 0.08 },
          emphasis: { lineStyle: { width: 3 }, areaStyle: { opacity: 0.25 } },
          data: groups.map((g, i) => ({
            name: names[i],
            value: g.profile.zCentroid,
            itemStyle: { color: groupColor(g.groupNo) },
            lineStyle: { color: groupColor(g.groupNo) },
            areaStyle: { color: groupColor(g.groupNo) },
          })),
        },
      ],
    };
  } else {
    height = Math.max(380, features.length * 22 + 60) + legendRows * 22;
    option = {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'line' },
        confine: true,
        formatter: (items: { dataIndex: number; seriesIndex: number; value: number; color: string }[]) => {
          const feature = labels[items[0]?.dataIndex ?? 0] ?? '';
          const rows = [...items]
            .sort((a, b) => b.value - a.value)
            .map((p) => `<span style="color:${p.color}">●</span> ${escapeHtml(names[p.seriesIndex] ?? '')}: <b>${signed(p.value)}</b>`);
          return `<b>${escapeHtml(feature)}</b><br/>${rows.join('<br/>')}`;
        },
      },
      legend,
      grid: { left: 8, right: 24, top: 12, bottom: 36 + legendRows * 22, containLabel: true },
      xAxis: {
        type: 'value',
        min,
        max,
        interval: 1,
        name: t('segments.groups.profile.axis'),
        nameLocation: 'middle',
        nameGap: 26,
        axisLabel: { formatter: (v: number) => (v > 0 ? `+${v}` : String(v)) },
        splitLine: { lineStyle: { color: '#f0f0f0' } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: labels,
        axisTick: { show: false },
        axisLabel: { fontSize: 12, formatter: (v: string) => truncateLabel(v, 30) },
        splitLine: { show: true, lineStyle: { color: '#fafafa' } },
      },
      series: groups.map((g, i) => ({
        name: names[i],
        type: 'line',
        color: groupColor(g.groupNo),
        data: g.profile.zCentroid,
        symbolSize: 6,
        lineStyle: { width: 1.5, opacity: 0.8 },
        emphasis: { focus: 'series', lineStyle: { width: 3 } },
        ...(i === 0
          ? { markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: '#8c8c8c', type: 'solid', width: 1 }, data: [{ xAxis: 0 }] } }
          : {}),
      })),
    };
  }

  return (
    <Card
      title={t('segments.groups.profile.title')}
      className="panel-card"
      data-testid="segments-profile"
      extra={
        <Segmented<Kind>
          size="small"
          value={kind}
          onChange={setChosen}
          options={[
            { value: 'lines', label: t('segments.groups.profile.lines') },
            { value: 'radar', label: t('segments.groups.profile.radar') },
          ]}
        />
      }
    >
      <Typography.Paragraph type="secondary" className="panel-help">
        {t('segments.groups.profile.help')}
      </Typography.Paragraph>
      <Chart option={option} height={height} testId="segments-profile-chart" />
    </Card>
  );
}
