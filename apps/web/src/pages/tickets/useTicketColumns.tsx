import type { ColumnsType } from 'antd/es/table';
import type { SortOrder } from 'antd/es/table/interface';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../api/tickets';
import { AccountLink } from '../../components/AccountLink';
import { useFormatters } from '../../components/format/useFormatters';
import { ServiceEnumTag, useDuration } from './serviceEnums';

interface Options {
  /** The account column (the tickets list), not on an account's own tab. */
  showAccount: boolean;
  /** Opens a ticket (its drawer); a deleted one is only shown. */
  onOpen?: (ticket: Ticket) => void;
  /** Narrower columns for a list that also shows the account: the opening day without its time. */
  compact?: boolean;
  /** Server-side sorting: the column's current order, from the URL. */
  sortOrderOf?: (column: string) => SortOrder;
}

/** The columns of a tickets table: subject, account, kind, priority, status, assignee, opened, time and cost. */
export function useTicketColumns({ showAccount, compact = false, onOpen, sortOrderOf }: Options): ColumnsType<Ticket> {
  const { t } = useTranslation();
  const format = useFormatters();
  const duration = useDuration();
  const sortable = (key: string) => (sortOrderOf ? { sorter: true, sortOrder: sortOrderOf(key) } : {});
  const columns: ColumnsType<Ticket> = [
    {
      key: 'subject',
      dataIndex: 'subject',
      title: t('service.fields.subject'),
      ellipsis: true,
      ...sortable('subject'),
      render: (subject: string, ticket) =>
        onOpen ? (
          <a onClick={() => onOpen(ticket)} title={subject} data-testid="ticket-open">
            {subject}
          </a>
        ) : (
          <span title={subject}>{subject}</span>
        ),
    },
  ];
  if (showAccount) {
    columns.push({
      key: 'account',
      title: t('service.fields.account'),
      width: 165,
      ellipsis: true,
      render: (_v, ticket) => <AccountLink id={ticket.accountId} name={ticket.accountName} />,
    });
  }
  columns.push(
    { key: 'kind', dataIndex: 'kind', title: t('service.fields.kind'), width: 90, ...sortable('kind'), render: (v: string) => <ServiceEnumTag name="ticketKind" value={v} /> },
    { key: 'priority', dataIndex: 'priority', title: t('service.fields.priority'), width: 80, ...sortable('priority'), render: (v: string) => <ServiceEnumTag name="ticketPriority" value={v} /> },
    { key: 'status', dataIndex: 'status', title: t('service.fields.status'), width: 110, ...sortable('status'), render: (v: string) => <ServiceEnumTag name="ticketStatus" value={v} /> },
    {
      key: 'assignee',
      title: t('service.fields.assignee'),
      width: 100,
      ellipsis: true,
      render: (_v, ticket) => ticket.assigneeName ?? <Typography.Text type="secondary">{t('service.tickets.unassigned')}</Typography.Text>,
    },
    { key: 'openedAt', dataIndex: 'openedAt', title: t('service.fields.openedAt'), width: compact ? 110 : 150, ...sortable('openedAt'), render: (v: string) => (compact ? format.date(v) : format.dateTime(v)) },
    { key: 'minutesSpent', dataIndex: 'minutesSpent', title: t('service.fields.time'), width: 120, align: 'right', ...sortable('minutesSpent'), render: (v: number) => duration(v) },
    { key: 'costSpent', dataIndex: 'costSpent', title: t('service.fields.costSpent'), width: 115, align: 'right', ...sortable('costSpent'), render: (v: number) => format.money(v) },
  );
  return columns;
}
