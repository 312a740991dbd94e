import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../http/list-query.js';
import { userOf } from '../users/auth-plugin.js';
import { commentOnExitCase, exitBoard, exitCaseFile, moveExitCase } from './exit-workflow.js';
import { exitStages, relationshipClasses } from './schema.js';
import * as service from './service.js';

export const relationshipRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const tags = ['relationship value'];
  app.get('/overview', { schema: { tags } }, async () => service.overview(db));
  app.put(
    '/matrices/:node',
    { schema: { tags, params: z.object({ node: z.string().max(40) }), body: z.object({ matrix: z.array(z.array(z.number().positive())).min(1).max(10), version: z.number().int().min(0) }) } },
    async (request) => service.saveMatrix(db, userOf(request), request.params.node, request.body.matrix, request.body.version),
  );
  app.get('/accounts/:id', { schema: { tags, params: idParams } }, async (request) => service.accountRelationship(db, userOf(request), request.params.id));
  app.post('/accounts/:id/label', { schema: { tags, params: idParams, body: z.object({ label: z.enum(relationshipClasses), note: z.string().max(2000).optional() }) } }, async (request, reply) => {
    reply.status(201);
    return service.labelAccount(db, userOf(request), request.params.id, request.body.label, request.body.note);
  });
};

export const exitCaseRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const tags = ['exit management'];
  app.get('/', { schema: { tags } }, async (request) => exitBoard(db, userOf(request)));
  app.get('/:id', { schema: { tags, params: idParams } }, async (request) => exitCaseFile(db, userOf(request), request.params.id));
  app.post(
    '/:id/stage',
    {
      schema: {
        tags,
        params: idParams,
        body: z.object({
          to: z.enum(exitStages),
          version: z.number().int().min(1),
          note: z.string().max(5000).optional(),
          whatWentWrong: z.string().max(10000).optional(),
          lessons: z.string().max(10000).optional(),
          language: z.enum(['zh', 'en']).optional(),
        }),
      },
    },
    async (request) => moveExitCase(db, userOf(request), request.params.id, request.body),
  );
  app.post('/:id/comments', { schema: { tags, params: idParams, body: z.object({ text: z.string().trim().min(1).max(5000) }) } }, async (request, reply) => {
    reply.status(201);
    return commentOnExitCase(db, userOf(request), request.params.id, request.body.text);
  });
};
