/**
 * A campaign's audience: whom it is aimed at, by the customers' scores in the newest analytics snapshot (value
 * tier, RFM segment, lifecycle stage) and by the newest predictive model's customer groups (a group and the least
 * degree of membership in it — fuzzy c-means gives every customer a degree in every group). The criteria given
 * must all hold. A campaign keeps the audience it was last filled from as its `segment`, with the snapshots it was
 * resolved against, so it still says whom it meant after later refreshes.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/connection.js';
import { badRequest } from '../../http/errors.js';
import { accountScope, scoreFilter } from '../accounts/service.js';
import { accounts } from '../accounts/schema.js';
import { latestRunIdSql, lifecycleStages, valueTiers } from '../analytics/latest-scores.js';
import { customerGroups } from '../segments/schema.js';
import { latestModelRun } from '../segments/service.js';
import type { CurrentUser } from '../users/service.js';

/** The criteria, each optional: a campaign's stored `segment` may have none yet. */
export const audienceCriteria = z.object({
  valueTier: z.enum(valueTiers).optional(),
  rfmSegment: z.string().trim().min(1).max(40).optional(),
  lifecycleStage: z.enum(lifecycleStages).optional(),
  customerGroup: z
    .object({
      groupNo: z.number().int().min(0),
      /** the least degree of membership in the group, 0–1 */
      minMembership: z.number().min(0).max(1),
    })
    .optional(),
});

/** An audience to add: at least one criterion. */
export const audienceInput = audienceCriteria.refine((a) => a.valueTier || a.rfmSegment || a.lifecycleStage || a.customerGroup, {
  message: 'choose a value tier, an RFM segment, a lifecycle stage or a customer group',
});

export type Audience = z.infer<typeof audienceCriteria>;

/** The audience as the campaign stores it: the criteria and the snapshots they were applied to. */
export interface StoredAudience extends Audience {
  scoresRunId: number | null;
  modelRunId: number | null;
  resolvedAt: string;
}

/**
 * The accounts of the audience that the user may see, as a subquery of account ids, and the audience to store.
 * A customer-group criterion needs a predictive model with that group (400 naming the field otherwise).
 */
export async function resolveAudience(db: Db, user: CurrentUser, audience: Audience): Promise<{ accountIds: SQL; stored: StoredAudience }> {
  const [scores] = (await db.execute<{ id: number | null }>(sql`SELECT ${latestRunIdSql} AS id`)).rows;
  let inGroup: SQL | undefined;
  let modelRunId: number | null = null;
  if (audience.customerGroup) {
    const { groupNo, minMembership } = audience.customerGroup;
    const run = await latestModelRun(db);
    const group = run
      ? await db.select({ groupNo: customerGroups.groupNo }).from(customerGroups).where(and(eq(customerGroups.runId, run.id), eq(customerGroups.groupNo, groupNo)))
      : [];
    if (!run || group.length === 0) {
      throw badRequest('No such customer group in the latest predictive model', [
        { path: 'audience.customerGroup.groupNo', message: run ? 'not a group of the latest model' : 'no predictive model yet: refresh the analytics first' },
      ]);
    }
    modelRunId = run.id;
    // memberships holds the degree in every group, by group number (SQL arrays count from 1)
    inGroup = sql`${accounts.id} IN (SELECT account_id FROM customer_group_members WHERE run_id = ${run.id} AND memberships[${groupNo + 1}] >= ${minMembership}::real)`;
  }
  const where = and(
    sql`${accounts.deletedAt} IS NULL`,
    accountScope(user),
    scoreFilter('value_tier', audience.valueTier),
    scoreFilter('segment', audience.rfmSegment),
    scoreFilter('lifecycle_stage', audience.lifecycleStage),
    inGroup,
  );
  return {
    accountIds: sql`SELECT ${accounts.id} FROM ${accounts} WHERE ${where}`,
    stored: { ...audience, scoresRunId: scores?.id ?? null, modelRunId, resolvedAt: new Date().toISOString() },
  };
}
