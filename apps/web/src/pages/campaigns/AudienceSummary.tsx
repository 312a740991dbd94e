import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StoredAudience } from '../../api/campaigns';
import { useCustomerGroups } from '../../api/segments';
import { useEnumLabel } from '../../components/enums/EnumTag';
import { useFormatters } from '../../components/format/useFormatters';
import { useGroupNames } from '../segments/shared';

/** The audience a campaign was last filled from, as tags ("Value tier: VIP", "Customer group: Trade ≥ 0.60"), and when. */
export function AudienceSummary({ segment }: { segment: StoredAudience | null | undefined }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const format = useFormatters();
  const groups = useCustomerGroups(Boolean(segment?.customerGroup));
  const groupName = useGroupNames(groups.data?.groups ?? []);
  const criteria: string[] = [];
  const criterion = (name: string, value: string) => criteria.push(t('campaigns.audience.criterion', { name, value }));
  if (segment?.valueTier) criterion(t('campaigns.audience.valueTier'), label('valueTier', segment.valueTier));
  if (segment?.rfmSegment) criterion(t('campaigns.audience.rfmSegment'), label('rfmSegment', segment.rfmSegment));
  if (segment?.lifecycleStage) criterion(t('campaigns.audience.lifecycleStage'), label('lifecycleStage', segment.lifecycleStage));
  if (segment?.customerGroup) {
    const { groupNo, minMembership } = segment.customerGroup;
    criterion(t('campaigns.audience.customerGroup'), `${groupName(groupNo)} ≥ ${format.fixed(minMembership, 2)}`);
  }
  if (criteria.length === 0) return <Typography.Text type="secondary">{t('campaigns.audience.currentNone')}</Typography.Text>;
  return (
    <Flex vertical gap={4} data-testid="campaign-audience">
      <Flex gap={6} wrap>
        {criteria.map((text) => (
          <Tag key={text} color="blue" style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
            {text}
          </Tag>
        ))}
      </Flex>
      {segment?.resolvedAt ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('campaigns.audience.resolvedAt', { time: format.dateTime(segment.resolvedAt) })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
