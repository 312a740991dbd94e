import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { seesAllAccounts } from '../users/access.js';
import type { CurrentUser } from '../users/service.js';

/** The figures on the home page, within what the user may see. */
export async function dashboard(db: Db, user: CurrentUser) {
  const own = seesAllAccounts(user) ? sql`TRUE` : sql`a.owner_id = ${user.id}`;
  const ownOrders = seesAllAccounts(user) ? sql`TRUE` : sql`o.account_id IN (SELECT id FROM accounts a WHERE ${own})`;
  // Revenue is what was sold: cancelled orders do not count (returns are negative lines and do).
  const sold = sql`o.status <> 'cancelled'`;
  const q = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => (await db.execute<T>(query)).rows;
  const [counts] = await q<{ accounts: number; contacts: number; products: number; orders: number; revenue: number }>(sql`
    SELECT (SELECT count(*)::int FROM accounts a WHERE a.deleted_at IS NULL AND ${own}) AS accounts,
           (SELECT count(*)::int FROM contacts c JOIN accounts a ON a.id = c.account_id WHERE c.deleted_at IS NULL AND ${own}) AS contacts,
           (SELECT count(*)::int FROM products WHERE deleted_at IS NULL) AS products,
           (SELECT count(*)::int FROM orders o WHERE o.deleted_at IS NULL AND ${ownOrders}) AS orders,
           (SELECT coalesce(sum(total_amount), 0)::float8 FROM orders o WHERE o.deleted_at IS NULL AND ${sold} AND ${ownOrders}) AS revenue`);
  // The last 24 months that have orders, oldest first, for the chart.
  const revenueByMonth = await q<{ month: string; revenue: number; orders: number }>(sql`
    SELECT * FROM (
      SELECT to_char(date_trunc('month', o.ordered_at), 'YYYY-MM') AS month, sum(o.total_amount)::float8 AS revenue, count(*)::int AS orders
      FROM orders o WHERE o.deleted_at IS NULL AND ${sold} AND ${ownOrders}
      GROUP BY 1 ORDER BY 1 DESC LIMIT 24) m ORDER BY month`);
  const topProducts = await q<{ productId: number; sku: string; name: string; revenue: number; quantity: number }>(sql`
    SELECT p.id AS "productId", p.sku, p.name, sum(l.quantity * l.unit_price)::float8 AS revenue, sum(l.quantity)::float8 AS quantity
    FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN products p ON p.id = l.product_id
    WHERE o.deleted_at IS NULL AND ${sold} AND ${ownOrders}
    GROUP BY p.id ORDER BY revenue DESC LIMIT 10`);
  const recentActivities = await q(sql`
    SELECT x.id, x.type, x.subject, x.occurred_at AS "occurredAt", x.account_id AS "accountId", a.name AS "accountName", u.name AS "userName"
    FROM activities x LEFT JOIN accounts a ON a.id = x.account_id LEFT JOIN users u ON u.id = x.user_id
    WHERE x.deleted_at IS NULL AND ${seesAllAccounts(user) ? sql`TRUE` : sql`a.owner_id = ${user.id}`}
    ORDER BY x.occurred_at DESC LIMIT 10`);
  return { ...counts, revenueByMonth, topProducts, recentActivities };
}
