import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../http/list-query.js';
import { assertRole } from './access.js';
import { SESSION_COOKIE, userOf } from './auth-plugin.js';
import { roles } from './schema.js';
import * as users from './service.js';

const userShape = z.object({ id: z.number(), email: z.string(), name: z.string(), role: z.enum(roles), locale: z.string() });
const password = z.string().min(8, 'at least 8 characters').max(200);

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.post(
    '/login',
    {
      schema: {
        tags: ['auth'],
        body: z.object({ email: z.string().email().max(200), password: z.string().min(1).max(200) }),
        response: { 200: z.object({ user: userShape }) },
      },
    },
    async (request, reply) => {
      const { token, expiresAt, user } = await users.signIn(db, request.body.email, request.body.password);
      reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto', expires: expiresAt });
      return { user };
    },
  );

  app.post('/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await users.signOut(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/me', { schema: { tags: ['auth'], response: { 200: z.object({ user: userShape }) } } }, async (request) => ({
    user: userOf(request),
  }));

  app.post(
    '/password',
    { schema: { tags: ['auth'], body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: password }) } },
    async (request) => {
      await users.changePassword(db, userOf(request).id, request.body.currentPassword, request.body.newPassword);
      return { ok: true };
    },
  );

  app.get('/tokens', { schema: { tags: ['auth'] } }, async (request) => ({ items: await users.listApiTokens(db, userOf(request).id) }));

  app.post('/tokens', { schema: { tags: ['auth'], body: z.object({ name: z.string().trim().min(1).max(100) }) } }, async (request, reply) => {
    reply.status(201);
    return users.createApiToken(db, userOf(request).id, request.body.name);
  });

  app.delete('/tokens/:id', { schema: { tags: ['auth'], params: idParams } }, async (request) => {
    await users.revokeApiToken(db, userOf(request).id, request.params.id);
    return { ok: true };
  });
};

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get('/', { schema: { tags: ['users'] } }, async (request) => {
    // Everyone may see who the users are (owner pickers); only admins change them.
    userOf(request);
    return { items: await users.listUsers(db) };
  });

  app.post(
    '/',
    {
      schema: {
        tags: ['users'],
        body: z.object({ email: z.string().email().max(200), name: z.string().trim().min(1).max(200), role: z.enum(roles), password, locale: z.enum(['zh-CN', 'en-US']).optional() }),
      },
    },
    async (request, reply) => {
      assertRole(userOf(request), 'admin');
      reply.status(201);
      return users.createUser(db, request.body, userOf(request).id);
    },
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags: ['users'],
        params: idParams,
        body: z.object({ name: z.string().trim().min(1).max(200).optional(), role: z.enum(roles).optional(), active: z.boolean().optional(), password: password.optional(), locale: z.enum(['zh-CN', 'en-US']).optional() }),
      },
    },
    async (request) => {
      const me = userOf(request);
      if (me.id !== request.params.id || request.body.role || request.body.active !== undefined) assertRole(me, 'admin');
      return users.updateUser(db, request.params.id, request.body, me.id);
    },
  );
};
