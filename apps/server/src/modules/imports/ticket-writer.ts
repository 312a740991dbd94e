import type { RecordTable } from './record-upsert.js';
import type { TicketField } from './ticket-rows.js';

/** Tickets, upserted by external id (the unique index tickets_external_id_key). NOT NULL columns fall back to their defaults (tickets/schema.ts) on an empty cell. */
export const ticketTable: RecordTable<TicketField> = {
  table: 'tickets',
  conflict: '(external_id) WHERE external_id IS NOT NULL',
  columns: {
    external_id: { column: 'external_id', param: 'text[]' },
    account: { column: 'account_id', param: 'bigint[]' },
    subject: { column: 'subject', param: 'text[]' },
    kind: { column: 'kind', param: 'text[]', value: (v) => `coalesce(${v}, 'request')` },
    priority: { column: 'priority', param: 'text[]', value: (v) => `coalesce(${v}, 'normal')` },
    status: { column: 'status', param: 'text[]', value: (v) => `coalesce(${v}, 'open')` },
    opened_at: { column: 'opened_at', param: 'timestamptz[]' },
    resolved_at: { column: 'resolved_at', param: 'timestamptz[]' },
    closed_at: { column: 'closed_at', param: 'timestamptz[]' },
    sla_due_at: { column: 'sla_due_at', param: 'timestamptz[]' },
    minutes_spent: { column: 'minutes_spent', param: 'int[]', value: (v) => `coalesce(${v}, 0)` },
    cost_spent: { column: 'cost_spent', param: 'numeric[]', value: (v) => `coalesce(${v}, 0)` },
    csat: { column: 'csat', param: 'int[]' },
    nps: { column: 'nps', param: 'int[]' },
    description: { column: 'description', param: 'text[]' },
    assignee: { column: 'assignee_id', param: 'int[]' },
  },
};
