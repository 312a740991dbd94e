import { sql } from 'drizzle-orm';

/**
 * The account's campaign memberships as timeline events (the account's archive): joined, and left with the
 * reason ('left:exit' when its exit was approved, 'left:removed' when taken off by hand). Same columns as the
 * other parts of the account timeline: at, type, title (the campaign's name), detail, refId (the campaign).
 */
export const campaignMembershipEvents = (accountId: number, limit: number) => sql`
    (SELECT m.added_at AS at, 'campaign' AS type, c.name AS title, 'added' AS detail, c.id AS "refId"
       FROM campaign_members m JOIN campaigns c ON c.id = m.campaign_id
      WHERE m.account_id = ${accountId} AND c.deleted_at IS NULL ORDER BY m.added_at DESC LIMIT ${limit})
    UNION ALL
    (SELECT m.left_at, 'campaign', c.name, 'left:' || m.left_reason, c.id
       FROM campaign_members m JOIN campaigns c ON c.id = m.campaign_id
      WHERE m.account_id = ${accountId} AND m.left_at IS NOT NULL AND c.deleted_at IS NULL ORDER BY m.left_at DESC LIMIT ${limit})`;
