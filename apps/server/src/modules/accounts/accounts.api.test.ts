import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
let sales: Awaited<ReturnType<TestApp['addUser']>>;
let otherSales: Awaited<ReturnType<TestApp['addUser']>>;

beforeAll(async () => {
  t = await startTestApp();
  sales = await t.addUser('sales');
  otherSales = await t.addUser('sales');
});
afterAll(async () => t?.close());

const create = (headers: Record<string, string>, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/accounts', headers, payload });

describe('accounts', () => {
  it('creates, reads, lists and searches (Chinese text too)', async () => {
    const res = await create(sales.headers, { name: '上海华星建材有限公司', kind: 'organisation', customerType: 'intermediary', phone: '021-5555 0101', tags: ['建材'] });
    expect(res.statusCode).toBe(201);
    const account = res.json();
    expect(account).toMatchObject({ name: '上海华星建材有限公司', customerType: 'intermediary', relationshipLevel: 'basic', ownerId: sales.user.id, version: 1 });
    const one = await t.app.inject({ method: 'GET', url: `/api/accounts/${account.id}`, headers: sales.headers });
    expect(one.json()).toMatchObject({ id: account.id, ownerName: sales.user.name, stats: { orders: 0, revenue: 0 } });
    const found = await t.app.inject({ method: 'GET', url: `/api/accounts?q=${encodeURIComponent('华星')}`, headers: t.admin.headers });
    expect(found.json().items.map((a: { id: number }) => a.id)).toContain(account.id);
    const byPhone = await t.app.inject({ method: 'GET', url: `/api/accounts?q=5555`, headers: t.admin.headers });
    expect(byPhone.json().total).toBe(1);
  });

  it('pages and sorts on the server', async () => {
    for (const name of ['Zeta Ltd', 'Alpha Ltd', 'Mu Ltd']) await create(t.admin.headers, { name, customerType: 'consumer' });
    const res = await t.app.inject({ method: 'GET', url: '/api/accounts?sort=name&order=asc&pageSize=2&page=1&q=Ltd', headers: t.admin.headers });
    const body = res.json();
    expect(body.total).toBe(3);
    expect(body.items.map((a: { name: string }) => a.name)).toEqual(['Alpha Ltd', 'Mu Ltd']);
    const page2 = await t.app.inject({ method: 'GET', url: '/api/accounts?sort=name&order=asc&pageSize=2&page=2&q=Ltd', headers: t.admin.headers });
    expect(page2.json().items.map((a: { name: string }) => a.name)).toEqual(['Zeta Ltd']);
  });

  it('rejects invalid payloads with 400 naming the field', async () => {
    const noName = await create(t.admin.headers, { customerType: 'consumer' });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.details.map((d: { path: string }) => d.path)).toContain('name');
    const badEnum = await create(t.admin.headers, { name: 'X', customerType: 'alien' });
    expect(badEnum.statusCode).toBe(400);
    expect(badEnum.json().error.message).toContain('customerType');
    const badQuery = await t.app.inject({ method: 'GET', url: '/api/accounts?pageSize=100000', headers: t.admin.headers });
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().error.details[0].path).toContain('pageSize');
    const notJson = await t.app.inject({ method: 'POST', url: '/api/accounts', headers: { ...t.admin.headers, 'content-type': 'application/json' }, payload: '{"name": ' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error).toBeDefined();
  });

  it('gives the second of two concurrent edits a 409 instead of overwriting', async () => {
    const { id } = (await create(t.admin.headers, { name: 'Contested Co' })).json();
    const first = await t.app.inject({ method: 'PATCH', url: `/api/accounts/${id}`, headers: t.admin.headers, payload: { version: 1, notes: 'first' } });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const second = await t.app.inject({ method: 'PATCH', url: `/api/accounts/${id}`, headers: t.admin.headers, payload: { version: 1, notes: 'second' } });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details.currentVersion).toBe(2);
    const now = await t.app.inject({ method: 'GET', url: `/api/accounts/${id}`, headers: t.admin.headers });
    expect(now.json().notes).toBe('first');
  });

  it('does not reset fields a PATCH does not mention', async () => {
    const { id } = (await create(t.admin.headers, { name: 'Keep Co', customerType: 'public_interest', relationshipLevel: 'partnership', tags: ['a'] })).json();
    const res = await t.app.inject({ method: 'PATCH', url: `/api/accounts/${id}`, headers: t.admin.headers, payload: { version: 1, city: '杭州' } });
    expect(res.json()).toMatchObject({ customerType: 'public_interest', relationshipLevel: 'partnership', tags: ['a'], city: '杭州' });
  });

  it('writes every change to the audit log, visible on the record', async () => {
    const { id } = (await create(t.admin.headers, { name: 'Audited Ltd' })).json();
    await t.app.inject({ method: 'PATCH', url: `/api/accounts/${id}`, headers: t.admin.headers, payload: { version: 1, relationshipLevel: 'proactive' } });
    const audit = await t.app.inject({ method: 'GET', url: `/api/audit?entityType=account&entityId=${id}`, headers: t.admin.headers });
    const [update, creation] = audit.json().items;
    expect(update).toMatchObject({ action: 'update', userName: t.admin.user.name, changes: { relationshipLevel: ['basic', 'proactive'] } });
    expect(creation.action).toBe('create');
  });

  it('soft-deletes; only an admin sees the bin and restores', async () => {
    const manager = await t.addUser('manager');
    const { id } = (await create(manager.headers, { name: 'Binned Ltd' })).json();
    expect((await t.app.inject({ method: 'DELETE', url: `/api/accounts/${id}`, headers: manager.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/accounts/${id}`, headers: manager.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/accounts?deleted=only', headers: manager.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/accounts/${id}/restore`, headers: manager.headers })).statusCode).toBe(403);
    const bin = await t.app.inject({ method: 'GET', url: '/api/accounts?deleted=only', headers: t.admin.headers });
    expect(bin.json().items.map((a: { id: number }) => a.id)).toContain(id);
    expect((await t.app.inject({ method: 'POST', url: `/api/accounts/${id}/restore`, headers: t.admin.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/accounts/${id}`, headers: manager.headers })).statusCode).toBe(200);
  });

  it('an analyst reads but cannot change', async () => {
    const analyst = await t.addUser('analyst');
    expect((await t.app.inject({ method: 'GET', url: '/api/accounts', headers: analyst.headers })).statusCode).toBe(200);
    expect((await create(analyst.headers, { name: 'Nope' })).statusCode).toBe(403);
  });
});

describe('a sales user and another owner’s account', () => {
  it('cannot read or change it, or anything hanging off it, through any endpoint', async () => {
    const theirs = (await create(otherSales.headers, { name: 'Not Yours Ltd', email: 'secret@example.com' })).json();
    const contact = (await t.app.inject({ method: 'POST', url: '/api/contacts', headers: otherSales.headers, payload: { accountId: theirs.id, name: 'Secret Person' } })).json();
    const order = (await t.app.inject({ method: 'POST', url: '/api/orders', headers: otherSales.headers, payload: { accountId: theirs.id, lines: [{ quantity: 1, unitPrice: 10 }] } })).json();
    const activity = (await t.app.inject({ method: 'POST', url: '/api/activities', headers: otherSales.headers, payload: { accountId: theirs.id, type: 'call_out', subject: 'secret call' } })).json();
    const h = sales.headers;
    const attempts = [
      ['GET', `/api/accounts/${theirs.id}`],
      ['PATCH', `/api/accounts/${theirs.id}`, { version: 1, name: 'Mine now' }],
      ['DELETE', `/api/accounts/${theirs.id}`],
      ['GET', `/api/accounts/${theirs.id}/timeline`],
      ['GET', `/api/audit?entityType=account&entityId=${theirs.id}`],
      ['GET', `/api/contacts/${contact.id}`],
      ['PATCH', `/api/contacts/${contact.id}`, { version: 1, name: 'x' }],
      ['DELETE', `/api/contacts/${contact.id}`],
      ['POST', '/api/contacts', { accountId: theirs.id, name: 'Sneaky' }],
      ['GET', `/api/orders/${order.id}`],
      ['PATCH', `/api/orders/${order.id}`, { version: 1, notes: 'x' }],
      ['DELETE', `/api/orders/${order.id}`],
      ['POST', '/api/orders', { accountId: theirs.id, lines: [{ quantity: 1, unitPrice: 1 }] }],
      ['GET', `/api/activities/${activity.id}`],
      ['PATCH', `/api/activities/${activity.id}`, { version: 1, subject: 'x' }],
      ['POST', '/api/activities', { accountId: theirs.id, type: 'note', subject: 'x' }],
    ] as const;
    for (const [method, url, payload] of attempts) {
      const res = await t.app.inject({ method, url, headers: h, payload: payload as object | undefined });
      expect([403, 404], `${method} ${url} gave ${res.statusCode}`).toContain(res.statusCode);
    }
    const lists = ['/api/accounts', '/api/contacts', '/api/orders', '/api/activities', `/api/search?q=Secret`, '/api/dashboard'];
    for (const url of lists) {
      const body = (await t.app.inject({ method: 'GET', url, headers: h })).body;
      expect(body, url).not.toContain('Not Yours');
      expect(body, url).not.toContain('Secret Person');
      expect(body, url).not.toContain('secret call');
    }
    const reassign = await create(h, { name: 'Gift', ownerId: otherSales.user.id });
    expect(reassign.statusCode).toBe(403);
    const still = await t.app.inject({ method: 'GET', url: `/api/accounts/${theirs.id}`, headers: otherSales.headers });
    expect(still.json()).toMatchObject({ name: 'Not Yours Ltd', version: 1 });
  });
});

describe('the account page', () => {
  it('shows one timeline of everything, newest first', async () => {
    const { id } = (await create(t.admin.headers, { name: 'Timeline Ltd' })).json();
    await t.app.inject({ method: 'POST', url: '/api/contacts', headers: t.admin.headers, payload: { accountId: id, name: '李娜' } });
    await t.app.inject({ method: 'POST', url: '/api/orders', headers: t.admin.headers, payload: { accountId: id, orderedAt: '2024-01-05T10:00:00Z', lines: [{ quantity: 2, unitPrice: 50 }, { quantity: -1, unitPrice: 50 }] } });
    await t.app.inject({ method: 'POST', url: '/api/activities', headers: t.admin.headers, payload: { accountId: id, type: 'visit', subject: '季度拜访', occurredAt: '2024-02-01T09:00:00Z' } });
    const res = await t.app.inject({ method: 'GET', url: `/api/accounts/${id}/timeline`, headers: t.admin.headers });
    const items = res.json().items as { at: string; type: string; title: string }[];
    expect(new Set(items.map((i) => i.type))).toEqual(new Set(['order', 'activity', 'contact', 'audit']));
    const times = items.map((i) => new Date(i.at).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const account = await t.app.inject({ method: 'GET', url: `/api/accounts/${id}`, headers: t.admin.headers });
    expect(account.json().stats).toMatchObject({ orders: 1, revenue: 50 });
  });
});
