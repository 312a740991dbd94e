import { changedColumns, idsByKey, upsertCounts, writeInBatches, type Executor, type WriteCounts } from './bulk-writes.js';
import type { OrderPlan } from './order-rows.js';

export interface OrderWriteOptions {
  userId: number | null;
  /** ISO 4217 code for new and updated orders; when absent, new orders get the column's default and existing ones keep theirs */
  currency?: string;
  onLines?: (rows: number) => void;
}

export interface OrderWriteCounts {
  accounts: WriteCounts;
  products: WriteCounts;
  orders: WriteCounts;
  lines: WriteCounts;
}

/**
 * Writes an orders file, inside the caller's transaction, keyed by natural keys so that a second import of the
 * same file changes nothing:
 * 1. accounts it references that are not known yet ("Customer <id>"); known accounts are left alone;
 * 2. products likewise, by SKU;
 * 3. orders by order number — inserted, or updated when date, customer (if mapped), status (if mapped),
 *    currency (if given) or total differ;
 * 4. lines by (order, line number), updated when a mapped value differs. Lines already in the database that
 *    the file does not have are kept, and count in the order's total.
 */
export async function writeOrders(db: Executor, plan: OrderPlan, options: OrderWriteOptions): Promise<OrderWriteCounts> {
  const createdBy = options.userId;

  const a = plan.accounts;
  const accounts = await writeInBatches(a.externalId.length, (from, to) =>
    upsertCounts(
      db,
      `INSERT INTO accounts AS t (external_id, name, country, source, created_by)
       SELECT u.external_id, u.name, u.country, 'import', $4::int
       FROM unnest($1::text[], $2::text[], $3::text[]) AS u(external_id, name, country)
       ON CONFLICT (external_id) DO NOTHING`,
      [a.externalId.slice(from, to), a.name.slice(from, to), a.country.slice(from, to), createdBy],
    ),
  );
  const accountIds = await idsByKey(db, 'accounts', 'external_id', a.externalId);

  const p = plan.products;
  const products = await writeInBatches(p.sku.length, (from, to) =>
    upsertCounts(
      db,
      `INSERT INTO products AS t (sku, name, category, list_price, unit_cost, created_by)
       SELECT u.sku, u.name, u.category, u.list_price, u.unit_cost, $6::int
       FROM unnest($1::text[], $2::text[], $3::text[], $4::numeric[], $5::numeric[]) AS u(sku, name, category, list_price, unit_cost)
       ON CONFLICT (sku) DO NOTHING`,
      [p.sku.slice(from, to), p.name.slice(from, to), p.category.slice(from, to), p.listPrice.slice(from, to), p.unitCost.slice(from, to), createdBy],
    ),
  );
  const productIds = await idsByKey(db, 'products', 'sku', p.sku);

  const o = plan.orders;
  const accountIdOf = o.account.map((id) => (id === null ? null : accountIds.get(id) ?? null));
  const updatable = ['ordered_at', 'total_amount'];
  if (plan.mapped.account) updatable.push('account_id');
  if (plan.mapped.status) updatable.push('status');
  if (options.currency) updatable.push('currency');
  const orderChange = changedColumns('t', updatable);
  const orders = await writeInBatches(o.orderNo.length, (from, to) =>
    upsertCounts(
      db,
      `INSERT INTO orders AS t (order_no, account_id, ordered_at, status, total_amount, created_by${options.currency ? ', currency' : ''})
       SELECT u.order_no, u.account_id, u.ordered_at, u.status,
              -- the file's lines plus lines of an existing order that this file does not have
              round(u.total + coalesce((SELECT sum(l.quantity * l.unit_price) FROM orders o JOIN order_lines l ON l.order_id = o.id
                                        WHERE o.order_no = u.order_no AND l.line_no <> ALL (u.line_nos::int[])), 0), 2),
              $7::int${options.currency ? ', $8::text' : ''}
       FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::text[], $5::numeric[], $6::text[]) AS u(order_no, account_id, ordered_at, status, total, line_nos)
       ON CONFLICT (order_no) DO UPDATE SET ${orderChange.set}, version = t.version + 1, updated_at = now()
       WHERE ${orderChange.differs}`,
      [
        o.orderNo.slice(from, to),
        accountIdOf.slice(from, to),
        o.orderedAt.slice(from, to),
        o.status.slice(from, to),
        o.total.slice(from, to),
        o.lineNos.slice(from, to),
        createdBy,
        ...(options.currency ? [options.currency] : []),
      ],
    ),
  );
  const orderIds = await idsByKey(db, 'orders', 'order_no', o.orderNo);

  const l = plan.lines;
  const orderIdOf = l.orderNo.map((no) => orderIds.get(no)!);
  const productIdOf = l.sku.map((sku) => (sku === null ? null : productIds.get(sku) ?? null));
  const lineUpdatable = ['quantity', 'unit_price'];
  if (plan.mapped.sku) lineUpdatable.push('product_id');
  if (plan.mapped.productName) lineUpdatable.push('description');
  if (plan.mapped.unitCost) lineUpdatable.push('unit_cost');
  const lineChange = changedColumns('t', lineUpdatable);
  const lines = await writeInBatches(
    l.orderNo.length,
    (from, to) =>
      upsertCounts(
        db,
        `INSERT INTO order_lines AS t (order_id, line_no, product_id, description, quantity, unit_price, unit_cost)
         SELECT * FROM unnest($1::bigint[], $2::int[], $3::bigint[], $4::text[], $5::numeric[], $6::numeric[], $7::numeric[])
         ON CONFLICT (order_id, line_no) DO UPDATE SET ${lineChange.set}
         WHERE ${lineChange.differs}`,
        [
          orderIdOf.slice(from, to),
          l.lineNo.slice(from, to),
          productIdOf.slice(from, to),
          l.description.slice(from, to),
          l.quantity.slice(from, to),
          l.unitPrice.slice(from, to),
          l.unitCost.slice(from, to),
        ],
      ),
    options.onLines,
  );
  return { accounts, products, orders, lines };
}
