import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('products and orders', () => {
  it('keeps SKUs unique and searchable', async () => {
    const payload = { sku: 'PAINT-01', name: '乳胶漆 Interior Paint', category: 'paint', listPrice: 199, unitCost: 120, valueAdded: false, launchDate: '2026-10-01' };
    const res = await t.app.inject({ method: 'POST', url: '/api/products', headers: t.admin.headers, payload });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ sku: 'PAINT-01', listPrice: 199, launchDate: '2026-10-01' });
    const dup = await t.app.inject({ method: 'POST', url: '/api/products', headers: t.admin.headers, payload });
    expect(dup.statusCode).toBe(409);
    const found = await t.app.inject({ method: 'GET', url: `/api/products?q=${encodeURIComponent('乳胶')}`, headers: t.admin.headers });
    expect(found.json().total).toBe(1);
    const sales = await t.addUser('sales');
    const denied = await t.app.inject({ method: 'POST', url: '/api/products', headers: sales.headers, payload: { ...payload, sku: 'X' } });
    expect(denied.statusCode).toBe(403);
    const badDate = await t.app.inject({ method: 'POST', url: '/api/products', headers: t.admin.headers, payload: { ...payload, sku: 'Y', launchDate: '2026-02-30x' } });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.details[0].path).toBe('launchDate');
  });

  it('records orders with lines; returns are negative lines; totals add up', async () => {
    const account = (await t.app.inject({ method: 'POST', url: '/api/accounts', headers: t.admin.headers, payload: { name: 'Buyer Ltd' } })).json();
    const product = (await t.app.inject({ method: 'POST', url: '/api/products', headers: t.admin.headers, payload: { sku: 'BRUSH-9', name: 'Brush', listPrice: 20, unitCost: 8 } })).json();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: t.admin.headers,
      payload: { orderNo: 'A-1', accountId: account.id, orderedAt: '2025-03-01T10:00:00Z', lines: [{ productId: product.id, quantity: 3, unitPrice: 18.5, unitCost: 8 }, { productId: product.id, quantity: -1, unitPrice: 18.5 }] },
    });
    expect(res.statusCode).toBe(201);
    const order = (await t.app.inject({ method: 'GET', url: `/api/orders/${res.json().id}`, headers: t.admin.headers })).json();
    expect(order).toMatchObject({ orderNo: 'A-1', accountName: 'Buyer Ltd', totalAmount: 37 });
    expect(order.lines.map((l: { lineNo: number; sku: string; quantity: number }) => [l.lineNo, l.sku, l.quantity])).toEqual([
      [1, 'BRUSH-9', 3],
      [2, 'BRUSH-9', -1],
    ]);
    const dup = await t.app.inject({ method: 'POST', url: '/api/orders', headers: t.admin.headers, payload: { orderNo: 'A-1', lines: [{ quantity: 1, unitPrice: 1 }] } });
    expect(dup.statusCode).toBe(409);
    const zero = await t.app.inject({ method: 'POST', url: '/api/orders', headers: t.admin.headers, payload: { lines: [{ quantity: 0, unitPrice: 1 }] } });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().error.details[0].path).toBe('lines.0.quantity');
    const list = await t.app.inject({ method: 'GET', url: `/api/orders?accountId=${account.id}`, headers: t.admin.headers });
    expect(list.json().items).toHaveLength(1);
    const dash = (await t.app.inject({ method: 'GET', url: '/api/dashboard', headers: t.admin.headers })).json();
    expect(dash).toMatchObject({ accounts: 1, orders: 1, revenue: 37 });
    expect(dash.revenueByMonth).toEqual([{ month: '2025-03', revenue: 37, orders: 1 }]);
    expect(dash.topProducts[0]).toMatchObject({ sku: 'BRUSH-9', revenue: 37, quantity: 2 });
  });

  it('keeps guest sales (no customer) visible to managers but not to sales reps', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/orders', headers: t.admin.headers, payload: { orderNo: 'G-1', lines: [{ quantity: 1, unitPrice: 5 }] } });
    expect(res.statusCode).toBe(201);
    const manager = await t.addUser('manager');
    const sales = await t.addUser('sales');
    expect((await t.app.inject({ method: 'GET', url: '/api/orders?q=G-1', headers: manager.headers })).json().total).toBe(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/orders?q=G-1', headers: sales.headers })).json().total).toBe(0);
  });
});

describe('contacts and activities', () => {
  it('hang off an account and show in its lists', async () => {
    const account = (await t.app.inject({ method: 'POST', url: '/api/accounts', headers: t.admin.headers, payload: { name: '北京远景科技' } })).json();
    const contact = await t.app.inject({ method: 'POST', url: '/api/contacts', headers: t.admin.headers, payload: { accountId: account.id, name: '王芳', role: 'decision maker', email: 'wang@example.cn' } });
    expect(contact.statusCode).toBe(201);
    const badEmail = await t.app.inject({ method: 'POST', url: '/api/contacts', headers: t.admin.headers, payload: { accountId: account.id, name: 'X', email: 'not-an-email' } });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().error.details[0].path).toBe('email');
    const missing = await t.app.inject({ method: 'POST', url: '/api/contacts', headers: t.admin.headers, payload: { accountId: 999999, name: 'Ghost' } });
    expect(missing.statusCode).toBe(404);
    const call = await t.app.inject({ method: 'POST', url: '/api/activities', headers: t.admin.headers, payload: { accountId: account.id, contactId: contact.json().id, type: 'call_out', subject: '报价跟进', durationMinutes: 12, outcome: 'interested' } });
    expect(call.statusCode).toBe(201);
    expect(call.json()).toMatchObject({ userId: t.admin.user.id, durationMinutes: 12 });
    const list = await t.app.inject({ method: 'GET', url: `/api/activities?accountId=${account.id}`, headers: t.admin.headers });
    expect(list.json().items.map((a: { subject: string }) => a.subject)).toEqual(['报价跟进']);
    const contacts = await t.app.inject({ method: 'GET', url: `/api/contacts?accountId=${account.id}`, headers: t.admin.headers });
    expect(contacts.json().items[0].name).toBe('王芳');
  });
});
