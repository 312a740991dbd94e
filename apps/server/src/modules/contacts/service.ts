import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { createRecord, getRecord, listPage, restoreRecord, softDeleteRecord, updateRecord, type RecordKind } from '../../db/record-store.js';
import type { ListQuery } from '../../http/list-query.js';
import { accountKind, accountScope, viaAccountScope, withAccountNames } from '../accounts/service.js';
import { assertCanWrite } from '../users/access.js';
import type { CurrentUser } from '../users/service.js';
import { contacts } from './schema.js';

export const contactKind: RecordKind<typeof contacts> = {
  table: contacts,
  entity: 'contact',
  sortable: { name: contacts.name, createdAt: contacts.createdAt, updatedAt: contacts.updatedAt, email: contacts.email },
  defaultSort: { column: contacts.name, order: 'asc' },
  searchText: sql`(coalesce(${contacts.name},'') || ' ' || coalesce(${contacts.email},'') || ' ' || coalesce(${contacts.phone},'') || ' ' || coalesce(${contacts.mobile},''))`,
};

export type ContactInput = Omit<typeof contacts.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'createdBy'>;

const scope = (user: CurrentUser) => viaAccountScope(user, contacts.accountId);

export async function listContacts(db: Db, user: CurrentUser, query: ListQuery, accountId?: number) {
  const page = await listPage(db, contactKind, query, [scope(user), accountId ? eq(contacts.accountId, accountId) : undefined]);
  return { ...page, items: await withAccountNames(db, page.items) };
}

export const getContact = (db: Db, user: CurrentUser, id: number) => getRecord(db, contactKind, id, scope(user), user.role === 'admin');

export async function createContact(db: Db, user: CurrentUser, input: ContactInput) {
  assertCanWrite(user, 'contacts');
  await getRecord(db, accountKind, input.accountId, accountScope(user)); // the account must exist and be the caller's
  return createRecord(db, contactKind, input, user.id);
}

export async function updateContact(db: Db, user: CurrentUser, id: number, version: number, patch: Partial<ContactInput>) {
  assertCanWrite(user, 'contacts');
  if (patch.accountId !== undefined) await getRecord(db, accountKind, patch.accountId, accountScope(user));
  return updateRecord(db, contactKind, id, version, patch, user.id, scope(user));
}

export async function deleteContact(db: Db, user: CurrentUser, id: number) {
  assertCanWrite(user, 'contacts');
  await softDeleteRecord(db, contactKind, id, user.id, scope(user));
}

export const restoreContact = (db: Db, user: CurrentUser, id: number) => restoreRecord(db, contactKind, id, user.id);
