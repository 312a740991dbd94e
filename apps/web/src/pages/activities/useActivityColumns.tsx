import { Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { SortOrder } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../api/activities';
import { AccountLink } from '../../components/AccountLink';
import { EnumTag } from '../../components/enums/EnumTag';
import { useFormatters } from '../../components/format/useFormatters';

interface Options {
  showAccount: boolean;
  sortOrderOf?: (column: string) => SortOrder | null;
}

/** Columns of an activity list, shared by the Activities page and the account's Activities tab. */
export function useActivityColumns({ showAccount, sortOrderOf }: Options): ColumnsType<Activity> {
  const { t } = useTranslation();
  const format = useFormatters();
  const sortable = (column: string) => (sortOrderOf ? { sorter: true, sortOrder: sortOrderOf(column) } : {});
  return [
    {
      key: 'occurredAt',
      dataIndex: 'occurredAt',
      title: t('fields.activity.occurredAt'),
      width: 150,
      render: (v: string) => format.dateTime(v),
      ...sortable('occurredAt'),
    },
    {
      key: 'type',
      dataIndex: 'type',
      title: t('fields.activity.type'),
      width: 110,
      render: (v: string) => <EnumTag name="activityType" value={v} />,
      ...sortable('type'),
    },
    {
      key: 'subject',
      dataIndex: 'subject',
      title: t('fields.activity.subject'),
      ellipsis: true,
      render: (subject: string, activity) => (
        <Typography.Text ellipsis={{ tooltip: activity.body ? `${subject}\n\n${activity.body}` : subject }}>{subject}</Typography.Text>
      ),
    },
    ...(showAccount
      ? [
          {
            key: 'account',
            title: t('fields.activity.account'),
            width: 200,
            ellipsis: true,
            render: (_v: unknown, a: Activity) => (a.accountId ? <AccountLink id={a.accountId} name={a.accountName} /> : '—'),
          },
        ]
      : []),
    {
      key: 'durationMinutes',
      dataIndex: 'durationMinutes',
      title: t('fields.activity.durationMinutes'),
      width: 120,
      align: 'right',
      render: (v: number | null) => (v ? t('common.minutes', { count: v }) : '—'),
    },
    { key: 'outcome', dataIndex: 'outcome', title: t('fields.activity.outcome'), width: 180, ellipsis: true, render: (v: string | null) => v || '—' },
    { key: 'user', dataIndex: 'userName', title: t('fields.activity.user'), width: 120, ellipsis: true, render: (v: string | null) => v || '—' },
  ];
}
