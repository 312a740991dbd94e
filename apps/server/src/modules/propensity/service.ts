/**
 * Reading the propensity and churn models of the newest run, the churn-risk list, one account's scores, and the
 * ledger's account of how accurate the predictions were — before and after the correction — run after run.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/connection.js';
import { getRecord } from '../../db/record-store.js';
import { notFound } from '../../http/errors.js';
import { accountKind, accountScope } from '../accounts/service.js';
import { createActivity } from '../activities/service.js';
import { exitingAccounts } from '../relationship/exit-workflow.js';
import { seesAllAccounts } from '../users/access.js';
import { writingLanguage, type CurrentUser } from '../users/service.js';

/** The newest finished run that trained propensity models. */
async function latestPropensityRun(db: Db) {
  const [run] = await rowsOf<{ id: number; asOf: string }>(db, sql`
    SELECT r.id, r.as_of AS "asOf" FROM analytics_runs r WHERE r.status = 'done' AND EXISTS (SELECT 1 FROM propensity_models m WHERE m.run_id = r.id)
    ORDER BY r.id DESC LIMIT 1`);
  return run ?? null;
}

export async function listModels(db: Db) {
  const run = await latestPropensityRun(db);
  if (!run) return { run: null, models: [] };
  const models = await rowsOf(db, sql`
    SELECT target, chosen, horizon_days AS "horizonDays", quality -> 'label' AS label, quality -> 'candidates' AS candidates,
           quality -> 'rows' AS rows, quality -> 'positives' AS positives, quality -> 'cutoff' AS cutoff, quality -> 'correction' AS correction,
           (SELECT count(*)::int FROM predictions p WHERE p.run_id = m.run_id AND p.target = m.target) AS predictions
    FROM propensity_models m WHERE run_id = ${run.id}
    ORDER BY CASE WHEN target = 'any' THEN 0 WHEN target = 'churn' THEN 2 ELSE 1 END, target`);
  return { run, models };
}

export async function getModel(db: Db, target: string) {
  const run = await latestPropensityRun(db);
  const [model] = run
    ? await rowsOf(db, sql`SELECT target, chosen, horizon_days AS "horizonDays", product_ids AS "productIds", quality FROM propensity_models WHERE run_id = ${run.id} AND target = ${target}`)
    : [];
  if (!model) throw notFound('Propensity model');
  return { run, ...model };
}

export interface ChurnFilters {
  ownerId?: number;
  minProbability: number;
  page: number;
  pageSize: number;
}

/**
 * Active customers by corrected churn risk, with the reasons and when they were last contacted. Customers whose
 * exit is decided are left out: nobody should be asked to retain them.
 */
export async function churnRisk(db: Db, user: CurrentUser, f: ChurnFilters) {
  const run = await latestPropensityRun(db);
  if (!run) return { run: null, items: [], total: 0, page: f.page, pageSize: f.pageSize };
  const owner = !seesAllAccounts(user) ? user.id : f.ownerId;
  const rows = await rowsOf<Record<string, unknown> & { total: number }>(db, sql`
    SELECT p.account_id AS "accountId", a.name, a.owner_id AS "ownerId", u.name AS "ownerName", p.probability, p.corrected, p.factors,
           s.predicted_clv::float8 AS "predictedClv", s.segment, s.recency_days AS "recencyDays",
           (SELECT max(occurred_at) FROM activities x WHERE x.account_id = p.account_id AND x.deleted_at IS NULL) AS "lastContactAt",
           count(*) OVER ()::int AS total
    FROM predictions p JOIN accounts a ON a.id = p.account_id AND a.deleted_at IS NULL
    LEFT JOIN users u ON u.id = a.owner_id
    LEFT JOIN customer_scores s ON s.run_id = p.run_id AND s.account_id = p.account_id
    WHERE p.run_id = ${run.id} AND p.target = 'churn' AND p.corrected >= ${f.minProbability}
      AND a.id NOT IN ${exitingAccounts}
      ${owner !== undefined ? sql`AND a.owner_id = ${owner}` : sql``}
    ORDER BY p.corrected * coalesce(s.predicted_clv, 0) DESC, p.corrected DESC, p.account_id
    LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`);
  return { run, items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0, page: f.page, pageSize: f.pageSize };
}

/** One click from the churn list: a retention task for the account's owner, due in a week. */
export async function createRetentionTask(db: Db, user: CurrentUser, accountId: number, input: { notes?: string; language?: 'zh' | 'en' }) {
  const account = await getRecord(db, accountKind, accountId, accountScope(user));
  const zh = writingLanguage(user, input.language) === 'zh';
  const due = new Date(Date.now() + 7 * 86_400_000);
  return createActivity(db, user, {
    accountId,
    type: 'task',
    subject: zh ? `挽留客户：联系${account.name}` : `Retention: call ${account.name}`,
    body: input.notes ?? null,
    relatedType: 'churn_risk',
    userId: account.ownerId ?? user.id,
    occurredAt: new Date(),
    dueAt: due,
  });
}

/** An account's latest score for every target, with reasons, and its any-purchase and churn scores over time. */
export async function accountPropensity(db: Db, user: CurrentUser, accountId: number) {
  await getRecord(db, accountKind, accountId, accountScope(user));
  const run = await latestPropensityRun(db);
  if (!run) return { run: null, scores: [], history: [] };
  const scores = await rowsOf(db, sql`
    SELECT p.target, m.quality -> 'label' AS label, m.chosen, p.probability, p.corrected, p.factors, p.horizon_end AS "horizonEnd"
    FROM predictions p JOIN propensity_models m ON m.run_id = p.run_id AND m.target = p.target
    WHERE p.run_id = ${run.id} AND p.account_id = ${accountId}
    ORDER BY CASE WHEN p.target = 'any' THEN 0 WHEN p.target = 'churn' THEN 2 ELSE 1 END, p.target`);
  const history = await rowsOf(db, sql`
    SELECT p.run_id AS "runId", p.target, p.issued_on AS "issuedOn", p.horizon_end AS "horizonEnd", p.corrected, p.outcome
    FROM predictions p WHERE p.account_id = ${accountId} AND p.target IN ('any', 'churn') ORDER BY p.issued_on, p.run_id`);
  return { run, scores, history };
}

/**
 * Per target and issue date, over the predictions whose outcome is known: how many, the mean probability before and
 * after correction against the observed rate, and the log-loss and Brier score of both.
 */
export async function accuracy(db: Db) {
  const points = await rowsOf(db, sql`
    SELECT p.target, p.issued_on AS "issuedOn", count(*)::int AS predictions,
           avg(p.probability)::float8 AS "meanPredicted", avg(p.corrected)::float8 AS "meanCorrected", avg(p.outcome::int)::float8 AS "observedRate",
           avg(-(CASE WHEN p.outcome THEN ln(greatest(p.probability, 1e-6)) ELSE ln(greatest(1 - p.probability, 1e-6)) END))::float8 AS "logLoss",
           avg(-(CASE WHEN p.outcome THEN ln(greatest(p.corrected, 1e-6)) ELSE ln(greatest(1 - p.corrected, 1e-6)) END))::float8 AS "logLossCorrected",
           avg(power(p.probability - p.outcome::int, 2))::float8 AS brier,
           avg(power(p.corrected - p.outcome::int, 2))::float8 AS "brierCorrected"
    FROM predictions p WHERE p.outcome IS NOT NULL AND p.target IN ('any', 'churn')
    GROUP BY 1, 2 ORDER BY 1, 2`);
  const [open] = await rowsOf<{ open: number }>(db, sql`SELECT count(*)::int AS open FROM predictions WHERE outcome IS NULL`);
  return { points, openPredictions: open.open };
}
