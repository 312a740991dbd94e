import { desc, eq, sql } from 'drizzle-orm';
import { cltvFormulaDescription, LIFECYCLE_STAGE_NAMES, lifecycleRule, lifecycleRuleExplanation, RFM_SEGMENT_GRID } from '@relata/analytics';
import type { Database, Db } from '../../db/connection.js';
import { getRecord } from '../../db/record-store.js';
import { conflict, notFound } from '../../http/errors.js';
import { accountKind, accountScope } from '../accounts/service.js';
import { assertRole } from '../users/access.js';
import type { CurrentUser } from '../users/service.js';
import { cltvBreakdownOf, defaultValueParams, type CltvInputs, type FittedModels, type ValueParams } from './customer-value.js';
import { executeRefresh } from './refresh.js';
import { analyticsRuns } from './schema.js';

/** Refreshes run one at a time per server; a second request while one runs gets that run back as a 409. */
let running: Promise<void> | null = null;

export async function startRefresh(database: Database, userId: number | null, options: { asOf?: Date; params?: Partial<ValueParams> } = {}) {
  const db = database.db;
  const [active] = await db.select().from(analyticsRuns).where(sql`${analyticsRuns.status} IN ('queued', 'running')`).limit(1);
  if (active && running) throw conflict('An analytics refresh is already running', { runId: active.id });
  if (active) {
    // left over from a server that stopped mid-run
    await db.update(analyticsRuns).set({ status: 'failed', error: 'interrupted (server stopped)', finishedAt: new Date() }).where(eq(analyticsRuns.id, active.id));
  }
  // Parameters an analyst set stay in force for later runs (scheduled ones included) until changed.
  const previous = await latestDoneRun(db);
  const kept = previous?.params as Partial<ValueParams> | undefined;
  const params = { ...defaultValueParams, ...kept, ...options.params, segments: { ...kept?.segments, ...options.params?.segments }, propensity: { ...kept?.propensity, ...options.params?.propensity }, relationship: { ...kept?.relationship, ...options.params?.relationship } };
  const asOf = options.asOf ?? new Date();
  const [run] = await db.insert(analyticsRuns).values({ kind: 'customer-value', status: 'queued', asOf, params, startedBy: userId }).returning();
  running = executeRefresh(database, run.id, asOf, params)
    .catch((err) => console.error(`analytics run ${run.id} failed:`, err))
    .finally(() => {
      running = null;
    });
  return { run, done: running };
}

export const listRuns = (db: Db, limit = 50) =>
  db
    .select({ id: analyticsRuns.id, kind: analyticsRuns.kind, status: analyticsRuns.status, asOf: analyticsRuns.asOf, progress: analyticsRuns.progress, error: analyticsRuns.error, createdAt: analyticsRuns.createdAt, finishedAt: analyticsRuns.finishedAt })
    .from(analyticsRuns)
    .orderBy(desc(analyticsRuns.id))
    .limit(limit);

export async function getRun(db: Db, id: number) {
  const [run] = await db.select().from(analyticsRuns).where(eq(analyticsRuns.id, id));
  if (!run) throw notFound('Analytics run');
  return run;
}

export async function latestDoneRun(db: Db) {
  const [run] = await db.select().from(analyticsRuns).where(eq(analyticsRuns.status, 'done')).orderBy(desc(analyticsRuns.id)).limit(1);
  return run ?? null;
}

/** What the models mean, for the screens: the CLTV formula, the lifecycle rule, the RFM grid, the defaults. */
export function definitions() {
  return {
    defaults: defaultValueParams,
    cltv: cltvFormulaDescription,
    lifecycle: { rule: lifecycleRule(), explanation: lifecycleRuleExplanation, stages: LIFECYCLE_STAGE_NAMES },
    rfmGrid: RFM_SEGMENT_GRID,
  };
}

/** The figures of the analytics overview, from the latest finished snapshot. */
export async function overview(db: Db, user: CurrentUser) {
  assertRole(user, 'admin', 'manager', 'analyst');
  const run = await latestDoneRun(db);
  if (!run) return { run: null };
  const q = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => (await db.execute<T>(query)).rows;
  const rfmGrid = await q<{ r: number; fm: number; customers: number; value: number }>(sql`
    SELECT substr(rfm_score, 1, 1)::int AS r, ceil((substr(rfm_score, 2, 1)::int + substr(rfm_score, 3, 1)::int) / 2.0)::int AS fm,
           count(*)::int AS customers, sum(monetary)::float8 AS value
    FROM customer_scores WHERE run_id = ${run.id} GROUP BY 1, 2 ORDER BY 1, 2`);
  const bySegment = await q<{ segment: string; customers: number; value: number; clv: number }>(sql`
    SELECT segment, count(*)::int AS customers, sum(monetary)::float8 AS value, sum(predicted_clv)::float8 AS clv
    FROM customer_scores WHERE run_id = ${run.id} GROUP BY 1 ORDER BY 2 DESC`);
  const byTier = await q<{ tier: string; customers: number; value: number; clv: number }>(sql`
    SELECT value_tier AS tier, count(*)::int AS customers, sum(monetary)::float8 AS value, sum(predicted_clv)::float8 AS clv
    FROM customer_scores WHERE run_id = ${run.id} GROUP BY 1`);
  const byStage = await q<{ stage: string; customers: number }>(sql`
    SELECT coalesce(lifecycle_stage, 'unknown') AS stage, count(*)::int AS customers FROM customer_scores WHERE run_id = ${run.id} GROUP BY 1`);
  // CLV distribution in 20 equal-width buckets up to the 99th percentile (the long tail goes in the last one).
  const clvHistogram = await q<{ bucket: number; low: number; high: number; customers: number }>(sql`
    WITH cap AS (SELECT greatest(percentile_cont(0.99) WITHIN GROUP (ORDER BY predicted_clv), 1)::float8 AS hi FROM customer_scores WHERE run_id = ${run.id})
    SELECT least(width_bucket(predicted_clv::float8, 0, cap.hi, 20), 20) AS bucket,
           min(predicted_clv)::float8 AS low, max(predicted_clv)::float8 AS high, count(*)::int AS customers
    FROM customer_scores, cap WHERE run_id = ${run.id} GROUP BY 1 ORDER BY 1`);
  const top = await q(sql`
    SELECT s.account_id AS "accountId", a.name, s.segment, s.value_tier AS "valueTier", s.p_alive::float8 AS "pAlive", s.predicted_clv::float8 AS "predictedClv"
    FROM customer_scores s JOIN accounts a ON a.id = s.account_id WHERE s.run_id = ${run.id} ORDER BY s.predicted_clv DESC LIMIT 10`);
  return { run, rfmGrid, bySegment, byTier, byStage, clvHistogram, top };
}

/** An account's value now and over time (one point per snapshot): exit decisions never rest on one point. */
export async function accountValue(db: Db, user: CurrentUser, accountId: number) {
  await getRecord(db, accountKind, accountId, accountScope(user));
  const { rows } = await db.execute<Record<string, unknown> & { runId: number; details: Record<string, unknown> & CltvInputs }>(sql`
    SELECT r.id AS "runId", r.as_of AS "asOf", s.recency_days AS "recencyDays", s.frequency, s.monetary::float8 AS monetary, s.rfm_score AS "rfmScore",
           s.segment, s.abc_class AS "abcClass", s.value_tier AS "valueTier", s.lifecycle_stage AS "lifecycleStage",
           s.p_alive::float8 AS "pAlive", s.expected_purchases::float8 AS "expectedPurchases", s.predicted_clv::float8 AS "predictedClv", s.details,
           r.summary AS "runSummary", r.params AS "runParams"
    FROM customer_scores s JOIN analytics_runs r ON r.id = s.run_id
    WHERE s.account_id = ${accountId} AND r.status = 'done' ORDER BY r.as_of, r.id`);
  // The customers this one brought in, with their relationship value in each snapshot (the I of CLTV).
  const referred = (
    await db.execute<{ runId: number; value: number }>(sql`
      SELECT s.run_id AS "runId", s.predicted_clv::float8 AS value
      FROM (SELECT DISTINCT ON (referred_account_id) referred_account_id, referrer_account_id FROM referrals
            WHERE deleted_at IS NULL AND referred_account_id IS NOT NULL ORDER BY referred_account_id, referred_at) first_referral
      JOIN customer_scores s ON s.account_id = first_referral.referred_account_id
      WHERE first_referral.referrer_account_id = ${accountId}`)
  ).rows;
  const history = rows.map(({ runSummary, runParams, ...score }) => {
    const values = referred.filter((r) => r.runId === score.runId).map((r) => r.value);
    const params = { ...defaultValueParams, ...(runParams as Partial<ValueParams>) };
    const cltv = cltvBreakdownOf(runSummary as FittedModels, params, accountId, score.details, values);
    return { ...score, asOf: new Date(score.asOf as string).toISOString(), params, details: { ...score.details, cltv } };
  });
  return { latest: history.at(-1) ?? null, history };
}

