/**
 * The customer's own revenue or income per period (the "income growth rate" factor): a list per account,
 * one live figure per period start, upserted by period with versioned updates, soft-deleted and restored,
 * every change audited. Follows the account's scope.
 */
import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { createRecord, getRecord, restoreRecord, softDeleteRecord, updateRecord, type RecordKind } from '../../db/record-store.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import { assertCanWrite } from '../users/access.js';
import type { CurrentUser } from '../users/service.js';
import { accountIncomeHistory, type incomePeriodTypes } from './schema.js';
import { accountKind, accountScope } from './service.js';

export const incomeKind: RecordKind<typeof accountIncomeHistory> = {
  table: accountIncomeHistory,
  entity: 'income',
  sortable: { periodStart: accountIncomeHistory.periodStart },
  defaultSort: { column: accountIncomeHistory.periodStart, order: 'asc' },
};

type PeriodType = (typeof incomePeriodTypes)[number];
export interface IncomeInput {
  income: number;
  periodType?: PeriodType;
  source?: string | null;
  notes?: string | null;
  /** the version last seen; required when the period already has a figure */
  version?: number;
}

const visibleAccount = (db: Db, user: CurrentUser, accountId: number, includeDeleted = false) =>
  getRecord(db, accountKind, accountId, accountScope(user), includeDeleted && user.role === 'admin');

/** The account's periods, oldest first, each with its growth over the previous period of the same type. */
export async function listIncome(db: Db, user: CurrentUser, accountId: number, deleted: 'exclude' | 'only' = 'exclude') {
  await visibleAccount(db, user, accountId, true);
  const rows = await db
    .select()
    .from(accountIncomeHistory)
    .where(and(eq(accountIncomeHistory.accountId, accountId), deleted === 'only' ? isNotNull(accountIncomeHistory.deletedAt) : isNull(accountIncomeHistory.deletedAt)))
    .orderBy(asc(accountIncomeHistory.periodType), asc(accountIncomeHistory.periodStart), asc(accountIncomeHistory.id));
  const previous = new Map<string, number>();
  const items = rows.map((r) => {
    const before = previous.get(r.periodType);
    previous.set(r.periodType, r.income);
    return { ...r, growth: deleted === 'exclude' && before !== undefined && before > 0 ? Math.round(((r.income - before) / before) * 10000) / 10000 : null };
  });
  return { items: items.sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.periodType.localeCompare(b.periodType)) };
}

/** Sets the figure of one period: created (201) when new, else updated at the version the caller saw (409 when stale). */
export async function upsertIncome(db: Db, user: CurrentUser, accountId: number, periodStart: string, input: IncomeInput) {
  assertCanWrite(user, 'accounts');
  await visibleAccount(db, user, accountId);
  const periodType = input.periodType;
  const existing = await livePeriod(db, accountId, periodStart);
  assertPeriodStart(periodStart, periodType ?? existing?.periodType ?? 'year');
  const { version, ...values } = input;
  if (!existing) {
    const row = await createRecord(db, incomeKind, { ...values, accountId, periodStart }, user.id);
    return { created: true, row };
  }
  if (version === undefined) {
    throw conflict(`This period already has a figure; send the version you last saw to change it`, { currentVersion: existing.version });
  }
  const row = await updateRecord(db, incomeKind, existing.id, version, values, user.id);
  return { created: false, row };
}

export async function deleteIncome(db: Db, user: CurrentUser, accountId: number, periodStart: string) {
  assertCanWrite(user, 'accounts');
  await visibleAccount(db, user, accountId);
  const existing = await livePeriod(db, accountId, periodStart);
  if (!existing) throw notFound('Income period');
  await softDeleteRecord(db, incomeKind, existing.id, user.id);
}

/** Brings back the period's most recently deleted figure (admin); 409 when the period has a live one. */
export async function restoreIncome(db: Db, user: CurrentUser, accountId: number, periodStart: string) {
  await visibleAccount(db, user, accountId);
  const [deleted] = await db
    .select({ id: accountIncomeHistory.id })
    .from(accountIncomeHistory)
    .where(and(eq(accountIncomeHistory.accountId, accountId), eq(accountIncomeHistory.periodStart, periodStart), isNotNull(accountIncomeHistory.deletedAt)))
    .orderBy(desc(accountIncomeHistory.deletedAt), desc(accountIncomeHistory.id))
    .limit(1);
  if (!deleted) throw notFound('Deleted income period');
  if (await livePeriod(db, accountId, periodStart)) throw conflict('This period has a figure again; delete it first', { field: 'period' });
  return restoreRecord(db, incomeKind, deleted.id, user.id);
}

async function livePeriod(db: Db, accountId: number, periodStart: string) {
  const [row] = await db
    .select()
    .from(accountIncomeHistory)
    .where(and(eq(accountIncomeHistory.accountId, accountId), eq(accountIncomeHistory.periodStart, periodStart), isNull(accountIncomeHistory.deletedAt)));
  return row;
}

/**
 * Why `periodStart` (YYYY-MM-DD) cannot start a period of this type, or null: a year starts on 1 January, a
 * quarter on the first of January, April, July or October, a month on the 1st. (The income import checks its
 * rows with it too.)
 */
export function periodStartProblem(periodStart: string, periodType: PeriodType): string | null {
  const [, month, day] = periodStart.split('-').map(Number);
  const ok = day === 1 && (periodType === 'month' || (periodType === 'quarter' && (month - 1) % 3 === 0) || (periodType === 'year' && month === 1));
  return ok ? null : `a ${periodType} must start on its first day (e.g. ${periodType === 'month' ? '2024-05-01' : periodType === 'quarter' ? '2024-04-01' : '2024-01-01'})`;
}

function assertPeriodStart(periodStart: string, periodType: PeriodType) {
  const problem = periodStartProblem(periodStart, periodType);
  if (problem) throw badRequest('Invalid period', [{ path: 'period', message: problem }]);
}

