/**
 * Writes a generated demo company with bulk SQL: one INSERT ... SELECT FROM unnest($1::type[], ...)
 * per batch of rows and table, never a row at a time. Ids of the rows other rows point to are
 * reserved from the tables' sequences up front, so no RETURNING round trips are needed.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import type { DemoCompany, UserKey } from './model.js';

type Executor = Pick<Db, 'execute'>;

const BATCH_ROWS = 10_000;

interface Column {
  name: string;
  /** PostgreSQL type of the parameter array's elements. */
  type: 'bigint' | 'integer' | 'text' | 'boolean';
  /** Expression over `u."name"` when the value needs a cast (enum, jsonb, timestamptz, ...). */
  expr?: string;
  values: readonly unknown[];
}

const iso = (ms: number) => new Date(Math.round(ms)).toISOString();
const money = (cents: number) => (cents / 100).toFixed(2);
const ts = (name: string) => `u."${name}"::timestamptz`;
const num = (name: string) => `u."${name}"::numeric`;

/** INSERT INTO table (columns) SELECT ... FROM unnest(arrays), in batches. */
async function insertColumns(tx: Executor, table: string, columns: Column[], rows: number) {
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const select = columns.map((c) => c.expr ?? `u."${c.name}"`).join(', ');
  for (let from = 0; from < rows; from += BATCH_ROWS) {
    const to = Math.min(rows, from + BATCH_ROWS);
    const arrays = columns.map((c) => sql`${sql.param(c.values.slice(from, to))}::${sql.raw(c.type)}[]`);
    await tx.execute(sql`INSERT INTO ${sql.raw(`"${table}"`)} (${sql.raw(names)}) SELECT ${sql.raw(select)} FROM unnest(${sql.join(arrays, sql`, `)}) AS u(${sql.raw(names)})`);
  }
}

/** Takes n consecutive ids from the table's sequence; returns the first. */
async function reserveIds(tx: Executor, table: string, n: number): Promise<number> {
  const seq = sql`pg_get_serial_sequence(${table}, 'id')`;
  const { rows } = await tx.execute<{ first: number }>(sql`SELECT nextval(${seq}) AS first`);
  const first = Number(rows[0].first);
  if (n > 1) await tx.execute(sql`SELECT setval(${seq}, ${first + n - 1})`);
  return first;
}

/**
 * Runs `load` with the foreign keys of `tables` dropped and re-adds them afterwards, in the caller's
 * transaction: re-adding checks every row once with a join, instead of one trigger lookup per row
 * and key (PostgreSQL manual, "Populating a Database": remove foreign key constraints). This halves
 * the load on PGlite. The definitions come from the catalogue, so later migrations are kept as they are.
 */
async function withForeignKeysCheckedAfter<T>(tx: Executor, tables: string[], load: () => Promise<T>): Promise<T> {
  const { rows } = await tx.execute<{ tbl: string; name: string; definition: string }>(sql`
    SELECT c.conrelid::regclass::text AS tbl, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
    FROM pg_constraint c
    WHERE c.contype = 'f' AND c.conrelid = ANY(${sql.param(tables)}::text[]::regclass[])
    ORDER BY c.conrelid::regclass::text, c.conname`);
  for (const fk of rows) await tx.execute(sql.raw(`ALTER TABLE ${fk.tbl} DROP CONSTRAINT ${quoteIdent(fk.name)}`));
  const result = await load();
  for (const fk of rows) await tx.execute(sql.raw(`ALTER TABLE ${fk.tbl} ADD CONSTRAINT ${quoteIdent(fk.name)} ${fk.definition}`));
  return result;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export interface WriteCounts {
  users: number;
  accounts: number;
  contacts: number;
  products: number;
  orders: number;
  orderLines: number;
  activities: number;
  tickets: number;
  referrals: number;
  suggestions: number;
  incomePeriods: number;
  leads: number;
}

const LOADED_TABLES = ['products', 'accounts', 'contacts', 'orders', 'order_lines', 'activities', 'tickets', 'referrals', 'product_suggestions', 'account_income_history', 'leads'];

export async function writeDemoCompany(tx: Executor, company: DemoCompany, passwordHash: string): Promise<WriteCounts> {
  const counts = await withForeignKeysCheckedAfter(tx, LOADED_TABLES, () => writeRows(tx, company, passwordHash));
  // Fresh statistics for the planner: the embedded database has no autovacuum to do it.
  await tx.execute(sql.raw(`ANALYZE ${LOADED_TABLES.join(', ')}`));
  return counts;
}

async function writeRows(tx: Executor, company: DemoCompany, passwordHash: string): Promise<WriteCounts> {
  const { users, products, accounts, contacts, orders, activities, tickets, referrals, suggestions, incomes, leads, historyStart } = company;

  // Users: the demo logins; one already there (a second load after the accounts were deleted) is reused.
  const userRows = await tx.execute<{ id: number; email: string }>(sql`
    INSERT INTO users (email, name, role, password_hash, locale)
    SELECT u.email, u.name, u.role::role, ${passwordHash}, u.locale
    FROM unnest(${sql.param(users.map((u) => u.email))}::text[], ${sql.param(users.map((u) => u.name))}::text[],
                ${sql.param(users.map((u) => u.role))}::text[], ${sql.param(users.map((u) => u.locale))}::text[]) AS u(email, name, role, locale)
    ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email
    RETURNING id, email`);
  const idByEmail = new Map(userRows.rows.map((r) => [r.email, Number(r.id)]));
  const userId = new Map<UserKey, number>(users.map((u) => [u.key, idByEmail.get(u.email)!]));
  const uid = (key: UserKey | null) => (key === null ? null : userId.get(key)!);

  const productBase = await reserveIds(tx, 'products', products.length);
  const crmStart = historyStart - 30 * 86400_000;
  const productCreated = products.map((p) => iso(p.launchedAt <= crmStart ? crmStart : p.launchedAt - 14 * 86400_000));
  await insertColumns(
    tx,
    'products',
    [
      { name: 'id', type: 'bigint', values: products.map((_, i) => productBase + i) },
      { name: 'sku', type: 'text', values: products.map((p) => p.sku) },
      { name: 'name', type: 'text', values: products.map((p) => p.name) },
      { name: 'category', type: 'text', values: products.map((p) => p.category) },
      { name: 'kind', type: 'text', values: products.map((p) => p.kind) },
      { name: 'list_price', type: 'text', expr: num('list_price'), values: products.map((p) => p.listPrice.toFixed(2)) },
      { name: 'unit_cost', type: 'text', expr: num('unit_cost'), values: products.map((p) => p.unitCost.toFixed(2)) },
      { name: 'value_added', type: 'boolean', values: products.map((p) => p.valueAdded) },
      { name: 'launch_date', type: 'text', expr: 'u."launch_date"::date', values: products.map((p) => p.launchDate) },
      { name: 'description', type: 'text', values: products.map((p) => p.description) },
      // In the catalogue since the CRM started, or two weeks before launch for later items.
      { name: 'created_at', type: 'text', expr: ts('created_at'), values: productCreated },
      { name: 'updated_at', type: 'text', expr: ts('updated_at'), values: productCreated },
    ],
    products.length,
  );

  const accountBase = await reserveIds(tx, 'accounts', accounts.length);
  await insertColumns(
    tx,
    'accounts',
    [
      { name: 'id', type: 'bigint', values: accounts.map((_, i) => accountBase + i) },
      { name: 'external_id', type: 'text', values: accounts.map((a) => a.externalId) },
      { name: 'kind', type: 'text', expr: 'u."kind"::account_kind', values: accounts.map((a) => a.kind) },
      { name: 'name', type: 'text', values: accounts.map((a) => a.name) },
      { name: 'customer_type', type: 'text', expr: 'u."customer_type"::customer_type', values: accounts.map((a) => a.customerType) },
      { name: 'relationship_level', type: 'text', expr: 'u."relationship_level"::relationship_level', values: accounts.map((a) => a.relationshipLevel) },
      { name: 'owner_id', type: 'integer', values: accounts.map((a) => uid(a.owner)) },
      { name: 'email', type: 'text', values: accounts.map((a) => a.email) },
      { name: 'phone', type: 'text', values: accounts.map((a) => a.phone) },
      { name: 'industry', type: 'text', values: accounts.map((a) => a.industry) },
      { name: 'region', type: 'text', values: accounts.map((a) => a.region) },
      { name: 'country', type: 'text', values: accounts.map((a) => a.country) },
      { name: 'city', type: 'text', values: accounts.map((a) => a.city) },
      { name: 'address', type: 'text', values: accounts.map((a) => a.address) },
      { name: 'website', type: 'text', values: accounts.map((a) => a.website) },
      { name: 'tags', type: 'text', expr: `ARRAY(SELECT jsonb_array_elements_text(u."tags"::jsonb))`, values: accounts.map((a) => JSON.stringify(a.tags)) },
      { name: 'notes', type: 'text', values: accounts.map((a) => a.notes) },
      { name: 'attributes', type: 'text', expr: 'u."attributes"::jsonb', values: accounts.map((a) => JSON.stringify(a.attributes)) },
      { name: 'source', type: 'text', values: accounts.map(() => 'demo') },
      { name: 'created_at', type: 'text', expr: ts('created_at'), values: accounts.map((a) => iso(a.createdAt)) },
      { name: 'updated_at', type: 'text', expr: ts('updated_at'), values: accounts.map((a) => iso(a.createdAt)) },
      { name: 'created_by', type: 'integer', values: accounts.map((a) => uid(a.owner)) },
    ],
    accounts.length,
  );

  const contactBase = await reserveIds(tx, 'contacts', contacts.length);
  await insertColumns(
    tx,
    'contacts',
    [
      { name: 'id', type: 'bigint', values: contacts.map((_, i) => contactBase + i) },
      { name: 'account_id', type: 'bigint', values: contacts.map((c) => accountBase + c.account) },
      { name: 'name', type: 'text', values: contacts.map((c) => c.name) },
      { name: 'title', type: 'text', values: contacts.map((c) => c.title) },
      { name: 'role', type: 'text', values: contacts.map((c) => c.role) },
      { name: 'email', type: 'text', values: contacts.map((c) => c.email) },
      { name: 'phone', type: 'text', values: contacts.map((c) => c.phone) },
      { name: 'mobile', type: 'text', values: contacts.map((c) => c.mobile) },
      { name: 'wechat', type: 'text', values: contacts.map((c) => c.wechat) },
      { name: 'preferred_channel', type: 'text', values: contacts.map((c) => c.preferredChannel) },
      { name: 'is_primary', type: 'boolean', values: contacts.map((c) => c.isPrimary) },
      { name: 'created_at', type: 'text', expr: ts('created_at'), values: contacts.map((c) => iso(c.createdAt)) },
      { name: 'updated_at', type: 'text', expr: ts('updated_at'), values: contacts.map((c) => iso(c.createdAt)) },
    ],
    contacts.length,
  );

  const orderBase = await reserveIds(tx, 'orders', orders.length);
  await insertColumns(
    tx,
    'orders',
    [
      { name: 'id', type: 'bigint', values: orders.map((_, i) => orderBase + i) },
      { name: 'order_no', type: 'text', values: orders.map((o) => o.orderNo) },
      { name: 'account_id', type: 'bigint', values: orders.map((o) => accountBase + o.account) },
      { name: 'ordered_at', type: 'text', expr: ts('ordered_at'), values: orders.map((o) => iso(o.orderedAt)) },
      { name: 'status', type: 'text', values: orders.map((o) => o.status) },
      { name: 'channel', type: 'text', values: orders.map((o) => o.channel) },
      { name: 'total_amount', type: 'text', expr: num('total_amount'), values: orders.map((o) => money(o.totalCents)) },
      { name: 'notes', type: 'text', values: orders.map((o) => o.notes) },
      { name: 'created_at', type: 'text', expr: ts('created_at'), values: orders.map((o) => iso(o.orderedAt)) },
      { name: 'updated_at', type: 'text', expr: ts('updated_at'), values: orders.map((o) => iso(o.orderedAt)) },
    ],
    orders.length,
  );

  const lineOrder: number[] = [];
  const lineNo: number[] = [];
  const lineProduct: number[] = [];
  const lineDescription: (string | null)[] = [];
  const lineQuantity: string[] = [];
  const linePrice: string[] = [];
  const lineCost: string[] = [];
  const lineCreated: string[] = [];
  orders.forEach((o, i) => {
    const created = iso(o.orderedAt);
    o.lines.forEach((l, k) => {
      lineOrder.push(orderBase + i);
      lineNo.push(k + 1);
      lineProduct.push(productBase + l.product);
      lineDescription.push(l.description);
      lineQuantity.push(String(l.quantity));
      linePrice.push(money(l.unitPriceCents));
      lineCost.push(money(l.unitCostCents));
      lineCreated.push(created);
    });
  });
  await insertColumns(
    tx,
    'order_lines',
    [
      { name: 'order_id', type: 'bigint', values: lineOrder },
      { name: 'line_no', type: 'integer', values: lineNo },
      { name: 'product_id', type: 'bigint', values: lineProduct },
      { name: 'description', type: 'text', values: lineDescription },
      { name: 'quantity', type: 'text', expr: num('quantity'), values: lineQuantity },
      { name: 'unit_price', type: 'text', expr: num('unit_price'), values: linePrice },
      { name: 'unit_cost', type: 'text', expr: num('unit_cost'), values: lineCost },
      { name: 'created_at', type: 'text', expr: ts('created_at'), values: lineCreated },
    ],
    lineOrder.length,
  );

  await insertColumns(
    tx,
    'activities',
    [
      { name: 'account_id', type: 'bigint', values: activities.map((a) => accountBase + a.account) },
      { name: 'contact_id', type: 'bigint', values: activities.map((a) => (a.contact === null ? null : contactBase + a.contact)) },
      { name: 'related_type', type: 'text', values: activities.map((a) => (a.order === null ? null : 'order')) },
      { name: 'related_id', type: 'bigint', values: activities.map((a) => (a.order === null ? null : orderBase + a.order)) },
      { name: 'user_id', type: 'integer', values: activities.map((a) => uid(a.user)) },
      { name: 'type', type: 'text', values: activities.map((a) => a.type) },
      { name: 'subject', type: 'text', values: activities.map((a) => a.subject) },
      { name: 'body', type: 'text', values: activities.map((a) => a.body) },
      { name: 'occurred_at', type: 'text', expr: ts('occurred_at'), values: activities.map((a) => iso(a.occurredAt)) },
      { name: 'duration_minutes', type: 'integer', values: activities.map((a) => a.durationMinutes) },
      { name: 'outcome', type: 'text', values: activities.map((a) => a.outcome) },
      { name: 'due_at', type: 'text', expr: ts('due_at'), values: activities.map((a) => (a.dueAt === null ? null : iso(a.dueAt))) },
      { name: 'completed_at', type: 'text', expr: ts('completed_at'), values: activities.map((a) => (a.completedAt === null ? null : iso(a.completedAt))) },
      { name: 'created_at', type: 'text', expr: ts('created_at'), values: activities.map((a) => iso(a.occurredAt)) },
      { name: 'updated_at', type: 'text', expr: ts('updated_at'), values: activities.map((a) => iso(a.completedAt ?? a.occurredAt)) },
      { name: 'created_by', type: 'integer', values: activities.map((a) => uid(a.user)) },
    ],
    activities.length,
  );

  const maybeIso = (ms: number | null) => (ms === null ? null : iso(ms));
  await insertColumns(
    tx,
    'tickets',
    [
      { name: 'account_id', type: 'bigint', values: tickets.map((t) => accountBase + t.account) },
      { name: 'contact_id', type: 'bigint', values: tickets.map((t) => (t.contact === null ? null : contactBase + t.contact)) },
      { name: 'kind', type: 'text', values: tickets.map((t) => t.kind) },
      { name: 'subject', type: 'text', values: tickets.map((t) => t.subject) },
      { name: 'description', type: 'text', values: tickets.map((t) => t.description) },
      { name: 'priority', type: 'text', values: tickets.map((t) => t.priority) },
      { name: 'status', type: 'text', values: tickets.map((t) => t.status) },
      { name: 'assignee_id', type: 'integer', values: tickets.map((t) => uid(t.assignee)) },
      { name: 'opened_at', type: 'text', expr: ts('opened_at'), values: tickets.map((t) => iso(t.openedAt)) },
      { name: 'sla_due_at', type: 'text', expr: ts('sla_due_at'), values: tickets.map((t) => iso(t.slaDueAt)) },
      { name: 'resolved_at', type: 'text', expr: ts('resolved_at'), values: tickets.map((t) => maybeIso(t.resolvedAt)) },
      { name: 'closed_at', type: 'text', expr: ts('closed_at'), values: tickets.map((t) => maybeIso(t.closedAt)) },
      { name: 'minutes_spent', type: 'integer', values: tickets.map((t) => t.minutesSpent) },
      { name: 'cost_spent', type: 'text', expr: num('cost_spent'), values: tickets.map((t) => money(t.costCents)) },
      { name: 'csat', type: 'integer', values: tickets.map((t) => t.csat) },
      { name: 'nps', type: 'integer', values: tickets.map((t) => t.nps) },
      { name: 'created_at', type: 'text', expr: ts('created_at'), values: tickets.map((t) => iso(t.openedAt)) },
      { name: 'updated_at', type: 'text', expr: ts('updated_at'), values: tickets.map((t) => iso(t.closedAt ?? t.resolvedAt ?? t.openedAt)) },
      { name: 'created_by', type: 'integer', values: tickets.map((t) => uid(t.assignee)) },
    ],
    tickets.length,
  );

  await insertColumns(
    tx,
    'referrals',
    [
      { name: 'referrer_account_id', type: 'bigint', values: referrals.map((r) => accountBase + r.referrer) },
      { name: 'referred_account_id', type: 'bigint', values: referrals.map((r) => accountBase + r.referred) },
      { name: 'referred_at', type: 'text', expr: ts('referred_at'), values: referrals.map((r) => iso(r.referredAt)) },
      { name: 'value', type: 'text', expr: num('value'), values: referrals.map((r) => money(r.valueCents)) },
      { name: 'notes', type: 'text', values: referrals.map((r) => r.notes) },
      { name: 'created_at', type: 'text', expr: ts('created_at'), values: referrals.map((r) => iso(accounts[r.referred].createdAt)) },
      { name: 'updated_at', type: 'text', expr: ts('updated_at'), values: referrals.map((r) => iso(accounts[r.referred].createdAt)) },
      { name: 'created_by', type: 'integer', values: referrals.map((r) => uid(accounts[r.referred].owner)) },
    ],
    referrals.length,
  );

  await insertColumns(
    tx,
    'product_suggestions',
    [
      { name: 'account_id', type: 'bigint', values: suggestions.map((s) => accountBase + s.account) },
      { name: 'product_id', type: 'bigint', values: suggestions.map((s) => (s.product === null ? null : productBase + s.product)) },
      { name: 'suggestion', type: 'text', values: suggestions.map((s) => s.suggestion) },
      { name: 'status', type: 'text', values: suggestions.map((s) => s.status) },
      { name: 'suggested_at', type: 'text', expr: ts('suggested_at'), values: suggestions.map((s) => iso(s.suggestedAt)) },
      { name: 'response', type: 'text', values: suggestions.map((s) => s.response) },
      { name: 'reviewed_at', type: 'text', expr: ts('reviewed_at'), values: suggestions.map((s) => maybeIso(s.reviewedAt)) },
      { name: 'created_at', type: 'text', expr: ts('created_at'), values: suggestions.map((s) => iso(s.suggestedAt)) },
      { name: 'updated_at', type: 'text', expr: ts('updated_at'), values: suggestions.map((s) => iso(s.reviewedAt ?? s.suggestedAt)) },
    ],
    suggestions.length,
  );

  // A year's figure is known once the year is over: recorded in the spring after it (or when the account was created).
  const incomeRecorded = incomes.map((x) => iso(Math.max(Date.UTC(x.year + 1, 3, 15), accounts[x.account].createdAt)));
  await insertColumns(
    tx,
    'account_income_history',
    [
      { name: 'account_id', type: 'bigint', values: incomes.map((x) => accountBase + x.account) },
      { name: 'period_start', type: 'text', expr: 'u."period_start"::date', values: incomes.map((x) => `${x.year}-01-01`) },
      { name: 'period_type', type: 'text', values: incomes.map(() => 'year') },
      { name: 'income', type: 'text', expr: num('income'), values: incomes.map((x) => x.income.toFixed(2)) },
      { name: 'source', type: 'text', values: incomes.map((x) => x.source) },
      { name: 'created_at', type: 'text', expr: ts('created_at'), values: incomeRecorded },
      { name: 'updated_at', type: 'text', expr: ts('updated_at'), values: incomeRecorded },
    ],
    incomes.length,
  );

  await insertColumns(
    tx,
    'leads',
    [
      { name: 'name', type: 'text', values: leads.map((l) => l.name) },
      { name: 'company', type: 'text', values: leads.map((l) => l.company) },
      { name: 'email', type: 'text', values: leads.map((l) => l.email) },
      { name: 'phone', type: 'text', values: leads.map((l) => l.phone) },
      { name: 'source', type: 'text', values: leads.map((l) => l.source) },
      { name: 'status', type: 'text', values: leads.map((l) => l.status) },
      { name: 'owner_id', type: 'integer', values: leads.map((l) => uid(l.owner)) },
      { name: 'attributes', type: 'text', expr: 'u."attributes"::jsonb', values: leads.map((l) => JSON.stringify(l.attributes)) },
      { name: 'created_at', type: 'text', expr: ts('created_at'), values: leads.map((l) => iso(l.createdAt)) },
      { name: 'updated_at', type: 'text', expr: ts('updated_at'), values: leads.map((l) => iso(l.createdAt)) },
      { name: 'created_by', type: 'integer', values: leads.map((l) => uid(l.owner)) },
    ],
    leads.length,
  );

  return {
    users: users.length,
    accounts: accounts.length,
    contacts: contacts.length,
    products: products.length,
    orders: orders.length,
    orderLines: lineOrder.length,
    activities: activities.length,
    tickets: tickets.length,
    referrals: referrals.length,
    suggestions: suggestions.length,
    incomePeriods: incomes.length,
    leads: leads.length,
  };
}

