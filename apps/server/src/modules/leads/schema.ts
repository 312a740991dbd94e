import { bigint, index, integer, jsonb, numeric, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { id, recordColumns } from '../../db/columns.js';
import { accounts } from '../accounts/schema.js';
import { users } from '../users/schema.js';

export const leadStatuses = ['new', 'working', 'qualified', 'unqualified', 'converted'] as const;

export const leads = pgTable(
  'leads',
  {
    id: id(),
    name: text('name').notNull(),
    company: text('company'),
    email: text('email'),
    phone: text('phone'),
    source: text('source', { enum: ['form', 'import', 'campaign', 'referral', 'manual'] }).notNull().default('manual'),
    campaignId: bigint('campaign_id', { mode: 'number' }),
    status: text('status', { enum: leadStatuses }).notNull().default('new'),
    score: numeric('score', { precision: 6, scale: 2, mode: 'number' }),
    ownerId: integer('owner_id').references(() => users.id),
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
    convertedAccountId: bigint('converted_account_id', { mode: 'number' }).references(() => accounts.id),
    convertedAt: timestamp('converted_at', { withTimezone: true }),
    notes: text('notes'),
    ...recordColumns(),
  },
  (t) => [index('leads_owner_idx').on(t.ownerId)],
);
