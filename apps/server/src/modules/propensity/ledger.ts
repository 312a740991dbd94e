/**
 * The prediction ledger in the database: outcomes are filled in once a prediction's horizon has passed (from the
 * orders, as the models define them), and the resolved predictions are read back for the corrections.
 */
import type { LedgerPrediction } from '@relata/analytics';
import type { Database } from '../../db/connection.js';
import { period } from './compute.js';

/**
 * Every open prediction whose horizon ended by `asOf` gets its outcome: for a purchase target, whether the customer
 * bought (one of the target's products) after the issue day and up to the horizon's end; for churn, whether they
 * bought nothing in that time. Returns how many were resolved.
 */
export async function resolveOutcomes(database: Database, asOf: Date): Promise<number> {
  const { rowCount } = await database.pool.query(
    `UPDATE predictions p SET outcome = CASE WHEN p.target = 'churn' THEN NOT bought.any ELSE bought.any END
     FROM (
       SELECT p2.id, EXISTS (
         SELECT 1 FROM orders o JOIN order_lines l ON l.order_id = o.id
         WHERE o.account_id = p2.account_id AND o.deleted_at IS NULL AND o.status IN ('completed', 'returned') AND l.quantity > 0
           AND (o.ordered_at AT TIME ZONE 'UTC')::date > p2.issued_on AND (o.ordered_at AT TIME ZONE 'UTC')::date <= p2.horizon_end
           AND (m.product_ids = '{}' OR l.product_id = ANY(m.product_ids))) AS any
       FROM predictions p2 JOIN propensity_models m ON m.run_id = p2.run_id AND m.target = p2.target
       WHERE p2.outcome IS NULL AND p2.horizon_end <= $1::date) bought
     WHERE p.id = bought.id`,
    [asOf.toISOString().slice(0, 10)],
  );
  return rowCount ?? 0;
}

/**
 * Resolved predictions of the last `periods` horizons, per target, as the corrections read them. Product-group
 * targets are matched by key only when the group is the same products (keys are renumbered each run), so only
 * 'any' and 'churn' carry their ledger across runs, and a product group only within runs that agree.
 */
export async function loadLedger(database: Database, asOf: Date, horizonDays: number, periods = 8): Promise<Record<string, LedgerPrediction[]>> {
  const { rows } = await database.pool.query<[string, number, boolean, string, number]>({
    rowMode: 'array',
    text: `SELECT target, probability::float8, outcome, segment, (issued_on - DATE '1970-01-01')
           FROM predictions WHERE outcome IS NOT NULL AND target IN ('any', 'churn') AND issued_on >= $1::date - $2::int`,
    values: [asOf.toISOString().slice(0, 10), Math.round(horizonDays * (periods + 1))],
  });
  const ledger: Record<string, LedgerPrediction[]> = {};
  for (const [target, probability, outcome, segment, day] of rows) {
    (ledger[target] ??= []).push({ probability, outcome, segment, period: period(day, horizonDays) });
  }
  return ledger;
}

export interface ContactDays {
  account: Float64Array;
  day: Int32Array;
}

/** Days of every touch (activity) with a known account before asOf: "days since last contact" is a feature. */
export async function loadContacts(database: Database, asOf: Date): Promise<ContactDays> {
  const { rows } = await database.pool.query<[number, number]>({
    rowMode: 'array',
    text: `SELECT account_id, ((occurred_at AT TIME ZONE 'UTC')::date - DATE '1970-01-01') FROM activities
           WHERE account_id IS NOT NULL AND deleted_at IS NULL AND occurred_at <= $1 GROUP BY 1, 2`,
    values: [asOf],
  });
  return { account: Float64Array.from(rows, (r) => r[0]), day: Int32Array.from(rows, (r) => r[1]) };
}
