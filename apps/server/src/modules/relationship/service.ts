/**
 * Relationship value for the screens: the AHP hierarchy with its matrices, weights and consistency, the factor
 * distributions and the classifier's quality from the newest run; one account's factors, class, contributions and
 * history; analysts' judgements (matrices) and labels.
 */
import { AhpMatrixError, checkConsistency, DEFAULT_AHP_MATRICES, RELATIONSHIP_FACTORS, RELATIONSHIP_HIERARCHY } from '@relata/analytics';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/connection.js';
import { getRecord } from '../../db/record-store.js';
import { conflict, HttpError, notFound } from '../../http/errors.js';
import { accountKind, accountScope } from '../accounts/service.js';
import { recordAudit } from '../audit/service.js';
import { assertRole } from '../users/access.js';
import type { CurrentUser } from '../users/service.js';
import { relationshipLabels } from './schema.js';

async function latestRelationshipRun(db: Db) {
  const [run] = await rowsOf<{ id: number; asOf: string; summary: Record<string, unknown> }>(db, sql`
    SELECT r.id, r.as_of AS "asOf", r.summary -> 'relationship' AS summary FROM analytics_runs r
    WHERE r.status = 'done' AND r.summary -> 'relationship' IS NOT NULL AND jsonb_typeof(r.summary -> 'relationship') = 'object'
    ORDER BY r.id DESC LIMIT 1`);
  return run ?? null;
}

/** Every node's matrix: the analysts' where set (with its version), else the default judgements. */
async function matrices(db: Db) {
  const stored = await rowsOf<{ node: string; matrix: number[][]; version: number; updatedAt: string }>(db, sql`SELECT node, matrix, version, updated_at AS "updatedAt" FROM ahp_matrices`);
  const byNode = new Map(stored.map((m) => [m.node, m]));
  return Object.entries(DEFAULT_AHP_MATRICES).map(([node, matrix]) => ({ node, matrix: byNode.get(node)?.matrix ?? matrix, version: byNode.get(node)?.version ?? 0, custom: byNode.has(node) }));
}

export async function overview(db: Db) {
  const run = await latestRelationshipRun(db);
  const factorStats = run
    ? await rowsOf(db, sql`
        SELECT i - 1 AS "index",
               percentile_cont(ARRAY[0.1, 0.25, 0.5, 0.75, 0.9]) WITHIN GROUP (ORDER BY (s.factors)[i]) FILTER (WHERE (s.factors)[i] <> 'NaN') AS quantiles,
               avg((s.factors)[i]) FILTER (WHERE (s.factors)[i] <> 'NaN' AND s.class = 'good')::float8 AS "meanGood",
               avg((s.factors)[i]) FILTER (WHERE (s.factors)[i] <> 'NaN' AND s.class = 'medium')::float8 AS "meanMedium",
               avg((s.factors)[i]) FILTER (WHERE (s.factors)[i] <> 'NaN' AND s.class = 'bad')::float8 AS "meanBad"
        FROM relationship_scores s, generate_series(1, 9) i WHERE s.run_id = ${run.id} GROUP BY i ORDER BY i`)
    : [];
  return { run, factors: RELATIONSHIP_FACTORS, hierarchy: RELATIONSHIP_HIERARCHY, matrices: await matrices(db), factorStats };
}

/** An analyst's judgements for one node: refused (400, with the explanation) unless consistent (CR < 0.1). */
export async function saveMatrix(db: Db, user: CurrentUser, node: string, matrix: number[][], version: number) {
  assertRole(user, 'admin', 'manager', 'analyst');
  if (!(node in DEFAULT_AHP_MATRICES)) throw notFound('AHP node');
  if (matrix.length !== DEFAULT_AHP_MATRICES[node].length) {
    throw new HttpError(400, 'validation_error', `The "${node}" matrix is ${DEFAULT_AHP_MATRICES[node].length} × ${DEFAULT_AHP_MATRICES[node].length}`, [{ path: ['matrix'], message: 'wrong size' }]);
  }
  let result;
  try {
    result = checkConsistency(matrix);
  } catch (err) {
    if (err instanceof AhpMatrixError) {
      throw new HttpError(400, 'inconsistent_judgements', err.text.en, [{ path: ['matrix', ...(err.cell ? [err.cell.row, err.cell.column] : [])], message: err.text.en, text: err.text }]);
    }
    throw err;
  }
  const [current] = await rowsOf<{ version: number; matrix: number[][] }>(db, sql`SELECT version, matrix FROM ahp_matrices WHERE node = ${node}`);
  if ((current?.version ?? 0) !== version) throw conflict('Someone else changed these judgements; reload them', { currentVersion: current?.version ?? 0 });
  await db.execute(sql`
    INSERT INTO ahp_matrices (node, matrix, version, updated_by, updated_at) VALUES (${node}, ${JSON.stringify(matrix)}::jsonb, 1, ${user.id}, now())
    ON CONFLICT (node) DO UPDATE SET matrix = excluded.matrix, version = ahp_matrices.version + 1, updated_by = excluded.updated_by, updated_at = now()`);
  await recordAudit(db, { userId: user.id, entityType: 'ahp_matrix', entityId: node, action: 'update', changes: { matrix: [current?.matrix ?? DEFAULT_AHP_MATRICES[node], matrix] } });
  return { node, matrix, version: version + 1, weights: Array.from(result.weights), cr: result.cr };
}

export async function accountRelationship(db: Db, user: CurrentUser, accountId: number) {
  await getRecord(db, accountKind, accountId, accountScope(user));
  const history = await rowsOf(db, sql`
    SELECT r.id AS "runId", r.as_of AS "asOf", s.factors, s.ahp_score AS "ahpScore", s.class, s.probabilities, s.contributions
    FROM relationship_scores s JOIN analytics_runs r ON r.id = s.run_id WHERE s.account_id = ${accountId} AND r.status = 'done' ORDER BY r.as_of, r.id`);
  const [label] = await rowsOf(db, sql`
    SELECT l.label, l.source, l.note, l.decided_at AS "decidedAt", u.name AS "decidedBy" FROM relationship_labels l LEFT JOIN users u ON u.id = l.decided_by
    WHERE l.account_id = ${accountId} ORDER BY l.decided_at DESC, l.id DESC LIMIT 1`);
  const [openCase] = await rowsOf(db, sql`SELECT id, stage FROM exit_cases WHERE account_id = ${accountId} AND deleted_at IS NULL ORDER BY id DESC LIMIT 1`);
  const run = await latestRelationshipRun(db);
  return { factors: RELATIONSHIP_FACTORS, latest: history.at(-1) ?? null, history, label: label ?? null, exitCase: openCase ?? null, measure: run?.summary.measure ?? null };
}

/** A person's judgement of a customer (analysts, managers, admins); the classifier learns from it at the next refresh. */
export async function labelAccount(db: Db, user: CurrentUser, accountId: number, label: 'good' | 'medium' | 'bad', note?: string) {
  assertRole(user, 'admin', 'manager', 'analyst');
  await getRecord(db, accountKind, accountId, accountScope(user));
  const [row] = await db.insert(relationshipLabels).values({ accountId, label, source: 'analyst', note: note?.trim() || null, decidedBy: user.id }).returning();
  await recordAudit(db, { userId: user.id, entityType: 'account', entityId: accountId, action: 'update', changes: { relationshipLabel: [null, label] } });
  return row;
}
