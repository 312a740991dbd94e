import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { userOf } from '../users/auth-plugin.js';
import { dashboard } from './service.js';

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', { schema: { tags: ['dashboard'] } }, async (request) => dashboard(app.database.db, userOf(request)));
};
