import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { fromDatabaseError } from './database-errors.js';
import { HttpError } from './errors.js';

/**
 * One error shape for every failure: {"error": {"code", "message", "details"}}.
 * Bad input is a 4xx naming the field; anything unexpected is a 500 without internals (logged server-side).
 */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        path: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.').replace(/^body\./, ''),
        message: v.message,
      }));
      const fields = details.map((d) => d.path).join(', ');
      return reply.status(400).send({ error: { code: 'validation_error', message: `Invalid ${fields}`, details } });
    }
    const dbError = fromDatabaseError(err);
    if (dbError) return reply.status(dbError.statusCode).send({ error: { code: dbError.code, message: dbError.message, details: dbError.details ?? null } });
    if (err instanceof HttpError) {
      return reply.status(err.statusCode).send({ error: { code: err.code, message: err.message, details: err.details ?? null } });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : err.code?.toLowerCase() ?? 'bad_request';
      return reply.status(status).send({ error: { code, message: err.message, details: null } });
    }
    request.log.error(err);
    return reply.status(500).send({ error: { code: 'internal_error', message: 'Something went wrong on our side', details: null } });
  });
}
