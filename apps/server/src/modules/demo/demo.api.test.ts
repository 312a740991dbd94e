/**
 * The demo company on a real database (PGlite or PostgreSQL, by RELATA_TEST_DB): it loads within
 * the time budget, twice the same, and the data has the shape the CRM and its analytics need.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDbKind } from '../../../test/harness.js';
import type { Database } from '../../db/connection.js';
import { migrateDatabase } from '../../db/migrate.js';
import { verifyPassword } from '../users/passwords.js';
import { generateDemoCompany } from './generate.js';
import { DEMO_LEADS } from './leads.js';
import { DEMO_PARAMETERS, DEMO_PASSWORD, DEMO_USERS, loadDemoCompany, type DemoSummary } from './service.js';

const asOf = new Date('2025-06-30T00:00:00Z');
const asOfSql = asOf.toISOString();
/** The target is < 10 s on PGlite; the budget leaves room for a slow, busy CI machine. */
const LOAD_BUDGET_MS = 25_000;

async function freshDatabase(): Promise<Database> {
  const database = await openTestDatabase();
  await migrateDatabase(database);
  return database;
}

let database: Database;
let summary: DemoSummary;
let loadMs = 0;

beforeAll(async () => {
  database = await freshDatabase();
  const t0 = performance.now();
  summary = await loadDemoCompany(database.db, { asOf });
  loadMs = performance.now() - t0;
  console.log(`demo company on ${testDbKind}: ${(loadMs / 1000).toFixed(2)} s, ${JSON.stringify(summary)}`);
});
afterAll(async () => database?.close());

async function rows<T>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await database.pool.query(text, params)).rows as T[];
}
async function one<T>(text: string, params: unknown[] = []): Promise<T> {
  return (await rows<T>(text, params))[0];
}

/** Checksums over natural keys (not ids), ordered byte-wise so both databases order alike. */
async function checksums(db: Database) {
  const { rows: [sums] } = await db.pool.query(`
    SELECT
      (SELECT md5(string_agg(a.external_id || '|' || a.name || '|' || a.kind || '|' || a.customer_type || '|' || a.relationship_level || '|' || coalesce(u.email, '-') || '|' || a.attributes::text || '|' || array_to_string(a.tags, ',') || '|' || a.created_at::text, E'\\n' ORDER BY a.external_id COLLATE "C"))
         FROM accounts a LEFT JOIN users u ON u.id = a.owner_id) AS accounts,
      (SELECT md5(string_agg(a.external_id || '|' || c.name || '|' || coalesce(c.email, '-') || '|' || c.role, E'\\n' ORDER BY a.external_id COLLATE "C", c.id))
         FROM contacts c JOIN accounts a ON a.id = c.account_id) AS contacts,
      (SELECT md5(string_agg(o.order_no || ':' || o.total_amount::text, ',' ORDER BY o.order_no COLLATE "C")) FROM orders o) AS "orderTotals",
      (SELECT md5(string_agg(o.order_no || '|' || a.external_id || '|' || o.ordered_at::text || '|' || o.status || '|' || o.channel || '|' || coalesce(o.notes, '-'), E'\\n' ORDER BY o.order_no COLLATE "C"))
         FROM orders o JOIN accounts a ON a.id = o.account_id) AS orders,
      (SELECT md5(string_agg(o.order_no || '|' || l.line_no || '|' || p.sku || '|' || l.quantity::text || '|' || l.unit_price::text || '|' || l.unit_cost::text, E'\\n' ORDER BY o.order_no COLLATE "C", l.line_no))
         FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN products p ON p.id = l.product_id) AS lines,
      (SELECT md5(string_agg(a.external_id || '|' || x.type || '|' || x.subject || '|' || x.occurred_at::text || '|' || coalesce(u.email, '-') || '|' || coalesce(o.order_no, '-'), E'\\n' ORDER BY x.occurred_at, a.external_id COLLATE "C", x.subject COLLATE "C", x.type COLLATE "C"))
         FROM activities x JOIN accounts a ON a.id = x.account_id LEFT JOIN users u ON u.id = x.user_id LEFT JOIN orders o ON o.id = x.related_id) AS activities,
      (SELECT md5(string_agg(sku || '|' || name || '|' || list_price::text || '|' || unit_cost::text || '|' || launch_date::text, E'\\n' ORDER BY sku COLLATE "C")) FROM products) AS products,
      (SELECT md5(string_agg(a.external_id || '|' || t.kind || '|' || t.subject || '|' || t.status || '|' || t.priority || '|' || t.opened_at::text || '|' || coalesce(t.resolved_at::text, '-') || '|' || t.minutes_spent || '|' || t.cost_spent::text || '|' || coalesce(t.csat::text, '-') || '|' || coalesce(t.nps::text, '-') || '|' || coalesce(u.email, '-') || '|' || coalesce(c.name, '-'), E'\\n' ORDER BY t.opened_at, a.external_id COLLATE "C", t.subject COLLATE "C", t.cost_spent))
         FROM tickets t JOIN accounts a ON a.id = t.account_id LEFT JOIN users u ON u.id = t.assignee_id LEFT JOIN contacts c ON c.id = t.contact_id) AS tickets,
      (SELECT md5(string_agg(a.external_id || '>' || b.external_id || '|' || r.referred_at::text || '|' || coalesce(r.value::text, '-') || '|' || coalesce(r.notes, '-'), E'\\n' ORDER BY b.external_id COLLATE "C"))
         FROM referrals r JOIN accounts a ON a.id = r.referrer_account_id JOIN accounts b ON b.id = r.referred_account_id) AS referrals,
      (SELECT md5(string_agg(a.external_id || '|' || coalesce(p.sku, '-') || '|' || s.suggestion || '|' || s.status || '|' || s.suggested_at::text || '|' || coalesce(s.response, '-') || '|' || coalesce(s.reviewed_at::text, '-'), E'\\n' ORDER BY s.suggested_at, a.external_id COLLATE "C", s.suggestion COLLATE "C"))
         FROM product_suggestions s JOIN accounts a ON a.id = s.account_id LEFT JOIN products p ON p.id = s.product_id) AS suggestions,
      (SELECT md5(string_agg(a.external_id || '|' || i.period_start::text || '|' || i.period_type || '|' || i.income::text || '|' || coalesce(i.source, '-'), E'\\n' ORDER BY a.external_id COLLATE "C", i.period_start))
         FROM account_income_history i JOIN accounts a ON a.id = i.account_id) AS income`);
  return sums as Record<string, string>;
}

describe('demo company', () => {
  it('loads within the time budget, with counts in the intended ranges', async () => {
    expect(loadMs).toBeLessThan(LOAD_BUDGET_MS);
    expect(summary.skipped).toBeUndefined();
    const counts = await one<Record<string, number>>(`
      SELECT (SELECT count(*) FROM users WHERE email LIKE '%@relata.demo')::int AS users,
             (SELECT count(*) FROM accounts)::int AS accounts, (SELECT count(*) FROM contacts)::int AS contacts,
             (SELECT count(*) FROM products)::int AS products, (SELECT count(*) FROM orders)::int AS orders,
             (SELECT count(*) FROM order_lines)::int AS "orderLines", (SELECT count(*) FROM activities)::int AS activities,
             (SELECT count(*) FROM tickets)::int AS tickets, (SELECT count(*) FROM referrals)::int AS referrals,
             (SELECT count(*) FROM product_suggestions)::int AS suggestions, (SELECT count(*) FROM account_income_history)::int AS "incomePeriods",
             (SELECT count(*) FROM leads)::int AS leads`);
    expect(counts).toEqual({ ...summary });
    expect(summary.users).toBe(6);
    expect(summary.accounts).toBe(DEMO_PARAMETERS.accounts);
    expect(summary.products).toBeGreaterThanOrEqual(140);
    expect(summary.products).toBeLessThanOrEqual(170);
    expect(summary.orders).toBeGreaterThanOrEqual(20_000);
    expect(summary.orders).toBeLessThanOrEqual(40_000);
    expect(summary.orderLines).toBeGreaterThanOrEqual(60_000);
    expect(summary.orderLines).toBeLessThanOrEqual(120_000);
    expect(summary.activities).toBeGreaterThanOrEqual(10_000);
    expect(summary.tickets).toBeGreaterThanOrEqual(2_500);
    expect(summary.tickets).toBeLessThanOrEqual(6_000);
    expect(summary.referrals).toBeGreaterThanOrEqual(250);
    expect(summary.suggestions).toBeGreaterThanOrEqual(300);
    expect(summary.incomePeriods).toBeGreaterThanOrEqual(3_000);
    expect(summary.leads).toBe(DEMO_LEADS);
    // leads carry the traits prospects are compared on, drawn from real customers
    const leadTraits = await one<{ complete: number }>(`
      SELECT count(*) FILTER (WHERE l.attributes ->> 'customerType' IS NOT NULL AND l.attributes ->> 'city' IS NOT NULL
        AND EXISTS (SELECT 1 FROM accounts a WHERE a.city = l.attributes ->> 'city' AND a.customer_type::text = l.attributes ->> 'customerType'))::int AS complete FROM leads l`);
    expect(leadTraits.complete).toBe(DEMO_LEADS);
    // 1–3 contacts per organisation, none for persons
    const perOrg = await rows<{ kind: string; n: number }>(`
      SELECT a.kind, count(c.id)::int AS n FROM accounts a LEFT JOIN contacts c ON c.account_id = a.id GROUP BY a.id, a.kind`);
    expect(perOrg.filter((r) => r.kind === 'organisation' && (r.n < 1 || r.n > 3))).toEqual([]);
    expect(perOrg.filter((r) => r.kind === 'person' && r.n > 0)).toEqual([]);
  });

  it('writes the same company for the same seed and asOf into another fresh database', async () => {
    const second = await freshDatabase();
    try {
      const again = await loadDemoCompany(second.db, { asOf });
      expect(again).toEqual(summary);
      const [a, b] = [await checksums(database), await checksums(second)];
      expect(b).toEqual(a);
      for (const table of ['tickets', 'referrals', 'suggestions', 'income']) expect(a[table], table).toMatch(/^[0-9a-f]{32}$/);
      // and what is in the database is exactly what the generator made
      const generated = generateDemoCompany({ asOf });
      const text = generated.orders
        .map((o) => `${o.orderNo}:${(o.totalCents / 100).toFixed(2)}`)
        .sort()
        .join(',');
      expect(a.orderTotals).toBe(createHash('md5').update(text).digest('hex'));
    } finally {
      await second.close();
    }
  });

  it('has every customer type and relationship level in plausible proportions', async () => {
    const byType = await rows<{ customer_type: string; n: number }>(`SELECT customer_type, count(*)::int AS n FROM accounts GROUP BY 1`);
    for (const [type, t] of Object.entries(DEMO_PARAMETERS.customerTypes)) {
      expect(byType.find((r) => r.customer_type === type)?.n).toBe(Math.round(t.share * DEMO_PARAMETERS.accounts));
    }
    const levels = await rows<{ customer_type: string; relationship_level: string; n: number }>(
      `SELECT customer_type, relationship_level::text, count(*)::int AS n FROM accounts GROUP BY 1, 2`,
    );
    const share = (type: string, level: string) =>
      (levels.find((r) => r.customer_type === type && r.relationship_level === level)?.n ?? 0) /
      levels.filter((r) => r.customer_type === type).reduce((s, r) => s + r.n, 0);
    for (const level of ['basic', 'reactive', 'accountable', 'proactive', 'partnership']) expect(levels.some((r) => r.relationship_level === level)).toBe(true);
    expect(share('consumer', 'basic')).toBeGreaterThan(0.5);
    expect(share('intermediary', 'partnership') + share('intermediary', 'proactive')).toBeGreaterThan(0.3);
    const kinds = await rows<{ kind: string; customer_type: string; n: number }>(`SELECT kind::text, customer_type::text, count(*)::int AS n FROM accounts GROUP BY 1, 2`);
    expect(kinds.find((r) => r.kind === 'person' && r.customer_type === 'consumer')!.n).toBeGreaterThan(800);
    expect(kinds.find((r) => r.kind === 'organisation' && r.customer_type === 'intermediary')!.n).toBeGreaterThan(250);
  });

  it('has Chinese and English names, places in China and abroad, typed attributes and long names', async () => {
    const names = await one<Record<string, number>>(`
      SELECT count(*) FILTER (WHERE kind = 'person' AND name ~ '^[一-龥]{2,4}$')::int AS "zhPersons",
             count(*) FILTER (WHERE kind = 'person' AND name ~ '^[A-Z][a-z]+ [A-Z]')::int AS "enPersons",
             count(*) FILTER (WHERE kind = 'organisation' AND name ~ '有限公司$')::int AS "zhCompanies",
             count(*) FILTER (WHERE kind = 'organisation' AND name ~ '(Ltd|Inc\\.|LLC|GmbH|Pte Ltd|Sdn Bhd|Limited)$')::int AS "enCompanies",
             count(*) FILTER (WHERE char_length(name) >= 40)::int AS long,
             count(*) FILTER (WHERE country = 'CN')::int AS china,
             count(*) FILTER (WHERE country <> 'CN')::int AS abroad,
             count(DISTINCT city)::int AS cities,
             count(DISTINCT external_id)::int AS "externalIds",
             count(*) FILTER (WHERE external_id !~ '^C[0-9]{6}$')::int AS "badExternalIds",
             count(*) FILTER (WHERE phone IS NULL)::int AS "noPhone",
             count(*) FILTER (WHERE cardinality(tags) > 0)::int AS tagged,
             count(*) FILTER (WHERE notes IS NOT NULL)::int AS "withNotes"
      FROM accounts`);
    expect(names.zhPersons).toBeGreaterThan(500);
    expect(names.enPersons).toBeGreaterThan(30);
    expect(names.zhCompanies).toBeGreaterThan(200);
    expect(names.enCompanies).toBeGreaterThan(50);
    expect(names.long).toBeGreaterThanOrEqual(8);
    expect(names.china).toBeGreaterThan(1400);
    expect(names.abroad).toBeGreaterThan(100);
    expect(names.cities).toBeGreaterThan(25);
    expect(names.externalIds).toBe(DEMO_PARAMETERS.accounts);
    expect(names.badExternalIds).toBe(0);
    expect(names.noPhone).toBe(0);
    expect(names.tagged).toBeGreaterThan(500);
    expect(names.withNotes).toBeGreaterThan(400);
    const contacts = await one<Record<string, number>>(`
      SELECT count(*) FILTER (WHERE name ~ '^[一-龥]')::int AS zh, count(*) FILTER (WHERE name ~ '^[A-Z]')::int AS en,
             count(DISTINCT role)::int AS roles, count(*) FILTER (WHERE is_primary)::int AS primaries,
             (SELECT count(*) FROM accounts WHERE kind = 'organisation')::int AS orgs
      FROM contacts`);
    expect(contacts.zh).toBeGreaterThan(500);
    expect(contacts.en).toBeGreaterThan(100);
    expect(contacts.roles).toBe(4);
    expect(contacts.primaries).toBe(contacts.orgs);
    // typed attributes the analytics can use
    const attrs = await one<Record<string, number>>(`
      SELECT count(*) FILTER (WHERE kind = 'person' AND jsonb_typeof(attributes->'annualIncome') = 'number' AND jsonb_typeof(attributes->'householdSize') = 'number'
                                AND jsonb_typeof(attributes->'children') = 'number' AND jsonb_typeof(attributes->'homeOwner') = 'boolean')::int AS persons,
             count(*) FILTER (WHERE kind = 'organisation' AND jsonb_typeof(attributes->'employees') = 'number' AND jsonb_typeof(coalesce(attributes->'annualRevenue', attributes->'annualBudget')) = 'number' AND industry IS NOT NULL)::int AS orgs,
             count(*) FILTER (WHERE kind = 'person')::int AS "allPersons", count(*) FILTER (WHERE kind = 'organisation')::int AS "allOrgs"
      FROM accounts`);
    expect(attrs.persons).toBe(attrs.allPersons);
    expect(attrs.orgs).toBe(attrs.allOrgs);
    const users = await rows<{ name: string }>(`SELECT name FROM users WHERE email LIKE '%@relata.demo'`);
    expect(users.some((u) => /^[一-龥]+$/.test(u.name))).toBe(true);
    expect(users.some((u) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(u.name))).toBe(true);
  });

  it('has heterogeneous repeat buying: one-time buyers, a long tail of frequent buyers, customers who stopped', async () => {
    const buyers = await rows<{ customer_type: string; n: number; last: Date; mean_total: number }>(`
      SELECT a.customer_type::text, count(*)::int AS n, max(o.ordered_at) AS last, avg(o.total_amount)::float8 AS mean_total
      FROM orders o JOIN accounts a ON a.id = o.account_id WHERE o.status = 'completed' GROUP BY a.id, a.customer_type`);
    const share = (f: (b: (typeof buyers)[number]) => boolean) => buyers.filter(f).length / buyers.length;
    expect(buyers.length).toBeGreaterThan(1700);
    expect(share((b) => b.n === 1)).toBeGreaterThan(0.15);
    expect(share((b) => b.n >= 20)).toBeGreaterThan(0.08);
    expect(Math.max(...buyers.map((b) => b.n))).toBeGreaterThan(150);
    expect(share((b) => b.last.getTime() < asOf.getTime() - 26 * 7 * 86400_000)).toBeGreaterThan(0.3);
    // intermediaries buy more often and in bigger orders than consumers
    const byType = (type: string) => buyers.filter((b) => b.customer_type === type);
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(avg(byType('intermediary').map((b) => b.n))).toBeGreaterThan(5 * avg(byType('consumer').map((b) => b.n)));
    expect(avg(byType('intermediary').map((b) => b.mean_total))).toBeGreaterThan(5 * avg(byType('consumer').map((b) => b.mean_total)));
    // acquisition spread over the history
    const firsts = await rows<{ quarter: string }>(`
      SELECT DISTINCT date_trunc('quarter', min(ordered_at) AT TIME ZONE 'UTC')::text AS quarter FROM orders GROUP BY account_id`);
    expect(firsts.length).toBeGreaterThanOrEqual(10);
  });

  it("keeps every order's total equal to the sum of its lines, with returns, cancellations and open orders", async () => {
    const mismatches = await one<{ n: number; empty: number }>(`
      SELECT count(*) FILTER (WHERE o.total_amount <> coalesce(l.total, 0))::int AS n, count(*) FILTER (WHERE l.total IS NULL)::int AS empty
      FROM orders o LEFT JOIN (SELECT order_id, sum(quantity * unit_price) AS total FROM order_lines GROUP BY order_id) l ON l.order_id = o.id`);
    expect(mismatches).toEqual({ n: 0, empty: 0 });
    const statuses = await rows<{ status: string; n: number; negative: number; min_at: Date; max_at: Date }>(`
      SELECT o.status, count(DISTINCT o.id)::int AS n, count(*) FILTER (WHERE l.quantity < 0)::int AS negative, min(o.ordered_at) AS min_at, max(o.ordered_at) AS max_at
      FROM orders o JOIN order_lines l ON l.order_id = o.id GROUP BY o.status`);
    const s = Object.fromEntries(statuses.map((r) => [r.status, r]));
    expect(s.completed.n).toBeGreaterThan(19_000);
    expect(s.completed.negative).toBe(0);
    expect(s.returned.n).toBeGreaterThan(100);
    expect(s.returned.negative).toBeGreaterThanOrEqual(s.returned.n);
    expect(s.cancelled.n).toBeGreaterThan(50);
    expect(s.open.n).toBeGreaterThan(10);
    for (const r of statuses) {
      expect(r.min_at.getTime()).toBeGreaterThanOrEqual(asOf.getTime() - DEMO_PARAMETERS.historyWeeks * 7 * 86400_000);
      expect(r.max_at.getTime()).toBeLessThan(asOf.getTime());
    }
    const returnNotes = await one<{ n: number }>(`
      SELECT count(*)::int AS n FROM orders r WHERE r.status = 'returned' AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.status = 'completed' AND r.notes LIKE '%' || o.order_no)`);
    expect(returnNotes.n).toBe(0);
  });

  it('has baskets with structure: items for the same job co-occur, new and value-added items sell', async () => {
    // lift(A ⇒ B) = P(A ∧ B) / (P(A) P(B)) over completed orders
    const lift = async (a: string, b: string) => {
      const r = await one<{ n: number; na: number; nb: number; nab: number }>(
        `WITH o AS (SELECT l.order_id, bool_or(p.sku = ANY($1::text[])) AS a, bool_or(p.sku = ANY($2::text[])) AS b
                    FROM order_lines l JOIN products p ON p.id = l.product_id JOIN orders x ON x.id = l.order_id WHERE x.status = 'completed' GROUP BY l.order_id)
         SELECT count(*)::int AS n, count(*) FILTER (WHERE a)::int AS na, count(*) FILTER (WHERE b)::int AS nb, count(*) FILTER (WHERE a AND b)::int AS nab FROM o`,
        [a.split(','), b.split(',')],
      );
      return r.nab / r.n / ((r.na / r.n) * (r.nb / r.n));
    };
    expect(await lift('PT-3001,PT-3002,PT-3003', 'PT-3010')).toBeGreaterThan(2); // wall paint ⇒ roller
    expect(await lift('BM-1007,BM-1008,BM-1009,BM-1010,BM-1011,BM-1021', 'BM-1003,BM-1004')).toBeGreaterThan(2); // tiles ⇒ adhesive
    expect(await lift('PL-5009,PL-5010', 'SV-0002')).toBeGreaterThan(2); // toilet ⇒ sanitary installation
    expect(await lift('PT-3001,PT-3002,PT-3003', 'PL-5009,PL-5010')).toBeLessThan(1); // paint and toilets: different jobs
    const items = await one<Record<string, number>>(`
      SELECT count(DISTINCT p.id) FILTER (WHERE p.launch_date > $1::date - 90)::int AS "newSold",
             (SELECT count(*) FROM products WHERE launch_date > $1::date - 90)::int AS "newItems",
             count(*) FILTER (WHERE o.ordered_at < p.launch_date)::int AS "beforeLaunch",
             count(DISTINCT o.id) FILTER (WHERE p.value_added)::int AS "valueAddedOrders",
             count(DISTINCT p.category)::int AS categories,
             count(*) FILTER (WHERE l.unit_cost IS NULL)::int AS "noCost",
             stddev(l.unit_price / p.list_price)::float8 AS "priceSpread",
             count(*) FILTER (WHERE l.unit_price > p.list_price * 1.05)::int AS premium,
             count(*) FILTER (WHERE l.unit_price < p.list_price * 0.9)::int AS discounted
      FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN products p ON p.id = l.product_id`,
      [asOfSql],
    );
    expect(items.newItems).toBeGreaterThanOrEqual(5);
    expect(items.newSold).toBe(items.newItems);
    expect(items.beforeLaunch).toBe(0);
    expect(items.valueAddedOrders).toBeGreaterThan(1000);
    expect(items.categories).toBe(10);
    expect(items.noCost).toBe(0);
    expect(items.priceSpread).toBeGreaterThan(0.04);
    expect(items.premium).toBeGreaterThan(1000);
    expect(items.discounted).toBeGreaterThan(1000);
  });

  it('gives the sales reps their own accounts; the demo users sign in with the demo password', async () => {
    const owners = await rows<{ email: string | null; n: number }>(`SELECT u.email, count(*)::int AS n FROM accounts a LEFT JOIN users u ON u.id = a.owner_id GROUP BY 1`);
    for (const rep of ['sales1', 'sales2', 'sales3']) expect(owners.find((o) => o.email === `${rep}@relata.demo`)!.n).toBeGreaterThan(0.1 * DEMO_PARAMETERS.accounts);
    expect(owners.find((o) => o.email === 'manager@relata.demo')!.n).toBeGreaterThan(0);
    const users = await rows<{ email: string; role: string; password_hash: string }>(`SELECT email, role, password_hash FROM users ORDER BY email`);
    expect(users.map((u) => [u.email, u.role])).toEqual(DEMO_USERS.map((u) => [u.email, u.role]).sort());
    expect(new Set(users.map((u) => u.password_hash)).size).toBe(1);
    expect(await verifyPassword(users[0].password_hash, DEMO_PASSWORD)).toBe(true);
  });

  it('logs activities of every type, in both languages, over the whole history, tied to accounts and users', async () => {
    const a = await one<Record<string, number>>(`
      SELECT count(DISTINCT type)::int AS types, count(*) FILTER (WHERE account_id IS NULL OR user_id IS NULL)::int AS untied,
             count(*) FILTER (WHERE subject ~ '[一-龥]')::int AS zh, count(*) FILTER (WHERE subject ~ '^[A-Z][a-z]')::int AS en,
             count(DISTINCT date_trunc('month', occurred_at))::int AS months,
             count(*) FILTER (WHERE type IN ('call_in', 'call_out') AND duration_minutes IS NULL)::int AS "callsWithoutDuration",
             count(*) FILTER (WHERE related_type = 'order')::int AS "aboutOrders",
             count(*) FILTER (WHERE type = 'task' AND completed_at IS NULL AND due_at > $1::timestamptz)::int AS "openTasks",
             count(DISTINCT user_id)::int AS users
      FROM activities`,
      [asOfSql],
    );
    expect(a.types).toBe(7);
    expect(a.untied).toBe(0);
    expect(a.zh).toBeGreaterThan(1000);
    expect(a.en).toBeGreaterThan(500);
    expect(a.months).toBeGreaterThanOrEqual(28);
    expect(a.callsWithoutDuration).toBe(0);
    expect(a.aboutOrders).toBeGreaterThan(1000);
    expect(a.openTasks).toBeGreaterThan(10);
    expect(a.users).toBeGreaterThanOrEqual(5);
  });

  it('keeps referential integrity and continues the id sequences after the loaded rows', async () => {
    const fks = await one<{ n: number; invalid: number }>(`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE NOT convalidated)::int AS invalid FROM pg_constraint
      WHERE contype = 'f' AND conrelid = ANY('{products,accounts,contacts,orders,order_lines,activities,tickets,referrals,product_suggestions,account_income_history}'::regclass[])`);
    expect(fks.n).toBeGreaterThanOrEqual(15);
    expect(fks.invalid).toBe(0);
    for (const table of ['accounts', 'orders', 'products', 'tickets', 'referrals', 'product_suggestions', 'account_income_history']) {
      const { next, max } = await one<{ next: number; max: number }>(`SELECT nextval(pg_get_serial_sequence($1, 'id'))::int AS next, (SELECT max(id) FROM ${table})::int AS max`, [table]);
      expect(next).toBeGreaterThan(max);
    }
  });

  it('has the data of the nine relationship-value factors, with a clearly unprofitable group', async () => {
    // per buying customer: gross margin, revenue, service cost and tickets, price paid against the average price of the same items
    const customers = await rows<{ id: number; completed: number; revenue: number; margin: number; service_cost: number; tickets: number; price_ratio: number }>(`
      WITH lines AS (
        SELECT o.account_id, l.product_id, l.quantity, l.unit_price, l.unit_cost, o.status FROM order_lines l JOIN orders o ON o.id = l.order_id
        WHERE o.status IN ('completed', 'returned')),
      avg_price AS (SELECT product_id, sum(quantity * unit_price) / sum(quantity) AS p FROM lines WHERE quantity > 0 GROUP BY 1),
      per AS (
        SELECT account_id, sum(l.quantity * l.unit_price)::float8 AS revenue, sum(l.quantity * (l.unit_price - l.unit_cost))::float8 AS margin,
               (sum(l.quantity * l.unit_price) FILTER (WHERE l.quantity > 0) / sum(l.quantity * ap.p) FILTER (WHERE l.quantity > 0))::float8 AS price_ratio
        FROM lines l JOIN avg_price ap USING (product_id) GROUP BY 1),
      svc AS (SELECT account_id, sum(cost_spent)::float8 AS cost, count(*)::int AS n FROM tickets WHERE deleted_at IS NULL GROUP BY 1),
      done AS (SELECT account_id, count(*)::int AS n FROM orders WHERE status = 'completed' GROUP BY 1)
      SELECT per.account_id::int AS id, done.n AS completed, per.revenue, per.margin, coalesce(svc.cost, 0) AS service_cost, coalesce(svc.n, 0) AS tickets, per.price_ratio
      FROM per JOIN done USING (account_id) LEFT JOIN svc USING (account_id)`);
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const marginRate = (xs: typeof customers) => xs.reduce((a, c) => a + c.margin, 0) / xs.reduce((a, c) => a + c.revenue, 0);
    expect(customers.length).toBeGreaterThan(1700);
    // total service cost: tickets with time and cost, for most buyers some; the top 10 % by service cost earn a lower margin rate
    const byCost = [...customers].sort((a, b) => b.service_cost - a.service_cost);
    const top = byCost.slice(0, Math.round(customers.length / 10));
    expect(marginRate(top)).toBeLessThan(marginRate(byCost.slice(top.length)) - 0.02);
    expect(customers.filter((c) => c.tickets > 0).length).toBeGreaterThan(0.4 * customers.length);
    // the clearly unprofitable: service cost over the history above the gross margin; they pay below the average price and file many tickets
    const unprofitable = customers.filter((c) => c.service_cost > c.margin);
    const others = customers.filter((c) => c.service_cost <= c.margin);
    expect(unprofitable.length).toBeGreaterThanOrEqual(80);
    expect(unprofitable.length).toBeLessThanOrEqual(250);
    expect(unprofitable.filter((c) => c.price_ratio < 1).length).toBeGreaterThan(0.8 * unprofitable.length);
    expect(avg(unprofitable.map((c) => c.tickets))).toBeGreaterThan(3 * avg(others.map((c) => c.tickets)));
    expect(marginRate(unprofitable)).toBeLessThan(marginRate(others));
    const tickets = await one<Record<string, number>>(`
      SELECT count(DISTINCT kind)::int AS kinds, count(DISTINCT status)::int AS statuses, count(*) FILTER (WHERE minutes_spent <= 0 OR cost_spent <= 0)::int AS "noCost",
             count(*) FILTER (WHERE resolved_at < opened_at OR opened_at >= $1::timestamptz)::int AS "badTimes",
             count(*) FILTER (WHERE status IN ('resolved', 'closed') AND resolved_at IS NULL)::int AS "unresolvedDone",
             count(*) FILTER (WHERE csat IS NOT NULL)::int AS rated, count(*) FILTER (WHERE subject ~ '[一-龥]')::int AS zh
      FROM tickets`, [asOfSql]);
    expect(tickets).toMatchObject({ kinds: 4, statuses: 5, noCost: 0, badTimes: 0, unresolvedDone: 0 });
    expect(tickets.rated).toBeGreaterThan(1000);
    expect(tickets.zh).toBeGreaterThan(1000);

    // word of mouth: referred accounts exist in the demo, and referrers buy more often than other customers
    const refs = await one<Record<string, number>>(`
      SELECT count(*)::int AS n, count(DISTINCT referrer_account_id)::int AS referrers, count(*) FILTER (WHERE referred_account_id IS NULL)::int AS "noAccount",
             count(*) FILTER (WHERE referrer_account_id = referred_account_id)::int AS "selfReferrals", count(*) FILTER (WHERE value > 0)::int AS valued,
             count(*) FILTER (WHERE r.referred_at > b.created_at)::int AS "afterCreation"
      FROM referrals r JOIN accounts b ON b.id = r.referred_account_id`);
    expect(refs).toMatchObject({ noAccount: 0, selfReferrals: 0, afterCreation: 0 });
    expect(refs.referrers).toBeGreaterThan(100);
    expect(refs.valued).toBeGreaterThan(0.5 * refs.n);
    const referrerIds = new Set((await rows<{ id: string }>(`SELECT DISTINCT referrer_account_id AS id FROM referrals`)).map((r) => Number(r.id)));
    const completedOf = (xs: typeof customers) => avg(xs.map((c) => c.completed));
    expect(completedOf(customers.filter((c) => referrerIds.has(c.id)))).toBeGreaterThan(2 * completedOf(customers.filter((c) => !referrerIds.has(c.id))));

    // innovation: suggestions on items and ideas for new ones, in every status
    const sugg = await one<Record<string, number>>(`
      SELECT count(DISTINCT status)::int AS statuses, count(*) FILTER (WHERE product_id IS NULL)::int AS ideas, count(*) FILTER (WHERE product_id IS NOT NULL)::int AS "aboutItems",
             count(*) FILTER (WHERE status = 'adopted')::int AS adopted, count(DISTINCT account_id)::int AS accounts,
             count(*) FILTER (WHERE status <> 'new' AND reviewed_at IS NULL)::int AS "unreviewed"
      FROM product_suggestions`);
    expect(sugg.statuses).toBe(4);
    expect(sugg.ideas).toBeGreaterThan(50);
    expect(sugg.aboutItems).toBeGreaterThan(200);
    expect(sugg.adopted).toBeGreaterThan(50);
    expect(sugg.accounts).toBeGreaterThan(200);
    expect(sugg.unreviewed).toBe(0);

    // income growth: yearly figures for every organisation (but our own stores), some growing and some declining
    const income = await one<Record<string, number>>(`
      WITH g AS (
        SELECT account_id, count(*) AS years, (array_agg(income ORDER BY period_start DESC))[1] / (array_agg(income ORDER BY period_start))[1] AS ratio
        FROM account_income_history GROUP BY 1)
      SELECT (SELECT count(*) FROM accounts WHERE kind = 'organisation' AND customer_type <> 'internal')::int AS orgs,
             count(*) FILTER (WHERE a.kind = 'organisation')::int AS "orgsWithHistory", count(*) FILTER (WHERE a.kind = 'person')::int AS persons,
             count(*) FILTER (WHERE g.years >= 3 AND a.kind = 'organisation')::int AS "orgsThreeYears",
             count(*) FILTER (WHERE g.ratio < 0.85)::int AS declining, count(*) FILTER (WHERE g.ratio > 1.15)::int AS growing,
             (SELECT count(*) FROM account_income_history WHERE extract(month FROM period_start) <> 1 OR extract(day FROM period_start) <> 1 OR period_type <> 'year')::int AS "notYears"
      FROM g JOIN accounts a ON a.id = g.account_id`);
    expect(income.orgsWithHistory).toBe(income.orgs);
    expect(income.orgsThreeYears).toBeGreaterThan(0.8 * income.orgs);
    expect(income.persons).toBeGreaterThan(300);
    expect(income.declining).toBeGreaterThan(50);
    expect(income.growing).toBeGreaterThan(150);
    expect(income.notYears).toBe(0);
  });

  it('does not load twice', async () => {
    const again = await loadDemoCompany(database.db, { asOf });
    expect(again.skipped).toMatch(/already holds 2000 accounts/);
    expect(again.accounts).toBe(0);
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM accounts`)).n).toBe(DEMO_PARAMETERS.accounts);
  });
});
