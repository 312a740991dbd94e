import { useState } from 'react';
import { Button, Flex, Input, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ticketKinds, ticketStatuses, ticketsApi, useCanWriteTickets, useTickets, type Ticket } from '../../api/tickets';
import { AccountSelect } from '../../components/AccountSelect';
import { UserSelect } from '../../components/UserSelect';
import { PageHeader } from '../../components/layout/PageHeader';
import { RecycleBinHint, RecycleBinSwitch } from '../../components/table/RecycleBinSwitch';
import { ServerTable } from '../../components/table/ServerTable';
import { useListParams } from '../../components/table/useListParams';
import { useRecordActionColumns } from '../../components/table/useRecordActionColumns';
import { recycleBinParam, useRecycleBin } from '../../components/table/useRecycleBin';
import { TicketFormDrawer } from './TicketFormDrawer';
import { useServiceEnumOptions } from './serviceEnums';
import { useTicketColumns } from './useTicketColumns';
import './service.css';

const filterNames = ['status', 'kind', 'assigneeId', 'accountId', recycleBinParam] as const;

/** Service tickets of every customer in reach: filters, search, server paging; a ticket opens in its drawer. */
export default function TicketsPage() {
  const { t } = useTranslation();
  const list = useListParams(filterNames, { sort: 'openedAt', order: 'desc' });
  const bin = useRecycleBin(list);
  const tickets = useTickets(bin.params);
  const canWrite = useCanWriteTickets();
  const [editing, setEditing] = useState<Ticket | 'new' | null>(null);
  const statusOptions = useServiceEnumOptions('ticketStatus', ticketStatuses);
  const kindOptions = useServiceEnumOptions('ticketKind', ticketKinds);
  // Tickets follow their account's writers (admin, manager, service, sales): the "accounts" area.
  const actions = useRecordActionColumns<Ticket>({ resource: ticketsApi, area: 'accounts', inBin: bin.active, nameOf: (ticket) => ticket.subject, fixed: true });
  const columns = [...useTicketColumns({ showAccount: true, compact: true, onOpen: bin.active ? undefined : setEditing, sortOrderOf: list.sortOrderOf }), ...actions];
  const accountFilter = list.params.accountId ? Number(list.params.accountId) : undefined;
  const assigneeFilter = list.params.assigneeId ? Number(list.params.assigneeId) : undefined;

  return (
    <>
      <PageHeader
        title={t('service.tickets.title')}
        testId="tickets-title"
        extra={
          bin.allowed || canWrite ? (
            <>
              <RecycleBinSwitch bin={bin} />
              {canWrite ? (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="ticket-new">
                  {t('service.tickets.new')}
                </Button>
              ) : null}
            </>
          ) : undefined
        }
      />
      <Flex gap={12} wrap className="toolbar">
        <Input.Search
          key={list.params.q ?? ''}
          allowClear
          placeholder={t('service.tickets.searchPlaceholder')}
          defaultValue={list.params.q}
          onSearch={(q) => list.update({ q })}
          style={{ width: 260 }}
          data-testid="tickets-search"
        />
        <Select
          allowClear
          placeholder={t('service.fields.status')}
          options={statusOptions}
          value={list.params.status as string | undefined}
          onChange={(value?: string) => list.update({ status: value })}
          style={{ width: 150 }}
          data-testid="tickets-status-filter"
        />
        <Select
          allowClear
          placeholder={t('service.fields.kind')}
          options={kindOptions}
          value={list.params.kind as string | undefined}
          onChange={(value?: string) => list.update({ kind: value })}
          style={{ width: 130 }}
        />
        <div className="service-filter" style={{ width: 200 }}>
          <UserSelect allowClear placeholder={t('service.tickets.anyAssignee')} value={assigneeFilter} onChange={(value) => list.update({ assigneeId: value })} />
        </div>
        <div className="service-filter" style={{ width: 260 }}>
          <AccountSelect
            allowClear
            placeholder={t('service.tickets.anyAccount')}
            value={accountFilter}
            initialLabel={accountFilter ? tickets.data?.items.find((ticket) => ticket.accountId === accountFilter)?.accountName : undefined}
            onChange={(value) => list.update({ accountId: value })}
            testId="tickets-account-filter"
          />
        </div>
      </Flex>
      <RecycleBinHint bin={bin} />
      <ServerTable<Ticket>
        query={tickets}
        list={list}
        columns={columns}
        emptyText={bin.active ? t('recycleBin.empty') : t('service.tickets.empty')}
        data-testid="tickets-table"
      />
      <TicketFormDrawer open={editing !== null} ticket={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
    </>
  );
}
