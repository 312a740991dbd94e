import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badRequest, HttpError } from '../../http/errors.js';
import { idParams } from '../../http/list-query.js';
import { runInWorker } from '../../jobs/run-in-worker.js';
import { removeUpload, saveUpload, type SavedUpload } from '../imports/upload-store.js';
import { assertRole } from '../users/access.js';
import { userOf } from '../users/auth-plugin.js';
import * as service from './service.js';

const paging = { page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(25) };

export const propensityRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const tags = ['propensity'];

  app.get('/models', { schema: { tags } }, async () => service.listModels(db));
  app.get('/models/:target', { schema: { tags, params: z.object({ target: z.string().max(40) }) } }, async (request) => service.getModel(db, request.params.target));
  app.get(
    '/churn',
    { schema: { tags, querystring: z.object({ ...paging, ownerId: z.coerce.number().int().positive().optional(), minProbability: z.coerce.number().min(0).max(1).default(0) }) } },
    async (request) => service.churnRisk(db, userOf(request), request.query),
  );
  app.post('/churn/:id/tasks', { schema: { tags, params: idParams, body: z.object({ notes: z.string().max(5000).optional(), language: z.enum(['zh', 'en']).optional() }) } }, async (request, reply) => {
    reply.status(201);
    return service.createRetentionTask(db, userOf(request), request.params.id, request.body);
  });
  app.get('/accounts/:id', { schema: { tags, params: idParams } }, async (request) => service.accountPropensity(db, userOf(request), request.params.id));
  app.get('/accuracy', { schema: { tags } }, async () => service.accuracy(db));

  // The general trainer: any table of customers with a yes/no outcome (multipart: file, target, positive?, id?, models?).
  app.post('/trainer', { schema: { tags, consumes: ['multipart/form-data'] } }, async (request) => {
    assertRole(userOf(request), 'admin', 'manager', 'analyst');
    if (!request.isMultipart()) throw badRequest('Send multipart/form-data with the fields file and target', [{ path: 'file', message: 'required' }]);
    const fields: Record<string, string> = {};
    let saved: SavedUpload | undefined;
    try {
      for await (const part of request.parts()) {
        if (part.type === 'field') fields[part.fieldname] = String(part.value);
        else if (part.fieldname === 'file' && !saved) {
          saved = await saveUpload(part.file, app.config.uploadDir);
          if (part.file.truncated) throw new HttpError(413, 'payload_too_large', `The file is larger than ${Math.round(app.config.maxUploadBytes / 1024 / 1024)} MB`);
        } else part.file.resume();
      }
      if (!saved) throw badRequest('No file: send the CSV in the multipart field "file"', [{ path: 'file', message: 'required' }]);
      if (!fields.target) throw badRequest('Name the yes/no outcome column in the field "target"', [{ path: 'target', message: 'required' }]);
      const result = await runInWorker<unknown, { ok: true; training: unknown } | { ok: false; problem: string }>(new URL('./trainer-worker.ts', import.meta.url), {
        table: saved.filePath,
        target: fields.target,
        positive: fields.positive || undefined,
        id: fields.id || undefined,
        models: fields.models || 'logistic',
      });
      if (!result.ok) {
        const field = /^--(\w+)/.exec(result.problem)?.[1] ?? 'file';
        throw badRequest(result.problem.replace(/^--table [^:]*:/, 'file:'), [{ path: field === 'table' ? 'file' : field, message: result.problem }]);
      }
      return result.training;
    } finally {
      await removeUpload(saved?.filePath);
    }
  });
};
