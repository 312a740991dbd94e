/**
 * Who a campaign reaches. Members are added by hand (chosen accounts) or from an audience; a member who leaves
 * keeps their row, with when and why (removed by hand, or their exit was approved), so the campaign's history
 * and the customer's archive stay whole. Accounts whose exit is decided are never added. An audience never
 * brings back a member who left; choosing the account by hand does, unless they left through an exit that still
 * stands. Every membership change is in the audit log (entity `campaign_member`).
 */
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { getRecord, updateRecord } from '../../db/record-store.js';
import { badRequest, notFound } from '../../http/errors.js';
import { accountScope, viaAccountScope } from '../accounts/service.js';
import { accounts } from '../accounts/schema.js';
import { recordAudit } from '../audit/service.js';
import { exitingAccounts } from '../relationship/exit-workflow.js';
import type { CurrentUser } from '../users/service.js';
import { resolveAudience, type Audience } from './audience.js';
import { campaignMembers } from './schema.js';
import { assertCanRunCampaign, campaignKind, isFinished } from './service.js';

export type MemberAdd = { accountIds: number[]; audience?: undefined } | { audience: Audience; accountIds?: undefined };

/** What an add did, account by account. */
export type AddResult = {
  /** accounts the choice or the audience covered */
  matched: number;
  added: number;
  /** members who had left and were chosen again by hand */
  readmitted: number;
  alreadyThere: number;
  /** left out: their exit is approved or under way */
  exiting: number;
  /** left out: they left this campaign before, and an audience does not bring anyone back */
  previouslyLeft: number;
};

export async function addMembers(db: Db, user: CurrentUser, campaignId: number, input: MemberAdd): Promise<AddResult> {
  const campaign = await openCampaignFor(db, user, campaignId);
  const byHand = input.accountIds !== undefined;
  let candidates: SQL;
  let audience: Awaited<ReturnType<typeof resolveAudience>> | null = null;
  if (byHand) {
    await assertAccountsInReach(db, user, input.accountIds);
    candidates = sql`SELECT ${accounts.id} FROM ${accounts} WHERE ${inArray(accounts.id, input.accountIds)}`;
  } else {
    audience = await resolveAudience(db, user, input.audience!);
    candidates = audience.accountIds;
  }
  // A member who left comes back only when chosen by hand (and not while their exit stands: that check comes first).
  const leftBefore = sql.raw(byHand ? "'readmitted'" : "'previouslyLeft'");
  const result = await db.transaction(async (tx) => {
    if (audience) {
      // the campaign remembers whom it was last filled from: a versioned, audited update like any other edit
      const segment = audience.stored as unknown as Record<string, unknown>;
      await updateRecord(tx as unknown as Db, campaignKind, campaignId, campaign.version, { segment }, user.id);
    }
    // One statement, so an audience of many thousands is classified, added and audited set-wise: each candidate gets
    // one outcome, and every insert and re-admission writes its audit row as recordAudit would.
    const { rows } = await tx.execute<AddResult & { audited: number }>(sql`
      WITH candidate AS (SELECT DISTINCT id AS account_id FROM (${candidates}) c),
      classified AS (
        SELECT c.account_id, m.id AS member_id, m.left_at, m.left_reason,
               CASE WHEN m.id IS NOT NULL AND m.left_at IS NULL THEN 'alreadyThere'
                    WHEN c.account_id IN ${exitingAccounts} THEN 'exiting'
                    WHEN m.id IS NOT NULL THEN ${leftBefore}
                    ELSE 'added' END AS outcome
        FROM candidate c LEFT JOIN campaign_members m ON m.campaign_id = ${campaignId} AND m.account_id = c.account_id),
      inserted AS (
        INSERT INTO campaign_members (campaign_id, account_id)
        SELECT ${campaignId}, account_id FROM classified WHERE outcome = 'added'
        ON CONFLICT (campaign_id, account_id) DO NOTHING
        RETURNING id, account_id),
      readmitted AS (
        UPDATE campaign_members m SET left_at = NULL, left_reason = NULL, added_at = now()
        FROM classified c WHERE m.id = c.member_id AND c.outcome = 'readmitted' AND m.left_at IS NOT NULL
        RETURNING m.id, c.left_at AS was_left_at, c.left_reason AS was_reason),
      audited AS (
        INSERT INTO audit_log (user_id, entity_type, entity_id, action, changes)
        SELECT ${user.id}::int, 'campaign_member', id::text, 'create',
               jsonb_build_object('campaignId', jsonb_build_array(NULL, ${campaignId}::bigint), 'accountId', jsonb_build_array(NULL, account_id))
        FROM inserted
        UNION ALL
        SELECT ${user.id}::int, 'campaign_member', id::text, 'update',
               jsonb_build_object('leftAt', jsonb_build_array(was_left_at, NULL), 'leftReason', jsonb_build_array(was_reason, NULL))
        FROM readmitted
        RETURNING 1)
      SELECT count(*)::int AS matched,
             (SELECT count(*) FROM inserted)::int AS added,
             (SELECT count(*) FROM readmitted)::int AS readmitted,
             count(*) FILTER (WHERE outcome = 'alreadyThere')::int AS "alreadyThere",
             count(*) FILTER (WHERE outcome = 'exiting')::int AS exiting,
             count(*) FILTER (WHERE outcome = 'previouslyLeft')::int AS "previouslyLeft",
             (SELECT count(*) FROM audited)::int AS audited
      FROM classified`);
    return rows[0];
  });
  const { audited: _audited, ...counts } = result;
  return counts;
}

/** A campaign the user runs and that is still under way: a finished one keeps its members as they were. */
async function openCampaignFor(db: Db, user: CurrentUser, campaignId: number) {
  const campaign = await getRecord(db, campaignKind, campaignId);
  assertCanRunCampaign(user, campaign);
  if (isFinished(campaign.status)) throw badRequest(`The campaign is ${campaign.status}: its members no longer change`, [{ path: 'status', message: campaign.status }]);
  return campaign;
}

/** Chosen accounts must exist and be the user's to see; the ones that are not are named in the 400. */
async function assertAccountsInReach(db: Db, user: CurrentUser, ids: number[]) {
  const found = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(inArray(accounts.id, ids), isNull(accounts.deletedAt), accountScope(user)));
  const known = new Set(found.map((a) => a.id));
  const missing = [...new Set(ids)].filter((id) => !known.has(id));
  if (missing.length) throw badRequest('Some accounts do not exist or are not yours', [{ path: 'accountIds', message: `not found: ${missing.join(', ')}` }]);
}

/** Taking a member off by hand: the row stays, marked left ('removed'). */
export async function removeMember(db: Db, user: CurrentUser, campaignId: number, accountId: number) {
  await openCampaignFor(db, user, campaignId);
  return db.transaction(async (tx) => {
    const now = new Date();
    const [member] = await tx
      .update(campaignMembers)
      .set({ leftAt: now, leftReason: 'removed' })
      .where(
        and(
          eq(campaignMembers.campaignId, campaignId),
          eq(campaignMembers.accountId, accountId),
          isNull(campaignMembers.leftAt),
          viaAccountScope(user, campaignMembers.accountId),
        ),
      )
      .returning();
    if (!member) throw notFound('Active member');
    await recordAudit(tx, { userId: user.id, entityType: 'campaign_member', entityId: member.id, action: 'update', changes: { leftAt: [null, now], leftReason: [null, 'removed'] } });
    return member;
  });
}
