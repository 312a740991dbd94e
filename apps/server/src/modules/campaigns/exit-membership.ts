/**
 * An approved customer exit takes the customer out of every campaign still under way (issue 6: "exited customers
 * leave campaigns automatically; nothing is deleted; every step is audited"). The membership rows stay, marked
 * left with reason 'exit'; finished campaigns (done, cancelled) keep their record untouched. Runs inside the exit
 * workflow's transaction, so the decision and its consequences commit together. Winning the customer back later
 * re-adds no one: the campaign's owner decides that.
 *
 * Kept apart from members.ts, which imports the exit workflow (for the accounts that are exiting): the exit
 * workflow imports this file, and must not import members.ts back.
 */
import { and, eq, inArray, isNull, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { recordAudit } from '../audit/service.js';
import { campaignMembers, campaigns } from './schema.js';
import { finishedStatuses } from './service.js';

type Executor = Pick<Db, 'insert' | 'select' | 'update'>;

export async function leaveCampaignsOnExit(tx: Executor, accountId: number, userId: number) {
  const now = new Date();
  const underWay = tx.select({ id: campaigns.id }).from(campaigns).where(notInArray(campaigns.status, finishedStatuses));
  const left = await tx
    .update(campaignMembers)
    .set({ leftAt: now, leftReason: 'exit' })
    .where(and(eq(campaignMembers.accountId, accountId), isNull(campaignMembers.leftAt), inArray(campaignMembers.campaignId, underWay)))
    .returning({ id: campaignMembers.id, campaignId: campaignMembers.campaignId });
  await recordAudit(
    tx,
    left.map((member) => ({
      userId,
      entityType: 'campaign_member',
      entityId: member.id,
      action: 'update' as const,
      changes: { leftAt: [null, now], leftReason: [null, 'exit'] },
    })),
  );
  return left;
}
