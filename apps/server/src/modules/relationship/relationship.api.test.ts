/**
 * Relationship value and the exit workflow on the demo company: three refreshes a quarter apart; the AHP
 * judgements an analyst may change (and the inconsistent ones refused); exit candidates only after several
 * snapshots; the workflow's permissions, decision log, plan and audit; exiting customers leave the priority list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOk, refreshAndWait } from '../../../test/analytics-runs.js';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { loadDemoCompany } from '../demo/service.js';

let t: TestApp;
const quarters = ['2024-12-31T12:00:00Z', '2025-03-31T12:00:00Z', '2025-06-30T12:00:00Z'];
const get = (url: string, headers = t.admin.headers) => getOk(t, url, headers);
const casesAfter: number[] = [];

async function login(email: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'relata-demo' } });
  return { cookie: `relata_session=${res.cookies.find((c) => c.name === 'relata_session')!.value}` };
}

beforeAll(async () => {
  t = await startTestApp();
  await loadDemoCompany(t.db, { asOf: new Date(quarters[2]) });
  for (const asOf of quarters) {
    await refreshAndWait(t, { asOf, params: { segments: { groups: 4 }, propensity: { productGroups: 0 }, relationship: { exitSnapshots: 3 } } });
    const { rows } = await t.database.pool.query('SELECT count(*)::int AS n FROM exit_cases');
    casesAfter.push(rows[0].n);
  }
}, 400_000);
afterAll(async () => t?.close());

describe('relationship value', () => {
  it('weighs the nine factors by the AHP hierarchy and classes every customer, saying what the labels are', async () => {
    const o = await get('/api/relationship/overview');
    const leaves = o.run.summary.weights.filter((n: { key: string }) => o.factors.some((f: { key: string }) => f.key === n.key));
    expect(leaves.length).toBe(9);
    expect(leaves.reduce((s: number, n: { global: number }) => s + n.global, 0)).toBeCloseTo(1, 10);
    for (const c of o.run.summary.consistency) expect(c.cr).toBeLessThan(0.1);
    expect(o.run.summary.labelSource).toBe('ahp-terciles');
    expect(o.run.summary.candidates.map((c: { kind: string }) => c.kind).sort()).toEqual(['ahp', 'network', 'softmax-regression']);
    expect(o.factorStats.length).toBe(9);
    const { rows: [counts] } = await t.database.pool.query(`SELECT count(*)::int AS n, count(DISTINCT class)::int AS classes FROM relationship_scores WHERE run_id = $1`, [o.run.id]);
    expect(counts.n).toBe(o.run.summary.customers);
    expect(counts.classes).toBe(3);
  });

  it('refuses inconsistent judgements with the pair to reconsider, and keeps consistent ones (versioned)', async () => {
    const bad = await t.app.inject({ method: 'PUT', url: '/api/relationship/matrices/potential', headers: t.admin.headers, payload: { matrix: [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]], version: 0 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/consisten/i);
    const good = await t.app.inject({ method: 'PUT', url: '/api/relationship/matrices/potential', headers: t.admin.headers, payload: { matrix: [[1, 2, 4], [1 / 2, 1, 2], [1 / 4, 1 / 2, 1]], version: 0 } });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json().weights[0]).toBeCloseTo(4 / 7, 6);
    const stale = await t.app.inject({ method: 'PUT', url: '/api/relationship/matrices/potential', headers: t.admin.headers, payload: { matrix: [[1, 2, 4], [1 / 2, 1, 2], [1 / 4, 1 / 2, 1]], version: 0 } });
    expect(stale.statusCode).toBe(409);
    const sales = await login('sales1@relata.demo');
    const refused = await t.app.inject({ method: 'PUT', url: '/api/relationship/matrices/potential', headers: sales, payload: { matrix: [[1, 2, 4], [1 / 2, 1, 2], [1 / 4, 1 / 2, 1]], version: 1 } });
    expect(refused.statusCode).toBe(403);
  });
});

describe('exit management', () => {
  it('never proposes a customer from a single snapshot: candidates appear once they were bad in three in a row', async () => {
    expect(casesAfter[0]).toBe(0);
    expect(casesAfter[1]).toBe(0);
    expect(casesAfter[2]).toBeGreaterThan(0);
    const { rows } = await t.database.pool.query(`
      SELECT c.account_id, (SELECT count(*) FROM relationship_scores s WHERE s.account_id = c.account_id AND s.class = 'bad')::int AS bad FROM exit_cases c`);
    for (const r of rows) expect(r.bad).toBe(3);
  });

  it('moves a case through review, a manager\'s approval and the transition plan to the retrospective, and back when the customer orders again, logging every step', async () => {
    const board = await get('/api/exit-cases');
    const { rows: [owned] } = await t.database.pool.query(`
      SELECT c.id, c.version, a.owner_id, u.email FROM exit_cases c JOIN accounts a ON a.id = c.account_id JOIN users u ON u.id = a.owner_id
      WHERE u.role = 'sales' ORDER BY c.id LIMIT 1`);
    expect(board.cases.some((c: { id: number }) => c.id === owned.id)).toBe(true);
    const owner = await login(owned.email);
    const manager = await login('manager@relata.demo');
    const move = (headers: Record<string, string>, body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: `/api/exit-cases/${owned.id}/stage`, headers, payload: body });
    const analyst = await login('analyst@relata.demo');
    expect((await move(analyst, { to: 'review', version: owned.version })).statusCode).toBe(403);
    const reviewed = await move(owner, { to: 'review', version: owned.version, note: 'margins negative for a year' });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    const c = await t.app.inject({ method: 'POST', url: `/api/exit-cases/${owned.id}/comments`, headers: manager, payload: { text: '同意复核，先看合同' } });
    expect(c.statusCode).toBe(201);
    expect((await move(owner, { to: 'approved', version: reviewed.json().version })).statusCode).toBe(403);
    expect((await move(manager, { to: 'exited', version: reviewed.json().version })).statusCode).toBe(400);
    const approved = await move(manager, { to: 'approved', version: reviewed.json().version, note: 'approved after review' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().approvedBy).not.toBeNull();
    expect((await move(manager, { to: 'transition', version: reviewed.json().version })).statusCode).toBe(409);
    const transition = await move(owner, { to: 'transition', version: approved.json().version, language: 'en' });
    expect(transition.statusCode, transition.body).toBe(200);
    const exited = await move(owner, { to: 'exited', version: transition.json().version });
    expect(exited.statusCode).toBe(200);
    expect((await move(owner, { to: 'retrospective', version: exited.json().version })).statusCode).toBe(400);
    const retro = await move(owner, { to: 'retrospective', version: exited.json().version, whatWentWrong: 'won on price alone', lessons: 'qualify margin before onboarding' });
    expect(retro.statusCode, retro.body).toBe(200);

    const file = await get(`/api/exit-cases/${owned.id}`, owner);
    expect(file.events.map((e: { kind: string; toStage: string | null }) => e.toStage ?? e.kind)).toEqual(['candidate', 'review', 'comment', 'approved', 'transition', 'exited', 'retrospective']);
    expect(file.tasks.length).toBe(4);
    for (const task of file.tasks) expect(new Date(task.dueAt).getTime()).toBeGreaterThan(Date.now());
    expect(file.history.length).toBe(3);
    expect(file.prospects.items.length).toBeGreaterThan(0);
    const { rows: labels } = await t.database.pool.query(`SELECT label, source FROM relationship_labels WHERE account_id = (SELECT account_id FROM exit_cases WHERE id = $1)`, [owned.id]);
    expect(labels).toEqual([{ label: 'bad', source: 'exit-decision' }]);
    const { rows: audit } = await t.database.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'exit_case' AND entity_id = $1`, [String(owned.id)]);
    expect(audit[0].n).toBe(5);

    // an exiting customer is not on anyone's priority list; nothing about them was deleted
    const { rows: [acc] } = await t.database.pool.query(`SELECT account_id FROM exit_cases WHERE id = $1`, [owned.id]);
    const priority = await get('/api/segments/priority?quietDays=0&pageSize=200', owner);
    expect(priority.items.map((i: { accountId: number }) => i.accountId)).not.toContain(acc.account_id);
    // nor on the churn-risk list: the list is every churn prediction of the latest run but the exiting customer's
    const { rows: [churnCounts] } = await t.database.pool.query(`
      SELECT count(*) FILTER (WHERE p.account_id <> $1)::int AS others, count(*) FILTER (WHERE p.account_id = $1)::int AS exiting
      FROM predictions p WHERE p.target = 'churn' AND p.run_id = (SELECT max(run_id) FROM predictions WHERE target = 'churn')`, [acc.account_id]);
    expect(churnCounts.exiting, 'the exiting customer was scored for churn').toBe(1);
    const churn = await get('/api/propensity/churn?minProbability=0&pageSize=200');
    expect(churn.total).toBe(churnCounts.others);
    expect((await get(`/api/accounts/${acc.account_id}`, owner)).id).toBe(acc.account_id);

    // win-back: the orders before the exit do not count; an order after it flags the case, a manager decides
    expect(file.returned.orders).toBe(0);
    const order = await t.app.inject({
      method: 'POST', url: '/api/orders', headers: t.admin.headers,
      payload: { accountId: acc.account_id, orderedAt: new Date(Date.now() + 60_000).toISOString(), lines: [{ quantity: 2, unitPrice: 150 }] },
    });
    expect(order.statusCode, order.body).toBe(201);
    const flagged = await get(`/api/exit-cases/${owned.id}`, owner);
    expect(flagged.returned).toMatchObject({ orders: 1, amount: 300 });
    const card = (await get('/api/exit-cases')).cases.find((x: { id: number }) => x.id === owned.id);
    expect(card.returnedOrders).toBe(1);
    expect((await move(owner, { to: 'won_back', version: retro.json().version })).statusCode).toBe(403);
    const wonBack = await move(manager, { to: 'won_back', version: retro.json().version, note: 'ordering again at list price' });
    expect(wonBack.statusCode, wonBack.body).toBe(200);
    const { rows: after } = await t.database.pool.query(`SELECT label FROM relationship_labels WHERE account_id = $1 ORDER BY id`, [acc.account_id]);
    expect(after.map((r) => r.label)).toEqual(['bad', 'good']);
    // a customer won back is a customer again: back on the priority list's candidates
    const { rows: [still] } = await t.database.pool.query(`SELECT count(*)::int AS n FROM exit_cases WHERE account_id = $1 AND stage IN ('approved', 'transition', 'exited', 'retrospective')`, [acc.account_id]);
    expect(still.n).toBe(0);
  });

  it('ranks replacement prospects by how much their traits resemble the good customers, and says why', async () => {
    // Per trait, the value most and least typical of good customers against the others (at least 10 good ones).
    const traits = ['customer_type', 'industry', 'region', 'city'];
    const keyOf: Record<string, string> = { customer_type: 'customerType', industry: 'industry', region: 'region', city: 'city' };
    const latest = `s.run_id = (SELECT max(run_id) FROM relationship_scores)`;
    const typical: Record<string, string> = {};
    const atypical: Record<string, string> = {};
    for (const trait of traits) {
      const { rows } = await t.database.pool.query(`
        SELECT a.${trait}::text AS value, count(*) FILTER (WHERE s.class = 'good')::float8 / sum(count(*) FILTER (WHERE s.class = 'good')) OVER ()
               / (count(*) FILTER (WHERE s.class <> 'good')::float8 / sum(count(*) FILTER (WHERE s.class <> 'good')) OVER ()) AS lift
        FROM relationship_scores s JOIN accounts a ON a.id = s.account_id WHERE ${latest} AND a.${trait} IS NOT NULL
        GROUP BY 1 HAVING count(*) FILTER (WHERE s.class = 'good') >= 10 AND count(*) FILTER (WHERE s.class <> 'good') >= 10 ORDER BY lift DESC`);
      typical[keyOf[trait]] = rows[0].value;
      atypical[keyOf[trait]] = rows[rows.length - 1].value;
    }
    const { rows: leads } = await t.database.pool.query(
      `INSERT INTO leads (name, company, status, attributes) VALUES ('张伟', '远景装饰有限公司', 'qualified', $1), ('Li Na', 'Atypical Trading Co.', 'new', $2) RETURNING id`,
      [typical, atypical],
    );
    const { rows: [c] } = await t.database.pool.query(`SELECT id FROM exit_cases ORDER BY id LIMIT 1`);
    const { prospects } = await get(`/api/exit-cases/${c.id}`);
    expect(prospects.reason).toBeNull();
    for (let i = 1; i < prospects.items.length; i++) expect(prospects.items[i - 1].resemblance).toBeGreaterThanOrEqual(prospects.items[i].resemblance);

    // A second implementation in SQL: naive Bayes whose per-value rate of good customers is shrunk toward the trait's
    // base rate by a Beta prior worth 20 customers: p = (n_good + 20·base) / (n + 20), likelihood ratio odds(p)/odds(base).
    const expected = async (values: Record<string, string>) => {
      const { rows: [prior] } = await t.database.pool.query(`SELECT count(*) FILTER (WHERE class = 'good')::float8 AS g, count(*) FILTER (WHERE class <> 'good')::float8 AS o FROM relationship_scores s WHERE ${latest}`);
      let logOdds = Math.log(prior.g / prior.o);
      for (const trait of traits) {
        const { rows: [r] } = await t.database.pool.query(`
          SELECT count(*) FILTER (WHERE s.class = 'good' AND a.${trait}::text = $1)::float8 AS gv, count(*) FILTER (WHERE s.class = 'good')::float8 AS g,
                 count(*) FILTER (WHERE s.class <> 'good' AND a.${trait}::text = $1)::float8 AS ov, count(*) FILTER (WHERE s.class <> 'good')::float8 AS o
          FROM relationship_scores s JOIN accounts a ON a.id = s.account_id WHERE ${latest} AND a.${trait} IS NOT NULL`, [values[keyOf[trait]]]);
        const base = r.g / (r.g + r.o);
        const p = (r.gv + 20 * base) / (r.gv + r.ov + 20);
        logOdds += Math.log(p / (1 - p)) - Math.log(base / (1 - base));
      }
      return 1 / (1 + Math.exp(-logOdds));
    };
    const likely = prospects.items.find((p: { kind: string; id: number }) => p.kind === 'lead' && p.id === leads[0].id);
    expect(likely, 'the lead with the traits most typical of good customers is proposed').toBeDefined();
    expect(likely.resemblance).toBeCloseTo(await expected(typical), 10);
    expect(likely.resemblance).toBeGreaterThan(prospects.baseRate);
    expect(likely.reasons.map((r: { trait: string }) => r.trait).sort()).toEqual(['city', 'customerType', 'industry', 'region']);
    for (const r of likely.reasons) expect(r.goodShare).toBeGreaterThan(r.otherShare);
    // the atypical lead scores below everyone proposed, so it is left out
    const unlikely = await expected(atypical);
    expect(unlikely).toBeLessThan(prospects.baseRate);
    expect(prospects.items.length).toBe(10);
    expect(prospects.items.some((p: { kind: string; id: number }) => p.kind === 'lead' && p.id === leads[1].id)).toBe(false);
    expect(unlikely).toBeLessThan(prospects.items[9].resemblance);

    // Nobody classified bad, nobody with an exit case, no account with two completed orders is proposed.
    const accountIds = prospects.items.filter((p: { kind: string }) => p.kind === 'account').map((p: { id: number }) => p.id);
    if (accountIds.length) {
      const { rows: wrong } = await t.database.pool.query(`
        SELECT a.id FROM accounts a WHERE a.id = ANY($1::bigint[]) AND (
          EXISTS (SELECT 1 FROM relationship_scores s WHERE s.account_id = a.id AND ${latest} AND s.class = 'bad')
          OR EXISTS (SELECT 1 FROM exit_cases x WHERE x.account_id = a.id)
          OR (SELECT count(*) FROM orders o WHERE o.account_id = a.id AND o.status = 'completed' AND o.deleted_at IS NULL) > 1)`, [accountIds]);
      expect(wrong).toEqual([]);
    }
  });
});
