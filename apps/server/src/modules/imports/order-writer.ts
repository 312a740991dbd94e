import { BATCH_ROWS, changedColumns, ensureRows, pick, upsertCounts, writeInBatches, type Executor, type WriteCounts } from './bulk-writes.js';
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
 * 3. orders by order number: new ones inserted; existing ones updated when date, customer (if mapped),
 *    status (if mapped), currency (if given) or total differ;
 * 4. lines by (order, line number): lines of new orders inserted outright, lines of existing orders upserted
 *    when a mapped value differs. Lines already in the database that the file does not have are kept, and
 *    count in their order's total.
 */
export async function writeOrders(db: Executor, plan: OrderPlan, options: OrderWriteOptions): Promise<OrderWriteCounts> {
  const createdBy = options.userId;

  const a = plan.accounts;
  const accounts = await ensureRows(db, 'accounts', 'external_id', a.externalId, (i) => ({
    text: `INSERT INTO accounts (external_id, name, country, source, created_by)
           SELECT u.*, 'import', $4::int FROM unnest($1::text[], $2::text[], $3::text[]) AS u
           RETURNING id, external_id AS key`,
    values: [pick(a.externalId, i), pick(a.name, i), pick(a.country, i), createdBy],
  }));

  const p = plan.products;
  const products = await ensureRows(db, 'products', 'sku', p.sku, (i) => ({
    text: `INSERT INTO products (sku, name, category, list_price, unit_cost, created_by)
           SELECT u.*, $6::int FROM unnest($1::text[], $2::text[], $3::text[], $4::numeric[], $5::numeric[]) AS u
           RETURNING id, sku AS key`,
    values: [pick(p.sku, i), pick(p.name, i), pick(p.category, i), pick(p.listPrice, i), pick(p.unitCost, i), createdBy],
  }));

  const o = plan.orders;
  const accountIdOf = o.account.map((id) => (id === null ? null : accounts.ids.get(id) ?? null));
  const currency = options.currency ? [options.currency] : [];
  const orders = await ensureRows(db, 'orders', 'order_no', o.orderNo, (i) => ({
    text: `INSERT INTO orders (order_no, account_id, ordered_at, status, total_amount, created_by${currency.length ? ', currency' : ''})
           SELECT u.*, $6::int${currency.length ? ', $7::text' : ''}
           FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::text[], $5::numeric[]) AS u
           RETURNING id, order_no AS key`,
    values: [pick(o.orderNo, i), pick(accountIdOf, i), pick(o.orderedAt, i), pick(o.status, i), pick(o.total, i), createdBy, ...currency],
  }));

  // Orders that were there before: updated where the file says otherwise.
  const known = o.orderNo.flatMap((no, i) => (orders.existing.has(no) ? [i] : []));
  const updatable = ['ordered_at', 'total_amount'];
  if (plan.mapped.account) updatable.push('account_id');
  if (plan.mapped.status) updatable.push('status');
  if (options.currency) updatable.push('currency');
  const orderIdOf = o.orderNo.map((no) => orders.ids.get(no)!);
  let ordersUpdated = 0;
  for (let from = 0; from < known.length; from += BATCH_ROWS) {
    const i = known.slice(from, from + BATCH_ROWS);
    const { rowCount } = await db.query(
      `WITH v AS (
         SELECT u.id, u.account_id, u.ordered_at, u.status, ${currency.length ? '$7::text' : 'NULL::text'} AS currency,
                -- the file's lines plus the order's lines that this file does not have
                round(u.total + coalesce((SELECT sum(l.quantity * l.unit_price) FROM order_lines l
                                          WHERE l.order_id = u.id AND l.line_no <> ALL (u.line_nos::int[])), 0), 2) AS total_amount
         FROM unnest($1::bigint[], $2::bigint[], $3::timestamptz[], $4::text[], $5::numeric[], $6::text[]) AS u(id, account_id, ordered_at, status, total, line_nos))
       UPDATE orders t SET ${updatable.map((c) => `${c} = v.${c}`).join(', ')}, version = t.version + 1, updated_at = now()
       FROM v WHERE t.id = v.id
         AND (${updatable.map((c) => `t.${c}`).join(', ')}) IS DISTINCT FROM (${updatable.map((c) => `v.${c}`).join(', ')})`,
      [pick(orderIdOf, i), pick(accountIdOf, i), pick(o.orderedAt, i), pick(o.status, i), pick(o.total, i), pick(o.lineNos, i), ...currency],
    );
    ordersUpdated += rowCount ?? 0;
  }
  orders.counts.updated = ordersUpdated;
  orders.counts.unchanged -= ordersUpdated;

  const l = plan.lines;
  const lineOrderId = l.orderNo.map((no) => orders.ids.get(no)!);
  const lineProductId = l.sku.map((sku) => (sku === null ? null : products.ids.get(sku) ?? null));
  const columns = (i: number[]) => [
    pick(lineOrderId, i),
    pick(l.lineNo, i),
    pick(lineProductId, i),
    pick(l.description, i),
    pick(l.quantity, i),
    pick(l.unitPrice, i),
    pick(l.unitCost, i),
  ];
  const insertLines = `INSERT INTO order_lines AS t (order_id, line_no, product_id, description, quantity, unit_price, unit_cost)
    SELECT * FROM unnest($1::bigint[], $2::int[], $3::bigint[], $4::text[], $5::numeric[], $6::numeric[], $7::numeric[])`;

  // Lines of orders created by this import cannot exist yet: a plain insert.
  const freshLines: number[] = [];
  const knownLines: number[] = [];
  l.orderNo.forEach((no, i) => (orders.existing.has(no) ? knownLines : freshLines).push(i));
  for (let from = 0; from < freshLines.length; from += BATCH_ROWS) {
    const i = freshLines.slice(from, from + BATCH_ROWS);
    await db.query(insertLines, columns(i));
    options.onLines?.(i.length);
  }
  const lineUpdatable = ['quantity', 'unit_price'];
  if (plan.mapped.sku) lineUpdatable.push('product_id');
  if (plan.mapped.productName) lineUpdatable.push('description');
  if (plan.mapped.unitCost) lineUpdatable.push('unit_cost');
  const change = changedColumns('t', lineUpdatable);
  const upserted = await writeInBatches(
    knownLines.length,
    (from, to) => upsertCounts(db, `${insertLines} ON CONFLICT (order_id, line_no) DO UPDATE SET ${change.set} WHERE ${change.differs}`, columns(knownLines.slice(from, to))),
    options.onLines,
  );
  const lines: WriteCounts = { ...upserted, inserted: upserted.inserted + freshLines.length };

  return { accounts: accounts.counts, products: products.counts, orders: orders.counts, lines };
}
