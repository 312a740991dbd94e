/**
 * Reading the predictive model's latest snapshot for the screens: customer groups with their profiles and
 * members, product groups, the CG × PSG association, the rules, and one account's groups and offers. Analysts'
 * names for groups are the only thing written here.
 */
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/connection.js';
import { getRecord } from '../../db/record-store.js';
import { notFound } from '../../http/errors.js';
import { accountKind, accountScope } from '../accounts/service.js';
import { latestDoneRun } from '../analytics/service.js';
import { seesAllAccounts, assertRole } from '../users/access.js';
import type { CurrentUser } from '../users/service.js';
import { withReasonTexts, type StoredReason } from './offer-reasons.js';
import { customerGroups, productGroups } from './schema.js';

/** The latest finished run that computed the predictive model (a run on data without products has none). */
export async function latestModelRun(db: Db) {
  const run = await latestDoneRun(db);
  return run && (run.summary as { segments?: unknown } | null)?.segments ? run : null;
}

export async function groupsOverview(db: Db, user: CurrentUser) {
  assertRole(user, 'admin', 'manager', 'analyst', 'sales');
  const run = await latestModelRun(db);
  if (!run) return { run: null, groups: [] };
  const groups = await rowsOf(db, sql`
    SELECT g.group_no AS "groupNo", g.name, g.size, g.fuzzy_size AS "fuzzySize", g.profile,
           (SELECT sum(s.predicted_clv)::float8 FROM customer_group_members m JOIN customer_scores s ON s.run_id = m.run_id AND s.account_id = m.account_id
             WHERE m.run_id = g.run_id AND m.group_no = g.group_no) AS "totalClv"
    FROM customer_groups g WHERE g.run_id = ${run.id} ORDER BY g.group_no`);
  // how sharply customers belong: the share whose top membership is below 0.6 (the "homeowner and repairer" ones)
  const [mixed] = await rowsOf<{ customers: number; mixed: number }>(db, sql`
    SELECT count(*)::int AS customers, count(*) FILTER (WHERE membership < 0.6)::int AS mixed FROM customer_group_members WHERE run_id = ${run.id}`);
  return { run: { id: run.id, asOf: run.asOf, finishedAt: run.finishedAt, segments: (run.summary as Record<string, unknown>).segments }, groups, membership: mixed };
}

export async function groupMembers(db: Db, user: CurrentUser, groupNo: number, page: number, pageSize: number) {
  const run = await latestModelRun(db);
  if (!run) throw notFound('Customer group');
  const own = seesAllAccounts(user) ? sql`` : sql`AND a.owner_id = ${user.id}`;
  const items = await rowsOf(db, sql`
    SELECT m.account_id AS "accountId", a.name, a.owner_id AS "ownerId", m.membership, m.memberships,
           s.predicted_clv::float8 AS "predictedClv", s.segment, s.monetary::float8 AS monetary
    FROM customer_group_members m JOIN accounts a ON a.id = m.account_id
    LEFT JOIN customer_scores s ON s.run_id = m.run_id AND s.account_id = m.account_id
    WHERE m.run_id = ${run.id} AND m.group_no = ${groupNo} AND a.deleted_at IS NULL ${own}
    ORDER BY m.membership DESC, m.account_id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
  const [{ total }] = await rowsOf<{ total: number }>(db, sql`
    SELECT count(*)::int AS total FROM customer_group_members m JOIN accounts a ON a.id = m.account_id
    WHERE m.run_id = ${run.id} AND m.group_no = ${groupNo} AND a.deleted_at IS NULL ${own}`);
  return { items, total, page, pageSize };
}

/** An empty name gives the group its suggested name back. */
export async function renameCustomerGroup(db: Db, user: CurrentUser, groupNo: number, name: string | null) {
  assertRole(user, 'admin', 'manager', 'analyst');
  const run = await latestModelRun(db);
  if (!run) throw notFound('Customer group');
  const [row] = await db
    .update(customerGroups)
    .set({ name: name?.trim() || null })
    .where(and(eq(customerGroups.runId, run.id), eq(customerGroups.groupNo, groupNo)))
    .returning();
  if (!row) throw notFound('Customer group');
  return row;
}

export async function renameProductGroup(db: Db, user: CurrentUser, groupNo: number, name: string | null) {
  assertRole(user, 'admin', 'manager', 'analyst');
  const run = await latestModelRun(db);
  if (!run) throw notFound('Product group');
  const [row] = await db
    .update(productGroups)
    .set({ name: name?.trim() || null })
    .where(and(eq(productGroups.runId, run.id), eq(productGroups.groupNo, groupNo)))
    .returning();
  if (!row) throw notFound('Product group');
  return row;
}

/** Product groups with their products, the CG × PSG association, and the correlation heat-map. */
export async function productsTogether(db: Db, user: CurrentUser) {
  assertRole(user, 'admin', 'manager', 'analyst', 'sales');
  const run = await latestModelRun(db);
  if (!run) return { run: null, productGroups: [], associations: [] };
  const groups = await rowsOf(db, sql`
    SELECT g.group_no AS "groupNo", g.name, g.cohesion, g.anchor_product_id AS "anchorProductId",
           (SELECT json_agg(json_build_object('id', p.id, 'name', p.name, 'sku', p.sku, 'category', p.category) ORDER BY p.name)
              FROM products p WHERE p.id = ANY(g.product_ids)) AS products
    FROM product_groups g WHERE g.run_id = ${run.id} ORDER BY g.group_no`);
  const associations = await rowsOf(db, sql`
    SELECT customer_group AS "customerGroup", product_group AS "productGroup", attributes, support, confidence, lift
    FROM group_associations WHERE run_id = ${run.id} ORDER BY lift DESC`);
  const segments = (run.summary as { segments: Record<string, unknown> }).segments;
  return { run: { id: run.id, asOf: run.asOf }, productGroups: groups, associations, correlations: segments.correlations ?? null };
}

export interface RuleFilters {
  productId?: number;
  minLift?: number;
  minConfidence?: number;
  sort: 'lift' | 'confidence' | 'support';
  page: number;
  pageSize: number;
}

export async function listRules(db: Db, f: RuleFilters) {
  const run = await latestModelRun(db);
  if (!run) return { items: [], total: 0, page: f.page, pageSize: f.pageSize };
  const where = sql`r.run_id = ${run.id}
    ${f.productId ? sql`AND (r.consequent = ${f.productId} OR ${f.productId} = ANY(r.antecedent))` : sql``}
    ${f.minLift !== undefined ? sql`AND r.lift >= ${f.minLift}` : sql``}
    ${f.minConfidence !== undefined ? sql`AND r.confidence >= ${f.minConfidence}` : sql``}`;
  const order = { lift: sql`r.lift DESC`, confidence: sql`r.confidence DESC`, support: sql`r.support DESC` }[f.sort];
  const items = await rowsOf(db, sql`
    SELECT r.rank, r.support, r.confidence, r.lift, r.count,
           (SELECT json_agg(json_build_object('id', p.id, 'name', p.name, 'sku', p.sku)) FROM products p WHERE p.id = ANY(r.antecedent)) AS antecedent,
           (SELECT json_build_object('id', p.id, 'name', p.name, 'sku', p.sku) FROM products p WHERE p.id = r.consequent) AS consequent
    FROM product_rules r WHERE ${where} ORDER BY ${order}, r.rank LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`);
  const [{ total }] = await rowsOf<{ total: number }>(db, sql`SELECT count(*)::int AS total FROM product_rules r WHERE ${where}`);
  return { items, total, page: f.page, pageSize: f.pageSize };
}

/** The account page's panel: the customer's membership in every group, and its offers with their reasons. */
export async function accountGroupsAndOffers(db: Db, user: CurrentUser, accountId: number) {
  await getRecord(db, accountKind, accountId, accountScope(user));
  const run = await latestModelRun(db);
  if (!run) return { run: null, memberships: [], offers: [] };
  const [member] = await rowsOf<{ groupNo: number; memberships: number[] }>(db, sql`
    SELECT group_no AS "groupNo", memberships FROM customer_group_members WHERE run_id = ${run.id} AND account_id = ${accountId}`);
  const groups = await rowsOf<{ groupNo: number; name: string | null; profile: Record<string, unknown> }>(db, sql`
    SELECT group_no AS "groupNo", name, profile FROM customer_groups WHERE run_id = ${run.id} ORDER BY group_no`);
  const offers = await rowsOf<{ productId: number; reason: StoredReason }>(db, sql`
    SELECT o.rank, o.product_id AS "productId", p.name AS "productName", p.sku, p.category, o.probability, o.expected_value AS "expectedValue", o.reason
    FROM offers o JOIN products p ON p.id = o.product_id WHERE o.run_id = ${run.id} AND o.account_id = ${accountId} ORDER BY o.rank`);
  return {
    run: { id: run.id, asOf: run.asOf },
    groupNo: member?.groupNo ?? null,
    memberships: member ? groups.map((g) => ({ groupNo: g.groupNo, name: g.name, suggestedName: g.profile.suggestedName, membership: member.memberships[g.groupNo] })) : [],
    offers: await withReasonTexts(db, offers),
  };
}
