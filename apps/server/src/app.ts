/**
 * Builds the Relata HTTP application from its plugins. No side effects on import: main.ts and the tests
 * decide which database to pass in.
 */
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from './db/connection.js';
import { registerErrorHandler } from './http/error-handler.js';
import { incomeRoutes } from './modules/accounts/income.routes.js';
import { referralRoutes } from './modules/accounts/referrals.routes.js';
import { accountRoutes } from './modules/accounts/routes.js';
import { activityRoutes } from './modules/activities/routes.js';
import { analyticsRoutes } from './modules/analytics/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { campaignRoutes } from './modules/campaigns/routes.js';
import { contactRoutes } from './modules/contacts/routes.js';
import { dashboardRoutes } from './modules/dashboard/routes.js';
import { importRoutes } from './modules/imports/routes.js';
import { orderRoutes } from './modules/orders/routes.js';
import { productRoutes } from './modules/products/routes.js';
import { suggestionRoutes } from './modules/products/suggestions.routes.js';
import { searchRoutes } from './modules/search/routes.js';
import { ticketRoutes } from './modules/tickets/routes.js';
import { segmentRoutes } from './modules/segments/routes.js';
import { propensityRoutes } from './modules/propensity/routes.js';
import { exitCaseRoutes, relationshipRoutes } from './modules/relationship/routes.js';
import { authPlugin } from './modules/users/auth-plugin.js';
import { authRoutes, userRoutes } from './modules/users/routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: AppConfig;
  }
}

export interface AppConfig {
  /** where uploads wait between upload and import */
  uploadDir: string;
  /** built web app to serve at /, if present */
  webDist?: string;
  /** largest CSV upload */
  maxUploadBytes: number;
}

export async function buildApp(database: Database, config: AppConfig, options: FastifyServerOptions = {}) {
  const app = Fastify({ bodyLimit: 1024 * 1024, ...options }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', database);
  app.decorate('config', config);
  registerErrorHandler(app);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Relata API', version: '0.1.0', description: 'Open-source CRM with explainable predictive analytics' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'relata_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(authPlugin);

  app.get('/api/health', { schema: { tags: ['system'] } }, async () => {
    await database.pool.query('SELECT 1');
    return { status: 'ok', database: database.kind };
  });
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(userRoutes, { prefix: '/api/users' });
  await app.register(accountRoutes, { prefix: '/api/accounts' });
  await app.register(contactRoutes, { prefix: '/api/contacts' });
  await app.register(productRoutes, { prefix: '/api/products' });
  await app.register(orderRoutes, { prefix: '/api/orders' });
  await app.register(activityRoutes, { prefix: '/api/activities' });
  await app.register(auditRoutes, { prefix: '/api/audit' });
  await app.register(searchRoutes, { prefix: '/api/search' });
  await app.register(dashboardRoutes, { prefix: '/api/dashboard' });
  await app.register(importRoutes, { prefix: '/api/imports' });
  await app.register(analyticsRoutes, { prefix: '/api/analytics' });
  await app.register(segmentRoutes, { prefix: '/api/segments' });
  await app.register(propensityRoutes, { prefix: '/api/propensity' });
  await app.register(relationshipRoutes, { prefix: '/api/relationship' });
  await app.register(exitCaseRoutes, { prefix: '/api/exit-cases' });
  await app.register(ticketRoutes, { prefix: '/api/tickets' });
  await app.register(campaignRoutes, { prefix: '/api/campaigns' });
  await app.register(referralRoutes, { prefix: '/api' });
  await app.register(incomeRoutes, { prefix: '/api/accounts' });
  await app.register(suggestionRoutes, { prefix: '/api' });

  // The SPA's own routes (/accounts/12, ...) all load index.html; unknown /api paths stay JSON 404s.
  const serveWeb = Boolean(config.webDist && fs.existsSync(path.join(config.webDist, 'index.html')));
  if (serveWeb) await app.register(fastifyStatic, { root: config.webDist!, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (serveWeb && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url}`, details: null } });
  });
  return app;
}
