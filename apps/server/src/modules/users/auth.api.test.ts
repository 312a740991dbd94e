import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('signing in', () => {
  it('sets an httpOnly SameSite session cookie and answers /me', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'ADMIN@test.relata', password: t.admin.password } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'relata_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `relata_session=${cookie.value}` } });
    expect(me.json().user).toMatchObject({ email: 'admin@test.relata', role: 'admin' });
  });

  it('refuses a wrong password with 401 and no cookie', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@test.relata', password: 'nope' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('invalid_credentials');
    expect(res.cookies).toHaveLength(0);
  });

  it('requires a session for the API, but not for health', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/accounts' })).statusCode).toBe(401);
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json().status).toBe('ok');
  });

  it('slows down repeated failed sign-ins, even with the right password', async () => {
    const victim = await t.addUser('sales');
    const email = victim.user.email;
    for (let i = 0; i < 4; i++) {
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'wrong' } });
    }
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: victim.password } });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('logout ends the session', async () => {
    const u = await t.addUser('analyst');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: u.headers })).statusCode).toBe(200);
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: u.headers });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: u.headers })).statusCode).toBe(401);
  });

  it('changes the password: the old one stops working', async () => {
    const u = await t.addUser('service');
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: u.headers, payload: { currentPassword: 'wrong', newPassword: 'a new long password' } });
    expect(bad.statusCode).toBe(400);
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: u.headers, payload: { currentPassword: u.password, newPassword: 'a new long password' } });
    expect(ok.statusCode).toBe(200);
    const old = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.user.email, password: u.password } });
    expect(old.statusCode).toBe(401);
    const fresh = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.user.email, password: 'a new long password' } });
    expect(fresh.statusCode).toBe(200);
  });
});

describe('API tokens', () => {
  it('authenticate scripts with Bearer until revoked', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: t.admin.headers, payload: { name: 'nightly export' } });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    const auth = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/accounts', headers: auth })).statusCode).toBe(200);
    const list = await t.app.inject({ method: 'GET', url: '/api/auth/tokens', headers: t.admin.headers });
    expect(JSON.stringify(list.json())).not.toContain(token);
    await t.app.inject({ method: 'DELETE', url: `/api/auth/tokens/${id}`, headers: t.admin.headers });
    expect((await t.app.inject({ method: 'GET', url: '/api/accounts', headers: auth })).statusCode).toBe(401);
  });
});

describe('user administration', () => {
  it('only admins create users and change roles', async () => {
    const manager = await t.addUser('manager');
    const payload = { email: 'new.rep@test.relata', name: '新销售', role: 'sales', password: 'long enough pw' };
    expect((await t.app.inject({ method: 'POST', url: '/api/users', headers: manager.headers, payload })).statusCode).toBe(403);
    const res = await t.app.inject({ method: 'POST', url: '/api/users', headers: t.admin.headers, payload });
    expect(res.statusCode).toBe(201);
    const again = await t.app.inject({ method: 'POST', url: '/api/users', headers: t.admin.headers, payload });
    expect(again.statusCode).toBe(409);
    const promote = await t.app.inject({ method: 'PATCH', url: `/api/users/${res.json().id}`, headers: manager.headers, payload: { role: 'admin' } });
    expect(promote.statusCode).toBe(403);
  });

  it('a deactivated user is signed out and cannot sign in', async () => {
    const u = await t.addUser('sales');
    await t.app.inject({ method: 'PATCH', url: `/api/users/${u.user.id}`, headers: t.admin.headers, payload: { active: false } });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: u.headers })).statusCode).toBe(401);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.user.email, password: u.password } });
    expect(login.statusCode).toBe(401);
  });

  it('rejects a short password with 400 naming the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/users', headers: t.admin.headers, payload: { email: 'x@test.relata', name: 'X', role: 'sales', password: 'short' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('password');
  });
});
