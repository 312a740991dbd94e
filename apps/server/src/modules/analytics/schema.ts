import { bigint, bigserial, index, integer, jsonb, numeric, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/schema.js';

/** One analytics refresh: its parameters, progress and outcome. Results hang off it as a snapshot. */
export const analyticsRuns = pgTable('analytics_runs', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kind: text('kind').notNull().default('refresh'),
  status: text('status', { enum: ['queued', 'running', 'done', 'failed'] }).notNull().default('queued'),
  asOf: timestamp('as_of', { withTimezone: true }).notNull(),
  params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
  progress: integer('progress').notNull().default(0),
  summary: jsonb('summary').$type<Record<string, unknown>>(),
  error: text('error'),
  startedBy: integer('started_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

/** A customer's scores in one run, so they can be followed over time (exit decisions never rest on one point). */
export const customerScores = pgTable(
  'customer_scores',
  {
    runId: bigint('run_id', { mode: 'number' }).notNull().references(() => analyticsRuns.id, { onDelete: 'cascade' }),
    accountId: bigint('account_id', { mode: 'number' }).notNull().references(() => accounts.id),
    recencyDays: integer('recency_days'),
    frequency: integer('frequency'),
    monetary: numeric('monetary', { precision: 16, scale: 2, mode: 'number' }),
    rfmScore: text('rfm_score'),
    segment: text('segment'),
    abcClass: text('abc_class'),
    valueTier: text('value_tier'),
    lifecycleStage: text('lifecycle_stage'),
    pAlive: numeric('p_alive', { precision: 7, scale: 6, mode: 'number' }),
    expectedPurchases: numeric('expected_purchases', { precision: 12, scale: 4, mode: 'number' }),
    predictedClv: numeric('predicted_clv', { precision: 16, scale: 2, mode: 'number' }),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [index('customer_scores_account_idx').on(t.accountId, t.runId), index('customer_scores_run_idx').on(t.runId)],
);
