/**
 * The relationship-value step of an analytics refresh: the nine factors from the data, the labels people gave,
 * the analysts' AHP judgements; the scores and classes computed in a worker and stored under the run; then the
 * customers classed bad in each of the last few snapshots become exit candidates — never on one point in time.
 */
import type { Database } from '../../db/connection.js';
import { runInWorker } from '../../jobs/run-in-worker.js';
import type { ValueParams } from '../analytics/customer-value.js';
import type { computeRelationship, RelationshipInput } from './compute.js';
import { loadFactorRows } from './factor-data.js';
import { defaultRelationshipParams } from './params.js';

type Result = Awaited<ReturnType<typeof computeRelationship>>;
const CHUNK = 5000;

export async function refreshRelationship(database: Database, runId: number, asOf: Date, valueParams: ValueParams) {
  const t0 = performance.now();
  const { accountIds, rows } = await loadFactorRows(database, asOf);
  if (accountIds.length < 30) return null;
  const { rows: labelRows } = await database.pool.query<{ account_id: number; label: 'good' | 'medium' | 'bad' }>(
    `SELECT DISTINCT ON (account_id) account_id, label FROM relationship_labels ORDER BY account_id, decided_at DESC, id DESC`,
  );
  const labelOf = new Map(labelRows.map((r) => [Number(r.account_id), r.label]));
  const { rows: matrixRows } = await database.pool.query<{ node: string; matrix: number[][] }>('SELECT node, matrix FROM ahp_matrices');
  const input: RelationshipInput = {
    accountIds,
    rows,
    labels: accountIds.map((id) => labelOf.get(id) ?? null),
    matrices: Object.fromEntries(matrixRows.map((r) => [r.node, r.matrix])),
  };
  const readMs = Math.round(performance.now() - t0);
  const result = await runInWorker<RelationshipInput, Result>(new URL('./relationship-worker.ts', import.meta.url), input);
  const computeMs = Math.round(performance.now() - t0) - readMs;
  for (let i = 0; i < result.scores.length; i += CHUNK) {
    const part = result.scores.slice(i, i + CHUNK);
    const list = (f: (s: Result['scores'][number]) => number[]) => part.map((s) => f(s).map((v) => (Number.isFinite(v) ? v.toPrecision(6) : 'NaN')).join(','));
    await database.pool.query(
      `INSERT INTO relationship_scores (run_id, account_id, factors, ahp_score, class, probabilities, contributions)
       SELECT $1, a, string_to_array(f, ',')::real[], s, c, string_to_array(p, ',')::real[], string_to_array(x, ',')::real[]
       FROM unnest($2::bigint[], $3::text[], $4::float8[], $5::text[], $6::text[], $7::text[]) AS t(a, f, s, c, p, x)`,
      [runId, part.map((s) => s.accountId), list((s) => s.factors), part.map((s) => s.ahpScore), part.map((s) => s.class), list((s) => s.probabilities), list((s) => s.contributions)],
    );
  }
  const params = { ...defaultRelationshipParams, ...valueParams.relationship };
  const opened = await openExitCandidates(database, runId, params.exitSnapshots);
  return { ...result.summary, exitSnapshots: params.exitSnapshots, openedExitCases: opened, timingsMs: { read: readMs, compute: computeMs, save: Math.round(performance.now() - t0) - readMs - computeMs } };
}

/**
 * Customers classed bad in each of the last `snapshots` runs that scored relationships (this one included), with
 * no exit case in progress, get a case at the candidate stage; its evidence is those runs.
 */
async function openExitCandidates(database: Database, runId: number, snapshots: number): Promise<number> {
  const { rows } = await database.pool.query<{ account_id: number; runs: number[]; scores: number[] }>(
    `WITH recent AS (
       SELECT r.id FROM analytics_runs r WHERE (r.status = 'done' OR r.id = $1) AND EXISTS (SELECT 1 FROM relationship_scores s WHERE s.run_id = r.id)
       ORDER BY r.as_of DESC, r.id DESC LIMIT $2)
     SELECT s.account_id, array_agg(s.run_id ORDER BY s.run_id) AS runs, array_agg(s.ahp_score ORDER BY s.run_id) AS scores
     FROM relationship_scores s JOIN recent ON recent.id = s.run_id
     WHERE s.class = 'bad'
       AND NOT EXISTS (SELECT 1 FROM exit_cases c WHERE c.account_id = s.account_id AND c.deleted_at IS NULL AND c.stage NOT IN ('won_back', 'dismissed'))
     GROUP BY s.account_id HAVING count(*) = $2 AND (SELECT count(*) FROM recent) = $2`,
    [runId, snapshots],
  );
  for (const r of rows) {
    const { rows: [c] } = await database.pool.query<{ id: number }>(
      `INSERT INTO exit_cases (account_id, stage, evidence) VALUES ($1, 'candidate', $2) RETURNING id`,
      [r.account_id, JSON.stringify({ runs: r.runs.map(Number), ahpScores: r.scores.map(Number) })],
    );
    await database.pool.query(`INSERT INTO exit_case_events (case_id, kind, to_stage, text) VALUES ($1, 'opened', 'candidate', $2)`, [
      c.id,
      `Classed bad in ${snapshots} consecutive snapshots`,
    ]);
  }
  return rows.length;
}
