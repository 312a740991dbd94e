import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('the API surface', () => {
  it('publishes an OpenAPI document covering every domain, and the docs page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/accounts/', '/api/accounts/{id}', '/api/contacts/', '/api/products/', '/api/orders/', '/api/activities/', '/api/auth/login', '/api/imports/']) {
      expect(Object.keys(doc.paths), p).toContain(p);
    }
    expect(doc.paths['/api/accounts/'].post.requestBody).toBeDefined();
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('answers unknown routes with the JSON error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here', headers: t.admin.headers });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'not_found' });
  });

  it('limits request bodies (413), never a 5xx or a stack trace', async () => {
    const huge = JSON.stringify({ name: 'x', notes: 'y'.repeat(2 * 1024 * 1024) });
    const res = await t.app.inject({ method: 'POST', url: '/api/accounts', headers: { ...t.admin.headers, 'content-type': 'application/json' }, payload: huge });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers a bad id with 400 naming it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/accounts/abc', headers: t.admin.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toContain('id');
  });
});
