import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, listQuery } from '../../http/list-query.js';
import { assertRole } from '../users/access.js';
import { userOf } from '../users/auth-plugin.js';
import { ticketKinds, ticketPriorities, ticketStatuses } from './schema.js';
import * as service from './service.js';

// No defaults here: a PATCH must not reset fields it does not mention (the database holds the defaults).
const ticketInput = z.object({
  accountId: z.number().int().positive(),
  contactId: z.number().int().positive().nullish(),
  kind: z.enum(ticketKinds).optional(),
  subject: z.string().trim().min(1, 'subject is required').max(300),
  description: z.string().max(20000).nullish(),
  priority: z.enum(ticketPriorities).optional(),
  status: z.enum(ticketStatuses).optional(),
  assigneeId: z.number().int().positive().nullish(),
  openedAt: z.coerce.date().optional(),
  slaDueAt: z.coerce.date().nullish(),
  resolvedAt: z.coerce.date().nullish(),
  closedAt: z.coerce.date().nullish(),
  /** staff minutes spent in total */
  minutesSpent: z.number().int().min(0).max(1_000_000).optional(),
  /** full cost of the ticket in the company's currency */
  costSpent: z.number().min(0).max(1e10).optional(),
  csat: z.number().int().min(1).max(5).nullish(),
  nps: z.number().int().min(0).max(10).nullish(),
});

export const ticketListQuery = listQuery.extend({
  accountId: z.coerce.number().int().positive().optional(),
  status: z.enum(ticketStatuses).optional(),
  kind: z.enum(ticketKinds).optional(),
  assigneeId: z.coerce.number().int().positive().optional(),
});

export const ticketRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get('/', { schema: { tags: ['tickets'], querystring: ticketListQuery } }, async (request) => {
    const user = userOf(request);
    if (request.query.deleted === 'only') assertRole(user, 'admin');
    return service.listTickets(db, user, request.query, request.query);
  });
  app.post('/', { schema: { tags: ['tickets'], body: ticketInput } }, async (request, reply) => {
    reply.status(201);
    return service.createTicket(db, userOf(request), request.body);
  });
  app.get('/:id', { schema: { tags: ['tickets'], params: idParams } }, async (request) => service.getTicket(db, userOf(request), request.params.id));
  app.patch('/:id', { schema: { tags: ['tickets'], params: idParams, body: ticketInput.partial().extend({ version: z.number().int().positive() }) } }, async (request) => {
    const { version, ...patch } = request.body;
    return service.updateTicket(db, userOf(request), request.params.id, version, patch);
  });
  app.delete('/:id', { schema: { tags: ['tickets'], params: idParams } }, async (request) => {
    await service.deleteTicket(db, userOf(request), request.params.id);
    return { ok: true };
  });
  app.post('/:id/restore', { schema: { tags: ['tickets'], params: idParams } }, async (request) => {
    assertRole(userOf(request), 'admin');
    return service.restoreTicket(db, userOf(request), request.params.id);
  });
};
