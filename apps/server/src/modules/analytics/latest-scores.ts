import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';

// Kept apart from service.ts (which needs the accounts module): the accounts list reads these to filter and
// sort by score, without an import cycle.

/** Values of the value tier and lifecycle stage scores, for the filters that select accounts by them. */
export const valueTiers = ['vip', 'major', 'ordinary', 'small'] as const;
export const lifecycleStages = ['exploration', 'formation', 'stability', 'decline'] as const;

/** The newest finished snapshot, as SQL for filters and sorts over accounts. */
export const latestRunIdSql = sql`(SELECT max(id) FROM analytics_runs WHERE status = 'done')`;

/** The latest scores of some accounts, for lists. */
export async function latestScoresOf(db: Db, accountIds: number[]) {
  if (!accountIds.length) return new Map<number, LatestScore>();
  const { rows } = await db.execute<Record<string, unknown>>(sql`
    SELECT account_id AS "accountId", segment, value_tier AS "valueTier", lifecycle_stage AS "lifecycleStage", abc_class AS "abcClass",
           p_alive::float8 AS "pAlive", predicted_clv::float8 AS "predictedClv"
    FROM customer_scores WHERE run_id = ${latestRunIdSql} AND account_id IN ${sql.raw(`(${accountIds.map(Number).join(',')})`)}`);
  return new Map(rows.map(({ accountId, ...score }) => [accountId as number, score as unknown as LatestScore]));
}

export interface LatestScore {
  segment: string | null;
  valueTier: string | null;
  lifecycleStage: string | null;
  abcClass: string | null;
  pAlive: number | null;
  predictedClv: number | null;
}

