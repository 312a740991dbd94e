import { useMemo, useState } from 'react';
import { Button, Card, Col, Empty, Flex, Row, Slider, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRenameProductGroup, type Correlations, type ProductGroup } from '../../api/segments';
import { useFormatters } from '../../components/format/useFormatters';
import { Chart } from '../analytics/Chart';
import { productGroupColor, productGroupIndex } from './CorrelationHeatmapCard';
import { EditableName, useSaveGroupName } from './EditableName';
import { escapeHtml, truncateLabel, useProductGroupName } from './shared';

/** The products as a network: one node per product coloured by its group, a line where two sell together (r ≥ threshold). */
export function ProductGraphCard({ correlations, productGroups }: { correlations: Correlations | null | undefined; productGroups: ProductGroup[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const groupName = useProductGroupName();
  const [threshold, setThreshold] = useState(0.3);

  const graph = useMemo(() => {
    if (!correlations || correlations.products.length < 2) return null;
    const groupOf = productGroupIndex(productGroups);
    const products = correlations.products;
    const links: { source: string; target: string; value: number }[] = [];
    const degree = new Array<number>(products.length).fill(0);
    for (let i = 0; i < products.length; i++) {
      for (let j = i + 1; j < products.length; j++) {
        const r = correlations.r[i]?.[j] ?? 0;
        if (r >= threshold) {
          links.push({ source: String(i), target: String(j), value: r });
          degree[i]++;
          degree[j]++;
        }
      }
    }
    const nodes = products.map((p, i) => {
      const g = groupOf.get(p.id) ?? -1;
      return {
        id: String(i),
        name: p.name || p.sku || `#${p.id}`,
        category: g < 0 ? productGroups.length : g,
        symbolSize: 10 + Math.min(16, degree[i] * 2.5),
        itemStyle: { color: productGroupColor(g) },
      };
    });
    return { nodes, links, present: new Set(nodes.map((node) => node.category)) };
  }, [correlations, productGroups, threshold]);

  const title = t('segments.together.graph.title');
  if (!graph) {
    return (
      <Card title={title} className="panel-card" data-testid="segments-graph">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('segments.together.heatmap.none')} />
      </Card>
    );
  }

  const categories = [
    ...productGroups.map((g, i) => ({ name: groupName(g), itemStyle: { color: productGroupColor(i) } })),
    { name: t('segments.together.graph.ungrouped'), itemStyle: { color: productGroupColor(-1) } },
  ];
  const legendNames = categories.filter((_, i) => graph.present.has(i)).map((c) => c.name);
  const legendRows = Math.ceil(legendNames.length / 2);
  const option = {
    tooltip: {
      confine: true,
      formatter: (p: { dataType: string; data: { name?: string; category?: number; source?: string; target?: string; value?: number } }) => {
        if (p.dataType === 'edge') {
          const a = graph.nodes[Number(p.data.source)]?.name ?? '';
          const b = graph.nodes[Number(p.data.target)]?.name ?? '';
          return `${escapeHtml(a)} — ${escapeHtml(b)}<br/>r = <b>${format.fixed(p.data.value ?? 0, 2)}</b>`;
        }
        const category = categories[p.data.category ?? 0]?.name ?? '';
        return `<b>${escapeHtml(p.data.name ?? '')}</b><br/><span style="color:#8c8c8c">${escapeHtml(category)}</span>`;
      },
    },
    // only the groups with a product on the graph, below it in as many lines as they need
    legend: {
      type: 'plain',
      bottom: 0,
      left: 'center',
      itemGap: 12,
      data: legendNames,
      formatter: (name: string) => truncateLabel(name, 24),
      tooltip: { show: true },
    },
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        top: 16,
        // labels sit right of their node: room for them at the right edge
        left: 16,
        right: 96,
        bottom: 24 + legendRows * 22,
        categories,
        data: graph.nodes,
        links: graph.links,
        // compact enough that no product is pushed off the canvas, loose enough for the labels
        force: { repulsion: 240, gravity: 0.16, edgeLength: [60, 130], friction: 0.2 },
        label: { show: true, position: 'right', fontSize: 11, color: 'rgba(0,0,0,0.75)', formatter: (p: { name: string }) => truncateLabel(p.name, 12) },
        labelLayout: { hideOverlap: true },
        lineStyle: { color: 'source', opacity: 0.45, curveness: 0.08 },
        emphasis: { focus: 'adjacency', lineStyle: { width: 3 } },
      },
    ],
  };

  return (
    <Card
      title={title}
      className="panel-card"
      data-testid="segments-graph"
      extra={
        <Flex align="center" gap={8} style={{ width: 230 }}>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            r ≥ {format.fixed(threshold, 2)}
          </Typography.Text>
          <Slider min={0.05} max={0.9} step={0.05} value={threshold} onChange={setThreshold} style={{ flex: 1 }} tooltip={{ formatter: null }} />
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" className="panel-help">
        {t('segments.together.graph.help', { count: graph.links.length })}
      </Typography.Paragraph>
      <Chart
        option={option}
        height={Math.min(640, Math.max(420, correlations!.products.length * 16 + 180)) + legendRows * 22}
        testId="segments-graph-chart"
      />
    </Card>
  );
}

/** The product groups, each with its products, how tightly they hang together, and an editable name. */
export function ProductGroupsCard({ productGroups, canEdit }: { productGroups: ProductGroup[]; canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <Card title={t('segments.together.groups.title')} className="panel-card" data-testid="segments-product-groups">
      <Typography.Paragraph type="secondary" className="panel-help">
        {t('segments.together.groups.help')}
      </Typography.Paragraph>
      {productGroups.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('segments.together.groups.none')} />
      ) : (
        <Row gutter={[12, 12]}>
          {productGroups.map((group, index) => (
            <Col key={group.groupNo} xs={24} md={12}>
              <ProductGroupItem group={group} index={index} canEdit={canEdit} />
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}

const shownProducts = 10;

function ProductGroupItem({ group, index, canEdit }: { group: ProductGroup; index: number; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const groupName = useProductGroupName();
  const rename = useRenameProductGroup();
  const name = groupName(group);
  const suggested = groupName({ ...group, name: null });
  const products = group.products ?? [];
  const [expanded, setExpanded] = useState(false);
  const visible = expanded ? products : products.slice(0, shownProducts);

  const saveName = useSaveGroupName(rename);

  return (
    <Card size="small" className="product-group-card" style={{ borderLeftColor: productGroupColor(index) }} data-testid={`segments-product-group-card-${group.groupNo}`}>
      <Flex vertical gap={8}>
        <EditableName
          name={name}
          suggested={suggested}
          custom={Boolean(group.name)}
          canEdit={canEdit}
          {...saveName(group.groupNo)}
          testId={`segments-product-group-name-${group.groupNo}`}
        />
        <Typography.Text type="secondary" className="value-stat-note">
          {t('segments.together.groups.facts', { count: products.length, cohesion: format.fixed(group.cohesion, 2) })}
        </Typography.Text>
        <Flex wrap gap={4}>
          {visible.map((p) => (
            <Tooltip key={p.id} title={[p.sku, p.name, p.category].filter(Boolean).join(' · ')}>
              <Tag className="product-tag" color={p.id === group.anchorProductId ? 'blue' : undefined}>
                {p.name}
              </Tag>
            </Tooltip>
          ))}
          {products.length > shownProducts ? (
            <Button type="link" size="small" onClick={() => setExpanded((e) => !e)} style={{ paddingInline: 0 }}>
              {expanded ? t('segments.together.groups.less') : t('segments.together.groups.more', { count: products.length - shownProducts })}
            </Button>
          ) : null}
        </Flex>
      </Flex>
    </Card>
  );
}
