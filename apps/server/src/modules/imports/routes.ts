import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badRequest, HttpError } from '../../http/errors.js';
import { idParams, listQuery } from '../../http/list-query.js';
import { assertCanWrite } from '../users/access.js';
import { userOf } from '../users/auth-plugin.js';
import { ImportJobs } from './service.js';
import { removeUpload, saveUpload, type SavedUpload } from './upload-store.js';

const options = z.object({
  /** target field → column of the file */
  mapping: z.record(z.string(), z.string().max(500).nullish()),
  delimiter: z.string().max(20).optional(),
  dateFormat: z.string().max(100).optional(),
  currency: z.string().max(3).optional(),
});

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const jobs = new ImportJobs(app.database, app.log);
  app.addHook('onReady', () => jobs.failInterrupted());
  // Closing the app closes the database next: let a running import finish its transaction first.
  app.addHook('onClose', () => jobs.idle());

  app.post(
    '/',
    { schema: { tags: ['imports'], summary: 'Upload a CSV (or .csv.gz) file: multipart fields kind and file', consumes: ['multipart/form-data'] } },
    async (request, reply) => {
      const user = userOf(request);
      assertCanWrite(user, 'imports');
      if (!request.isMultipart()) throw badRequest('Send multipart/form-data with the fields kind and file', [{ path: 'file', message: 'required' }]);
      let kind: string | undefined;
      let saved: SavedUpload | undefined;
      let fileName = 'upload.csv';
      try {
        for await (const part of request.parts()) {
          if (part.type === 'field') {
            if (part.fieldname === 'kind') kind = String(part.value);
          } else if (part.fieldname === 'file' && !saved) {
            fileName = part.filename || fileName;
            saved = await saveUpload(part.file, app.config.uploadDir);
            if (part.file.truncated) {
              await removeUpload(saved.filePath);
              saved = undefined;
              throw new HttpError(413, 'payload_too_large', `The file is larger than ${Math.round(app.config.maxUploadBytes / 1024 / 1024)} MB`);
            }
          } else {
            part.file.resume();
          }
        }
      } catch (err) {
        await removeUpload(saved?.filePath);
        throw err;
      }
      if (!saved) throw badRequest('No file: send the CSV in the multipart field "file"', [{ path: 'file', message: 'required' }]);
      if (saved.bytes === 0) {
        await removeUpload(saved.filePath);
        throw badRequest('The file is empty', [{ path: 'file', message: 'the file is empty' }]);
      }
      reply.status(201);
      return jobs.upload(user, kind, fileName, saved);
    },
  );

  app.post(
    '/:id/validate',
    { schema: { tags: ['imports'], summary: 'Check every row with a mapping; writes nothing', params: idParams, body: options } },
    async (request) => jobs.validate(userOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/run',
    {
      schema: {
        tags: ['imports'],
        summary: 'Import in the background (202); all or nothing unless skipInvalid',
        params: idParams,
        body: options.extend({ skipInvalid: z.boolean().optional() }),
      },
    },
    async (request, reply) => {
      reply.status(202);
      return jobs.start(userOf(request), request.params.id, request.body);
    },
  );

  app.get('/:id', { schema: { tags: ['imports'], params: idParams } }, async (request) => jobs.get(userOf(request), request.params.id));
  app.get('/', { schema: { tags: ['imports'], querystring: listQuery } }, async (request) => jobs.list(userOf(request), request.query));
};
