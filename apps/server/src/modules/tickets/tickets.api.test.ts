import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
type User = Awaited<ReturnType<TestApp['addUser']>>;
let service: User;
let sales: User;
let otherSales: User;
let analyst: User;

beforeAll(async () => {
  t = await startTestApp();
  [service, sales, otherSales, analyst] = [await t.addUser('service'), await t.addUser('sales'), await t.addUser('sales'), await t.addUser('analyst')];
});
afterAll(async () => t?.close());

const inject = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) => t.app.inject({ method, url, headers, payload });
const newAccount = async (headers: Record<string, string>, name: string) => (await inject('POST', '/api/accounts', headers, { name })).json() as { id: number };
const auditActions = async (entityType: string, id: number) =>
  (await t.database.pool.query(`SELECT action FROM audit_log WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`, [entityType, String(id)])).rows.map((r) => r.action);

describe('tickets', () => {
  it('creates, lists with filters, updates with time and cost, deletes and restores; every step audited', async () => {
    const account = await newAccount(t.admin.headers, 'Needy Builders Ltd');
    const other = await newAccount(t.admin.headers, 'Quiet Ltd');
    const contact = (await inject('POST', '/api/contacts', t.admin.headers, { accountId: account.id, name: '张伟' })).json();
    const res = await inject('POST', '/api/tickets', service.headers, {
      accountId: account.id, contactId: contact.id, kind: 'complaint', subject: '瓷砖破损 Broken tiles', priority: 'high',
      openedAt: '2025-03-01T09:00:00Z', minutesSpent: 45, costSpent: 112.5, assigneeId: service.user.id,
    });
    expect(res.statusCode).toBe(201);
    const ticket = res.json();
    expect(ticket).toMatchObject({ accountId: account.id, status: 'open', minutesSpent: 45, costSpent: 112.5, version: 1, resolvedAt: null });
    await inject('POST', '/api/tickets', t.admin.headers, { accountId: other.id, subject: 'Question about invoices', kind: 'question' });

    const list = (await inject('GET', `/api/tickets?accountId=${account.id}`, analyst.headers)).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: ticket.id, accountName: 'Needy Builders Ltd', assigneeName: service.user.name });
    expect((await inject('GET', '/api/tickets?status=open&kind=complaint', t.admin.headers)).json().total).toBe(1);
    expect((await inject('GET', `/api/tickets?q=${encodeURIComponent('瓷砖')}`, t.admin.headers)).json().total).toBe(1);
    const byCost = (await inject('GET', '/api/tickets?sort=costSpent&order=desc', t.admin.headers)).json();
    expect(byCost.items[0].id).toBe(ticket.id);

    // resolving stamps resolvedAt; time and cost are totals
    const resolved = await inject('PATCH', `/api/tickets/${ticket.id}`, service.headers, { version: 1, status: 'resolved', minutesSpent: 130, costSpent: 575, csat: 2, nps: 4 });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({ version: 2, status: 'resolved', minutesSpent: 130, costSpent: 575, csat: 2, nps: 4 });
    expect(resolved.json().resolvedAt).not.toBeNull();
    const closed = (await inject('PATCH', `/api/tickets/${ticket.id}`, service.headers, { version: 2, status: 'closed' })).json();
    expect(closed.closedAt).not.toBeNull();
    expect(closed.resolvedAt).toBe(resolved.json().resolvedAt);
    const reopened = (await inject('PATCH', `/api/tickets/${ticket.id}`, service.headers, { version: 3, status: 'in_progress' })).json();
    expect(reopened).toMatchObject({ resolvedAt: null, closedAt: null, version: 4 });

    // a stale version is refused
    const stale = await inject('PATCH', `/api/tickets/${ticket.id}`, t.admin.headers, { version: 2, subject: 'overwrite' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.currentVersion).toBe(4);

    expect((await inject('DELETE', `/api/tickets/${ticket.id}`, service.headers)).statusCode).toBe(200);
    expect((await inject('GET', `/api/tickets/${ticket.id}`, service.headers)).statusCode).toBe(404);
    expect((await inject('GET', `/api/tickets?accountId=${account.id}`, t.admin.headers)).json().total).toBe(0);
    expect((await inject('GET', '/api/tickets?deleted=only', service.headers)).statusCode).toBe(403);
    expect((await inject('GET', '/api/tickets?deleted=only', t.admin.headers)).json().items.map((x: { id: number }) => x.id)).toEqual([ticket.id]);
    expect((await inject('POST', `/api/tickets/${ticket.id}/restore`, service.headers)).statusCode).toBe(403);
    expect((await inject('POST', `/api/tickets/${ticket.id}/restore`, t.admin.headers)).statusCode).toBe(200);
    expect((await inject('GET', `/api/tickets/${ticket.id}`, service.headers)).json().subject).toBe('瓷砖破损 Broken tiles');

    expect(await auditActions('ticket', ticket.id)).toEqual(['create', 'update', 'update', 'update', 'delete', 'restore']);
    const [change] = (await t.database.pool.query(`SELECT changes FROM audit_log WHERE entity_type = 'ticket' AND entity_id = $1 AND action = 'update' ORDER BY id LIMIT 1`, [String(ticket.id)])).rows;
    expect(change.changes).toMatchObject({ status: ['open', 'resolved'], minutesSpent: [45, 130], costSpent: [112.5, 575] });
  });

  it('rejects bad input with 400 naming the field', async () => {
    const account = await newAccount(t.admin.headers, 'Validation Co');
    const bad = async (payload: object, field: string) => {
      const res = await inject('POST', '/api/tickets', t.admin.headers, { accountId: account.id, subject: 'x', ...payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(field);
    };
    await bad({ subject: '' }, 'subject');
    await bad({ minutesSpent: -5 }, 'minutesSpent');
    await bad({ minutesSpent: 1.5 }, 'minutesSpent');
    await bad({ costSpent: 'a lot' }, 'costSpent');
    await bad({ csat: 6 }, 'csat');
    await bad({ nps: 11 }, 'nps');
    await bad({ status: 'done' }, 'status');
    await bad({ openedAt: '2025-03-02T00:00:00Z', resolvedAt: '2025-03-01T00:00:00Z' }, 'resolvedAt');
    const otherContact = (await inject('POST', '/api/contacts', t.admin.headers, { accountId: (await newAccount(t.admin.headers, 'Elsewhere')).id, name: 'Not here' })).json();
    await bad({ contactId: otherContact.id }, 'contactId');
    const missing = await inject('POST', '/api/tickets', t.admin.headers, { subject: 'no account' });
    expect(missing.json().error.details[0].path).toBe('accountId');
    expect((await inject('POST', '/api/tickets', t.admin.headers, { accountId: 999999, subject: 'ghost' })).statusCode).toBe(404);
    expect((await inject('GET', '/api/tickets?status=whatever', t.admin.headers)).json().error.details[0].path).toContain('status');
  });

  it('follows the account scope: a sales user sees and changes only tickets of their own accounts; analysts read only', async () => {
    const mine = await newAccount(sales.headers, 'My Customer');
    const theirs = await newAccount(otherSales.headers, 'Their Customer');
    const own = await inject('POST', '/api/tickets', sales.headers, { accountId: mine.id, subject: 'My ticket' });
    expect(own.statusCode).toBe(201);
    const secret = (await inject('POST', '/api/tickets', otherSales.headers, { accountId: theirs.id, subject: 'Secret ticket' })).json();
    const h = sales.headers;
    for (const [method, url, payload] of [
      ['GET', `/api/tickets/${secret.id}`],
      ['PATCH', `/api/tickets/${secret.id}`, { version: 1, subject: 'x' }],
      ['DELETE', `/api/tickets/${secret.id}`],
      ['POST', '/api/tickets', { accountId: theirs.id, subject: 'sneaky' }],
      ['PATCH', `/api/tickets/${own.json().id}`, { version: 1, accountId: theirs.id }],
    ] as const) {
      const res = await inject(method, url, h, payload as object | undefined);
      expect([403, 404], `${method} ${url} gave ${res.statusCode}`).toContain(res.statusCode);
    }
    const body = (await inject('GET', '/api/tickets', h)).body;
    expect(body).toContain('My ticket');
    expect(body).not.toContain('Secret ticket');
    expect((await inject('GET', `/api/tickets?accountId=${theirs.id}`, h)).json().total).toBe(0);
    // analysts read, cannot write
    expect((await inject('GET', `/api/tickets/${secret.id}`, analyst.headers)).statusCode).toBe(200);
    expect((await inject('POST', '/api/tickets', analyst.headers, { accountId: mine.id, subject: 'nope' })).statusCode).toBe(403);
    expect((await inject('PATCH', `/api/tickets/${secret.id}`, analyst.headers, { version: 1, subject: 'nope' })).statusCode).toBe(403);
    // the service role handles every customer's tickets
    expect((await inject('PATCH', `/api/tickets/${secret.id}`, service.headers, { version: 1, status: 'waiting' })).statusCode).toBe(200);
  });

  it('is in the OpenAPI document, with the referral, income and suggestion endpoints', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const p of ['/api/tickets/', '/api/tickets/{id}', '/api/accounts/{id}/referrals', '/api/referrals', '/api/referrals/{id}', '/api/accounts/{id}/income', '/api/accounts/{id}/income/{period}', '/api/products/{id}/suggestions', '/api/suggestions', '/api/suggestions/{id}']) {
      expect(Object.keys(doc.paths), p).toContain(p);
    }
    expect(doc.paths['/api/tickets/'].post.requestBody).toBeDefined();
  });
});
