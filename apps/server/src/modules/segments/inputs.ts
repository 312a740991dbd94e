/**
 * What the predictive model is computed from, read with a few aggregate queries into typed arrays (they are
 * moved, not copied, into the worker): every order line of completed or returned orders before asOf (guest
 * sales too: they are baskets for the rules), the products' categories, the run's CLV scores, and the accounts'
 * numeric attributes.
 */
import type { Database } from '../../db/connection.js';

export interface OrderLines {
  /** dense order number (0..orders−1), for baskets */
  order: Int32Array;
  /** account id, NaN for a guest sale */
  account: Float64Array;
  day: Int32Array;
  product: Float64Array;
  quantity: Float64Array;
  revenue: Float64Array;
  margin: Float64Array;
}

export interface ProductFacts {
  ids: Float64Array;
  /** index into `categories`, −1 when the product has none */
  category: Int32Array;
  categories: string[];
  /** for the offers' reasons in words */
  names: string[];
}

export interface AccountScores {
  ids: Float64Array;
  clv: Float64Array;
  pAlive: Float64Array;
}

/** Numeric custom attributes (income, household size, ...): one column per attribute, NaN where missing. */
export interface AccountAttributes {
  ids: Float64Array;
  names: string[];
  values: Float64Array[];
}

export interface SegmentInputs {
  lines: OrderLines;
  products: ProductFacts;
  scores: AccountScores;
  attributes: AccountAttributes;
}

const DAY_MS = 86_400_000;
const endOfDay = (asOf: Date) => new Date(Math.floor(asOf.getTime() / DAY_MS + 1) * DAY_MS);

export async function loadSegmentInputs(database: Database, runId: number, asOf: Date): Promise<SegmentInputs> {
  return {
    lines: await loadOrderLines(database, asOf),
    products: await loadProducts(database),
    scores: await loadScores(database, runId),
    attributes: await loadAttributes(database),
  };
}

async function loadOrderLines(database: Database, asOf: Date): Promise<OrderLines> {
  const { rows } = await database.pool.query<[number, number | null, number, number, number, number, number]>({
    rowMode: 'array',
    text: `
      SELECT dense_rank() OVER (ORDER BY o.id)::int - 1, o.account_id, ((o.ordered_at AT TIME ZONE 'UTC')::date - DATE '1970-01-01'),
             l.product_id, l.quantity::float8, (l.quantity * l.unit_price)::float8,
             (l.quantity * (l.unit_price - coalesce(l.unit_cost, p.unit_cost, 0)))::float8
      FROM orders o
      JOIN order_lines l ON l.order_id = o.id
      JOIN products p ON p.id = l.product_id
      LEFT JOIN accounts a ON a.id = o.account_id
      WHERE o.deleted_at IS NULL AND o.status IN ('completed', 'returned') AND o.ordered_at < $1
        AND (o.account_id IS NULL OR a.deleted_at IS NULL)`,
    values: [endOfDay(asOf)],
  });
  const n = rows.length;
  const lines: OrderLines = {
    order: new Int32Array(n),
    account: new Float64Array(n),
    day: new Int32Array(n),
    product: new Float64Array(n),
    quantity: new Float64Array(n),
    revenue: new Float64Array(n),
    margin: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    lines.order[i] = r[0];
    lines.account[i] = r[1] ?? NaN;
    lines.day[i] = r[2];
    lines.product[i] = r[3];
    lines.quantity[i] = r[4];
    lines.revenue[i] = r[5];
    lines.margin[i] = r[6];
  }
  return lines;
}

async function loadProducts(database: Database): Promise<ProductFacts> {
  const { rows } = await database.pool.query<{ id: number; category: string | null; name: string }>('SELECT id, category, name FROM products ORDER BY id');
  const categories = [...new Set(rows.map((r) => r.category).filter((c): c is string => Boolean(c)))].sort();
  const index = new Map(categories.map((c, i) => [c, i]));
  return {
    ids: Float64Array.from(rows, (r) => r.id),
    category: Int32Array.from(rows, (r) => (r.category ? index.get(r.category)! : -1)),
    categories,
    names: rows.map((r) => r.name),
  };
}

async function loadScores(database: Database, runId: number): Promise<AccountScores> {
  const { rows } = await database.pool.query<[number, number, number]>({
    rowMode: 'array',
    text: 'SELECT account_id, predicted_clv::float8, p_alive::float8 FROM customer_scores WHERE run_id = $1',
    values: [runId],
  });
  return { ids: Float64Array.from(rows, (r) => r[0]), clv: Float64Array.from(rows, (r) => r[1] ?? NaN), pAlive: Float64Array.from(rows, (r) => r[2] ?? NaN) };
}

/** Attributes that are numbers on at least 30 % of the accounts that have any attributes (others are labels, not features). */
export async function numericAttributeNames(database: Database): Promise<string[]> {
  const { rows } = await database.pool.query<{ key: string }>(`
    WITH kv AS (SELECT a.id, e.key, e.value FROM accounts a, jsonb_each(a.attributes) e WHERE a.deleted_at IS NULL)
    SELECT key FROM kv GROUP BY key
    HAVING count(*) FILTER (WHERE jsonb_typeof(value) = 'number') >= 0.3 * (SELECT count(DISTINCT id) FROM kv)
    ORDER BY key LIMIT 20`);
  return rows.map((r) => r.key);
}

async function loadAttributes(database: Database): Promise<AccountAttributes> {
  const keys = await numericAttributeNames(database);
  if (keys.length === 0) return { ids: new Float64Array(0), names: [], values: [] };
  const { rows } = await database.pool.query<[number, ...(number | null)[]]>({
    rowMode: 'array',
    text: `SELECT id, ${keys.map((_, i) => `CASE WHEN jsonb_typeof(attributes -> $${i + 1}) = 'number' THEN (attributes ->> $${i + 1})::float8 END`).join(', ')}
           FROM accounts WHERE deleted_at IS NULL AND attributes <> '{}'::jsonb`,
    values: keys,
  });
  return {
    ids: Float64Array.from(rows, (r) => r[0]),
    names: keys,
    values: keys.map((_, k) => Float64Array.from(rows, (r) => r[k + 1] ?? NaN)),
  };
}
