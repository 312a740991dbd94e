import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { createRecord, getRecord, listPage, restoreRecord, softDeleteRecord, updateRecord, type RecordKind } from '../../db/record-store.js';
import type { ListQuery } from '../../http/list-query.js';
import { accountKind, accountScope, ownerNames, viaAccountScope, withAccountNames } from '../accounts/service.js';
import { assertCanWrite } from '../users/access.js';
import type { CurrentUser } from '../users/service.js';
import { activities } from './schema.js';

export const activityKind: RecordKind<typeof activities> = {
  table: activities,
  entity: 'activity',
  sortable: { occurredAt: activities.occurredAt, type: activities.type, subject: activities.subject },
  defaultSort: { column: activities.occurredAt, order: 'desc' },
  searchText: sql`(${activities.subject} || ' ' || coalesce(${activities.outcome},''))`,
};

export type ActivityInput = Omit<typeof activities.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'createdBy'>;

const scope = (user: CurrentUser) => viaAccountScope(user, activities.accountId);

export async function listActivities(db: Db, user: CurrentUser, query: ListQuery, f: { accountId?: number; type?: string }) {
  const page = await listPage(db, activityKind, query, [
    scope(user),
    f.accountId ? eq(activities.accountId, f.accountId) : undefined,
    f.type ? sql`${activities.type} = ${f.type}` : undefined,
  ]);
  const users = await ownerNames(db, page.items.map((a) => a.userId));
  const items = await withAccountNames(db, page.items);
  return { ...page, items: items.map((a) => ({ ...a, userName: a.userId ? users.get(a.userId) ?? null : null })) };
}

export const getActivity = (db: Db, user: CurrentUser, id: number) => getRecord(db, activityKind, id, scope(user), user.role === 'admin');

export async function createActivity(db: Db, user: CurrentUser, input: ActivityInput) {
  assertCanWrite(user, 'activities');
  if (input.accountId) await getRecord(db, accountKind, input.accountId, accountScope(user));
  return createRecord(db, activityKind, { ...input, userId: input.userId ?? user.id }, user.id);
}

export async function updateActivity(db: Db, user: CurrentUser, id: number, version: number, patch: Partial<ActivityInput>) {
  assertCanWrite(user, 'activities');
  if (patch.accountId) await getRecord(db, accountKind, patch.accountId, accountScope(user));
  return updateRecord(db, activityKind, id, version, patch, user.id, scope(user));
}

export async function deleteActivity(db: Db, user: CurrentUser, id: number) {
  assertCanWrite(user, 'activities');
  await softDeleteRecord(db, activityKind, id, user.id, scope(user));
}

export const restoreActivity = (db: Db, user: CurrentUser, id: number) => restoreRecord(db, activityKind, id, user.id);
