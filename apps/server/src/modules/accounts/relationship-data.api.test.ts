/** Referrals (who brought whom) and the customer's income history, through the API on a real database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
type User = Awaited<ReturnType<TestApp['addUser']>>;
let sales: User;
let otherSales: User;
let analyst: User;

beforeAll(async () => {
  t = await startTestApp();
  [sales, otherSales, analyst] = [await t.addUser('sales'), await t.addUser('sales'), await t.addUser('analyst')];
});
afterAll(async () => t?.close());

const inject = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) => t.app.inject({ method, url, headers, payload });
const newAccount = async (headers: Record<string, string>, name: string) => (await inject('POST', '/api/accounts', headers, { name })).json() as { id: number };
const auditActions = async (entityType: string, id: number) =>
  (await t.database.pool.query(`SELECT action FROM audit_log WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`, [entityType, String(id)])).rows.map((r) => r.action);

describe('referrals', () => {
  it('records who brought whom (an account or a lead), lists both ways, versioned, soft-deleted, restored, audited', async () => {
    const referrer = await newAccount(t.admin.headers, '老客户 Loyal Ltd');
    const referred = await newAccount(t.admin.headers, 'New Friend Co');
    const res = await inject('POST', `/api/accounts/${referrer.id}/referrals`, t.admin.headers, { referredAccountId: referred.id, referredAt: '2025-02-01T00:00:00Z', value: 12000, notes: '介绍了朋友的装修公司' });
    expect(res.statusCode).toBe(201);
    const referral = res.json();
    expect(referral).toMatchObject({ referrerAccountId: referrer.id, referredAccountId: referred.id, value: 12000, version: 1 });

    // to a lead
    const { rows: [lead] } = await t.database.pool.query(`INSERT INTO leads (name) VALUES ('Prospect Person') RETURNING id`);
    const toLead = await inject('POST', '/api/referrals', t.admin.headers, { referrerAccountId: referrer.id, referredLeadId: Number(lead.id) });
    expect(toLead.statusCode).toBe(201);

    const made = (await inject('GET', `/api/accounts/${referrer.id}/referrals?direction=made`, t.admin.headers)).json();
    expect(made.total).toBe(2);
    expect(made.items.map((r: { referredName: string }) => r.referredName).sort()).toEqual(['New Friend Co', 'Prospect Person']);
    const received = (await inject('GET', `/api/accounts/${referred.id}/referrals?direction=received`, t.admin.headers)).json();
    expect(received.items).toHaveLength(1);
    expect(received.items[0]).toMatchObject({ referrerName: '老客户 Loyal Ltd', referredName: 'New Friend Co' });
    expect((await inject('GET', `/api/referrals?referrerAccountId=${referrer.id}&sort=value&order=desc`, analyst.headers)).json().items[0].id).toBe(referral.id);

    const updated = await inject('PATCH', `/api/referrals/${referral.id}`, t.admin.headers, { version: 1, value: 15000 });
    expect(updated.json()).toMatchObject({ version: 2, value: 15000 });
    const stale = await inject('PATCH', `/api/referrals/${referral.id}`, t.admin.headers, { version: 1, value: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.currentVersion).toBe(2);

    // a customer is brought by one referrer
    const other = await newAccount(t.admin.headers, 'Also Claims Ltd');
    const twice = await inject('POST', `/api/accounts/${other.id}/referrals`, t.admin.headers, { referredAccountId: referred.id });
    expect(twice.statusCode).toBe(409);

    expect((await inject('DELETE', `/api/referrals/${referral.id}`, t.admin.headers)).statusCode).toBe(200);
    expect((await inject('GET', `/api/referrals/${referral.id}`, analyst.headers)).statusCode).toBe(404);
    expect((await inject('GET', '/api/referrals?deleted=only', t.admin.headers)).json().items.map((r: { id: number }) => r.id)).toEqual([referral.id]);
    // once deleted, another referrer may be recorded; restoring the first would then be a conflict
    const replacement = (await inject('POST', `/api/accounts/${other.id}/referrals`, t.admin.headers, { referredAccountId: referred.id })).json();
    expect((await inject('POST', `/api/referrals/${referral.id}/restore`, t.admin.headers)).statusCode).toBe(409);
    await inject('DELETE', `/api/referrals/${replacement.id}`, t.admin.headers);
    expect((await inject('POST', `/api/referrals/${referral.id}/restore`, analyst.headers)).statusCode).toBe(403);
    expect((await inject('POST', `/api/referrals/${referral.id}/restore`, t.admin.headers)).statusCode).toBe(200);
    expect(await auditActions('referral', referral.id)).toEqual(['create', 'update', 'delete', 'restore']);
  });

  it('rejects bad input with 400 naming the field', async () => {
    const a = await newAccount(t.admin.headers, 'Validator A');
    const post = (payload: object) => inject('POST', `/api/accounts/${a.id}/referrals`, t.admin.headers, payload);
    const neither = await post({ notes: 'someone' });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().error.details[0].path).toBe('referredAccountId');
    expect((await post({ referredAccountId: a.id })).json().error.details[0].path).toBe('referredAccountId');
    const negative = await post({ referredLeadId: 1, value: -3 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.details[0].path).toBe('value');
    const badDate = await post({ referredAccountId: (await newAccount(t.admin.headers, 'B')).id, referredAt: 'yesterday' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.details[0].path).toBe('referredAt');
    expect((await post({ referredLeadId: 987654 })).statusCode).toBe(404);
  });

  it('follows the referrer’s scope: a sales user cannot see or add referrals on another owner’s account', async () => {
    const mine = await newAccount(sales.headers, 'My Referrer');
    const myNew = await newAccount(sales.headers, 'My Newcomer');
    const theirs = await newAccount(otherSales.headers, 'Their Referrer');
    const theirNew = await newAccount(otherSales.headers, 'Their Newcomer');
    const secret = (await inject('POST', `/api/accounts/${theirs.id}/referrals`, otherSales.headers, { referredAccountId: theirNew.id, notes: 'secret referral' })).json();
    expect((await inject('POST', `/api/accounts/${mine.id}/referrals`, sales.headers, { referredAccountId: myNew.id })).statusCode).toBe(201);
    for (const [method, url, payload] of [
      ['GET', `/api/accounts/${theirs.id}/referrals`],
      ['POST', `/api/accounts/${theirs.id}/referrals`, { referredAccountId: myNew.id }],
      ['POST', `/api/accounts/${mine.id}/referrals`, { referredAccountId: theirNew.id }],
      ['GET', `/api/referrals/${secret.id}`],
      ['PATCH', `/api/referrals/${secret.id}`, { version: 1, notes: 'x' }],
      ['DELETE', `/api/referrals/${secret.id}`],
    ] as const) {
      const res = await inject(method, url, sales.headers, payload as object | undefined);
      expect([403, 404], `${method} ${url} gave ${res.statusCode}`).toContain(res.statusCode);
    }
    const list = (await inject('GET', '/api/referrals', sales.headers)).body;
    expect(list).toContain('My Newcomer');
    expect(list).not.toContain('secret referral');
    expect(list).not.toContain('Their');
    expect((await inject('POST', `/api/accounts/${mine.id}/referrals`, analyst.headers, { referredLeadId: 1 })).statusCode).toBe(403);
  });
});

describe('income history', () => {
  it('upserts one period at a time, lists with growth, refuses stale versions, deletes and restores; audited', async () => {
    const account = await newAccount(t.admin.headers, 'Growing Trading Co');
    const put = (period: string, payload: object, headers = t.admin.headers) => inject('PUT', `/api/accounts/${account.id}/income/${period}`, headers, payload);
    const first = await put('2022-01-01', { income: 1_000_000, source: 'annual report' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ periodStart: '2022-01-01', periodType: 'year', income: 1_000_000, version: 1 });
    expect((await put('2023-01-01', { income: 1_200_000 })).statusCode).toBe(201);
    expect((await put('2024-01-01', { income: 900_000 })).statusCode).toBe(201);

    const list = (await inject('GET', `/api/accounts/${account.id}/income`, analyst.headers)).json();
    expect(list.items.map((i: { periodStart: string; income: number; growth: number | null }) => [i.periodStart, i.income, i.growth])).toEqual([
      ['2022-01-01', 1_000_000, null],
      ['2023-01-01', 1_200_000, 0.2],
      ['2024-01-01', 900_000, -0.25],
    ]);

    // an existing period changes only at the version the caller saw
    const blind = await put('2024-01-01', { income: 950_000 });
    expect(blind.statusCode).toBe(409);
    expect(blind.json().error.details.currentVersion).toBe(1);
    const changed = await put('2024-01-01', { income: 950_000, version: 1 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ income: 950_000, version: 2 });
    expect((await put('2024-01-01', { income: 1, version: 1 })).statusCode).toBe(409);

    const id = changed.json().id;
    expect((await inject('DELETE', `/api/accounts/${account.id}/income/2024-01-01`, t.admin.headers)).statusCode).toBe(200);
    expect((await inject('GET', `/api/accounts/${account.id}/income`, t.admin.headers)).json().items).toHaveLength(2);
    expect((await inject('GET', `/api/accounts/${account.id}/income?deleted=only`, t.admin.headers)).json().items.map((i: { id: number }) => i.id)).toEqual([id]);
    expect((await inject('DELETE', `/api/accounts/${account.id}/income/2024-01-01`, t.admin.headers)).statusCode).toBe(404);
    expect((await inject('POST', `/api/accounts/${account.id}/income/2024-01-01/restore`, sales.headers)).statusCode).toBe(403);
    expect((await inject('POST', `/api/accounts/${account.id}/income/2024-01-01/restore`, t.admin.headers)).json()).toMatchObject({ id, income: 950_000 });
    expect(await auditActions('income', id)).toEqual(['create', 'update', 'delete', 'restore']);

    // quarters and months
    expect((await put('2025-04-01', { income: 300_000, periodType: 'quarter' })).statusCode).toBe(201);
    expect((await put('2025-05-01', { income: 100_000, periodType: 'month' })).statusCode).toBe(201);
  });

  it('rejects bad input with 400 naming the field', async () => {
    const account = await newAccount(t.admin.headers, 'Validator Income');
    const put = (period: string, payload: object) => inject('PUT', `/api/accounts/${account.id}/income/${period}`, t.admin.headers, payload);
    const cases: [string, object, string][] = [
      ['2024-01-01', {}, 'income'],
      ['2024-01-01', { income: -1 }, 'income'],
      ['2024-01-01', { income: 'many' }, 'income'],
      ['2024-01-01', { income: 1, periodType: 'decade' }, 'periodType'],
      ['2024-13-01', { income: 1 }, 'period'],
      ['2024-03-01', { income: 1 }, 'period'],
      ['2024-02-01', { income: 1, periodType: 'quarter' }, 'period'],
    ];
    for (const [period, payload, field] of cases) {
      const res = await put(period, payload);
      expect(res.statusCode, `${period} ${JSON.stringify(payload)}`).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path.replace(/^params\./, ''))).toContain(field);
    }
  });

  it('follows the account scope: a sales user cannot read or change another owner’s figures; analysts read only', async () => {
    const theirs = await newAccount(otherSales.headers, 'Their Income Co');
    const mine = await newAccount(sales.headers, 'My Income Co');
    await inject('PUT', `/api/accounts/${theirs.id}/income/2024-01-01`, otherSales.headers, { income: 5 });
    expect((await inject('PUT', `/api/accounts/${mine.id}/income/2024-01-01`, sales.headers, { income: 7 })).statusCode).toBe(201);
    for (const [method, url, payload] of [
      ['GET', `/api/accounts/${theirs.id}/income`],
      ['PUT', `/api/accounts/${theirs.id}/income/2024-01-01`, { income: 1, version: 1 }],
      ['PUT', `/api/accounts/${theirs.id}/income/2023-01-01`, { income: 1 }],
      ['DELETE', `/api/accounts/${theirs.id}/income/2024-01-01`],
    ] as const) {
      const res = await inject(method, url, sales.headers, payload as object | undefined);
      expect([403, 404], `${method} ${url} gave ${res.statusCode}`).toContain(res.statusCode);
    }
    expect((await inject('GET', `/api/accounts/${theirs.id}/income`, otherSales.headers)).json().items[0].income).toBe(5);
    expect((await inject('GET', `/api/accounts/${theirs.id}/income`, analyst.headers)).statusCode).toBe(200);
    expect((await inject('PUT', `/api/accounts/${theirs.id}/income/2022-01-01`, analyst.headers, { income: 1 })).statusCode).toBe(403);
  });
});
