import { useQuery } from '@tanstack/react-query';
import { useCurrentUser } from './auth';
import { api } from './client';
import type { Role } from './enums';
import type { ListResult, RecordMeta } from './list';
import { resourceHooks } from './resource';

/** Enumerations of apps/server/src/modules/tickets/schema.ts (labels under `service.enums.*`). */
export const ticketKinds = ['request', 'complaint', 'question', 'incident'] as const;
export type TicketKind = (typeof ticketKinds)[number];
export const ticketPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof ticketPriorities)[number];
export const ticketStatuses = ['open', 'in_progress', 'waiting', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

/** A service ticket: a customer's request, question, complaint or incident, with the time and cost it took. */
export interface Ticket extends RecordMeta {
  accountId: number;
  /** Sent by the list endpoint. */
  accountName?: string | null;
  contactId: number | null;
  kind: TicketKind;
  subject: string;
  description: string | null;
  priority: TicketPriority;
  status: TicketStatus;
  assigneeId: number | null;
  /** Sent by the list endpoint. */
  assigneeName?: string | null;
  openedAt: string;
  slaDueAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  /** Staff minutes spent in total. */
  minutesSpent: number;
  /** Full cost of the ticket in the company's currency. */
  costSpent: number;
  csat: number | null;
  nps: number | null;
}

export interface TicketInput {
  accountId: number;
  contactId?: number | null;
  kind?: TicketKind;
  subject: string;
  description?: string | null;
  priority?: TicketPriority;
  status?: TicketStatus;
  assigneeId?: number | null;
  openedAt?: string;
  slaDueAt?: string | null;
  minutesSpent?: number;
  costSpent?: number;
  csat?: number | null;
  nps?: number | null;
}

export const ticketsApi = resourceHooks<Ticket, TicketInput, Partial<TicketInput>>('tickets', '/tickets', {
  related: ['accounts', 'audit'],
  savedAlsoChanges: ['audit'],
});

export const {
  useList: useTickets,
  useOne: useTicket,
  useCreate: useCreateTicket,
  useUpdate: useUpdateTicket,
  useRemove: useRemoveTicket,
  useRestore: useRestoreTicket,
} = ticketsApi;

/** Who writes tickets (apps/server/src/modules/tickets/service.ts); sales only on their own accounts, analysts read. */
export const ticketWriters: readonly Role[] = ['admin', 'manager', 'service', 'sales'];
export function useCanWriteTickets(): boolean {
  const role = useCurrentUser().data?.role;
  return role !== undefined && ticketWriters.includes(role);
}

export interface TicketTotals {
  count: number;
  open: number;
  minutes: number;
  cost: number;
}

const pageSize = 200;
const maxPages = 25;

/**
 * The totals of an account's tickets (count, still open, time, cost), added up over every page of the list
 * endpoint (it has no totals of its own). Under the `tickets` root, so every save refreshes it.
 */
export function useAccountTicketTotals(accountId: number) {
  return useQuery({
    queryKey: ['tickets', 'totals', accountId],
    queryFn: async ({ signal }) => {
      const totals: TicketTotals = { count: 0, open: 0, minutes: 0, cost: 0 };
      for (let page = 1; page <= maxPages; page++) {
        const data = await api<ListResult<Ticket>>('/tickets', { query: { accountId, page, pageSize, sort: 'openedAt', order: 'desc' }, signal });
        for (const ticket of data.items) {
          totals.count += 1;
          if (ticket.status !== 'resolved' && ticket.status !== 'closed') totals.open += 1;
          totals.minutes += ticket.minutesSpent;
          totals.cost += Number(ticket.costSpent);
        }
        if (page * pageSize >= data.total) break;
      }
      totals.cost = Math.round(totals.cost * 100) / 100;
      return totals;
    },
  });
}
