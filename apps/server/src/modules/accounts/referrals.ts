/**
 * Word of mouth: which customer brought which new customer (an account, or a lead not yet converted),
 * when, and what it was worth. A referral hangs off the referring account and follows its scope; the
 * referred account or lead must be visible to the caller too.
 */
import { and, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { createRecord, getRecord, listPage, restoreRecord, softDeleteRecord, updateRecord, type RecordKind } from '../../db/record-store.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import type { ListQuery } from '../../http/list-query.js';
import { leads } from '../leads/schema.js';
import { assertCanWrite, seesAllAccounts } from '../users/access.js';
import type { CurrentUser } from '../users/service.js';
import { accounts, referrals } from './schema.js';
import { accountKind, accountScope, viaAccountScope } from './service.js';

export const referralKind: RecordKind<typeof referrals> = {
  table: referrals,
  entity: 'referral',
  sortable: { referredAt: referrals.referredAt, value: referrals.value, updatedAt: referrals.updatedAt },
  defaultSort: { column: referrals.referredAt, order: 'desc' },
  searchText: sql`coalesce(${referrals.notes}, '')`,
};

export type ReferralInput = Omit<typeof referrals.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'createdBy'>;

export interface ReferralFilters {
  referrerAccountId?: number;
  referredAccountId?: number;
  referredLeadId?: number;
  /** referrals made by or received by this account */
  accountId?: number;
  direction?: 'made' | 'received' | 'all';
}

const scope = (user: CurrentUser) => viaAccountScope(user, referrals.referrerAccountId);

/** The account, if the caller may see it (404 otherwise). */
export const visibleAccount = (db: Db, user: CurrentUser, id: number) => getRecord(db, accountKind, id, accountScope(user));

export async function listReferrals(db: Db, user: CurrentUser, query: ListQuery, f: ReferralFilters) {
  let byAccount: SQL | undefined;
  if (f.accountId) {
    const direction = f.direction ?? 'all';
    byAccount =
      direction === 'made'
        ? eq(referrals.referrerAccountId, f.accountId)
        : direction === 'received'
          ? eq(referrals.referredAccountId, f.accountId)
          : or(eq(referrals.referrerAccountId, f.accountId), eq(referrals.referredAccountId, f.accountId));
  }
  const page = await listPage(db, referralKind, query, [
    scope(user),
    byAccount,
    f.referrerAccountId ? eq(referrals.referrerAccountId, f.referrerAccountId) : undefined,
    f.referredAccountId ? eq(referrals.referredAccountId, f.referredAccountId) : undefined,
    f.referredLeadId ? eq(referrals.referredLeadId, f.referredLeadId) : undefined,
  ]);
  return { ...page, items: await withNames(db, user, page.items) };
}

export async function getReferral(db: Db, user: CurrentUser, id: number) {
  const row = await getRecord(db, referralKind, id, scope(user), user.role === 'admin');
  return (await withNames(db, user, [row]))[0];
}

/** Account `referrerAccountId` brought the customer in `input`. */
export async function createReferral(db: Db, user: CurrentUser, input: ReferralInput) {
  assertCanWrite(user, 'accounts');
  await getRecord(db, accountKind, input.referrerAccountId, accountScope(user));
  await checkReferred(db, user, input.referrerAccountId, input.referredAccountId ?? null, input.referredLeadId ?? null, null);
  return createRecord(db, referralKind, input, user.id);
}

export async function updateReferral(db: Db, user: CurrentUser, id: number, version: number, patch: Partial<ReferralInput>) {
  assertCanWrite(user, 'accounts');
  const before = await getRecord(db, referralKind, id, scope(user));
  if (patch.referrerAccountId !== undefined) await getRecord(db, accountKind, patch.referrerAccountId, accountScope(user));
  if (patch.referrerAccountId !== undefined || patch.referredAccountId !== undefined || patch.referredLeadId !== undefined) {
    await checkReferred(
      db,
      user,
      patch.referrerAccountId ?? before.referrerAccountId,
      patch.referredAccountId === undefined ? before.referredAccountId : patch.referredAccountId,
      patch.referredLeadId === undefined ? before.referredLeadId : patch.referredLeadId,
      id,
    );
  }
  return updateRecord(db, referralKind, id, version, patch, user.id, scope(user));
}

export async function deleteReferral(db: Db, user: CurrentUser, id: number) {
  assertCanWrite(user, 'accounts');
  await softDeleteRecord(db, referralKind, id, user.id, scope(user));
}

export const restoreReferral = (db: Db, user: CurrentUser, id: number) => restoreRecord(db, referralKind, id, user.id);

/** Exactly one of account and lead; visible to the caller; not the referrer itself; not already brought by someone else. */
async function checkReferred(db: Db, user: CurrentUser, referrerId: number, accountId: number | null, leadId: number | null, selfId: number | null) {
  if ((accountId == null) === (leadId == null)) {
    throw badRequest('Invalid referredAccountId', [{ path: 'referredAccountId', message: 'give either referredAccountId or referredLeadId' }]);
  }
  if (accountId != null) {
    if (accountId === referrerId) throw badRequest('Invalid referredAccountId', [{ path: 'referredAccountId', message: 'an account cannot refer itself' }]);
    await getRecord(db, accountKind, accountId, accountScope(user));
    const [existing] = await db
      .select({ id: referrals.id, referrerAccountId: referrals.referrerAccountId })
      .from(referrals)
      .where(and(eq(referrals.referredAccountId, accountId), isNull(referrals.deletedAt), selfId ? ne(referrals.id, selfId) : undefined));
    if (existing) throw conflict('This customer already has a referral recorded', { field: 'referredAccountId', referralId: existing.id });
  }
  if (leadId != null) {
    const [lead] = await db
      .select({ id: leads.id })
      .from(leads)
      .where(and(eq(leads.id, leadId), isNull(leads.deletedAt), seesAllAccounts(user) ? undefined : sql`(${leads.ownerId} = ${user.id} OR ${leads.ownerId} IS NULL)`));
    if (!lead) throw notFound('Lead');
  }
}

/** Adds referrerName and referredName (the account's or the lead's). */
async function withNames<T extends { referrerAccountId: number; referredAccountId: number | null; referredLeadId: number | null }>(db: Db, user: CurrentUser, items: T[]) {
  const accountIds = [...new Set(items.flatMap((i) => [i.referrerAccountId, i.referredAccountId]).filter((x): x is number => x != null))];
  const leadIds = [...new Set(items.map((i) => i.referredLeadId).filter((x): x is number => x != null))];
  const accountRows = accountIds.length
    ? await db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(and(inArray(accounts.id, accountIds), accountScope(user)))
    : [];
  const leadRows = leadIds.length ? await db.select({ id: leads.id, name: leads.name }).from(leads).where(inArray(leads.id, leadIds)) : [];
  const accountName = new Map(accountRows.map((r) => [r.id, r.name]));
  const leadName = new Map(leadRows.map((r) => [r.id, r.name]));
  return items.map((i) => ({
    ...i,
    referrerName: accountName.get(i.referrerAccountId) ?? null,
    // another owner's account stays unnamed for a sales user
    referredName: i.referredAccountId != null ? accountName.get(i.referredAccountId) ?? null : i.referredLeadId != null ? leadName.get(i.referredLeadId) ?? null : null,
  }));
}
