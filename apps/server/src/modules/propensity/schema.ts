/**
 * Purchase propensity and churn risk: the models each analytics run trains (one per target: any purchase, each
 * main product group, churn) and the prediction ledger — every probability issued, who for, what, until when, by
 * which model, and, once the horizon has passed, what happened. The ledger's errors correct the next predictions.
 */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, date, index, jsonb, pgTable, primaryKey, real, text } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/schema.js';
import { analyticsRuns } from '../analytics/schema.js';

export const propensityModels = pgTable(
  'propensity_models',
  {
    runId: bigint('run_id', { mode: 'number' })
      .notNull()
      .references(() => analyticsRuns.id, { onDelete: 'cascade' }),
    /** 'any', 'group:<n>' (a product group of the same run) or 'churn' */
    target: text('target').notNull(),
    /** products whose purchase counts as the outcome (empty: any product; churn: no purchase at all) */
    productIds: bigint('product_ids', { mode: 'number' }).array().notNull(),
    horizonDays: real('horizon_days').notNull(),
    chosen: text('chosen').notNull(),
    /** candidates' cross-validated figures, ROC and calibration curves, factors, outliers, trend sample, correction */
    quality: jsonb('quality').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.target] })],
);

export const predictions = pgTable(
  'predictions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    runId: bigint('run_id', { mode: 'number' })
      .notNull()
      .references(() => analyticsRuns.id, { onDelete: 'cascade' }),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => accounts.id),
    target: text('target').notNull(),
    /** the customer group at issue time: corrections are learned per group */
    segment: text('segment').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    horizonEnd: date('horizon_end', { mode: 'string' }).notNull(),
    /** the model's probability, and after the ledger's correction (what the screens show) */
    probability: real('probability').notNull(),
    corrected: real('corrected').notNull(),
    /** top factors of this customer's score */
    factors: jsonb('factors').$type<unknown[]>(),
    /** null until the horizon has passed */
    outcome: boolean('outcome'),
  },
  (t) => [index('predictions_run_target_idx').on(t.runId, t.target, t.corrected), index('predictions_account_idx').on(t.accountId, t.runId), index('predictions_open_idx').on(t.horizonEnd).where(sql`outcome IS NULL`)],
);
