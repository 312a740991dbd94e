/**
 * The predictive model end to end on the demo company (a real database, the real refresh in its worker):
 * groups with fuzzy memberships, rules that agree with counts taken straight from the orders, offers that
 * beat the popularity baseline on a time-split holdout, and the sales priority list with its logged calls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOk, refreshAndWait } from '../../../test/analytics-runs.js';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { loadDemoCompany } from '../demo/service.js';

let t: TestApp;
const asOf = '2025-06-30T12:00:00Z';

const refresh = (params?: Record<string, unknown>) => refreshAndWait(t, { asOf, params });
const get = (url: string, headers = t.admin.headers) => getOk(t, url, headers);

beforeAll(async () => {
  t = await startTestApp();
  await loadDemoCompany(t.db, { asOf: new Date(asOf) });
}, 120_000);
afterAll(async () => t?.close());

describe('the predictive model on the demo company', () => {
  let run: { id: number; summary: { segments: Record<string, any> } };
  beforeAll(async () => {
    run = await refresh();
  }, 180_000);

  it('groups every customer with fuzzy memberships that sum to one, and describes each group', async () => {
    const { groups, run: info } = await get('/api/segments/groups');
    const s = info.segments;
    expect(s.k).toBe(groups.length);
    expect(s.kSelection.map((p: { k: number }) => p.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    // k chosen by the best silhouette, as the curve shows
    const best = s.kSelection.reduce((a: any, b: any) => (b.silhouette > a.silhouette ? b : a));
    expect(best.k).toBe(s.k);
    const { rows: [counts] } = await t.database.pool.query(`
      SELECT (SELECT count(*) FROM customer_scores WHERE run_id = $1)::int AS scored,
             (SELECT count(*) FROM customer_group_members WHERE run_id = $1)::int AS members,
             (SELECT max(abs(1 - (SELECT sum(x) FROM unnest(memberships) x))) FROM customer_group_members WHERE run_id = $1)::float8 AS worst`, [run.id]);
    expect(counts.members).toBe(counts.scored);
    expect(counts.worst).toBeLessThan(1e-3);
    expect(groups.reduce((n: number, g: { size: number }) => n + g.size, 0)).toBe(counts.members);
    for (const g of groups) {
      expect(g.profile.description.en.length).toBeGreaterThan(10);
      expect(g.profile.description.zh.length).toBeGreaterThan(4);
    }
    // distinct groups: all but at most one stand out from the average on some feature
    expect(groups.filter((g: any) => g.profile.distinguishing.length > 0).length).toBeGreaterThanOrEqual(groups.length - 1);
    const members = await get(`/api/segments/groups/0/members?pageSize=5`);
    expect(members.total).toBe(groups[0].size);
    expect(members.items[0].membership).toBeGreaterThanOrEqual(members.items[4].membership);
  });

  it('offers beat the popularity baseline on a time-split holdout', () => {
    const e = run.summary.segments.evaluation;
    console.log('offer evaluation on the demo company:', JSON.stringify(e));
    expect(e.customers).toBeGreaterThan(200);
    expect(e.model.hitRate).toBeGreaterThan(e.popularity.hitRate);
    expect(e.model.precision).toBeGreaterThan(e.popularity.precision);
  });

  it('never offers what the customer already bought, and gives the reason in both languages', async () => {
    const { rows } = await t.database.pool.query(`
      SELECT count(*)::int AS n FROM offers f
      WHERE f.run_id = $1 AND EXISTS (SELECT 1 FROM orders o JOIN order_lines l ON l.order_id = o.id
        WHERE o.account_id = f.account_id AND l.product_id = f.product_id AND l.quantity > 0 AND o.status IN ('completed', 'returned') AND o.ordered_at < $2)`, [run.id, '2025-07-01']);
    expect(rows[0].n).toBe(0);
    const { rows: [some] } = await t.database.pool.query('SELECT account_id FROM offers WHERE run_id = $1 AND rank = 1 ORDER BY expected_value DESC LIMIT 1', [run.id]);
    const panel = await get(`/api/segments/accounts/${some.account_id}`);
    expect(panel.offers.length).toBeGreaterThan(0);
    expect(panel.memberships.reduce((s: number, m: { membership: number }) => s + m.membership, 0)).toBeCloseTo(1, 2);
    for (const o of panel.offers) {
      expect(o.probability).toBeGreaterThan(0);
      expect(o.probability).toBeLessThanOrEqual(1);
      expect(o.reason.text.en).toMatch(/group/i);
      expect(o.reason.text.zh).toMatch(/组/);
    }
  });

  it('rules measure what the orders say (support, confidence and lift recounted in SQL)', async () => {
    const rules = await get('/api/segments/rules?pageSize=5&sort=lift');
    expect(rules.total).toBeGreaterThan(0);
    expect(rules.items[0].lift).toBeGreaterThanOrEqual(rules.items.at(-1).lift);
    const rule = rules.items[0];
    const { rows: [c] } = await t.database.pool.query(`
      WITH baskets AS (SELECT o.id, array_agg(DISTINCT l.product_id) AS items FROM orders o JOIN order_lines l ON l.order_id = o.id
                       WHERE o.deleted_at IS NULL AND o.status IN ('completed', 'returned') AND l.quantity > 0 AND o.ordered_at < $3 GROUP BY o.id)
      SELECT count(*)::int AS n, count(*) FILTER (WHERE items @> $1::bigint[])::int AS lhs,
             count(*) FILTER (WHERE items @> ($1::bigint[] || $2::bigint))::int AS both, count(*) FILTER (WHERE $2 = ANY(items))::int AS rhs FROM baskets`,
      [rule.antecedent.map((p: { id: number }) => p.id), rule.consequent.id, '2025-07-01']);
    expect(rule.count).toBe(c.both);
    expect(rule.support).toBeCloseTo(c.both / c.n, 10);
    expect(rule.confidence).toBeCloseTo(c.both / c.lhs, 10);
    expect(rule.lift).toBeCloseTo(c.both / c.lhs / (c.rhs / c.n), 8);
    const filtered = await get(`/api/segments/rules?productId=${rule.consequent.id}&minConfidence=0.5`);
    for (const r of filtered.items) {
      expect(r.confidence).toBeGreaterThanOrEqual(0.5);
      expect([r.consequent.id, ...r.antecedent.map((p: { id: number }) => p.id)]).toContain(rule.consequent.id);
    }
    const together = await get('/api/segments/product-groups');
    expect(together.productGroups.length).toBeGreaterThan(1);
    expect(together.associations.length).toBeGreaterThan(0);
    expect(together.associations[0].lift).toBeGreaterThan(1);
  });

  it('ranks the priority list by expected value of contact, shows sales users only their own, and logs a call in one click', async () => {
    const list = await get('/api/segments/priority?pageSize=20&quietDays=0');
    expect(list.items.length).toBe(20);
    for (let i = 1; i < list.items.length; i++) expect(list.items[i - 1].contactValue).toBeGreaterThanOrEqual(list.items[i].contactValue);
    const { rows: [owner] } = await t.database.pool.query(`SELECT id, email FROM users WHERE email = 'sales1@relata.demo'`);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: owner.email, password: 'relata-demo' } });
    const sales = { cookie: `relata_session=${login.cookies.find((c) => c.name === 'relata_session')!.value}` };
    const own = await get('/api/segments/priority?pageSize=50&quietDays=0', sales);
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((i: { ownerId: number }) => i.ownerId === owner.id)).toBe(true);
    const first = own.items[0];
    const call = await t.app.inject({ method: 'POST', url: `/api/segments/priority/${first.accountId}/calls`, headers: sales, payload: { outcome: 'interested', productName: first.topProductName } });
    expect(call.statusCode, call.body).toBe(201);
    expect(call.json()).toMatchObject({ accountId: first.accountId, type: 'call_out', userId: owner.id });
    const after = await get('/api/segments/priority?pageSize=50&quietDays=14', sales);
    expect(after.items.map((i: { accountId: number }) => i.accountId)).not.toContain(first.accountId);
    // and a sales user cannot log calls on somebody else's customer
    const other = list.items.find((i: { ownerId: number }) => i.ownerId !== owner.id);
    const refused = await t.app.inject({ method: 'POST', url: `/api/segments/priority/${other.accountId}/calls`, headers: sales, payload: {} });
    expect(refused.statusCode).toBe(404);
    const csv = await t.app.inject({ method: 'GET', url: '/api/segments/priority.csv?quietDays=0&lang=en', headers: sales });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\r\n').filter(Boolean).length).toBe(own.total + 1 - 1 + 1); // header + rows (the logged call does not hide anyone at quietDays=0)
  });

  it('keeps an analyst\'s group name across refreshes, and a fixed number of groups when asked', async () => {
    const renamed = await t.app.inject({ method: 'PATCH', url: '/api/segments/groups/0', headers: t.admin.headers, payload: { name: '装修大客户' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const { groups: before } = await get('/api/segments/groups');
    await refresh();
    const { groups: after } = await get('/api/segments/groups');
    const kept = after.find((g: { name: string | null }) => g.name === '装修大客户');
    expect(kept).toBeDefined();
    expect(kept.profile.features).toEqual(before[0].profile.features);
    const fixed = await refresh({ segments: { groups: 3, features: ['recencyDays', 'frequency', 'monetary', 'priceLevel'] } });
    expect(fixed.summary.segments.k).toBe(3);
    expect(fixed.summary.segments.kSelection).toBeNull();
    expect(fixed.summary.segments.features).toEqual(['recencyDays', 'frequency', 'monetary', 'priceLevel']);
  }, 240_000);

  it('refuses bad model settings with the field named', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/analytics/runs', headers: t.admin.headers, payload: { params: { segments: { groups: 1 } } } });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/segments.*groups|groups/);
    const unknownFeature = await t.app.inject({ method: 'POST', url: '/api/analytics/runs', headers: t.admin.headers, payload: { params: { segments: { features: ['frequency', 'shoeSize'] } } } });
    expect(unknownFeature.statusCode).toBe(400);
    expect(unknownFeature.body).toMatch(/shoeSize/);
  });
});
