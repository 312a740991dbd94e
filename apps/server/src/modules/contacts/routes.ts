import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, listQuery } from '../../http/list-query.js';
import { assertRole } from '../users/access.js';
import { userOf } from '../users/auth-plugin.js';
import * as service from './service.js';

const text = (max = 300) => z.string().trim().max(max).nullish();
const contactInput = z.object({
  accountId: z.number().int().positive(),
  name: z.string().trim().min(1, 'name is required').max(200),
  title: text(),
  role: text(100),
  email: z.string().trim().email().max(200).nullish().or(z.literal('').transform(() => null)),
  phone: text(50),
  mobile: text(50),
  wechat: text(100),
  preferredChannel: z.enum(['email', 'phone', 'sms', 'wechat', 'visit']).nullish(),
  isPrimary: z.boolean().optional(),
  notes: text(20000),
});

export const contactRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get('/', { schema: { tags: ['contacts'], querystring: listQuery.extend({ accountId: z.coerce.number().int().positive().optional() }) } }, async (request) => {
    const user = userOf(request);
    if (request.query.deleted === 'only') assertRole(user, 'admin');
    return service.listContacts(db, user, request.query, request.query.accountId);
  });
  app.post('/', { schema: { tags: ['contacts'], body: contactInput } }, async (request, reply) => {
    reply.status(201);
    return service.createContact(db, userOf(request), request.body);
  });
  app.get('/:id', { schema: { tags: ['contacts'], params: idParams } }, async (request) => service.getContact(db, userOf(request), request.params.id));
  app.patch('/:id', { schema: { tags: ['contacts'], params: idParams, body: contactInput.partial().extend({ version: z.number().int().positive() }) } }, async (request) => {
    const { version, ...patch } = request.body;
    return service.updateContact(db, userOf(request), request.params.id, version, patch);
  });
  app.delete('/:id', { schema: { tags: ['contacts'], params: idParams } }, async (request) => {
    await service.deleteContact(db, userOf(request), request.params.id);
    return { ok: true };
  });
  app.post('/:id/restore', { schema: { tags: ['contacts'], params: idParams } }, async (request) => {
    assertRole(userOf(request), 'admin');
    return service.restoreContact(db, userOf(request), request.params.id);
  });
};
