/**
 * The nine relationship-value factors of every customer, from the data, over the year before asOf (the definitions
 * are @relata/analytics' RELATIONSHIP_FACTORS, shown in the UI): one SQL statement, so a million order lines never
 * travel to JavaScript. Customers without a purchase in the year are not scored (there is no relationship to value).
 */
import { RELATIONSHIP_FACTOR_KEYS } from '@relata/analytics';
import type { Database } from '../../db/connection.js';

export interface FactorRows {
  accountIds: number[];
  /** one row per customer, the factors in RELATIONSHIP_FACTOR_KEYS order (NaN when the data has none) */
  rows: Float64Array[];
}

const DAY_MS = 86_400_000;

export async function loadFactorRows(database: Database, asOf: Date): Promise<FactorRows> {
  const end = new Date(Math.floor(asOf.getTime() / DAY_MS + 1) * DAY_MS);
  const { rows } = await database.pool.query<Record<string, number | null> & { account_id: number }>({
    text: `
      WITH lines AS (
        SELECT o.id AS order_id, o.account_id, o.ordered_at, l.product_id, l.quantity::float8 AS quantity, l.unit_price::float8 AS price,
               (l.quantity * (l.unit_price - coalesce(l.unit_cost, p.unit_cost, 0)))::float8 AS margin,
               p.value_added, p.launch_date
        FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id
        WHERE o.deleted_at IS NULL AND o.status IN ('completed', 'returned') AND o.account_id IS NOT NULL
          AND o.ordered_at < $1 AND o.ordered_at >= $1::timestamptz - interval '365 days'),
      average_price AS (SELECT product_id, sum(quantity * price) / nullif(sum(quantity), 0) AS price FROM lines WHERE quantity > 0 GROUP BY 1),
      bought AS (
        SELECT l.account_id,
               sum(l.margin) / nullif(sum(l.quantity) FILTER (WHERE l.quantity > 0), 0) AS unit_profit,
               sum(l.quantity) AS quantity,
               sum((l.price - ap.price) * l.quantity) FILTER (WHERE l.quantity > 0) / nullif(sum(ap.price * l.quantity) FILTER (WHERE l.quantity > 0), 0) AS price_premium,
               sum(l.quantity * l.price) FILTER (WHERE l.value_added AND l.quantity > 0) / nullif(sum(l.quantity * l.price) FILTER (WHERE l.quantity > 0), 0) AS value_added_rate,
               count(DISTINCT l.product_id) FILTER (WHERE l.quantity > 0 AND l.launch_date >= ($1::timestamptz - interval '365 days')::date) AS new_products
        FROM lines l LEFT JOIN average_price ap USING (product_id) GROUP BY 1
        HAVING bool_or(l.quantity > 0)),
      -- an order "buys again" when one of its products was first bought by the customer in an earlier order
      first_bought AS (
        SELECT o.account_id, l.product_id, min(o.ordered_at) AS first_at
        FROM orders o JOIN order_lines l ON l.order_id = o.id
        WHERE o.deleted_at IS NULL AND o.status IN ('completed', 'returned') AND o.account_id IS NOT NULL AND l.quantity > 0 AND o.ordered_at < $1
        GROUP BY 1, 2),
      repeat_orders AS (
        SELECT l.account_id, count(DISTINCT l.order_id) AS orders, count(DISTINCT l.order_id) FILTER (WHERE fb.first_at < l.ordered_at) AS repeats
        FROM lines l JOIN first_bought fb USING (account_id, product_id) WHERE l.quantity > 0 GROUP BY 1),
      service AS (
        SELECT account_id, sum(cost_spent)::float8 AS cost FROM tickets
        WHERE deleted_at IS NULL AND opened_at < $1 AND opened_at >= $1::timestamptz - interval '365 days' GROUP BY 1),
      income AS (
        SELECT account_id, (array_agg(income ORDER BY period_start DESC))[1]::float8 AS latest, (array_agg(income ORDER BY period_start DESC))[2]::float8 AS previous
        FROM account_income_history WHERE deleted_at IS NULL AND period_start < $1 GROUP BY 1),
      referred AS (
        SELECT r.referrer_account_id AS account_id,
               coalesce(sum(x.revenue), 0) + coalesce(sum(r.value) FILTER (WHERE x.revenue IS NULL), 0) AS value
        FROM referrals r
        LEFT JOIN LATERAL (SELECT sum(l.quantity * l.price) AS revenue FROM lines l WHERE l.account_id = r.referred_account_id) x ON true
        WHERE r.deleted_at IS NULL AND r.referred_at < $1 GROUP BY 1),
      suggestions AS (
        SELECT account_id, count(*) AS n FROM product_suggestions
        WHERE deleted_at IS NULL AND suggested_at < $1 AND suggested_at >= $1::timestamptz - interval '365 days' GROUP BY 1)
      SELECT b.account_id, b.unit_profit AS "unitProfit", b.quantity AS "purchaseQuantity", coalesce(s.cost, 0) AS "serviceCost",
             b.price_premium AS "pricePremium", ro.repeats::float8 / nullif(ro.orders, 0) AS "repeatPurchaseRate",
             (i.latest - i.previous) / nullif(i.previous, 0) AS "incomeGrowth", coalesce(b.value_added_rate, 0) AS "valueAddedPurchaseRate",
             coalesce(rf.value, 0) AS "wordOfMouth", (b.new_products + coalesce(sg.n, 0))::float8 AS "innovationElasticity"
      FROM bought b
      JOIN accounts a ON a.id = b.account_id AND a.deleted_at IS NULL
      LEFT JOIN repeat_orders ro ON ro.account_id = b.account_id
      LEFT JOIN service s ON s.account_id = b.account_id
      LEFT JOIN income i ON i.account_id = b.account_id
      LEFT JOIN referred rf ON rf.account_id = b.account_id
      LEFT JOIN suggestions sg ON sg.account_id = b.account_id
      ORDER BY b.account_id`,
    values: [end],
  });
  return {
    accountIds: rows.map((r) => Number(r.account_id)),
    rows: rows.map((r) => Float64Array.from(RELATIONSHIP_FACTOR_KEYS, (k) => (r[k] === null || r[k] === undefined ? NaN : Number(r[k])))),
  };
}
