import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../http/list-query.js';
import { userOf } from '../users/auth-plugin.js';
import { logPriorityCall, priorityCsv, priorityList } from './priority.js';
import * as service from './service.js';

const groupParams = z.object({ groupNo: z.coerce.number().int().min(0) });
const nameBody = z.object({ name: z.string().max(80).nullable() });
const paging = { page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(25) };
const priorityFilters = z.object({ ownerId: z.coerce.number().int().positive().optional(), quietDays: z.coerce.number().int().min(0).max(365).default(14) });

export const segmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const tags = ['predictive model'];

  app.get('/groups', { schema: { tags } }, async (request) => service.groupsOverview(db, userOf(request)));
  app.get('/groups/:groupNo/members', { schema: { tags, params: groupParams, querystring: z.object(paging) } }, async (request) =>
    service.groupMembers(db, userOf(request), request.params.groupNo, request.query.page, request.query.pageSize),
  );
  app.patch('/groups/:groupNo', { schema: { tags, params: groupParams, body: nameBody } }, async (request) =>
    service.renameCustomerGroup(db, userOf(request), request.params.groupNo, request.body.name),
  );
  app.get('/product-groups', { schema: { tags } }, async (request) => service.productsTogether(db, userOf(request)));
  app.patch('/product-groups/:groupNo', { schema: { tags, params: groupParams, body: nameBody } }, async (request) =>
    service.renameProductGroup(db, userOf(request), request.params.groupNo, request.body.name),
  );
  app.get(
    '/rules',
    {
      schema: {
        tags,
        querystring: z.object({
          ...paging,
          productId: z.coerce.number().int().positive().optional(),
          minLift: z.coerce.number().min(0).optional(),
          minConfidence: z.coerce.number().min(0).max(1).optional(),
          sort: z.enum(['lift', 'confidence', 'support']).default('lift'),
        }),
      },
    },
    async (request) => service.listRules(db, request.query),
  );
  app.get('/accounts/:id', { schema: { tags, params: idParams } }, async (request) => service.accountGroupsAndOffers(db, userOf(request), request.params.id));

  app.get('/priority', { schema: { tags, querystring: priorityFilters.extend(paging) } }, async (request) => priorityList(db, userOf(request), request.query));
  app.get('/priority.csv', { schema: { tags, querystring: priorityFilters.extend({ lang: z.enum(['zh', 'en']).default('zh') }) } }, async (request, reply) => {
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="priority.csv"');
    const user = userOf(request);
    // UTF-8 BOM so spreadsheet programs read Chinese names correctly
    return reply.send(Readable.from((async function* () {
      yield '\ufeff';
      yield* priorityCsv(db, user, request.query, request.query.lang);
    })()));
  });
  app.post(
    '/priority/:id/calls',
    { schema: { tags, params: idParams, body: z.object({ outcome: z.string().max(200).optional(), notes: z.string().max(5000).optional(), productName: z.string().max(300).optional(), language: z.enum(['zh', 'en']).optional() }) } },
    async (request, reply) => {
      reply.status(201);
      return logPriorityCall(db, userOf(request), request.params.id, request.body);
    },
  );
};
