import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../http/list-query.js';
import { assertRole } from '../users/access.js';
import { userOf } from '../users/auth-plugin.js';
import * as service from './income.js';
import { incomePeriodTypes } from './schema.js';

const periodParams = idParams.extend({ period: z.iso.date() });
const incomeInput = z.object({
  income: z.number().min(0).max(1e14),
  periodType: z.enum(incomePeriodTypes).optional(),
  source: z.string().trim().max(200).nullish(),
  notes: z.string().max(20000).nullish(),
  version: z.number().int().positive().optional(),
});

/** Mounted at /api/accounts: /:id/income and /:id/income/:period (YYYY-MM-DD, the period's first day). */
export const incomeRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get('/:id/income', { schema: { tags: ['income'], params: idParams, querystring: z.object({ deleted: z.enum(['exclude', 'only']).default('exclude') }) } }, async (request) => {
    const user = userOf(request);
    if (request.query.deleted === 'only') assertRole(user, 'admin');
    return service.listIncome(db, user, request.params.id, request.query.deleted);
  });
  app.put('/:id/income/:period', { schema: { tags: ['income'], params: periodParams, body: incomeInput } }, async (request, reply) => {
    const { created, row } = await service.upsertIncome(db, userOf(request), request.params.id, request.params.period, request.body);
    reply.status(created ? 201 : 200);
    return row;
  });
  app.delete('/:id/income/:period', { schema: { tags: ['income'], params: periodParams } }, async (request) => {
    await service.deleteIncome(db, userOf(request), request.params.id, request.params.period);
    return { ok: true };
  });
  app.post('/:id/income/:period/restore', { schema: { tags: ['income'], params: periodParams } }, async (request) => {
    assertRole(userOf(request), 'admin');
    return service.restoreIncome(db, userOf(request), request.params.id, request.params.period);
  });
};
