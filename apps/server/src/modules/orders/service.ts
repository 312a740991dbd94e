import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { getRecord, listPage, restoreRecord, softDeleteRecord, updateRecord, type RecordKind } from '../../db/record-store.js';
import { conflict } from '../../http/errors.js';
import type { ListQuery } from '../../http/list-query.js';
import { accountKind, accountScope, viaAccountScope, withAccountNames } from '../accounts/service.js';
import { accounts } from '../accounts/schema.js';
import { diffRecords, recordAudit } from '../audit/service.js';
import { products } from '../products/schema.js';
import { assertCanWrite } from '../users/access.js';
import type { CurrentUser } from '../users/service.js';
import { orderLines, orders } from './schema.js';

export const orderKind: RecordKind<typeof orders> = {
  table: orders,
  entity: 'order',
  sortable: { orderNo: orders.orderNo, orderedAt: orders.orderedAt, totalAmount: orders.totalAmount, status: orders.status },
  defaultSort: { column: orders.orderedAt, order: 'desc' },
  searchText: sql`${orders.orderNo}`,
};

export interface OrderLineInput {
  productId?: number | null;
  description?: string | null;
  quantity: number;
  unitPrice: number;
  unitCost?: number | null;
}

export interface OrderInput {
  orderNo?: string;
  accountId?: number | null;
  orderedAt?: Date;
  status?: (typeof orders.$inferInsert)['status'];
  currency?: string;
  channel?: string | null;
  notes?: string | null;
  lines: OrderLineInput[];
}

const scope = (user: CurrentUser) => viaAccountScope(user, orders.accountId);
const lineTotal = (lines: OrderLineInput[]) => Math.round(lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0) * 100) / 100;

export async function listOrders(db: Db, user: CurrentUser, query: ListQuery, f: { accountId?: number; status?: string }) {
  const page = await listPage(db, orderKind, query, [
    scope(user),
    f.accountId ? eq(orders.accountId, f.accountId) : undefined,
    f.status ? sql`${orders.status} = ${f.status}` : undefined,
  ]);
  return { ...page, items: await withAccountNames(db, page.items) };
}

export async function getOrder(db: Db, user: CurrentUser, id: number) {
  const order = await getRecord(db, orderKind, id, scope(user), user.role === 'admin');
  const lines = await orderLinesOf(db, [id]);
  const [account] = order.accountId ? await db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, order.accountId)) : [];
  return { ...order, accountName: account?.name ?? null, lines };
}

export const orderLinesOf = (db: Db, orderIds: number[]) =>
  db
    .select({
      id: orderLines.id,
      orderId: orderLines.orderId,
      lineNo: orderLines.lineNo,
      productId: orderLines.productId,
      sku: products.sku,
      productName: products.name,
      description: orderLines.description,
      quantity: orderLines.quantity,
      unitPrice: orderLines.unitPrice,
      unitCost: orderLines.unitCost,
    })
    .from(orderLines)
    .leftJoin(products, eq(products.id, orderLines.productId))
    .where(inArray(orderLines.orderId, orderIds))
    .orderBy(asc(orderLines.orderId), asc(orderLines.lineNo));

export async function createOrder(db: Db, user: CurrentUser, input: OrderInput) {
  assertCanWrite(user, 'orders');
  if (input.accountId) await getRecord(db, accountKind, input.accountId, accountScope(user));
  else if (user.role === 'sales') await getRecord(db, accountKind, -1, accountScope(user)); // sales cannot book guest sales
  return db.transaction(async (tx) => {
    const orderNo = input.orderNo ?? (await nextOrderNo(tx as unknown as Db));
    const existing = await tx.select({ id: orders.id }).from(orders).where(eq(orders.orderNo, orderNo));
    if (existing.length) throw conflict(`Order number ${orderNo} already exists`, { field: 'orderNo' });
    const [order] = await tx
      .insert(orders)
      .values({
        orderNo,
        accountId: input.accountId ?? null,
        orderedAt: input.orderedAt ?? new Date(),
        status: input.status,
        currency: input.currency,
        channel: input.channel,
        notes: input.notes,
        totalAmount: lineTotal(input.lines),
        createdBy: user.id,
      })
      .returning();
    await tx.insert(orderLines).values(input.lines.map((l, i) => ({ ...l, orderId: order.id, lineNo: i + 1 })));
    await recordAudit(tx, { userId: user.id, entityType: 'order', entityId: order.id, action: 'create', changes: diffRecords({}, { orderNo, accountId: order.accountId, totalAmount: order.totalAmount, lines: input.lines.length }) });
    return order;
  });
}

async function nextOrderNo(db: Db) {
  const [{ n }] = (await db.execute<{ n: number }>(sql`SELECT count(*)::int + 1 AS n FROM orders`)).rows;
  return `SO-${new Date().getFullYear()}-${String(n).padStart(6, '0')}-${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
}

export type OrderPatch = Partial<Pick<typeof orders.$inferInsert, 'status' | 'channel' | 'notes' | 'orderedAt' | 'accountId' | 'currency'>>;

export async function updateOrder(db: Db, user: CurrentUser, id: number, version: number, patch: OrderPatch) {
  assertCanWrite(user, 'orders');
  if (patch.accountId) await getRecord(db, accountKind, patch.accountId, accountScope(user));
  return updateRecord(db, orderKind, id, version, patch, user.id, scope(user));
}

export async function deleteOrder(db: Db, user: CurrentUser, id: number) {
  assertCanWrite(user, 'orders');
  await softDeleteRecord(db, orderKind, id, user.id, scope(user));
}

export const restoreOrder = (db: Db, user: CurrentUser, id: number) => restoreRecord(db, orderKind, id, user.id);
