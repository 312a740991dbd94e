import { sql } from 'drizzle-orm';
import { bigint, index, integer, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, recordColumns } from '../../db/columns.js';
import { accounts } from '../accounts/schema.js';
import { contacts } from '../contacts/schema.js';
import { users } from '../users/schema.js';

export const ticketKinds = ['request', 'complaint', 'question', 'incident'] as const;
export const ticketPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export const ticketStatuses = ['open', 'in_progress', 'waiting', 'resolved', 'closed'] as const;

/** Service requests and complaints; time and cost spent feed the "total service cost" factor. */
export const tickets = pgTable(
  'tickets',
  {
    id: id(),
    /** The ticket's number in the system it was imported from: importing the file again updates, never duplicates. */
    externalId: text('external_id'),
    accountId: bigint('account_id', { mode: 'number' }).notNull().references(() => accounts.id),
    contactId: bigint('contact_id', { mode: 'number' }).references(() => contacts.id),
    kind: text('kind', { enum: ticketKinds }).notNull().default('request'),
    subject: text('subject').notNull(),
    description: text('description'),
    priority: text('priority', { enum: ticketPriorities }).notNull().default('normal'),
    status: text('status', { enum: ticketStatuses }).notNull().default('open'),
    assigneeId: integer('assignee_id').references(() => users.id),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    slaDueAt: timestamp('sla_due_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Staff time spent on the ticket, and its full cost (time at the service rate plus visits, parts, goodwill). */
    minutesSpent: integer('minutes_spent').notNull().default(0),
    costSpent: numeric('cost_spent', { precision: 14, scale: 2, mode: 'number' }).notNull().default(0),
    /** Satisfaction after the ticket: CSAT 1–5, NPS 0–10. */
    csat: integer('csat'),
    nps: integer('nps'),
    ...recordColumns(),
  },
  (t) => [
    index('tickets_account_idx').on(t.accountId),
    index('tickets_status_idx').on(t.status),
    uniqueIndex('tickets_external_id_key').on(t.externalId).where(sql`${t.externalId} IS NOT NULL`),
  ],
);
