import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, listQuery } from '../../http/list-query.js';
import { assertRole } from '../users/access.js';
import { userOf } from '../users/auth-plugin.js';
import { activityTypes } from './schema.js';
import * as service from './service.js';

const activityInput = z.object({
  accountId: z.number().int().positive().nullish(),
  contactId: z.number().int().positive().nullish(),
  type: z.enum(activityTypes),
  subject: z.string().trim().min(1, 'subject is required').max(300),
  body: z.string().max(20000).nullish(),
  occurredAt: z.coerce.date().optional(),
  durationMinutes: z.number().int().min(0).max(100000).nullish(),
  outcome: z.string().trim().max(300).nullish(),
  dueAt: z.coerce.date().nullish(),
  completedAt: z.coerce.date().nullish(),
});

export const activityRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get(
    '/',
    { schema: { tags: ['activities'], querystring: listQuery.extend({ accountId: z.coerce.number().int().positive().optional(), type: z.enum(activityTypes).optional() }) } },
    async (request) => {
      const user = userOf(request);
      if (request.query.deleted === 'only') assertRole(user, 'admin');
      return service.listActivities(db, user, request.query, request.query);
    },
  );
  app.post('/', { schema: { tags: ['activities'], body: activityInput } }, async (request, reply) => {
    reply.status(201);
    return service.createActivity(db, userOf(request), request.body);
  });
  app.get('/:id', { schema: { tags: ['activities'], params: idParams } }, async (request) => service.getActivity(db, userOf(request), request.params.id));
  app.patch('/:id', { schema: { tags: ['activities'], params: idParams, body: activityInput.partial().extend({ version: z.number().int().positive() }) } }, async (request) => {
    const { version, ...patch } = request.body;
    return service.updateActivity(db, userOf(request), request.params.id, version, patch);
  });
  app.delete('/:id', { schema: { tags: ['activities'], params: idParams } }, async (request) => {
    await service.deleteActivity(db, userOf(request), request.params.id);
    return { ok: true };
  });
  app.post('/:id/restore', { schema: { tags: ['activities'], params: idParams } }, async (request) => {
    assertRole(userOf(request), 'admin');
    return service.restoreActivity(db, userOf(request), request.params.id);
  });
};
