import { Card, Flex, Tag, Tooltip, Tree, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { HierarchyNode, NodeWeight, RelationshipFactor } from '../../api/relationship';
import { useFormatters } from '../../components/format/useFormatters';
import { useLocalizedText } from '../../components/format/useLocalizedText';

interface Props {
  hierarchy: HierarchyNode;
  weights: NodeWeight[];
  consistency: { key: string; cr: number }[];
  factors: RelationshipFactor[];
  selected: string;
  onSelect: (node: string) => void;
}

/** The AHP hierarchy as a tree: each node's local and global weight, each criterion's CR; a criterion opens its matrix. */
export function HierarchyCard({ hierarchy, weights, consistency, factors, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const localized = useLocalizedText();
  const weightOf = new Map(weights.map((w) => [w.key, w]));
  const crOf = new Map(consistency.map((c) => [c.key, c.cr]));
  const definitionOf = new Map(factors.map((f) => [f.key, f.definition]));

  type TreeItem = { key: string; title: React.ReactNode; children?: TreeItem[]; selectable: boolean };
  const toTree = (node: HierarchyNode): TreeItem => {
    const w = weightOf.get(node.key);
    const cr = crOf.get(node.key);
    const name = localized(node.label);
    const definition = definitionOf.get(node.key);
    const isCriterion = Boolean(node.children?.length);
    return {
      key: node.key,
      selectable: isCriterion,
      title: (
        <Flex align="center" gap={8} className="ahp-node" data-testid={`relationship-node-${node.key}`}>
          <Flex align="center" gap={6} style={{ minWidth: 0, flex: 1 }}>
            <Typography.Text strong={isCriterion} ellipsis={{ tooltip: name }} style={{ minWidth: 0 }}>
              {name}
            </Typography.Text>
            {definition ? (
              <Tooltip title={localized(definition)}>
                <QuestionCircleOutlined className="hint-icon" />
              </Tooltip>
            ) : null}
            {cr !== undefined && node.children && node.children.length > 2 ? (
              <Tooltip title={t('relationship.page.hierarchy.crHint')}>
                <Tag color={cr < 0.1 ? 'green' : 'red'} style={{ marginInlineEnd: 0 }}>
                  {t('relationship.page.hierarchy.cr', { value: format.fixed(cr, 3) })}
                </Tag>
              </Tooltip>
            ) : null}
          </Flex>
          {w && node.key !== hierarchy.key ? (
            <span className="ahp-node-weights" data-testid={`relationship-weight-${node.key}`}>
              <span className="ahp-node-weight">{format.percent(w.local)}</span>
              <span className="ahp-node-weight">
                <b>{format.percent(w.global)}</b>
              </span>
              <span className="ahp-node-bar">
                <span style={{ width: `${Math.round(w.global * 100)}%`, background: isCriterion ? '#2f54eb' : '#1677ff' }} />
              </span>
            </span>
          ) : null}
        </Flex>
      ),
      children: node.children?.map(toTree),
    };
  };

  return (
    <Card
      title={t('relationship.page.hierarchy.title')}
      className="value-card"
      data-testid="relationship-hierarchy"
      extra={
        <span className="ahp-node-weights">
          <span className="ahp-node-weight">{t('relationship.page.hierarchy.local')}</span>
          <span className="ahp-node-weight">{t('relationship.page.hierarchy.global')}</span>
          <span style={{ display: 'inline-block', width: 72 }} />
        </span>
      }
    >
      <Typography.Paragraph type="secondary" className="panel-help">
        {t('relationship.page.hierarchy.help')}
      </Typography.Paragraph>
      <Tree<TreeItem>
        className="ahp-tree"
        blockNode
        defaultExpandAll
        showLine
        selectedKeys={[selected]}
        onSelect={(keys) => {
          if (keys[0]) onSelect(String(keys[0]));
        }}
        treeData={[toTree(hierarchy)]}
      />
    </Card>
  );
}
