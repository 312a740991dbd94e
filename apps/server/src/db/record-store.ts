/**
 * The life of an editable business record, shared by every domain: paged lists, reads within the caller's
 * scope, creation, versioned updates (a stale version is a 409, never a silent overwrite), soft delete and
 * restore — each change written to the audit log in the same transaction.
 */
import { and, asc, count, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { conflict, notFound } from '../http/errors.js';
import type { ListQuery } from '../http/list-query.js';
import { diffRecords, recordAudit } from '../modules/audit/service.js';
import type { Db } from './connection.js';

export type RecordTable = PgTable & { id: AnyPgColumn; version: AnyPgColumn; deletedAt: AnyPgColumn; updatedAt: AnyPgColumn };
type Row = Record<string, unknown> & { id: number; version: number };

export interface RecordKind<T extends RecordTable> {
  table: T;
  /** audit entity type and the noun used in messages */
  entity: string;
  /** columns (or expressions) a list may sort by */
  sortable: Record<string, AnyPgColumn | SQL>;
  defaultSort: { column: AnyPgColumn | SQL; order: 'asc' | 'desc' };
  /** the expression searched by `q` (ILIKE, trigram-indexed) */
  searchText?: SQL;
}

export async function listPage<T extends RecordTable>(db: Db, kind: RecordKind<T>, query: ListQuery, filters: (SQL | undefined)[]) {
  const where = and(
    query.deleted === 'only' ? isNotNull(kind.table.deletedAt) : isNull(kind.table.deletedAt),
    query.q && kind.searchText ? sql`${kind.searchText} ILIKE ${'%' + escapeLike(query.q.trim()) + '%'}` : undefined,
    ...filters,
  );
  const sortColumn = (query.sort && kind.sortable[query.sort]) || kind.defaultSort.column;
  const direction = query.sort && kind.sortable[query.sort] ? query.order : kind.defaultSort.order;
  const [items, [{ total }]] = await Promise.all([
    db
      .select()
      .from(kind.table as PgTable)
      .where(where)
      // NULLS LAST either way: records without a value (e.g. no score yet) go to the end.
      .orderBy(direction === 'desc' ? sql`${sortColumn} DESC NULLS LAST` : sql`${sortColumn} ASC NULLS LAST`, asc(kind.table.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(kind.table as PgTable).where(where),
  ]);
  return { items: items as T['$inferSelect'][], total, page: query.page, pageSize: query.pageSize };
}

/** One record within the caller's scope; records outside it are reported as missing, not forbidden. */
export async function getRecord<T extends RecordTable>(db: Db, kind: RecordKind<T>, id: number, scope?: SQL, includeDeleted = false) {
  const [row] = await db
    .select()
    .from(kind.table as PgTable)
    .where(and(eq(kind.table.id, id), includeDeleted ? undefined : isNull(kind.table.deletedAt), scope));
  if (!row) throw notFound(capitalise(kind.entity));
  return row as T['$inferSelect'];
}

export async function createRecord<T extends RecordTable>(db: Db, kind: RecordKind<T>, values: T['$inferInsert'], userId: number) {
  return db.transaction(async (tx) => {
    const [row] = (await tx
      .insert(kind.table)
      .values({ ...values, createdBy: userId })
      .returning()) as unknown as Row[];
    await recordAudit(tx, { userId, entityType: kind.entity, entityId: row.id, action: 'create', changes: diffRecords({}, row, ['version', 'updatedAt', 'createdAt', 'id']) });
    return row as T['$inferSelect'];
  });
}

/**
 * Applies `values` only if the record is still at `version` (optimistic concurrency); the version is bumped.
 */
export async function updateRecord<T extends RecordTable>(
  db: Db,
  kind: RecordKind<T>,
  id: number,
  version: number,
  values: Partial<T['$inferInsert']>,
  userId: number,
  scope?: SQL,
) {
  return db.transaction(async (tx) => {
    const before = (await getRecord(tx as unknown as Db, kind, id, scope)) as Row;
    if (before.version !== version) {
      throw conflict(`This ${kind.entity} was changed by someone else since you opened it`, { currentVersion: before.version });
    }
    const rows = (await tx
      .update(kind.table)
      .set({ ...values, version: sql`${kind.table.version} + 1`, updatedAt: new Date() } as never)
      .where(and(eq(kind.table.id, id), eq(kind.table.version, version)))
      .returning()) as unknown as Row[];
    if (rows.length === 0) throw conflict(`This ${kind.entity} was changed by someone else since you opened it`, { currentVersion: null });
    const changes = diffRecords(before, rows[0]);
    if (Object.keys(changes).length) await recordAudit(tx, { userId, entityType: kind.entity, entityId: id, action: 'update', changes });
    return rows[0] as T['$inferSelect'];
  });
}

export async function softDeleteRecord<T extends RecordTable>(db: Db, kind: RecordKind<T>, id: number, userId: number, scope?: SQL) {
  await db.transaction(async (tx) => {
    await getRecord(tx as unknown as Db, kind, id, scope);
    await tx
      .update(kind.table)
      .set({ deletedAt: new Date(), version: sql`${kind.table.version} + 1` } as never)
      .where(eq(kind.table.id, id));
    await recordAudit(tx, { userId, entityType: kind.entity, entityId: id, action: 'delete' });
  });
}

export async function restoreRecord<T extends RecordTable>(db: Db, kind: RecordKind<T>, id: number, userId: number) {
  return db.transaction(async (tx) => {
    const rows = (await tx
      .update(kind.table)
      .set({ deletedAt: null, version: sql`${kind.table.version} + 1` } as never)
      .where(and(eq(kind.table.id, id), isNotNull(kind.table.deletedAt)))
      .returning()) as unknown as Row[];
    if (rows.length === 0) throw notFound(`Deleted ${kind.entity}`);
    await recordAudit(tx, { userId, entityType: kind.entity, entityId: id, action: 'restore' });
    return rows[0] as T['$inferSelect'];
  });
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
