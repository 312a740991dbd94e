/**
 * Customers' product suggestions (innovation elasticity): about a product, or an idea for a new one.
 * A suggestion hangs off the customer's account and follows its scope. Anyone who may change accounts
 * records a suggestion; reviewing it (status other than "new", the company's response) is for the
 * people who decide on products: admins and managers.
 */
import { eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { createRecord, getRecord, listPage, restoreRecord, softDeleteRecord, updateRecord, type RecordKind } from '../../db/record-store.js';
import { forbidden } from '../../http/errors.js';
import type { ListQuery } from '../../http/list-query.js';
import { accountKind, accountScope, viaAccountScope, withAccountNames } from '../accounts/service.js';
import { assertCanWrite } from '../users/access.js';
import type { CurrentUser } from '../users/service.js';
import { productSuggestions, products } from './schema.js';
import { productKind } from './service.js';

export const suggestionKind: RecordKind<typeof productSuggestions> = {
  table: productSuggestions,
  entity: 'suggestion',
  sortable: { suggestedAt: productSuggestions.suggestedAt, status: productSuggestions.status, reviewedAt: productSuggestions.reviewedAt, updatedAt: productSuggestions.updatedAt },
  defaultSort: { column: productSuggestions.suggestedAt, order: 'desc' },
  searchText: sql`(${productSuggestions.suggestion} || ' ' || coalesce(${productSuggestions.response},''))`,
};

export type SuggestionInput = Omit<typeof productSuggestions.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'createdBy'>;

export interface SuggestionFilters {
  accountId?: number;
  productId?: number;
  /** only ideas for new products (no product) */
  newProduct?: boolean;
  status?: string;
}

const scope = (user: CurrentUser) => viaAccountScope(user, productSuggestions.accountId);
const reviewers: CurrentUser['role'][] = ['admin', 'manager'];

export async function listSuggestions(db: Db, user: CurrentUser, query: ListQuery, f: SuggestionFilters) {
  const page = await listPage(db, suggestionKind, query, [
    scope(user),
    f.accountId ? eq(productSuggestions.accountId, f.accountId) : undefined,
    f.productId ? eq(productSuggestions.productId, f.productId) : undefined,
    f.newProduct ? isNull(productSuggestions.productId) : undefined,
    f.status ? sql`${productSuggestions.status} = ${f.status}` : undefined,
  ]);
  return { ...page, items: await withProductNames(db, await withAccountNames(db, page.items)) };
}

export async function getSuggestion(db: Db, user: CurrentUser, id: number) {
  const row = await getRecord(db, suggestionKind, id, scope(user), user.role === 'admin');
  return (await withProductNames(db, await withAccountNames(db, [row])))[0];
}

export async function createSuggestion(db: Db, user: CurrentUser, input: SuggestionInput) {
  assertCanWrite(user, 'accounts');
  await getRecord(db, accountKind, input.accountId, accountScope(user));
  if (input.productId != null) await getRecord(db, productKind, input.productId);
  assertMayReview(user, input);
  return createRecord(db, suggestionKind, withReviewTime(input, 'new'), user.id);
}

export async function updateSuggestion(db: Db, user: CurrentUser, id: number, version: number, patch: Partial<SuggestionInput>) {
  assertCanWrite(user, 'accounts');
  const before = await getRecord(db, suggestionKind, id, scope(user));
  if (patch.accountId !== undefined) await getRecord(db, accountKind, patch.accountId, accountScope(user));
  if (patch.productId != null) await getRecord(db, productKind, patch.productId);
  assertMayReview(user, { status: patch.status === before.status ? undefined : patch.status, response: patch.response === before.response ? undefined : patch.response, reviewedAt: patch.reviewedAt });
  return updateRecord(db, suggestionKind, id, version, withReviewTime(patch, before.status), user.id, scope(user));
}

export async function deleteSuggestion(db: Db, user: CurrentUser, id: number) {
  assertCanWrite(user, 'accounts');
  await softDeleteRecord(db, suggestionKind, id, user.id, scope(user));
}

export const restoreSuggestion = (db: Db, user: CurrentUser, id: number) => restoreRecord(db, suggestionKind, id, user.id);

function assertMayReview(user: CurrentUser, values: Partial<Pick<SuggestionInput, 'status' | 'response' | 'reviewedAt'>>) {
  const reviewing = (values.status !== undefined && values.status !== 'new') || values.response != null || values.reviewedAt != null;
  if (reviewing && !reviewers.includes(user.role)) throw forbidden(`Your role (${user.role}) cannot review suggestions: that is for admins and managers`);
}

/** Leaving "new" stamps reviewedAt (unless given); going back to "new" clears it. */
function withReviewTime<T extends Partial<SuggestionInput>>(values: T, statusBefore: string): T {
  if (values.status === undefined || values.status === statusBefore) return values;
  if (values.status === 'new') return { ...values, reviewedAt: values.reviewedAt ?? null };
  if (statusBefore === 'new' && values.reviewedAt === undefined) return { ...values, reviewedAt: new Date() };
  return values;
}

async function withProductNames<T extends { productId: number | null }>(db: Db, items: T[]) {
  const ids = [...new Set(items.map((i) => i.productId).filter((x): x is number => x != null))];
  const rows = ids.length ? await db.select({ id: products.id, sku: products.sku, name: products.name }).from(products).where(inArray(products.id, ids)) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return items.map((i) => ({ ...i, productSku: i.productId ? byId.get(i.productId)?.sku ?? null : null, productName: i.productId ? byId.get(i.productId)?.name ?? null : null }));
}
