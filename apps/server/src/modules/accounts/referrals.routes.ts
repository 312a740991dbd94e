import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, listQuery } from '../../http/list-query.js';
import { assertRole } from '../users/access.js';
import { userOf } from '../users/auth-plugin.js';
import * as service from './referrals.js';

const referralFields = z.object({
  referredAccountId: z.number().int().positive().nullish(),
  referredLeadId: z.number().int().positive().nullish(),
  referredAt: z.coerce.date().optional(),
  value: z.number().min(0).max(1e12).nullish(),
  notes: z.string().max(20000).nullish(),
});
const referralPatch = referralFields.extend({ referrerAccountId: z.number().int().positive() }).partial().extend({ version: z.number().int().positive() });

/** Mounted at /api: /accounts/:id/referrals and /referrals. */
export const referralRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/accounts/:id/referrals',
    { schema: { tags: ['referrals'], params: idParams, querystring: listQuery.extend({ direction: z.enum(['made', 'received', 'all']).default('all') }) } },
    async (request) => {
      const user = userOf(request);
      if (request.query.deleted === 'only') assertRole(user, 'admin');
      await service.visibleAccount(db, user, request.params.id);
      return service.listReferrals(db, user, request.query, { accountId: request.params.id, direction: request.query.direction });
    },
  );
  app.post('/accounts/:id/referrals', { schema: { tags: ['referrals'], params: idParams, body: referralFields } }, async (request, reply) => {
    reply.status(201);
    return service.createReferral(db, userOf(request), { ...request.body, referrerAccountId: request.params.id });
  });

  app.get(
    '/referrals',
    {
      schema: {
        tags: ['referrals'],
        querystring: listQuery.extend({
          referrerAccountId: z.coerce.number().int().positive().optional(),
          referredAccountId: z.coerce.number().int().positive().optional(),
          referredLeadId: z.coerce.number().int().positive().optional(),
        }),
      },
    },
    async (request) => {
      const user = userOf(request);
      if (request.query.deleted === 'only') assertRole(user, 'admin');
      return service.listReferrals(db, user, request.query, request.query);
    },
  );
  app.post('/referrals', { schema: { tags: ['referrals'], body: referralFields.extend({ referrerAccountId: z.number().int().positive() }) } }, async (request, reply) => {
    reply.status(201);
    return service.createReferral(db, userOf(request), request.body);
  });
  app.get('/referrals/:id', { schema: { tags: ['referrals'], params: idParams } }, async (request) => service.getReferral(db, userOf(request), request.params.id));
  app.patch('/referrals/:id', { schema: { tags: ['referrals'], params: idParams, body: referralPatch } }, async (request) => {
    const { version, ...patch } = request.body;
    return service.updateReferral(db, userOf(request), request.params.id, version, patch);
  });
  app.delete('/referrals/:id', { schema: { tags: ['referrals'], params: idParams } }, async (request) => {
    await service.deleteReferral(db, userOf(request), request.params.id);
    return { ok: true };
  });
  app.post('/referrals/:id/restore', { schema: { tags: ['referrals'], params: idParams } }, async (request) => {
    assertRole(userOf(request), 'admin');
    return service.restoreReferral(db, userOf(request), request.params.id);
  });
};
