/**
 * Reading a campaign's members: who is in it and who left, when and why, with their account's name and owner.
 */
import { and, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { escapeLike, getRecord } from '../../db/record-store.js';
import { viaAccountScope } from '../accounts/service.js';
import type { CurrentUser } from '../users/service.js';
import { campaignKind } from './service.js';

export interface MemberQuery {
  page: number;
  pageSize: number;
  q?: string;
  state?: 'active' | 'left';
  sort?: 'name' | 'addedAt' | 'leftAt';
  order: 'asc' | 'desc';
}

const memberSorts = { name: sql`a.name`, addedAt: sql`m.added_at`, leftAt: sql`m.left_at` };

/**
 * A campaign's members, active first unless sorted; a sales user sees the members that are their accounts. `counts`
 * are the active and departed members the user sees (with the search, whatever the state asked for).
 */
export async function listMembers(db: Db, user: CurrentUser, campaignId: number, query: MemberQuery) {
  await getRecord(db, campaignKind, campaignId, undefined, user.role === 'admin');
  const seen = and(
    sql`m.campaign_id = ${campaignId}`,
    viaAccountScope(user, sql`m.account_id`),
    query.q?.trim() ? sql`a.name ILIKE ${'%' + escapeLike(query.q.trim()) + '%'}` : undefined,
  );
  const state = query.state === 'active' ? sql`m.left_at IS NULL` : query.state === 'left' ? sql`m.left_at IS NOT NULL` : undefined;
  const order = query.sort
    ? sql`${memberSorts[query.sort]} ${sql.raw(query.order === 'desc' ? 'DESC' : 'ASC')} NULLS LAST, m.id`
    : sql`m.left_at IS NOT NULL, m.left_at DESC, m.added_at DESC, m.id`;
  const from = sql`FROM campaign_members m JOIN accounts a ON a.id = m.account_id LEFT JOIN users u ON u.id = a.owner_id`;
  const [items, count] = await Promise.all([
    db.execute(sql`
      SELECT m.id, m.account_id AS "accountId", a.name AS "accountName", a.owner_id AS "ownerId", u.name AS "ownerName",
             m.added_at AS "addedAt", m.left_at AS "leftAt", m.left_reason AS "leftReason", m.delivery_status AS "deliveryStatus"
      ${from} WHERE ${and(seen, state)} ORDER BY ${order} LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`),
    db.execute<{ active: number; left: number }>(sql`
      SELECT count(*) FILTER (WHERE m.left_at IS NULL)::int AS active, count(*) FILTER (WHERE m.left_at IS NOT NULL)::int AS "left" ${from} WHERE ${seen}`),
  ]);
  const counts = count.rows[0];
  const total = query.state === 'active' ? counts.active : query.state === 'left' ? counts.left : counts.active + counts.left;
  return { items: items.rows, total, counts, page: query.page, pageSize: query.pageSize };
}
