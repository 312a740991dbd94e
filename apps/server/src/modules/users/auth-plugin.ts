import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { unauthenticated } from '../../http/errors.js';
import { cachedCaller, rememberCaller } from './session-cache.js';
import { userForApiToken, userForSession, type CurrentUser } from './service.js';

export const SESSION_COOKIE = 'relata_session';

declare module 'fastify' {
  interface FastifyRequest {
    currentUser: CurrentUser | null;
  }
}

/** Routes anyone may call without signing in. */
const publicPaths = ['/api/health', '/api/auth/login', '/api/openapi.json'];

/** Resolves the caller from the session cookie or a Bearer token; every other /api route requires one. */
export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('currentUser', null);
  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0];
    if (!path.startsWith('/api/')) return;
    const db = app.database.db;
    const bearer = request.headers.authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
    const cookie = request.cookies[SESSION_COOKIE];
    const key = bearer ? `bearer:${bearer}` : cookie ? `session:${cookie}` : null;
    if (key) {
      request.currentUser = cachedCaller(key) ?? (bearer ? await userForApiToken(db, bearer) : await userForSession(db, cookie!));
      if (request.currentUser) rememberCaller(key, request.currentUser);
    }
    if (!request.currentUser && !publicPaths.includes(path) && !path.startsWith('/api/docs')) throw unauthenticated();
  });
});

/** The signed-in user of a route that the auth hook has already guarded. */
export function userOf(request: FastifyRequest): CurrentUser {
  if (!request.currentUser) throw unauthenticated();
  return request.currentUser;
}
