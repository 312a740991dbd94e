import { Button, Card, Col, Flex, Row, Statistic, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, TeamOutlined } from '@ant-design/icons';
import { EditableName, useSaveGroupName } from './EditableName';
import { useTranslation } from 'react-i18next';
import { useRenameCustomerGroup, type CustomerGroup } from '../../api/segments';
import { useFormatters } from '../../components/format/useFormatters';
import { useLocalizedText } from '../../components/format/useLocalizedText';
import { groupColor, useGroupName } from './shared';

interface Props {
  group: CustomerGroup;
  canEdit: boolean;
  selected: boolean;
  onSelect: () => void;
  totalCustomers: number | undefined;
}

/** One customer group: its name (the analyst's, editable), size, value, profile in words and what sets it apart. */
export function GroupCard({ group, canEdit, selected, onSelect, totalCustomers }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const localized = useLocalizedText();
  const groupName = useGroupName();
  const rename = useRenameCustomerGroup();
  const name = groupName(group, group.groupNo);
  const suggested = localized(group.profile.suggestedName);
  const color = groupColor(group.groupNo);

  const saveName = useSaveGroupName(rename);

  const features = [...(group.profile.distinguishing ?? [])].sort((a, b) => b.degree - a.degree).slice(0, 6);

  return (
    <Card
      className={`group-card${selected ? ' group-card-selected' : ''}`}
      style={{ borderTopColor: color }}
      data-testid={`segments-group-card-${group.groupNo}`}
      styles={{ body: { padding: 16 } }}
    >
      <Flex vertical gap={10}>
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          <span className="group-dot" style={{ background: color }} />
          <EditableName
            level={5}
            name={name}
            suggested={suggested}
            custom={Boolean(group.name)}
            canEdit={canEdit}
            {...saveName(group.groupNo)}
            testId={`segments-group-name-${group.groupNo}`}
          />
          <Tag className="group-no-tag">{t('segments.groups.groupNo', { n: group.groupNo + 1 })}</Tag>
        </Flex>

        <Row gutter={8}>
          <Col span={8}>
            <Statistic
              className="group-stat"
              title={t('segments.groups.card.size')}
              value={format.number(group.size)}
              suffix={totalCustomers ? <span className="group-stat-share">{format.percent(group.size / totalCustomers)}</span> : undefined}
            />
          </Col>
          <Col span={8}>
            <Statistic
              className="group-stat"
              title={
                <Tooltip title={t('segments.groups.card.fuzzySizeHint')}>
                  <span className="dotted-hint">{t('segments.groups.card.fuzzySize')}</span>
                </Tooltip>
              }
              value={format.fixed(group.fuzzySize, 1)}
            />
          </Col>
          <Col span={8}>
            <Statistic
              className="group-stat"
              title={t('segments.groups.card.totalClv')}
              value={group.totalClv === null || group.totalClv === undefined ? '—' : format.compact(group.totalClv)}
            />
          </Col>
        </Row>

        <Typography.Paragraph
          type="secondary"
          className="group-description"
          ellipsis={{ rows: 3, tooltip: localized(group.profile.description) }}
          data-testid={`segments-group-description-${group.groupNo}`}
        >
          {localized(group.profile.description)}
        </Typography.Paragraph>

        <Flex wrap gap={4} className="group-features">
          {features.map((f) => (
            <Tooltip key={f.feature} title={t('segments.groups.card.zHint', { z: `${f.z > 0 ? '+' : ''}${format.fixed(f.z, 2)}` })}>
              <Tag
                color={f.direction === 'high' ? 'geekblue' : 'orange'}
                icon={f.direction === 'high' ? <ArrowUpOutlined /> : <ArrowDownOutlined />}
                className="feature-tag"
              >
                {localized(f.label) || f.feature}
              </Tag>
            </Tooltip>
          ))}
          {features.length === 0 ? <Typography.Text type="secondary">{t('segments.groups.card.noFeatures')}</Typography.Text> : null}
        </Flex>

        <Flex justify="end">
          <Button
            size="small"
            type={selected ? 'primary' : 'default'}
            ghost={selected}
            icon={<TeamOutlined />}
            onClick={onSelect}
            data-testid={`segments-group-members-${group.groupNo}`}
          >
            {selected ? t('segments.groups.card.showingMembers') : t('segments.groups.card.members')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
