/**
 * The sales priority list: whom to contact first. The value of contacting a customer is what their offers are
 * expected to bring (Σ probability × value over the customer's offers) times P(alive) — an offer to a customer
 * who has already left brings nothing. Customers contacted recently wait, so the list moves as calls are logged;
 * customers whose exit is approved or under way are not on it.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { csvLine } from '../../http/csv-writer.js';
import { createActivity } from '../activities/service.js';
import { seesAllAccounts } from '../users/access.js';
import { writingLanguage, type CurrentUser } from '../users/service.js';
import { withReasonTexts, type StoredReason } from './offer-reasons.js';
import { exitingAccounts } from '../relationship/exit-workflow.js';
import { latestModelRun } from './service.js';

export interface PriorityFilters {
  /** a manager may look at one sales user's list; sales users always get their own */
  ownerId?: number;
  /** leave out customers with any activity in the last N days (0 = keep everyone) */
  quietDays: number;
  page: number;
  pageSize: number;
}

function priorityQuery(runId: number, user: CurrentUser, f: PriorityFilters, limit: ReturnType<typeof sql>) {
  const owner = !seesAllAccounts(user) ? user.id : f.ownerId;
  return sql`
    WITH value AS (
      SELECT o.account_id, sum(o.expected_value) AS offer_value, max(o.probability) AS best_probability
      FROM offers o WHERE o.run_id = ${runId} GROUP BY 1),
    last_touch AS (
      SELECT account_id, max(occurred_at) AS at FROM activities WHERE deleted_at IS NULL AND account_id IS NOT NULL GROUP BY 1)
    SELECT a.id AS "accountId", a.name, a.owner_id AS "ownerId", u.name AS "ownerName", a.phone,
           coalesce(s.p_alive, 1)::float8 AS "pAlive", v.offer_value::float8 AS "offerValue",
           (v.offer_value * coalesce(s.p_alive, 1))::float8 AS "contactValue",
           lt.at AS "lastContactAt", s.segment, s.predicted_clv::float8 AS "predictedClv",
           top.product_id AS "topProductId", p.name AS "topProductName", top.probability AS "topProbability", top.reason AS "topReason",
           count(*) OVER ()::int AS total
    FROM value v
    JOIN accounts a ON a.id = v.account_id AND a.deleted_at IS NULL
    LEFT JOIN users u ON u.id = a.owner_id
    LEFT JOIN customer_scores s ON s.run_id = ${runId} AND s.account_id = a.id
    LEFT JOIN last_touch lt ON lt.account_id = a.id
    JOIN offers top ON top.run_id = ${runId} AND top.account_id = a.id AND top.rank = 1
    JOIN products p ON p.id = top.product_id
    WHERE ${owner !== undefined ? sql`a.owner_id = ${owner}` : sql`TRUE`}
      AND a.id NOT IN ${exitingAccounts}
      AND (${f.quietDays} = 0 OR lt.at IS NULL OR lt.at < now() - make_interval(days => ${f.quietDays}))
    ORDER BY "contactValue" DESC, a.id
    ${limit}`;
}

type PriorityRow = Record<string, unknown> & { total: number; topProductId: number; topReason: StoredReason };

/** The reason of each row's top offer, in words. */
async function withTopReasonTexts(db: Db, rows: PriorityRow[]) {
  const texts = await withReasonTexts(db, rows.map((r) => ({ productId: Number(r.topProductId), reason: r.topReason })));
  return rows.map((r, i) => ({ ...r, topReason: texts[i].reason }));
}

export async function priorityList(db: Db, user: CurrentUser, f: PriorityFilters) {
  const run = await latestModelRun(db);
  if (!run) return { run: null, items: [], total: 0, page: f.page, pageSize: f.pageSize };
  const rows = (await db.execute<PriorityRow>(priorityQuery(run.id, user, f, sql`LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`))).rows;
  const items = (await withTopReasonTexts(db, rows)).map(({ total: _total, ...row }, i) => ({ ...row, rank: (f.page - 1) * f.pageSize + i + 1 }));
  return { run: { id: run.id, asOf: run.asOf }, items, total: rows[0]?.total ?? 0, page: f.page, pageSize: f.pageSize };
}

const csvColumns = ['rank', 'accountId', 'name', 'ownerName', 'phone', 'contactValue', 'pAlive', 'offerValue', 'topProductName', 'topProbability', 'reason', 'lastContactAt'];

export async function* priorityCsv(db: Db, user: CurrentUser, f: Omit<PriorityFilters, 'page' | 'pageSize'>, language: 'zh' | 'en') {
  yield csvLine(csvColumns);
  const run = await latestModelRun(db);
  if (!run) return;
  const { rows } = await db.execute<PriorityRow>(priorityQuery(run.id, user, { ...f, page: 1, pageSize: 0 }, sql``));
  let rank = 0;
  for (let i = 0; i < rows.length; i += 500) {
    for (const row of await withTopReasonTexts(db, rows.slice(i, i + 500))) {
      rank++;
      yield csvLine(csvColumns.map((c) => (c === 'rank' ? rank : c === 'reason' ? row.topReason.text[language] : (row as Record<string, unknown>)[c])));
    }
  }
}

/** One click from the list: the call is logged as an activity on the account, naming the offer discussed. */
export async function logPriorityCall(db: Db, user: CurrentUser, accountId: number, input: { outcome?: string; notes?: string; productName?: string; language?: 'zh' | 'en' }) {
  const zh = writingLanguage(user, input.language) === 'zh';
  const subject = zh ? `优先联系${input.productName ? `：${input.productName}` : ''}` : `Priority call${input.productName ? `: ${input.productName}` : ''}`;
  return createActivity(db, user, {
    accountId,
    type: 'call_out',
    subject,
    body: input.notes ?? null,
    outcome: input.outcome ?? null,
    relatedType: 'priority_list',
    occurredAt: new Date(),
    completedAt: new Date(),
  });
}
