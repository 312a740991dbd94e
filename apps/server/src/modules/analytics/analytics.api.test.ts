import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { hasSharedData, sharedData } from '../../../test/shared-data.js';
import { scheduleRefreshes } from './schedule.js';

let t: TestApp;
const sample = 'cdnow/CDNOW_sample.txt';

/** The CDNOW 1/10 sample (the data of the BG/NBD paper) as accounts and one-line orders, written with plain SQL. */
async function loadCdnowSample() {
  const rows = fs
    .readFileSync(sharedData(sample), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => l.split(/\s+/));
  const ids = [...new Set(rows.map((r) => r[0]))];
  await t.database.pool.query(`INSERT INTO accounts (external_id, name, source) SELECT id, 'CDNOW ' || id, 'test' FROM unnest($1::text[]) id`, [ids]);
  const orderNos = rows.map((_, i) => `CD-${i}`);
  const dates = rows.map((r) => `${r[2].slice(0, 4)}-${r[2].slice(4, 6)}-${r[2].slice(6, 8)}T12:00:00Z`);
  await t.database.pool.query(
    `INSERT INTO orders (order_no, account_id, ordered_at, total_amount)
     SELECT o, a.id, d, v FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::numeric[]) AS x(o, ext, d, v) JOIN accounts a ON a.external_id = x.ext`,
    [orderNos, rows.map((r) => r[0]), dates, rows.map((r) => r[4])],
  );
  await t.database.pool.query(
    `INSERT INTO order_lines (order_id, line_no, quantity, unit_price)
     SELECT o.id, 1, x.q, x.v / x.q FROM unnest($1::text[], $2::numeric[], $3::numeric[]) AS x(no, q, v) JOIN orders o ON o.order_no = x.no`,
    [orderNos, rows.map((r) => r[3]), rows.map((r) => r[4])],
  );
  return { customers: ids.length, lines: rows.length };
}

async function waitForRun(id: number) {
  for (let i = 0; i < 600; i++) {
    const run = (await t.app.inject({ method: 'GET', url: `/api/analytics/runs/${id}`, headers: t.admin.headers })).json();
    if (run.status === 'done' || run.status === 'failed') return run;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('refresh did not finish');
}

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('customer-value refresh on an empty company', () => {
  it('stores an empty snapshot instead of failing', async () => {
    const start = await t.app.inject({ method: 'POST', url: '/api/analytics/runs', headers: t.admin.headers, payload: {} });
    const run = await waitForRun(start.json().id);
    expect(run).toMatchObject({ status: 'done', summary: { customers: 0 } });
  });
});

describe.skipIf(!hasSharedData(sample))('customer-value refresh over the database', () => {
  it('reproduces the published BG/NBD and Gamma-Gamma fits from orders stored in Relata', async () => {
    const { customers } = await loadCdnowSample();
    const start = await t.app.inject({ method: 'POST', url: '/api/analytics/runs', headers: t.admin.headers, payload: { asOf: '1997-09-30T12:00:00Z' } });
    expect(start.statusCode).toBe(202);
    const run = await waitForRun(start.json().id);
    expect(run.error).toBeNull();
    expect(run.status).toBe('done');
    const { bgnbd, gammaGamma } = run.summary;
    // Fader, Hardie & Lee (2005): r = 0.243, α = 4.414, a = 0.793, b = 2.426 on this calibration period.
    expect(bgnbd.params.r).toBeCloseTo(0.243, 3);
    expect(bgnbd.params.alpha).toBeCloseTo(4.414, 3);
    expect(bgnbd.params.a).toBeCloseTo(0.793, 3);
    expect(bgnbd.params.b).toBeCloseTo(2.426, 3);
    // Gamma-Gamma (Fader, Hardie & Lee 2005, JMR): p = 6.25, q = 3.74, γ = 15.44.
    expect(gammaGamma.params.p).toBeCloseTo(6.25, 2);
    expect(gammaGamma.params.q).toBeCloseTo(3.74, 2);
    expect(gammaGamma.params.gamma).toBeCloseTo(15.44, 2);
    const { rows } = await t.database.pool.query('SELECT count(*)::int AS n FROM customer_scores WHERE run_id = $1', [run.id]);
    expect(rows[0].n).toBe(customers);
  });

  it('keeps every refresh as a snapshot an account can be followed through', async () => {
    const second = await t.app.inject({ method: 'POST', url: '/api/analytics/runs', headers: t.admin.headers, payload: { asOf: '1998-06-30T12:00:00Z' } });
    await waitForRun(second.json().id);
    const { rows } = await t.database.pool.query(`SELECT id FROM accounts WHERE external_id = '00004'`);
    const value = (await t.app.inject({ method: 'GET', url: `/api/analytics/accounts/${rows[0].id}`, headers: t.admin.headers })).json();
    expect(value.history).toHaveLength(2);
    // customer 00004 bought on 1997-01-01, -01-18, -08-02 and -12-12 (CDNOW_sample.txt)
    expect(value.history[0]).toMatchObject({ frequency: 3 });
    expect(value.history[1]).toMatchObject({ frequency: 4 });
    expect(value.latest.pAlive).toBeGreaterThan(0);
    expect(value.latest.pAlive).toBeLessThanOrEqual(1);
    expect(['exploration', 'formation', 'stability', 'decline']).toContain(value.latest.lifecycleStage);
    // CLTV = F(R, L, I): every component is there, and the relationship value is the stored CLV
    const cltv = value.latest.details.cltv;
    for (const k of ['pgs', 'costOfSales', 'marginPerPurchase', 'pAlive', 'loyalty', 'matchingPriceRatio', 'influence', 'cltv']) expect(cltv, k).toHaveProperty(k);
    expect(cltv.relationshipValue).toBeCloseTo(value.latest.predictedClv, 1);
    const overview = (await t.app.inject({ method: 'GET', url: '/api/analytics/overview', headers: t.admin.headers })).json();
    expect(overview.run.id).toBe(second.json().id);
    expect(overview.bySegment.reduce((s: number, x: { customers: number }) => s + x.customers, 0)).toBe(2357);
    // 78 weeks of history: the run checks its forecast on the last 26 weeks
    const holdout = overview.run.summary.holdout;
    expect(holdout.groups.length).toBeGreaterThan(3);
    expect(holdout.totalActual).toBeGreaterThan(0);
    expect(Math.abs(holdout.totalRelativeError)).toBeLessThan(0.5);
  });

  it('lets the accounts list filter and sort by the newest scores, and export them as CSV', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/accounts?sort=predictedClv&order=desc&pageSize=5', headers: t.admin.headers })).json();
    const clvs = list.items.map((a: { score: { predictedClv: number } }) => a.score.predictedClv);
    expect(clvs).toEqual([...clvs].sort((a, b) => b - a));
    const { rows } = await t.database.pool.query(`SELECT max(predicted_clv)::float8 AS top FROM customer_scores WHERE run_id = (SELECT max(id) FROM analytics_runs WHERE status = 'done')`);
    expect(clvs[0]).toBeCloseTo(rows[0].top, 2);
    const overview = (await t.app.inject({ method: 'GET', url: '/api/analytics/overview', headers: t.admin.headers })).json();
    const { segment, customers } = overview.bySegment.at(-1); // the smallest segment
    const lost = (await t.app.inject({ method: 'GET', url: `/api/accounts?segment=${segment}&pageSize=200`, headers: t.admin.headers })).json();
    expect(lost.total).toBe(customers);
    expect(lost.items.every((a: { score: { segment: string } }) => a.score.segment === segment)).toBe(true);
    const csv = await t.app.inject({ method: 'GET', url: `/api/accounts/export.csv?segment=${segment}`, headers: t.admin.headers });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toContain('predictedClv');
    expect(lines).toHaveLength(lost.total + 1);
  });

  it('credits a referrer with part of the referred customer\'s value (the I of CLTV)', async () => {
    const { rows } = await t.database.pool.query(`SELECT id, external_id FROM accounts WHERE external_id IN ('00004', '00018') ORDER BY external_id`);
    const [referrer, referred] = rows;
    await t.database.pool.query('INSERT INTO referrals (referrer_account_id, referred_account_id) VALUES ($1, $2)', [referrer.id, referred.id]);
    const run = (await t.app.inject({ method: 'POST', url: '/api/analytics/runs', headers: t.admin.headers, payload: { asOf: '1998-06-30T12:00:00Z' } })).json();
    await waitForRun(run.id);
    const a = (await t.app.inject({ method: 'GET', url: `/api/analytics/accounts/${referrer.id}`, headers: t.admin.headers })).json().latest;
    const b = (await t.app.inject({ method: 'GET', url: `/api/analytics/accounts/${referred.id}`, headers: t.admin.headers })).json().latest;
    expect(a.details.cltv.referrals).toBe(1);
    expect(a.details.cltv.referralValue).toBeCloseTo(0.5 * Math.max(0, b.details.cltv.relationshipValue), 2);
    expect(a.details.cltv.cltv).toBeCloseTo(a.details.cltv.relationshipValue + a.details.cltv.influence, 2);
  });

  it('runs on a schedule: a refresh starts when the newest run is older than the period', async () => {
    const count = async () => (await t.database.pool.query('SELECT count(*)::int AS n FROM analytics_runs')).rows[0].n as number;
    const before = await count();
    scheduleRefreshes(t.database, 24, () => {})();
    await new Promise((r) => setTimeout(r, 300));
    expect(await count()).toBe(before); // the last run is minutes old
    const stop = scheduleRefreshes(t.database, 1e-9, () => {});
    await expect.poll(count, { timeout: 5000 }).toBe(before + 1);
    stop();
    const { rows } = await t.database.pool.query('SELECT id FROM analytics_runs ORDER BY id DESC LIMIT 1');
    expect((await waitForRun(rows[0].id)).status).toBe('done');
  });

  it('only analysts, managers and admins start a refresh', async () => {
    const sales = await t.addUser('sales');
    const res = await t.app.inject({ method: 'POST', url: '/api/analytics/runs', headers: sales.headers, payload: {} });
    expect(res.statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'POST', url: '/api/analytics/runs', headers: t.admin.headers, payload: { params: { horizonMonths: 0 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('params.horizonMonths');
    const unknown = await t.app.inject({ method: 'POST', url: '/api/analytics/runs', headers: t.admin.headers, payload: { params: { horizonMonth: 6 } } });
    expect(unknown.statusCode).toBe(400);
  });

  it('applies every CLTV parameter an analyst sets, and keeps it for the next run', async () => {
    const params = { marketingCostPerMonth: 2.5, priceLoyaltyElasticity: 0.5, referralShare: 0.25, valuePerEndorsement: 10, holdoutWeeks: 13 };
    const first = (await t.app.inject({ method: 'POST', url: '/api/analytics/runs', headers: t.admin.headers, payload: { asOf: '1998-06-30T12:00:00Z', params } })).json();
    expect((await waitForRun(first.id)).params).toMatchObject(params);
    const next = (await t.app.inject({ method: 'POST', url: '/api/analytics/runs', headers: t.admin.headers, payload: { asOf: '1998-06-30T12:00:00Z' } })).json();
    const run = await waitForRun(next.id);
    expect(run.params).toMatchObject(params);
    expect(run.summary.holdout.holdoutWeeks).toBe(13);
    const { rows } = await t.database.pool.query(`SELECT id FROM accounts WHERE external_id = '00004'`);
    const value = (await t.app.inject({ method: 'GET', url: `/api/analytics/accounts/${rows[0].id}`, headers: t.admin.headers })).json();
    // (an earlier, scheduled run has a later asOf: pick this run's point of the history)
    const point = value.history.find((h: { runId: number }) => h.runId === next.id);
    // CM is charged every month of the horizon, discounted: C = CM · Σ v^i
    const v = 1 / (1 + point.params.monthlyDiscountRate);
    const annuity = Array.from({ length: point.params.horizonMonths }, (_, i) => v ** (i + 1)).reduce((a, b) => a + b, 0);
    expect(point.details.cltv.marketingCostValue).toBeCloseTo(2.5 * annuity, 6);
    expect(point.asOf).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});
