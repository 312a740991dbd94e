import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, listQuery } from '../../http/list-query.js';
import { assertRole } from '../users/access.js';
import { userOf } from '../users/auth-plugin.js';
import { suggestionStatuses } from './schema.js';
import { getProduct } from './service.js';
import * as service from './suggestions.js';

const suggestionFields = z.object({
  accountId: z.number().int().positive(),
  suggestion: z.string().trim().min(1, 'suggestion is required').max(5000),
  status: z.enum(suggestionStatuses).optional(),
  suggestedAt: z.coerce.date().optional(),
  response: z.string().max(5000).nullish(),
  reviewedAt: z.coerce.date().nullish(),
});
const suggestionInput = suggestionFields.extend({ productId: z.number().int().positive().nullish() });
const suggestionListQuery = listQuery.extend({
  accountId: z.coerce.number().int().positive().optional(),
  status: z.enum(suggestionStatuses).optional(),
});

/** Mounted at /api: /products/:id/suggestions and /suggestions. */
export const suggestionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get('/products/:id/suggestions', { schema: { tags: ['suggestions'], params: idParams, querystring: suggestionListQuery } }, async (request) => {
    const user = userOf(request);
    if (request.query.deleted === 'only') assertRole(user, 'admin');
    await getProduct(db, user, request.params.id);
    return service.listSuggestions(db, user, request.query, { ...request.query, productId: request.params.id });
  });
  app.post('/products/:id/suggestions', { schema: { tags: ['suggestions'], params: idParams, body: suggestionFields } }, async (request, reply) => {
    reply.status(201);
    return service.createSuggestion(db, userOf(request), { ...request.body, productId: request.params.id });
  });

  app.get(
    '/suggestions',
    {
      schema: {
        tags: ['suggestions'],
        querystring: suggestionListQuery.extend({
          productId: z.coerce.number().int().positive().optional(),
          newProduct: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
        }),
      },
    },
    async (request) => {
      const user = userOf(request);
      if (request.query.deleted === 'only') assertRole(user, 'admin');
      return service.listSuggestions(db, user, request.query, request.query);
    },
  );
  app.post('/suggestions', { schema: { tags: ['suggestions'], body: suggestionInput } }, async (request, reply) => {
    reply.status(201);
    return service.createSuggestion(db, userOf(request), request.body);
  });
  app.get('/suggestions/:id', { schema: { tags: ['suggestions'], params: idParams } }, async (request) => service.getSuggestion(db, userOf(request), request.params.id));
  app.patch('/suggestions/:id', { schema: { tags: ['suggestions'], params: idParams, body: suggestionInput.partial().extend({ version: z.number().int().positive() }) } }, async (request) => {
    const { version, ...patch } = request.body;
    return service.updateSuggestion(db, userOf(request), request.params.id, version, patch);
  });
  app.delete('/suggestions/:id', { schema: { tags: ['suggestions'], params: idParams } }, async (request) => {
    await service.deleteSuggestion(db, userOf(request), request.params.id);
    return { ok: true };
  });
  app.post('/suggestions/:id/restore', { schema: { tags: ['suggestions'], params: idParams } }, async (request) => {
    assertRole(userOf(request), 'admin');
    return service.restoreSuggestion(db, userOf(request), request.params.id);
  });
};
