/** Customers' product suggestions through the API on a real database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
type User = Awaited<ReturnType<TestApp['addUser']>>;
let manager: User;
let sales: User;
let otherSales: User;
let analyst: User;
let product: { id: number };

beforeAll(async () => {
  t = await startTestApp();
  [manager, sales, otherSales, analyst] = [await t.addUser('manager'), await t.addUser('sales'), await t.addUser('sales'), await t.addUser('analyst')];
  product = (await t.app.inject({ method: 'POST', url: '/api/products', headers: t.admin.headers, payload: { sku: 'LT-01', name: '智能灯 Smart lamp', listPrice: 299 } })).json();
});
afterAll(async () => t?.close());

const inject = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) => t.app.inject({ method, url, headers, payload });
const newAccount = async (headers: Record<string, string>, name: string) => (await inject('POST', '/api/accounts', headers, { name })).json() as { id: number };
const auditActions = async (entityType: string, id: number) =>
  (await t.database.pool.query(`SELECT action FROM audit_log WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`, [entityType, String(id)])).rows.map((r) => r.action);

describe('product suggestions', () => {
  it('records suggestions on a product or for a new one, reviews them, versioned, deleted, restored; audited', async () => {
    const account = await newAccount(sales.headers, 'Innovative Interiors');
    const res = await inject('POST', `/api/products/${product.id}/suggestions`, sales.headers, { accountId: account.id, suggestion: '希望增加暖光色温 Warmer colour temperature, please', suggestedAt: '2025-04-02T08:00:00Z' });
    expect(res.statusCode).toBe(201);
    const s = res.json();
    expect(s).toMatchObject({ productId: product.id, accountId: account.id, status: 'new', reviewedAt: null, version: 1 });
    const idea = await inject('POST', '/api/suggestions', sales.headers, { accountId: account.id, suggestion: 'Stock a cordless tile cutter' });
    expect(idea.statusCode).toBe(201);
    expect(idea.json().productId).toBeNull();

    const forProduct = (await inject('GET', `/api/products/${product.id}/suggestions`, analyst.headers)).json();
    expect(forProduct.total).toBe(1);
    expect(forProduct.items[0]).toMatchObject({ accountName: 'Innovative Interiors', productSku: 'LT-01' });
    expect((await inject('GET', `/api/suggestions?accountId=${account.id}`, t.admin.headers)).json().total).toBe(2);
    expect((await inject('GET', '/api/suggestions?newProduct=true', t.admin.headers)).json().items.map((x: { id: number }) => x.id)).toEqual([idea.json().id]);
    expect((await inject('GET', `/api/suggestions?q=${encodeURIComponent('色温')}`, t.admin.headers)).json().total).toBe(1);

    // reviewing is for managers; it stamps reviewedAt
    expect((await inject('PATCH', `/api/suggestions/${s.id}`, sales.headers, { version: 1, status: 'adopted' })).statusCode).toBe(403);
    expect((await inject('PATCH', `/api/suggestions/${s.id}`, sales.headers, { version: 1, suggestion: 'Warmer light, 2700K' })).statusCode).toBe(200);
    const adopted = await inject('PATCH', `/api/suggestions/${s.id}`, manager.headers, { version: 2, status: 'adopted', response: '2700K version from next batch' });
    expect(adopted.statusCode).toBe(200);
    expect(adopted.json()).toMatchObject({ status: 'adopted', version: 3 });
    expect(adopted.json().reviewedAt).not.toBeNull();
    expect((await inject('GET', '/api/suggestions?status=adopted', analyst.headers)).json().total).toBe(1);
    const stale = await inject('PATCH', `/api/suggestions/${s.id}`, manager.headers, { version: 2, status: 'rejected' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.currentVersion).toBe(3);

    expect((await inject('DELETE', `/api/suggestions/${s.id}`, sales.headers)).statusCode).toBe(200);
    expect((await inject('GET', `/api/suggestions/${s.id}`, sales.headers)).statusCode).toBe(404);
    expect((await inject('GET', '/api/suggestions?deleted=only', manager.headers)).statusCode).toBe(403);
    expect((await inject('GET', '/api/suggestions?deleted=only', t.admin.headers)).json().total).toBe(1);
    expect((await inject('POST', `/api/suggestions/${s.id}/restore`, t.admin.headers)).statusCode).toBe(200);
    expect(await auditActions('suggestion', s.id)).toEqual(['create', 'update', 'update', 'delete', 'restore']);
  });

  it('rejects bad input with 400 naming the field', async () => {
    const account = await newAccount(t.admin.headers, 'Validator Suggestions');
    const cases: [object, string][] = [
      [{ accountId: account.id, suggestion: '  ' }, 'suggestion'],
      [{ suggestion: 'no account' }, 'accountId'],
      [{ accountId: account.id, suggestion: 'x', status: 'maybe' }, 'status'],
      [{ accountId: account.id, suggestion: 'x', suggestedAt: 'soon' }, 'suggestedAt'],
    ];
    for (const [payload, field] of cases) {
      const res = await inject('POST', `/api/products/${product.id}/suggestions`, t.admin.headers, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(field);
    }
    expect((await inject('POST', '/api/products/999999/suggestions', t.admin.headers, { accountId: account.id, suggestion: 'x' })).statusCode).toBe(404);
    expect((await inject('POST', '/api/suggestions', t.admin.headers, { accountId: account.id, productId: 'lamp', suggestion: 'x' })).json().error.details[0].path).toBe('productId');
  });

  it('follows the account scope: a sales user cannot see or add suggestions on another owner’s account', async () => {
    const theirs = await newAccount(otherSales.headers, 'Their Ideas Ltd');
    const mine = await newAccount(sales.headers, 'My Ideas Ltd');
    const secret = (await inject('POST', '/api/suggestions', otherSales.headers, { accountId: theirs.id, productId: product.id, suggestion: 'secret idea' })).json();
    for (const [method, url, payload] of [
      ['GET', `/api/suggestions/${secret.id}`],
      ['PATCH', `/api/suggestions/${secret.id}`, { version: 1, suggestion: 'x' }],
      ['DELETE', `/api/suggestions/${secret.id}`],
      ['POST', '/api/suggestions', { accountId: theirs.id, suggestion: 'sneaky' }],
      ['POST', `/api/products/${product.id}/suggestions`, { accountId: theirs.id, suggestion: 'sneaky' }],
    ] as const) {
      const res = await inject(method, url, sales.headers, payload as object | undefined);
      expect([403, 404], `${method} ${url} gave ${res.statusCode}`).toContain(res.statusCode);
    }
    expect((await inject('POST', '/api/suggestions', sales.headers, { accountId: mine.id, suggestion: 'my idea' })).statusCode).toBe(201);
    for (const url of ['/api/suggestions', `/api/products/${product.id}/suggestions`]) {
      const body = (await inject('GET', url, sales.headers)).body;
      expect(body, url).not.toContain('secret idea');
    }
    expect((await inject('GET', '/api/suggestions', sales.headers)).body).toContain('my idea');
    expect((await inject('POST', '/api/suggestions', analyst.headers, { accountId: mine.id, suggestion: 'x' })).statusCode).toBe(403);
  });
});
