import { changedColumns, upsertCounts, writeInBatches, type Executor, type WriteCounts } from './bulk-writes.js';
import { productColumns, type ProductField, type ProductPlan } from './product-rows.js';

const columnSql: Record<ProductField, { param: string; value: (u: string) => string }> = {
  name: { param: 'text[]', value: (u) => `${u}.name` },
  category: { param: 'text[]', value: (u) => `${u}.category` },
  list_price: { param: 'numeric[]', value: (u) => `${u}.list_price` },
  unit_cost: { param: 'numeric[]', value: (u) => `${u}.unit_cost` },
  value_added: { param: 'boolean[]', value: (u) => `coalesce(${u}.value_added, false)` },
  launch_date: { param: 'date[]', value: (u) => `${u}.launch_date` },
};

/**
 * Upserts products by SKU: new ones are inserted; existing ones are updated only in the mapped columns, and
 * only when a value differs (then version and updated_at move on).
 */
export async function writeProducts(db: Executor, plan: ProductPlan, userId: number | null, onRows?: (rows: number) => void): Promise<{ products: WriteCounts }> {
  const fields = Object.keys(plan.values) as ProductField[];
  const columns = fields.map((f) => productColumns[f]);
  const change = changedColumns('t', columns);
  const params = ['$1::text[]', ...fields.map((f, i) => `$${i + 2}::${columnSql[f].param}`)];
  const sql = `INSERT INTO products AS t (sku, ${columns.join(', ')}, created_by)
    SELECT u.sku, ${fields.map((f) => columnSql[f].value('u')).join(', ')}, $${fields.length + 2}::int
    FROM unnest(${params.join(', ')}) AS u(sku, ${fields.join(', ')})
    ON CONFLICT (sku) DO UPDATE SET ${change.set}, version = t.version + 1, updated_at = now()
    WHERE ${change.differs}`;
  const products = await writeInBatches(plan.sku.length, (from, to) =>
    upsertCounts(db, sql, [plan.sku.slice(from, to), ...fields.map((f) => plan.values[f]!.slice(from, to)), userId]),
    onRows,
  );
  return { products };
}
