import { bigint, boolean, date, index, integer, numeric, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { id, recordColumns } from '../../db/columns.js';
import { accounts } from '../accounts/schema.js';
import { users } from '../users/schema.js';

/** The pipeline's stages with their default win probability (weighted forecast = amount × probability). */
export const pipelineStages = pgTable('pipeline_stages', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  position: integer('position').notNull(),
  probability: numeric('probability', { precision: 5, scale: 2, mode: 'number' }).notNull(),
  isWon: boolean('is_won').notNull().default(false),
  isLost: boolean('is_lost').notNull().default(false),
});

export const opportunities = pgTable(
  'opportunities',
  {
    id: id(),
    accountId: bigint('account_id', { mode: 'number' }).notNull().references(() => accounts.id),
    name: text('name').notNull(),
    stageId: integer('stage_id').notNull().references(() => pipelineStages.id),
    amount: numeric('amount', { precision: 16, scale: 2, mode: 'number' }),
    probability: numeric('probability', { precision: 5, scale: 2, mode: 'number' }),
    closeDate: date('close_date'),
    ownerId: integer('owner_id').references(() => users.id),
    leadId: bigint('lead_id', { mode: 'number' }),
    notes: text('notes'),
    ...recordColumns(),
  },
  (t) => [index('opportunities_account_idx').on(t.accountId), index('opportunities_stage_idx').on(t.stageId)],
);
