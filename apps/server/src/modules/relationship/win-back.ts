/**
 * "Win-back if the customer returns" (seed 003): a customer whose exit is done (exited, or in the retrospective)
 * and who has placed completed orders since is flagged on the board and in the case file, so a manager can
 * declare the case won back. The flag is a fact about orders, never a move: winning back stays a decision.
 */
import { sql } from 'drizzle-orm';

/** Completed orders since the exit, as columns `returnedOrders`, `returnedAmount`, `returnedLastAt` for case `c`. */
export const returnedSinceExit = sql`
  LEFT JOIN LATERAL (
    SELECT count(*)::int AS "returnedOrders", coalesce(sum(o.total_amount), 0)::float8 AS "returnedAmount", max(o.ordered_at) AS "returnedLastAt"
    FROM orders o
    WHERE c.stage IN ('exited', 'retrospective') AND o.account_id = c.account_id AND o.deleted_at IS NULL
      AND o.status = 'completed' AND o.ordered_at > c.exited_at
  ) returned ON true`;
