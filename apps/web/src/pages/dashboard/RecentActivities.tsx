import { Empty, Flex, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../api/activities';
import { AccountLink } from '../../components/AccountLink';
import { EnumTag } from '../../components/enums/EnumTag';
import { useFormatters } from '../../components/format/useFormatters';

export function RecentActivities({ activities }: { activities: Activity[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (activities.length === 0) return <Empty description={t('dashboard.noActivities')} />;
  return (
    <Timeline
      items={activities.map((activity) => ({
        key: activity.id,
        content: (
          <Flex vertical gap={2} style={{ minWidth: 0 }}>
            <Typography.Text type="secondary" title={format.dateTime(activity.occurredAt)} style={{ fontSize: 12 }}>
              {format.fromNow(activity.occurredAt)}
              {activity.userName ? ` · ${activity.userName}` : ''}
            </Typography.Text>
            <Flex gap={8} align="center" style={{ minWidth: 0 }}>
              <EnumTag name="activityType" value={activity.type} />
              <Typography.Text ellipsis={{ tooltip: activity.subject }} style={{ flex: 1, minWidth: 0 }}>
                {activity.subject}
              </Typography.Text>
            </Flex>
            {activity.accountId ? <AccountLink id={activity.accountId} name={activity.accountName} /> : null}
          </Flex>
        ),
      }))}
    />
  );
}
