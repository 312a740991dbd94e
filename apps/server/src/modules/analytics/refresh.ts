/**
 * A customer-value refresh as a stored snapshot: read the purchase history with one aggregate query,
 * compute in a worker thread (the API keeps answering), write every customer's scores under the run.
 */
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/connection.js';
import { runInWorker } from '../../jobs/run-in-worker.js';
import type { AccountFacts, CustomerValue, PurchaseDays, ValueParams, computeCustomerValue } from './customer-value.js';
import { refreshRelationship } from '../relationship/refresh.js';
import { refreshSegments } from '../segments/refresh.js';
import { analyticsRuns } from './schema.js';

const DAY_MS = 86_400_000;

export async function loadPurchaseDays(database: Database, asOf: Date): Promise<PurchaseDays> {
  // A day counts as a purchase when something was bought (a day of returns only is not a purchase; a free
  // purchase is, as in the CDNOW data behind the published BG/NBD results).
  const { rows } = await database.pool.query<[number, number, number, number]>({
    rowMode: 'array',
    text: `
      SELECT o.account_id, ((o.ordered_at AT TIME ZONE 'UTC')::date - DATE '1970-01-01') AS day,
             sum(l.quantity * l.unit_price)::float8 AS revenue,
             sum(l.quantity * (l.unit_price - coalesce(l.unit_cost, p.unit_cost, 0)))::float8 AS margin
      FROM orders o
      JOIN accounts a ON a.id = o.account_id AND a.deleted_at IS NULL
      JOIN order_lines l ON l.order_id = o.id
      LEFT JOIN products p ON p.id = l.product_id
      WHERE o.deleted_at IS NULL AND o.status IN ('completed', 'returned') AND o.ordered_at < $1
      GROUP BY 1, 2
      HAVING bool_or(l.quantity > 0)
      ORDER BY 1, 2`,
    values: [endOfDay(asOf)],
  });
  const n = rows.length;
  const history: PurchaseDays = { accountIds: new Float64Array(n), days: new Int32Array(n), revenue: new Float64Array(n), margin: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    history.accountIds[i] = r[0];
    history.days[i] = r[1];
    history.revenue[i] = r[2];
    history.margin[i] = r[3];
  }
  return history;
}

/**
 * Per account: the price ratio ρ = Σ q·p / Σ q·p̄ (p̄ the quantity-weighted mean price of the product over all
 * customers, positive quantities only: the seed's matching-price average; same definition as matchingPriceIndex
 * in @relata/analytics, computed here in SQL so a million order lines never travel to JavaScript), the referrer,
 * and the number of product endorsements (product suggestions that were adopted).
 */
export async function loadAccountFacts(database: Database, asOf: Date): Promise<AccountFacts> {
  const { rows } = await database.pool.query<[number, number, number | null, number]>({
    rowMode: 'array',
    text: `
      WITH lines AS (
        SELECT o.account_id, l.product_id, l.quantity, l.unit_price
        FROM order_lines l JOIN orders o ON o.id = l.order_id
        WHERE o.account_id IS NOT NULL AND o.deleted_at IS NULL AND o.status IN ('completed', 'returned') AND l.product_id IS NOT NULL
          AND l.quantity > 0 AND l.unit_price >= 0 AND o.ordered_at < $1),
      product_price AS (SELECT product_id, sum(quantity * unit_price) / nullif(sum(quantity), 0) AS average FROM lines GROUP BY 1),
      ratio AS (
        SELECT l.account_id, sum(l.quantity * l.unit_price) / nullif(sum(l.quantity * pp.average), 0) AS rho
        FROM lines l JOIN product_price pp USING (product_id) GROUP BY 1),
      referrer AS (SELECT DISTINCT ON (referred_account_id) referred_account_id AS account_id, referrer_account_id
                   FROM referrals WHERE deleted_at IS NULL AND referred_account_id IS NOT NULL ORDER BY referred_account_id, referred_at),
      endorsements AS (SELECT account_id, count(*) AS n FROM product_suggestions WHERE status = 'adopted' AND deleted_at IS NULL GROUP BY 1)
      SELECT a.id, coalesce(ratio.rho, 1)::float8, referrer.referrer_account_id, coalesce(endorsements.n, 0)::float8
      FROM accounts a LEFT JOIN ratio ON ratio.account_id = a.id LEFT JOIN referrer ON referrer.account_id = a.id
      LEFT JOIN endorsements ON endorsements.account_id = a.id
      WHERE a.deleted_at IS NULL AND (ratio.account_id IS NOT NULL OR referrer.account_id IS NOT NULL OR endorsements.account_id IS NOT NULL)`,
    values: [endOfDay(asOf)],
  });
  const n = rows.length;
  const facts: AccountFacts = { ids: new Float64Array(n), priceRatio: new Float64Array(n), referredBy: new Float64Array(n), endorsements: new Float64Array(n) };
  rows.forEach((r, i) => {
    facts.ids[i] = r[0];
    facts.priceRatio[i] = r[1];
    facts.referredBy[i] = r[2] ?? NaN;
    facts.endorsements[i] = r[3];
  });
  return facts;
}

const endOfDay = (asOf: Date) => new Date(Math.floor(asOf.getTime() / DAY_MS + 1) * DAY_MS);

export async function executeRefresh(database: Database, runId: number, asOf: Date, params: ValueParams) {
  const db = database.db;
  const setProgress = (progress: number, stage: string) =>
    db.update(analyticsRuns).set({ progress: Math.round(progress), summary: sql`jsonb_build_object('stage', ${stage}::text)` }).where(eq(analyticsRuns.id, runId));
  await db.update(analyticsRuns).set({ status: 'running', progress: 1 }).where(eq(analyticsRuns.id, runId));
  try {
    const t0 = performance.now();
    // Fresh planner statistics: PGlite has no autovacuum, and after a bulk import stale statistics turn the
    // aggregate below into nested loops (12 s instead of under 1 s on 160k lines in bench/analytics.ts).
    await database.pool.query('ANALYZE accounts, products, orders, order_lines');
    const analyzeMs = Math.round(performance.now() - t0);
    const history = await loadPurchaseDays(database, asOf);
    const purchasesMs = Math.round(performance.now() - t0) - analyzeMs;
    const facts = await loadAccountFacts(database, asOf);
    if (history.days.length === 0) {
      // nothing bought yet: an empty snapshot, not a failure
      await db.update(analyticsRuns).set({ status: 'done', progress: 100, finishedAt: new Date(), summary: { customers: 0, purchaseDays: 0, params } }).where(eq(analyticsRuns.id, runId));
      return;
    }
    const loadMs = Math.round(performance.now() - t0);
    await setProgress(10, 'computing');
    let lastWrite: Promise<unknown> = Promise.resolve();
    const result = await runInWorker<unknown, ReturnType<typeof computeCustomerValue>>(
      new URL('./value-worker.ts', import.meta.url),
      { history, facts, asOfDay: Math.floor(asOf.getTime() / DAY_MS), params },
      (percent, stage) => {
        lastWrite = lastWrite.then(() => setProgress(10 + percent * 0.7, stage)).catch(() => {});
      },
      [history.accountIds, history.days, history.revenue, history.margin, facts.ids, facts.priceRatio, facts.referredBy, facts.endorsements].map((a) => a.buffer as ArrayBuffer),
    );
    await lastWrite;
    await setProgress(80, 'saving');
    const t1 = performance.now();
    await writeScores(database, runId, result.customers);
    const saveMs = Math.round(performance.now() - t1);
    await setProgress(85, 'segments');
    let lastSegmentWrite: Promise<unknown> = Promise.resolve();
    const segments = await refreshSegments(database, runId, asOf, params, (percent, stage) => {
      lastSegmentWrite = lastSegmentWrite.then(() => setProgress(85 + percent * 0.14, stage)).catch(() => {});
    });
    await lastSegmentWrite;
    await setProgress(99, 'relationship');
    const relationship = await refreshRelationship(database, runId, asOf, params);
    await db
      .update(analyticsRuns)
      .set({ status: 'done', progress: 100, finishedAt: new Date(), summary: { ...result.summary, segments, relationship, timingsMs: { analyze: analyzeMs, readPurchases: purchasesMs, readFacts: loadMs - analyzeMs - purchasesMs, ...result.summary.timingsMs, save: saveMs } } })
      .where(eq(analyticsRuns.id, runId));
  } catch (err) {
    for (const table of ['customer_scores', 'customer_group_members', 'customer_groups', 'product_groups', 'group_associations', 'product_rules', 'offers', 'predictions', 'propensity_models', 'relationship_scores']) {
      await database.pool.query(`DELETE FROM ${table} WHERE run_id = $1`, [runId]);
    }
    await db.update(analyticsRuns).set({ status: 'failed', error: (err as Error).message, finishedAt: new Date() }).where(eq(analyticsRuns.id, runId));
    throw err;
  }
}

/** Six significant digits are plenty for a score's parts, and the snapshot is written several times smaller. */
const compactNumber = (_key: string, value: unknown) => (typeof value === 'number' && Number.isFinite(value) && !Number.isInteger(value) ? Number(value.toPrecision(6)) : value);

async function writeScores(database: Database, runId: number, customers: CustomerValue[]) {
  const CHUNK = 5000;
  for (let i = 0; i < customers.length; i += CHUNK) {
    const part = customers.slice(i, i + CHUNK);
    const col = <K extends keyof CustomerValue>(k: K) => part.map((c) => c[k]);
    await database.pool.query(
      `INSERT INTO customer_scores (run_id, account_id, recency_days, frequency, monetary, rfm_score, segment, abc_class, value_tier, p_alive, expected_purchases, predicted_clv, lifecycle_stage, details)
       SELECT $1, * FROM unnest($2::bigint[], $3::int[], $4::int[], $5::numeric[], $6::text[], $7::text[], $8::text[], $9::text[], $10::numeric[], $11::numeric[], $12::numeric[], $13::text[], $14::jsonb[])`,
      [runId, col('accountId'), col('recencyDays'), col('frequency'), col('monetary'), col('rfmScore'), col('segment'), col('abcClass'), col('valueTier'), col('pAlive'), col('expectedPurchases'), col('predictedClv'), col('lifecycleStage'), part.map((c) => JSON.stringify(c.details, compactNumber))],
    );
  }
}
