import { Card, Empty, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../api/analytics';
import type { GroupAssociation, GroupsOverview, ProductGroup } from '../../api/segments';
import { useFormatters } from '../../components/format/useFormatters';
import { useLocalizedText } from '../../components/format/useLocalizedText';
import { productGroupColor } from './CorrelationHeatmapCard';
import { groupColor, useGroupNames, useProductGroupName } from './shared';

/** A feature's label by its name (from the summary and the groups' profiles), and "high:<feature>" split into direction and label. */
export function useFeatureLabel(overview: GroupsOverview | undefined) {
  const localized = useLocalizedText();
  const labels = new Map<string, LocalizedText>();
  for (const feature of overview?.run?.segments?.available ?? []) labels.set(feature.name, feature.label);
  for (const group of overview?.groups ?? []) for (const [name, label] of Object.entries(group.profile.labels ?? {})) labels.set(name, label);
  return (name: string): { label: string; direction: 'high' | 'low' | null } => {
    const match = /^(high|low):(.+)$/.exec(name);
    const feature = match ? match[2] : name;
    const label = labels.get(feature);
    return { label: label ? localized(label) || feature : feature, direction: match ? (match[1] as 'high' | 'low') : null };
  };
}

/**
 * The CG × PSG association: which customer group buys from which product group more than customers at large,
 * with the group's attributes and their membership degrees — whom to offer what.
 */
export function AssociationsCard({
  associations,
  productGroups,
  overview,
}: {
  associations: GroupAssociation[];
  productGroups: ProductGroup[];
  overview: GroupsOverview | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const groups = overview?.groups ?? [];
  const groupName = useGroupNames(groups);
  const productGroupName = useProductGroupName();
  const featureLabel = useFeatureLabel(overview);
  const productGroupAt = (no: number) => productGroups.findIndex((g) => g.groupNo === no);

  return (
    <Card title={t('segments.together.assoc.title')} className="panel-card" data-testid="segments-associations" styles={{ body: { paddingTop: 12 } }}>
      <Typography.Paragraph type="secondary" className="panel-help">
        {t('segments.together.assoc.help')}
      </Typography.Paragraph>
      <Table<GroupAssociation>
        rowKey={(row) => `${row.customerGroup}-${row.productGroup}`}
        size="small"
        tableLayout="fixed"
        dataSource={associations}
        pagination={{ pageSize: 8, hideOnSinglePage: true, size: 'small' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('segments.together.assoc.empty')} /> }}
        columns={[
          {
            key: 'customerGroup',
            dataIndex: 'customerGroup',
            title: t('segments.together.assoc.customerGroup'),
            width: '20%',
            ellipsis: true,
            render: (no: number) => {
              const name = groupName(no);
              return (
                <Flex align="center" gap={6} style={{ minWidth: 0 }}>
                  <span className="group-dot" style={{ background: groupColor(no) }} />
                  <Typography.Text ellipsis={{ tooltip: name }}>{name}</Typography.Text>
                </Flex>
              );
            },
          },
          {
            key: 'productGroup',
            dataIndex: 'productGroup',
            title: t('segments.together.assoc.productGroup'),
            width: '26%',
            ellipsis: true,
            render: (no: number) => {
              const index = productGroupAt(no);
              const name = productGroupName(productGroups[index]);
              return (
                <Flex align="center" gap={6} style={{ minWidth: 0 }}>
                  <span className="group-dot group-dot-square" style={{ background: productGroupColor(index) }} />
                  <Typography.Text ellipsis={{ tooltip: name }}>{name}</Typography.Text>
                </Flex>
              );
            },
          },
          {
            key: 'attributes',
            dataIndex: 'attributes',
            title: (
              <Tooltip title={t('segments.together.assoc.attributesHint')}>
                <span className="dotted-hint">{t('segments.together.assoc.attributes')}</span>
              </Tooltip>
            ),
            render: (attributes: GroupAssociation['attributes']) =>
              attributes?.length ? (
                <Flex wrap gap={4}>
                  {attributes.slice(0, 4).map((a) => {
                    const { label, direction } = featureLabel(a.attribute);
                    return (
                      <Tooltip key={a.attribute} title={`${label}${direction ? ` · ${t(`segments.groups.card.${direction}`)}` : ''} · ${format.percent(a.degree)}`}>
                        <Tag
                          className="feature-tag"
                          color={direction === 'high' ? 'geekblue' : direction === 'low' ? 'orange' : undefined}
                          icon={direction === 'high' ? <ArrowUpOutlined /> : direction === 'low' ? <ArrowDownOutlined /> : undefined}
                        >
                          {label} · {format.percent(a.degree)}
                        </Tag>
                      </Tooltip>
                    );
                  })}
                </Flex>
              ) : (
                '—'
              ),
          },
          { key: 'support', dataIndex: 'support', title: t('segments.together.rules.support'), width: 84, align: 'right', render: (v: number) => format.percent(v) },
          { key: 'confidence', dataIndex: 'confidence', title: t('segments.together.rules.confidence'), width: 90, align: 'right', render: (v: number) => format.percent(v) },
          { key: 'lift', dataIndex: 'lift', title: t('segments.together.rules.lift'), width: 72, align: 'right', render: (v: number) => <b>{format.fixed(v, 2)}</b> },
        ]}
      />
    </Card>
  );
}
