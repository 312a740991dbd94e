/**
 * Service tickets: requests, questions, complaints and incidents of a customer, with the staff time and
 * the cost they took (the "total service cost" factor of the relationship value). A ticket hangs off an
 * account and follows its scope; admins, managers, service staff and sales (on their own accounts) write,
 * analysts read.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { createRecord, getRecord, listPage, restoreRecord, softDeleteRecord, updateRecord, type RecordKind } from '../../db/record-store.js';
import { badRequest } from '../../http/errors.js';
import type { ListQuery } from '../../http/list-query.js';
import { accountKind, accountScope, ownerNames, viaAccountScope, withAccountNames } from '../accounts/service.js';
import { contacts } from '../contacts/schema.js';
import { assertRole } from '../users/access.js';
import type { CurrentUser } from '../users/service.js';
import { tickets } from './schema.js';

export const ticketKind: RecordKind<typeof tickets> = {
  table: tickets,
  entity: 'ticket',
  sortable: {
    openedAt: tickets.openedAt,
    resolvedAt: tickets.resolvedAt,
    updatedAt: tickets.updatedAt,
    subject: tickets.subject,
    status: tickets.status,
    kind: tickets.kind,
    priority: sql`array_position(ARRAY['low','normal','high','urgent'], ${tickets.priority})`,
    minutesSpent: tickets.minutesSpent,
    costSpent: tickets.costSpent,
  },
  defaultSort: { column: tickets.openedAt, order: 'desc' },
  searchText: sql`(${tickets.subject} || ' ' || coalesce(${tickets.description},''))`,
};

export type TicketInput = Omit<typeof tickets.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'createdBy'>;

export interface TicketFilters {
  accountId?: number;
  status?: string;
  kind?: string;
  assigneeId?: number;
}

const scope = (user: CurrentUser) => viaAccountScope(user, tickets.accountId);
const assertCanWriteTickets = (user: CurrentUser) => assertRole(user, 'admin', 'manager', 'service', 'sales');
const DONE = ['resolved', 'closed'];

export async function listTickets(db: Db, user: CurrentUser, query: ListQuery, f: TicketFilters) {
  const page = await listPage(db, ticketKind, query, [
    scope(user),
    f.accountId ? eq(tickets.accountId, f.accountId) : undefined,
    f.status ? sql`${tickets.status} = ${f.status}` : undefined,
    f.kind ? sql`${tickets.kind} = ${f.kind}` : undefined,
    f.assigneeId ? eq(tickets.assigneeId, f.assigneeId) : undefined,
  ]);
  const assignees = await ownerNames(db, page.items.map((t) => t.assigneeId));
  const items = await withAccountNames(db, page.items);
  return { ...page, items: items.map((t) => ({ ...t, assigneeName: t.assigneeId ? assignees.get(t.assigneeId) ?? null : null })) };
}

export const getTicket = (db: Db, user: CurrentUser, id: number) => getRecord(db, ticketKind, id, scope(user), user.role === 'admin');

export async function createTicket(db: Db, user: CurrentUser, input: TicketInput) {
  assertCanWriteTickets(user);
  await getRecord(db, accountKind, input.accountId, accountScope(user)); // the account must exist and be the caller's
  await assertContactOf(db, input.contactId, input.accountId);
  const values = withLifecycleTimes({ ...input }, null);
  assertTimesInOrder(values.openedAt ?? new Date(), values.resolvedAt, values.closedAt);
  return createRecord(db, ticketKind, values, user.id);
}

export async function updateTicket(db: Db, user: CurrentUser, id: number, version: number, patch: Partial<TicketInput>) {
  assertCanWriteTickets(user);
  const before = await getRecord(db, ticketKind, id, scope(user));
  if (patch.accountId !== undefined) await getRecord(db, accountKind, patch.accountId, accountScope(user));
  if (patch.contactId !== undefined || patch.accountId !== undefined) {
    await assertContactOf(db, patch.contactId === undefined ? before.contactId : patch.contactId, patch.accountId ?? before.accountId);
  }
  const values = withLifecycleTimes({ ...patch }, before.status);
  assertTimesInOrder(
    values.openedAt ?? before.openedAt,
    values.resolvedAt === undefined ? before.resolvedAt : values.resolvedAt,
    values.closedAt === undefined ? before.closedAt : values.closedAt,
  );
  return updateRecord(db, ticketKind, id, version, values, user.id, scope(user));
}

export async function deleteTicket(db: Db, user: CurrentUser, id: number) {
  assertCanWriteTickets(user);
  await softDeleteRecord(db, ticketKind, id, user.id, scope(user));
}

export const restoreTicket = (db: Db, user: CurrentUser, id: number) => restoreRecord(db, ticketKind, id, user.id);

/** Resolving stamps resolvedAt, closing stamps closedAt (unless given); reopening clears both. */
function withLifecycleTimes<T extends Partial<TicketInput>>(values: T, statusBefore: string | null): T {
  const status = values.status;
  if (status === undefined || status === statusBefore) return values;
  const now = new Date();
  if (DONE.includes(status)) {
    if (values.resolvedAt === undefined && !DONE.includes(statusBefore ?? '')) values.resolvedAt = now;
    if (status === 'closed' && values.closedAt === undefined) values.closedAt = now;
  } else {
    if (values.resolvedAt === undefined) values.resolvedAt = null;
    if (values.closedAt === undefined) values.closedAt = null;
  }
  return values;
}

function assertTimesInOrder(openedAt: Date, resolvedAt: Date | null | undefined, closedAt: Date | null | undefined) {
  if (resolvedAt && resolvedAt < openedAt) throw badRequest('Invalid resolvedAt', [{ path: 'resolvedAt', message: 'must not be before openedAt' }]);
  if (closedAt && closedAt < openedAt) throw badRequest('Invalid closedAt', [{ path: 'closedAt', message: 'must not be before openedAt' }]);
}

async function assertContactOf(db: Db, contactId: number | null | undefined, accountId: number) {
  if (contactId == null) return;
  const [row] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.id, contactId), eq(contacts.accountId, accountId), isNull(contacts.deletedAt)));
  if (!row) throw badRequest('Invalid contactId', [{ path: 'contactId', message: 'not a contact of this account' }]);
}
