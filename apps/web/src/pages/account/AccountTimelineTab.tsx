import { Empty, Flex, Skeleton, Timeline, Typography } from 'antd';
import { CalendarOutlined, EditOutlined, NotificationOutlined, ShoppingCartOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAccountTimeline, type TimelineEntry } from '../../api/accounts';
import { EnumTag } from '../../components/enums/EnumTag';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { useFormatters } from '../../components/format/useFormatters';
import { TimelineDetail, TimelineTitle } from './TimelineEntryText';

const look: Record<TimelineEntry['type'], { color: string; icon: React.ReactNode }> = {
  order: { color: 'green', icon: <ShoppingCartOutlined /> },
  activity: { color: 'blue', icon: <CalendarOutlined /> },
  contact: { color: 'purple', icon: <UserOutlined /> },
  audit: { color: 'gray', icon: <EditOutlined /> },
  campaign: { color: 'cyan', icon: <NotificationOutlined /> },
};

/** Every interaction with the account in one list, newest first (as the server orders it). */
export function AccountTimelineTab({ accountId }: { accountId: number }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const timeline = useAccountTimeline(accountId);
  if (timeline.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (timeline.isError) return <ErrorResult error={timeline.error} onRetry={() => void timeline.refetch()} />;
  const items = timeline.data.items;
  if (items.length === 0) return <Empty description={t('account.noTimeline')} />;

  return (
    <Timeline
      className="account-timeline"
      items={items.map((entry, index) => ({
        key: `${entry.type}-${entry.refId ?? ''}-${index}`,
        color: look[entry.type]?.color,
        icon: look[entry.type]?.icon,
        content: (
          <Flex vertical gap={2} style={{ minWidth: 0 }}>
            <Flex gap={8} align="center" wrap>
              <Typography.Text type="secondary">{format.dateTime(entry.at)}</Typography.Text>
              <EnumTag name="timelineType" value={entry.type} />
              <TimelineTitle entry={entry} />
            </Flex>
            <TimelineDetail entry={entry} />
          </Flex>
        ),
      }))}
    />
  );
}
