import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { createRecord, getRecord, listPage, restoreRecord, softDeleteRecord, updateRecord, type RecordKind } from '../../db/record-store.js';
import { forbidden } from '../../http/errors.js';
import type { ListQuery } from '../../http/list-query.js';
import { assertCanWrite, seesAllAccounts } from '../users/access.js';
import { users } from '../users/schema.js';
import type { CurrentUser } from '../users/service.js';
import { accounts } from './schema.js';
import { csvLine } from '../../http/csv-writer.js';
import { latestRunIdSql, latestScoresOf } from '../analytics/latest-scores.js';
import { campaignMembershipEvents } from '../campaigns/membership-timeline.js';

export const accountKind: RecordKind<typeof accounts> = {
  table: accounts,
  entity: 'account',
  sortable: {
    name: accounts.name,
    createdAt: accounts.createdAt,
    updatedAt: accounts.updatedAt,
    customerType: accounts.customerType,
    relationshipLevel: accounts.relationshipLevel,
    externalId: accounts.externalId,
    predictedClv: latestScoreColumn('predicted_clv'),
    pAlive: latestScoreColumn('p_alive'),
    monetary: latestScoreColumn('monetary'),
  },
  defaultSort: { column: accounts.updatedAt, order: 'desc' },
  searchText: sql`(coalesce(${accounts.name},'') || ' ' || coalesce(${accounts.email},'') || ' ' || coalesce(${accounts.phone},'') || ' ' || coalesce(${accounts.externalId},''))`,
};

/** A column of the account's score in the newest snapshot, as a correlated subquery (for sorting). */
function latestScoreColumn(column: 'predicted_clv' | 'p_alive' | 'monetary') {
  return sql`(SELECT s.${sql.raw(column)} FROM customer_scores s WHERE s.run_id = ${latestRunIdSql} AND s.account_id = ${accounts.id})`;
}

/** Accounts whose score in the newest snapshot has this value (no filter without a value). */
export const scoreFilter = (column: 'segment' | 'value_tier' | 'lifecycle_stage' | 'abc_class', value: string | undefined) =>
  value ? sql`${accounts.id} IN (SELECT s.account_id FROM customer_scores s WHERE s.run_id = ${latestRunIdSql} AND s.${sql.raw(column)} = ${value})` : undefined;

/** The accounts a user may see: a sales user only their own. */
export const accountScope = (user: CurrentUser): SQL | undefined => (seesAllAccounts(user) ? undefined : eq(accounts.ownerId, user.id));

/** For records that hang off an account: visible when their account is. */
export function viaAccountScope(user: CurrentUser, accountIdColumn: SQL | import('drizzle-orm/pg-core').AnyPgColumn): SQL | undefined {
  if (seesAllAccounts(user)) return undefined;
  return sql`${accountIdColumn} IN (SELECT id FROM accounts WHERE owner_id = ${user.id} AND deleted_at IS NULL)`;
}

export type AccountInput = Omit<typeof accounts.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'createdBy'>;

export interface AccountFilters {
  customerType?: string;
  relationshipLevel?: string;
  ownerId?: number;
  tag?: string;
  /** from the newest analytics snapshot */
  segment?: string;
  valueTier?: string;
  lifecycleStage?: string;
  abcClass?: string;
}

export async function listAccounts(db: Db, user: CurrentUser, query: ListQuery, f: AccountFilters) {
  const page = await listPage(db, accountKind, query, [
    accountScope(user),
    f.customerType ? sql`${accounts.customerType} = ${f.customerType}` : undefined,
    f.relationshipLevel ? sql`${accounts.relationshipLevel} = ${f.relationshipLevel}` : undefined,
    f.ownerId ? eq(accounts.ownerId, f.ownerId) : undefined,
    f.tag ? sql`${f.tag} = ANY(${accounts.tags})` : undefined,
    scoreFilter('segment', f.segment),
    scoreFilter('value_tier', f.valueTier),
    scoreFilter('lifecycle_stage', f.lifecycleStage),
    scoreFilter('abc_class', f.abcClass),
  ]);
  const owners = await ownerNames(db, page.items.map((a) => a.ownerId));
  const scores = await latestScoresOf(db, page.items.map((a) => a.id));
  return {
    ...page,
    items: page.items.map((a) => ({ ...a, ownerName: a.ownerId ? owners.get(a.ownerId) ?? null : null, score: scores.get(a.id) ?? null })),
  };
}

export async function getAccount(db: Db, user: CurrentUser, id: number) {
  const account = await getRecord(db, accountKind, id, accountScope(user), user.role === 'admin');
  const owners = await ownerNames(db, [account.ownerId]);
  const [stats] = await db.execute<{ orders: number; revenue: number; lastOrderAt: Date | null }>(sql`
    SELECT count(*)::int AS "orders", coalesce(sum(total_amount), 0)::float8 AS "revenue", max(ordered_at) AS "lastOrderAt"
    FROM orders WHERE account_id = ${id} AND deleted_at IS NULL AND status <> 'cancelled'`).then((r) => r.rows);
  return { ...account, ownerName: account.ownerId ? owners.get(account.ownerId) ?? null : null, stats };
}

export async function createAccount(db: Db, user: CurrentUser, input: AccountInput) {
  assertCanWrite(user, 'accounts');
  const ownerId = ownerFor(user, input.ownerId);
  return createRecord(db, accountKind, { ...input, ownerId }, user.id);
}

export async function updateAccount(db: Db, user: CurrentUser, id: number, version: number, patch: Partial<AccountInput>) {
  assertCanWrite(user, 'accounts');
  if (patch.ownerId !== undefined) patch.ownerId = ownerFor(user, patch.ownerId);
  return updateRecord(db, accountKind, id, version, patch, user.id, accountScope(user));
}

export async function deleteAccount(db: Db, user: CurrentUser, id: number) {
  assertCanWrite(user, 'accounts');
  await softDeleteRecord(db, accountKind, id, user.id, accountScope(user));
}

export const restoreAccount = (db: Db, user: CurrentUser, id: number) => restoreRecord(db, accountKind, id, user.id);

/** A sales user owns what they create and cannot hand accounts to someone else. */
function ownerFor(user: CurrentUser, requested: number | null | undefined): number | null {
  if (user.role === 'sales') {
    if (requested != null && requested !== user.id) throw forbidden('Sales users can only own accounts themselves');
    return user.id;
  }
  return requested ?? user.id;
}

export async function ownerNames(db: Db, ids: (number | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is number => x != null))];
  if (!wanted.length) return new Map<number, string>();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const exportColumns = [
  'id', 'externalId', 'name', 'kind', 'customerType', 'relationshipLevel', 'ownerName', 'email', 'phone', 'industry', 'region',
  'country', 'city', 'tags', 'segment', 'valueTier', 'lifecycleStage', 'abcClass', 'pAlive', 'predictedClv',
] as const;

/** The accounts a list shows (same filters and order), as CSV lines, a page at a time. */
export async function* exportAccounts(db: Db, user: CurrentUser, query: ListQuery, f: AccountFilters) {
  yield csvLine(exportColumns);
  for (let page = 1; ; page++) {
    const result = await listAccounts(db, user, { ...query, page, pageSize: 1000 }, f);
    for (const a of result.items) {
      const row: Record<string, unknown> = { ...a, ...(a.score ?? {}) };
      yield csvLine(exportColumns.map((c) => row[c]));
    }
    if (page * 1000 >= result.total) return;
  }
}

/** Adds the account's name (accountName) to records that hang off an account, for lists. */
export async function withAccountNames<T extends { accountId: number | null }>(db: Db, items: T[]) {
  const ids = [...new Set(items.map((i) => i.accountId).filter((x): x is number => x != null))];
  const rows = ids.length ? await db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(inArray(accounts.id, ids)) : [];
  const byId = new Map(rows.map((r) => [r.id, r.name]));
  return items.map((i) => ({ ...i, accountName: i.accountId ? byId.get(i.accountId) ?? null : null }));
}

/** Every event of an account, newest first: orders, activities, contacts added, campaigns joined and left, and audited changes. */
export async function accountTimeline(db: Db, user: CurrentUser, id: number, limit = 200) {
  await getRecord(db, accountKind, id, accountScope(user));
  const { rows } = await db.execute<{ at: Date; type: string; title: string; detail: string | null; refId: number | null }>(sql`
    (SELECT ordered_at AS at, 'order' AS type, order_no AS title, total_amount::text AS detail, id AS "refId"
       FROM orders WHERE account_id = ${id} AND deleted_at IS NULL ORDER BY ordered_at DESC LIMIT ${limit})
    UNION ALL
    (SELECT occurred_at, 'activity', subject, type, id FROM activities WHERE account_id = ${id} AND deleted_at IS NULL ORDER BY occurred_at DESC LIMIT ${limit})
    UNION ALL
    (SELECT created_at, 'contact', name, title, id FROM contacts WHERE account_id = ${id} AND deleted_at IS NULL ORDER BY created_at DESC LIMIT ${limit})
    UNION ALL
    (SELECT at, 'audit', action, (SELECT string_agg(k, ', ') FROM jsonb_object_keys(coalesce(changes, '{}'::jsonb)) k), NULL
       FROM audit_log WHERE entity_type = 'account' AND entity_id = ${String(id)} ORDER BY at DESC LIMIT ${limit})
    UNION ALL
    ${campaignMembershipEvents(id, limit)}
    ORDER BY at DESC LIMIT ${limit}`);
  return rows;
}


