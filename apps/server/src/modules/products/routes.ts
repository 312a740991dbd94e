import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, listQuery } from '../../http/list-query.js';
import { assertRole } from '../users/access.js';
import { userOf } from '../users/auth-plugin.js';
import * as service from './service.js';

const money = z.number().min(0).max(1e12);
const productInput = z.object({
  sku: z.string().trim().min(1, 'sku is required').max(100),
  name: z.string().trim().min(1, 'name is required').max(300),
  category: z.string().trim().max(100).nullish(),
  kind: z.enum(['product', 'service']).optional(),
  listPrice: money.nullish(),
  unitCost: money.nullish(),
  valueAdded: z.boolean().optional(),
  launchDate: z.iso.date().nullish(),
  active: z.boolean().optional(),
  description: z.string().max(20000).nullish(),
});

export const productRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get(
    '/',
    { schema: { tags: ['products'], querystring: listQuery.extend({ category: z.string().max(100).optional(), valueAdded: z.enum(['true', 'false']).transform((v) => v === 'true').optional() }) } },
    async (request) => {
      const user = userOf(request);
      if (request.query.deleted === 'only') assertRole(user, 'admin');
      return service.listProducts(db, request.query, request.query);
    },
  );
  app.get('/categories', { schema: { tags: ['products'] } }, async () => ({ items: await service.productCategories(db) }));
  app.post('/', { schema: { tags: ['products'], body: productInput } }, async (request, reply) => {
    reply.status(201);
    return service.createProduct(db, userOf(request), request.body);
  });
  app.get('/:id', { schema: { tags: ['products'], params: idParams } }, async (request) => service.getProduct(db, userOf(request), request.params.id));
  app.patch('/:id', { schema: { tags: ['products'], params: idParams, body: productInput.partial().extend({ version: z.number().int().positive() }) } }, async (request) => {
    const { version, ...patch } = request.body;
    return service.updateProduct(db, userOf(request), request.params.id, version, patch);
  });
  app.delete('/:id', { schema: { tags: ['products'], params: idParams } }, async (request) => {
    await service.deleteProduct(db, userOf(request), request.params.id);
    return { ok: true };
  });
  app.post('/:id/restore', { schema: { tags: ['products'], params: idParams } }, async (request) => {
    assertRole(userOf(request), 'admin');
    return service.restoreProduct(db, userOf(request), request.params.id);
  });
};
