/**
 * A customer-value refresh as a stored snapshot: read the purchase history with one aggregate query,
 * compute in a worker thread (the API keeps answering), write every customer's scores under the run.
 */
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/connection.js';
import { runInWorker } from '../../jobs/run-in-worker.js';
import type { CustomerValue, PurchaseDays, ValueParams, computeCustomerValue } from './customer-value.js';
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
      WHERE o.deleted_at IS NULL AND o.status <> 'cancelled' AND o.ordered_at < $1
      GROUP BY 1, 2
      HAVING bool_or(l.quantity > 0)
      ORDER BY 1, 2`,
    values: [new Date(Math.floor(asOf.getTime() / DAY_MS + 1) * DAY_MS)],
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

export async function executeRefresh(database: Database, runId: number, asOf: Date, params: ValueParams) {
  const db = database.db;
  const setProgress = (progress: number, stage: string) =>
    db.update(analyticsRuns).set({ progress: Math.round(progress), summary: sql`jsonb_build_object('stage', ${stage}::text)` }).where(eq(analyticsRuns.id, runId));
  await db.update(analyticsRuns).set({ status: 'running', progress: 1 }).where(eq(analyticsRuns.id, runId));
  try {
    const t0 = performance.now();
    const history = await loadPurchaseDays(database, asOf);
    const loadMs = Math.round(performance.now() - t0);
    await setProgress(10, 'computing');
    let lastWrite: Promise<unknown> = Promise.resolve();
    const result = await runInWorker<unknown, ReturnType<typeof computeCustomerValue>>(
      new URL('./value-worker.ts', import.meta.url),
      { history, asOfDay: Math.floor(asOf.getTime() / DAY_MS), params },
      (percent, stage) => {
        lastWrite = lastWrite.then(() => setProgress(10 + percent * 0.7, stage)).catch(() => {});
      },
      [history.accountIds.buffer, history.days.buffer, history.revenue.buffer, history.margin.buffer] as ArrayBuffer[],
    );
    await lastWrite;
    await setProgress(80, 'saving');
    const t1 = performance.now();
    await writeScores(database, runId, result.customers);
    const saveMs = Math.round(performance.now() - t1);
    await db
      .update(analyticsRuns)
      .set({ status: 'done', progress: 100, finishedAt: new Date(), summary: { ...result.summary, timingsMs: { load: loadMs, ...result.summary.timingsMs, save: saveMs } } })
      .where(eq(analyticsRuns.id, runId));
  } catch (err) {
    await db.execute(sql`DELETE FROM customer_scores WHERE run_id = ${runId}`);
    await db.update(analyticsRuns).set({ status: 'failed', error: (err as Error).message, finishedAt: new Date() }).where(eq(analyticsRuns.id, runId));
    throw err;
  }
}

async function writeScores(database: Database, runId: number, customers: CustomerValue[]) {
  const CHUNK = 5000;
  for (let i = 0; i < customers.length; i += CHUNK) {
    const part = customers.slice(i, i + CHUNK);
    const col = <K extends keyof CustomerValue>(k: K) => part.map((c) => c[k]);
    await database.pool.query(
      `INSERT INTO customer_scores (run_id, account_id, recency_days, frequency, monetary, rfm_score, segment, abc_class, value_tier, p_alive, expected_purchases, predicted_clv, details)
       SELECT $1, * FROM unnest($2::bigint[], $3::int[], $4::int[], $5::numeric[], $6::text[], $7::text[], $8::text[], $9::text[], $10::numeric[], $11::numeric[], $12::numeric[], $13::jsonb[])`,
      [runId, col('accountId'), col('recencyDays'), col('frequency'), col('monetary'), col('rfmScore'), col('segment'), col('abcClass'), col('valueTier'), col('pAlive'), col('expectedPurchases'), col('predictedClv'), part.map((c) => JSON.stringify(c.details))],
    );
  }
}
