import { asc, eq, isNotNull, isNull, and, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { createRecord, getRecord, listPage, restoreRecord, softDeleteRecord, updateRecord, type RecordKind } from '../../db/record-store.js';
import type { ListQuery } from '../../http/list-query.js';
import { assertCanWrite } from '../users/access.js';
import type { CurrentUser } from '../users/service.js';
import { products } from './schema.js';

export const productKind: RecordKind<typeof products> = {
  table: products,
  entity: 'product',
  sortable: { sku: products.sku, name: products.name, category: products.category, listPrice: products.listPrice, unitCost: products.unitCost, launchDate: products.launchDate, updatedAt: products.updatedAt },
  defaultSort: { column: products.sku, order: 'asc' },
  searchText: sql`(${products.sku} || ' ' || ${products.name})`,
};

export type ProductInput = Omit<typeof products.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'createdBy'>;

export const listProducts = (db: Db, query: ListQuery, f: { category?: string; valueAdded?: boolean }) =>
  listPage(db, productKind, query, [
    f.category ? eq(products.category, f.category) : undefined,
    f.valueAdded !== undefined ? eq(products.valueAdded, f.valueAdded) : undefined,
  ]);

export const getProduct = (db: Db, user: CurrentUser, id: number) => getRecord(db, productKind, id, undefined, user.role === 'admin');

export async function createProduct(db: Db, user: CurrentUser, input: ProductInput) {
  assertCanWrite(user, 'products');
  return createRecord(db, productKind, input, user.id);
}

export async function updateProduct(db: Db, user: CurrentUser, id: number, version: number, patch: Partial<ProductInput>) {
  assertCanWrite(user, 'products');
  return updateRecord(db, productKind, id, version, patch, user.id);
}

export async function deleteProduct(db: Db, user: CurrentUser, id: number) {
  assertCanWrite(user, 'products');
  await softDeleteRecord(db, productKind, id, user.id);
}

export const restoreProduct = (db: Db, user: CurrentUser, id: number) => restoreRecord(db, productKind, id, user.id);

export const productCategories = async (db: Db) =>
  (
    await db
      .selectDistinct({ category: products.category })
      .from(products)
      .where(and(isNotNull(products.category), isNull(products.deletedAt)))
      .orderBy(asc(products.category))
  ).map((r) => r.category as string);
