import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, listQuery } from '../../http/list-query.js';
import { assertRole } from '../users/access.js';
import { userOf } from '../users/auth-plugin.js';
import { orderStatuses } from './schema.js';
import * as service from './service.js';

const lineInput = z.object({
  productId: z.number().int().positive().nullish(),
  description: z.string().max(500).nullish(),
  // Returns and cancellations are negative quantities.
  quantity: z.number().refine((q) => q !== 0, 'quantity must not be 0'),
  unitPrice: z.number().min(0).max(1e12),
  unitCost: z.number().min(0).max(1e12).nullish(),
});
const orderInput = z.object({
  orderNo: z.string().trim().min(1).max(100).optional(),
  accountId: z.number().int().positive().nullish(),
  orderedAt: z.coerce.date().optional(),
  status: z.enum(orderStatuses).optional(),
  currency: z.string().trim().length(3).optional(),
  channel: z.string().max(100).nullish(),
  notes: z.string().max(20000).nullish(),
  lines: z.array(lineInput).min(1, 'an order needs at least one line').max(1000),
});
const orderPatch = orderInput.omit({ lines: true, orderNo: true }).partial().extend({ version: z.number().int().positive() });

export const orderRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get(
    '/',
    { schema: { tags: ['orders'], querystring: listQuery.extend({ accountId: z.coerce.number().int().positive().optional(), status: z.enum(orderStatuses).optional() }) } },
    async (request) => {
      const user = userOf(request);
      if (request.query.deleted === 'only') assertRole(user, 'admin');
      return service.listOrders(db, user, request.query, request.query);
    },
  );
  app.post('/', { schema: { tags: ['orders'], body: orderInput } }, async (request, reply) => {
    reply.status(201);
    return service.createOrder(db, userOf(request), request.body);
  });
  app.get('/:id', { schema: { tags: ['orders'], params: idParams } }, async (request) => service.getOrder(db, userOf(request), request.params.id));
  app.patch('/:id', { schema: { tags: ['orders'], params: idParams, body: orderPatch } }, async (request) => {
    const { version, ...patch } = request.body;
    return service.updateOrder(db, userOf(request), request.params.id, version, patch);
  });
  app.delete('/:id', { schema: { tags: ['orders'], params: idParams } }, async (request) => {
    await service.deleteOrder(db, userOf(request), request.params.id);
    return { ok: true };
  });
  app.post('/:id/restore', { schema: { tags: ['orders'], params: idParams } }, async (request) => {
    assertRole(userOf(request), 'admin');
    return service.restoreOrder(db, userOf(request), request.params.id);
  });
};
