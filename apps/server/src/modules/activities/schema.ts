import { bigint, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { id, recordColumns } from '../../db/columns.js';
import { accounts } from '../accounts/schema.js';
import { contacts } from '../contacts/schema.js';
import { users } from '../users/schema.js';

export const activityTypes = ['call_in', 'call_out', 'email', 'visit', 'meeting', 'note', 'task'] as const;

/** Every touch with a customer; inbound/outbound calls double as the contact centre's call log. */
export const activities = pgTable(
  'activities',
  {
    id: id(),
    accountId: bigint('account_id', { mode: 'number' }).references(() => accounts.id),
    contactId: bigint('contact_id', { mode: 'number' }).references(() => contacts.id),
    /** Set when the touch belongs to a lead, an opportunity, a ticket, a campaign or an exit case. */
    relatedType: text('related_type'),
    relatedId: bigint('related_id', { mode: 'number' }),
    userId: integer('user_id').references(() => users.id),
    type: text('type', { enum: activityTypes }).notNull(),
    subject: text('subject').notNull(),
    body: text('body'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    durationMinutes: integer('duration_minutes'),
    outcome: text('outcome'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    ...recordColumns(),
  },
  (t) => [index('activities_account_idx').on(t.accountId, t.occurredAt), index('activities_occurred_idx').on(t.occurredAt)],
);

/** Outbound call lists generated from campaigns or analytics (who to call, in what order). */
export const callLists = pgTable('call_lists', {
  id: id(),
  name: text('name').notNull(),
  source: text('source').notNull(),
  ownerId: integer('owner_id').references(() => users.id),
  ...recordColumns(),
});

export const callListEntries = pgTable('call_list_entries', {
  id: id(),
  callListId: bigint('call_list_id', { mode: 'number' }).notNull().references(() => callLists.id, { onDelete: 'cascade' }),
  accountId: bigint('account_id', { mode: 'number' }).notNull().references(() => accounts.id),
  rank: integer('rank').notNull(),
  reason: text('reason'),
  activityId: bigint('activity_id', { mode: 'number' }).references(() => activities.id),
  status: text('status', { enum: ['pending', 'called', 'skipped'] }).notNull().default('pending'),
});
