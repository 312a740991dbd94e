/**
 * The exit workflow: candidate → review → approved → transition → exited → retrospective, and won back if the
 * customer returns (or dismissed when the review keeps them). Who may move a case: the account's owner and
 * managers review; only managers (and admins) approve an exit, dismiss a case under review or declare a customer
 * won back. Every move is an event in the case's log and in the audit trail; the decisions are labels that train
 * the relationship classifier. Entering the transition creates the plan's steps as tasks with owners and due dates.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/connection.js';
import { conflict, forbidden, HttpError, notFound } from '../../http/errors.js';
import { accountKind, accountScope } from '../accounts/service.js';
import { accounts } from '../accounts/schema.js';
import { createActivity } from '../activities/service.js';
import { recordAudit } from '../audit/service.js';
import { leaveCampaignsOnExit } from '../campaigns/exit-membership.js';
import { getRecord } from '../../db/record-store.js';
import { writingLanguage, type CurrentUser } from '../users/service.js';
import { replacementProspects } from './replacement-prospects.js';
import { returnedSinceExit } from './win-back.js';
import { exitCaseEvents, exitCases, relationshipLabels, type ExitStage } from './schema.js';

/** Which stages a case may move to from each stage. */
export const EXIT_TRANSITIONS: Record<ExitStage, ExitStage[]> = {
  candidate: ['review', 'dismissed'],
  review: ['approved', 'dismissed'],
  approved: ['transition'],
  transition: ['exited', 'won_back'],
  exited: ['retrospective', 'won_back'],
  retrospective: ['won_back'],
  won_back: [],
  dismissed: [],
};

/** Moves only managers and admins may make: the decisions. */
const MANAGER_MOVES: ExitStage[] = ['approved', 'dismissed', 'won_back'];

/** The transition plan (seed 003): explain, reduce service and marketing gradually, refer elsewhere, settle. */
const PLAN: { days: number; zh: string; en: string }[] = [
  { days: 7, zh: '向客户说明原因', en: 'Explain the reasons to the customer' },
  { days: 30, zh: '逐步降低服务等级与营销投入', en: 'Reduce service level and marketing step by step' },
  { days: 45, zh: '推荐客户转向其他供应商', en: 'Refer the customer to another supplier' },
  { days: 60, zh: '结清未完成的合同与应收账款', en: 'Settle open contracts and receivables' },
];

async function caseFor(db: Db, user: CurrentUser, id: number) {
  const [row] = await db.select().from(exitCases).where(and(eq(exitCases.id, id), isNull(exitCases.deletedAt)));
  if (!row) throw notFound('Exit case');
  // the case follows its account's visibility: a sales user sees only their own customers' cases
  const account = await getRecord(db, accountKind, row.accountId, accountScope(user));
  return { row, account };
}

export interface MoveInput {
  to: ExitStage;
  version: number;
  note?: string;
  whatWentWrong?: string;
  lessons?: string;
  language?: 'zh' | 'en';
}

export async function moveExitCase(db: Db, user: CurrentUser, id: number, input: MoveInput) {
  const { row, account } = await caseFor(db, user, id);
  if (user.role === 'analyst' || user.role === 'service') throw forbidden('Only the account owner and managers move exit cases');
  if (user.role === 'sales' && account.ownerId !== user.id) throw forbidden('Only the account owner and managers move exit cases');
  if (MANAGER_MOVES.includes(input.to) && user.role !== 'manager' && user.role !== 'admin') throw forbidden(`Only a manager may decide "${input.to}"`);
  if (!EXIT_TRANSITIONS[row.stage].includes(input.to)) {
    throw new HttpError(400, 'validation_error', `A case at "${row.stage}" cannot move to "${input.to}"`, [{ path: ['to'], message: `allowed: ${EXIT_TRANSITIONS[row.stage].join(', ') || 'none'}` }]);
  }
  if (input.to === 'retrospective' && !input.whatWentWrong?.trim()) {
    throw new HttpError(400, 'validation_error', 'Say what went wrong in acquiring and serving this customer', [{ path: ['whatWentWrong'], message: 'required' }]);
  }
  const now = new Date();
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(exitCases)
      .set({
        stage: input.to,
        version: sql`${exitCases.version} + 1`,
        updatedAt: now,
        ...(input.to === 'approved' ? { approvedBy: user.id, approvedAt: now } : {}),
        ...(input.to === 'exited' ? { exitedAt: now } : {}),
        ...(input.to === 'retrospective' ? { whatWentWrong: input.whatWentWrong!.trim(), lessons: input.lessons?.trim() || null } : {}),
      })
      .where(and(eq(exitCases.id, id), eq(exitCases.version, input.version)))
      .returning();
    if (!updated) throw conflict('The case was changed by someone else; reload it', { currentVersion: row.version });
    await tx.insert(exitCaseEvents).values({ caseId: id, kind: 'stage', fromStage: row.stage, toStage: input.to, text: input.note?.trim() || null, userId: user.id, at: now });
    await recordAudit(tx, { userId: user.id, entityType: 'exit_case', entityId: id, action: 'update', changes: { stage: [row.stage, input.to] } });
    // an approved exit takes the customer out of the campaigns under way, in the same transaction as the decision
    if (input.to === 'approved') await leaveCampaignsOnExit(tx, row.accountId, user.id);
    // the decisions are what the classifier learns from
    const label = input.to === 'approved' ? 'bad' : input.to === 'won_back' ? 'good' : input.to === 'dismissed' ? 'medium' : null;
    if (label) await tx.insert(relationshipLabels).values({ accountId: row.accountId, label, source: 'exit-decision', note: input.note?.trim() || null, decidedBy: user.id, decidedAt: now });
    return updated;
  }).then(async (updated) => {
    if (input.to === 'transition') await createPlan(db, user, updated.accountId, id, account.ownerId, writingLanguage(user, input.language));
    return updated;
  });
}

async function createPlan(db: Db, user: CurrentUser, accountId: number, caseId: number, ownerId: number | null, language: 'zh' | 'en') {
  for (const step of PLAN) {
    await createActivity(db, user, {
      accountId,
      type: 'task',
      subject: step[language],
      relatedType: 'exit_case',
      relatedId: caseId,
      userId: ownerId ?? user.id,
      occurredAt: new Date(),
      dueAt: new Date(Date.now() + step.days * 86_400_000),
    });
  }
}

export async function commentOnExitCase(db: Db, user: CurrentUser, id: number, text: string) {
  await caseFor(db, user, id);
  const [event] = await db.insert(exitCaseEvents).values({ caseId: id, kind: 'comment', text: text.trim(), userId: user.id }).returning();
  return event;
}

/** Cases by stage (the board), each with its account, owner and latest AHP score. */
export async function exitBoard(db: Db, user: CurrentUser) {
  const own = user.role === 'sales' ? sql`AND a.owner_id = ${user.id}` : sql``;
  const { rows } = await db.execute(sql`
    SELECT c.id, c.stage, c.version, c.account_id AS "accountId", a.name, a.owner_id AS "ownerId", u.name AS "ownerName", c.created_at AS "openedAt", c.updated_at AS "updatedAt",
           (SELECT s.ahp_score FROM relationship_scores s JOIN analytics_runs r ON r.id = s.run_id WHERE s.account_id = c.account_id ORDER BY r.as_of DESC, r.id DESC LIMIT 1) AS "ahpScore",
           (SELECT count(*)::int FROM exit_case_events e WHERE e.case_id = c.id AND e.kind = 'comment') AS comments,
           returned."returnedOrders", returned."returnedLastAt"
    FROM exit_cases c JOIN accounts a ON a.id = c.account_id LEFT JOIN users u ON u.id = a.owner_id
    ${returnedSinceExit}
    WHERE c.deleted_at IS NULL ${own}
    ORDER BY c.updated_at DESC`);
  return { cases: rows, transitions: EXIT_TRANSITIONS };
}

/** The case file: account, value history, decision log, the plan's tasks and replacement prospects. */
export async function exitCaseFile(db: Db, user: CurrentUser, id: number) {
  const { row, account } = await caseFor(db, user, id);
  const history = (
    await db.execute(sql`
      SELECT r.id AS "runId", r.as_of AS "asOf", s.ahp_score AS "ahpScore", s.class, cs.predicted_clv::float8 AS "predictedClv", cs.monetary::float8 AS monetary
      FROM relationship_scores s JOIN analytics_runs r ON r.id = s.run_id
      LEFT JOIN customer_scores cs ON cs.run_id = s.run_id AND cs.account_id = s.account_id
      WHERE s.account_id = ${row.accountId} ORDER BY r.as_of, r.id`)
  ).rows;
  const events = (
    await db.execute(sql`
      SELECT e.id, e.kind, e.from_stage AS "fromStage", e.to_stage AS "toStage", e.text, e.at, e.user_id AS "userId", u.name AS "userName"
      FROM exit_case_events e LEFT JOIN users u ON u.id = e.user_id WHERE e.case_id = ${id} ORDER BY e.at, e.id`)
  ).rows;
  const tasks = (
    await db.execute(sql`
      SELECT t.id, t.subject, t.due_at AS "dueAt", t.completed_at AS "completedAt", t.user_id AS "userId", u.name AS "userName", t.version
      FROM activities t LEFT JOIN users u ON u.id = t.user_id
      WHERE t.related_type = 'exit_case' AND t.related_id = ${id} AND t.deleted_at IS NULL ORDER BY t.due_at`)
  ).rows;
  const [returned] = await rowsOf<{ returnedOrders: number; returnedAmount: number; returnedLastAt: string | null }>(
    db,
    sql`SELECT returned.* FROM exit_cases c ${returnedSinceExit} WHERE c.id = ${id}`,
  );
  return {
    case: row,
    account: { id: account.id, name: account.name, ownerId: account.ownerId, customerType: account.customerType },
    history,
    events,
    tasks,
    allowed: EXIT_TRANSITIONS[row.stage],
    prospects: await replacementProspects(db, account),
    returned: { orders: returned.returnedOrders, amount: returned.returnedAmount, lastOrderAt: returned.returnedLastAt },
  };
}

/** Accounts whose exit is decided or done: they leave campaigns and priority lists (nothing is deleted). */
export const exitingAccounts = sql`(SELECT account_id FROM exit_cases WHERE deleted_at IS NULL AND stage IN ('approved', 'transition', 'exited', 'retrospective'))`;

