import { useTranslation } from 'react-i18next';
import { ticketKinds, ticketStatuses, ticketsApi, useCanWriteTickets, type Ticket } from '../../api/tickets';
import { AccountSelect } from '../../components/AccountSelect';
import { UserSelect } from '../../components/UserSelect';
import { ListFilter, ListSelectFilter, RecordListPage } from '../../components/table/RecordListPage';
import { useRecordActionColumns } from '../../components/table/useRecordActionColumns';
import { useRecordList } from '../../components/table/useRecordList';
import { TicketFormDrawer } from './TicketFormDrawer';
import { useServiceEnumOptions } from './serviceEnums';
import { useTicketColumns } from './useTicketColumns';

const filterNames = ['status', 'kind', 'assigneeId', 'accountId'] as const;

/** Service tickets of every customer in reach: filters, search, server paging; a ticket opens in its drawer. */
export default function TicketsPage() {
  const { t } = useTranslation();
  const records = useRecordList(ticketsApi, filterNames, { sort: 'openedAt', order: 'desc' });
  const { list, bin } = records;
  const canWrite = useCanWriteTickets();
  const statusOptions = useServiceEnumOptions('ticketStatus', ticketStatuses);
  const kindOptions = useServiceEnumOptions('ticketKind', ticketKinds);
  // Tickets follow their account's writers (admin, manager, service, sales): the "accounts" area.
  const actions = useRecordActionColumns<Ticket>({ resource: ticketsApi, area: 'accounts', inBin: bin.active, nameOf: (ticket) => ticket.subject, fixed: true });
  const columns = [...useTicketColumns({ showAccount: true, compact: true, onOpen: records.onOpen, sortOrderOf: list.sortOrderOf }), ...actions];
  const accountFilter = list.params.accountId ? Number(list.params.accountId) : undefined;
  const assigneeFilter = list.params.assigneeId ? Number(list.params.assigneeId) : undefined;

  return (
    <RecordListPage<Ticket>
      records={records}
      title={t('service.tickets.title')}
      titleTestId="tickets-title"
      canWrite={canWrite}
      newRecord={{ label: t('service.tickets.new'), testId: 'ticket-new' }}
      search={{ placeholder: t('service.tickets.searchPlaceholder'), width: 260, testId: 'tickets-search' }}
      filters={
        <>
          <ListSelectFilter list={list} name="status" placeholder={t('service.fields.status')} options={statusOptions} width={150} testId="tickets-status-filter" />
          <ListSelectFilter list={list} name="kind" placeholder={t('service.fields.kind')} options={kindOptions} width={130} />
          <ListFilter width={200}>
            <UserSelect allowClear placeholder={t('service.tickets.anyAssignee')} value={assigneeFilter} onChange={(value) => list.update({ assigneeId: value })} />
          </ListFilter>
          <ListFilter width={260}>
            <AccountSelect
              allowClear
              placeholder={t('service.tickets.anyAccount')}
              value={accountFilter}
              initialLabel={accountFilter ? records.query.data?.items.find((ticket) => ticket.accountId === accountFilter)?.accountName : undefined}
              onChange={(value) => list.update({ accountId: value })}
              testId="tickets-account-filter"
            />
          </ListFilter>
        </>
      }
      columns={columns}
      emptyText={t('service.tickets.empty')}
      tableTestId="tickets-table"
      drawer={<TicketFormDrawer open={records.drawer.open} ticket={records.drawer.record} onClose={records.drawer.onClose} />}
    />
  );
}
