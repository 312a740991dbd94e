import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, listQuery } from '../../http/list-query.js';
import { assertRole } from '../users/access.js';
import { userOf } from '../users/auth-plugin.js';
import { lifecycleStages, valueTiers } from '../analytics/latest-scores.js';
import { accountKinds, customerTypes, relationshipLevels } from './schema.js';
import * as service from './service.js';

const optionalText = (max = 500) => z.string().trim().max(max).nullish();

// No defaults here: a PATCH must not reset fields it does not mention (the database holds the defaults).
export const accountInput = z.object({
  externalId: optionalText(100),
  kind: z.enum(accountKinds).optional(),
  name: z.string().trim().min(1, 'name is required').max(300),
  customerType: z.enum(customerTypes).optional(),
  relationshipLevel: z.enum(relationshipLevels).optional(),
  ownerId: z.number().int().positive().nullish(),
  email: z.string().trim().email().max(200).nullish().or(z.literal('').transform(() => null)),
  phone: optionalText(50),
  industry: optionalText(100),
  region: optionalText(100),
  country: optionalText(100),
  city: optionalText(100),
  address: optionalText(500),
  website: optionalText(300),
  tags: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
  notes: optionalText(20000),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});

const accountPatch = accountInput.partial().extend({ version: z.number().int().positive() });

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  // filters on the account, and on its scores in the newest analytics snapshot
  const accountListQuery = listQuery.extend({
    customerType: z.enum(customerTypes).optional(),
    relationshipLevel: z.enum(relationshipLevels).optional(),
    ownerId: z.coerce.number().int().positive().optional(),
    tag: z.string().max(50).optional(),
    segment: z.string().max(40).optional(),
    valueTier: z.enum(valueTiers).optional(),
    lifecycleStage: z.enum(lifecycleStages).optional(),
    abcClass: z.enum(['A', 'B', 'C']).optional(),
  });

  app.get('/', { schema: { tags: ['accounts'], querystring: accountListQuery } }, async (request) => {
      const user = userOf(request);
      if (request.query.deleted === 'only') assertRole(user, 'admin');
      return service.listAccounts(db, user, request.query, request.query);
  });

  app.get('/export.csv', { schema: { tags: ['accounts'], querystring: accountListQuery.omit({ page: true, pageSize: true }) } }, async (request, reply) => {
    const user = userOf(request);
    if (request.query.deleted === 'only') assertRole(user, 'admin');
    const query = { ...request.query, page: 1, pageSize: 1000 };
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="accounts.csv"');
    // UTF-8 BOM so spreadsheet programs read Chinese names correctly
    return reply.send(Readable.from((async function* () {
      yield '\ufeff';
      yield* service.exportAccounts(db, user, query, request.query);
    })()));
  });

  app.post('/', { schema: { tags: ['accounts'], body: accountInput } }, async (request, reply) => {
    reply.status(201);
    return service.createAccount(db, userOf(request), request.body);
  });

  app.get('/:id', { schema: { tags: ['accounts'], params: idParams } }, async (request) =>
    service.getAccount(db, userOf(request), request.params.id),
  );

  app.patch('/:id', { schema: { tags: ['accounts'], params: idParams, body: accountPatch } }, async (request) => {
    const { version, ...patch } = request.body;
    return service.updateAccount(db, userOf(request), request.params.id, version, patch);
  });

  app.delete('/:id', { schema: { tags: ['accounts'], params: idParams } }, async (request) => {
    await service.deleteAccount(db, userOf(request), request.params.id);
    return { ok: true };
  });

  app.post('/:id/restore', { schema: { tags: ['accounts'], params: idParams } }, async (request) => {
    assertRole(userOf(request), 'admin');
    return service.restoreAccount(db, userOf(request), request.params.id);
  });

  app.get('/:id/timeline', { schema: { tags: ['accounts'], params: idParams } }, async (request) => ({
    items: await service.accountTimeline(db, userOf(request), request.params.id),
  }));
};
