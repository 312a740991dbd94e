import { Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Correlations, ProductGroup } from '../../api/segments';
import { useFormatters } from '../../components/format/useFormatters';
import { Chart } from '../analytics/Chart';
import { escapeHtml, truncateLabel, useProductGroupName } from './shared';

/** Colours of the product groups (another palette than the customer groups'). */
export const productGroupColors = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc', '#2f4554', '#b5a400', '#c23531'];
export const productGroupColor = (index: number) => (index < 0 ? '#bfbfbf' : productGroupColors[index % productGroupColors.length]);

/** product id → index of its product group in `productGroups` (−1 when in none). */
export function productGroupIndex(productGroups: ProductGroup[]): Map<number, number> {
  const map = new Map<number, number>();
  productGroups.forEach((group, index) => group.products?.forEach((p) => map.set(p.id, index)));
  return map;
}

/** The correlated products in an order that puts each product group's products side by side. */
export function orderedProducts(correlations: Correlations, productGroups: ProductGroup[]): number[] {
  const groupOf = productGroupIndex(productGroups);
  const rank = (i: number) => {
    const g = groupOf.get(correlations.products[i].id);
    return g === undefined ? Number.MAX_SAFE_INTEGER : g;
  };
  return correlations.products.map((_, i) => i).sort((a, b) => rank(a) - rank(b) || a - b);
}

/** The products' pairwise correlation r as a heat-map, ordered by product group so the groups show as blocks. */
export function CorrelationHeatmapCard({ correlations, productGroups }: { correlations: Correlations | null | undefined; productGroups: ProductGroup[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const groupName = useProductGroupName();

  if (!correlations || correlations.products.length < 2) {
    return (
      <Card title={t('segments.together.heatmap.title')} className="panel-card" data-testid="segments-heatmap">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('segments.together.heatmap.none')} />
      </Card>
    );
  }

  const order = orderedProducts(correlations, productGroups);
  const groupOf = productGroupIndex(productGroups);
  const products = order.map((i) => correlations.products[i]);
  const n = products.length;
  const names = products.map((p) => p.name || p.sku || `#${p.id}`);
  const data: [number, number, number][] = [];
  order.forEach((i, x) =>
    order.forEach((j, y) => {
      const r = correlations.r[i]?.[j];
      if (r !== undefined && r !== null && Number.isFinite(r)) data.push([x, y, Math.round(r * 1000) / 1000]);
    }),
  );
  const labelMax = n > 24 ? 10 : 14;
  const groupLine = (index: number) => {
    const g = groupOf.get(products[index].id);
    return g === undefined ? '' : `<br/><span style="color:#8c8c8c">${escapeHtml(groupName(productGroups[g]))}</span>`;
  };

  const option = {
    tooltip: {
      position: 'top',
      confine: true,
      formatter: (p: { value: [number, number, number] }) => {
        const [x, y, r] = p.value;
        return `${escapeHtml(names[x])}${groupLine(x)}<br/>× ${escapeHtml(names[y])}${groupLine(y)}<br/>r = <b>${format.fixed(r, 2)}</b>`;
      },
    },
    grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
    xAxis: {
      type: 'category',
      data: names,
      splitArea: { show: false },
      axisTick: { show: false },
      axisLabel: { rotate: 45, interval: 0, fontSize: n > 24 ? 10 : 11, formatter: (v: string) => truncateLabel(v, labelMax) },
    },
    yAxis: {
      type: 'category',
      data: names,
      inverse: true,
      axisTick: { show: false },
      axisLabel: { interval: 0, fontSize: n > 24 ? 10 : 11, formatter: (v: string) => truncateLabel(v, labelMax) },
    },
    visualMap: {
      min: -1,
      max: 1,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemWidth: 12,
      itemHeight: 160,
      text: ['+1', '−1'],
      inRange: { color: ['#2166ac', '#92c5de', '#f7f7f7', '#f4a582', '#b2182b'] },
    },
    series: [
      {
        type: 'heatmap',
        data,
        itemStyle: { borderColor: '#fff', borderWidth: n > 24 ? 0.5 : 1 },
        label: { show: n <= 10, fontSize: 10, formatter: (p: { value: [number, number, number] }) => format.fixed(p.value[2], 2) },
        emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } },
      },
    ],
  };

  const height = Math.min(640, Math.max(420, n * 16 + 180));
  return (
    <Card title={t('segments.together.heatmap.title')} className="panel-card" data-testid="segments-heatmap">
      <Typography.Paragraph type="secondary" className="panel-help">
        {t('segments.together.heatmap.help', { count: n })}
      </Typography.Paragraph>
      <Chart option={option} height={height} testId="segments-heatmap-chart" />
    </Card>
  );
}
