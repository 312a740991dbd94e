import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../http/list-query.js';
import { assertRole } from '../users/access.js';
import { userOf } from '../users/auth-plugin.js';
import { propensityParamsInput } from '../propensity/params.js';
import { relationshipParamsInput } from '../relationship/params.js';
import { assertKnownFeatures } from '../segments/feature-names.js';
import { segmentParamsInput } from '../segments/params.js';
import * as service from './service.js';

const paramsInput = z
  .object({
    contribution: z.enum(['revenue', 'margin']),
    abcCutA: z.number().gt(0).max(1),
    abcCutB: z.number().gt(0).max(1),
    tierRule: z.object({ by: z.enum(['customer-share', 'value-share', 'minimum-value']), vip: z.number().min(0), major: z.number().min(0), ordinary: z.number().min(0) }),
    horizonMonths: z.number().int().min(1).max(120),
    monthlyDiscountRate: z.number().min(0).max(1),
    marketingCostPerMonth: z.number().min(0).max(1e9),
    priceLoyaltyElasticity: z.number().min(0).max(10),
    referralShare: z.number().min(0).max(1),
    valuePerEndorsement: z.number().min(0).max(1e9),
    holdoutWeeks: z.number().int().min(4).max(104),
    segments: segmentParamsInput,
    propensity: propensityParamsInput,
    relationship: relationshipParamsInput,
  })
  .strict()
  .partial()
  .refine((p) => p.abcCutA === undefined || p.abcCutB === undefined || p.abcCutA <= p.abcCutB, { message: 'abcCutA must not exceed abcCutB', path: ['abcCutA'] });

export const analyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.post('/runs', { schema: { tags: ['analytics'], body: z.object({ asOf: z.coerce.date().optional(), params: paramsInput.optional() }).default({}) } }, async (request, reply) => {
    const user = userOf(request);
    assertRole(user, 'admin', 'manager', 'analyst');
    const features = request.body.params?.segments?.features;
    if (features) await assertKnownFeatures(app.database, features);
    const { run } = await service.startRefresh(app.database, user.id, request.body);
    reply.status(202);
    return run;
  });
  app.get('/runs', { schema: { tags: ['analytics'] } }, async () => ({ items: await service.listRuns(db) }));
  app.get('/runs/:id', { schema: { tags: ['analytics'], params: idParams } }, async (request) => service.getRun(db, request.params.id));
  app.get('/definitions', { schema: { tags: ['analytics'] } }, async () => service.definitions());
  app.get('/overview', { schema: { tags: ['analytics'] } }, async (request) => service.overview(db, userOf(request)));
  app.get('/accounts/:id', { schema: { tags: ['analytics'], params: idParams } }, async (request) => service.accountValue(db, userOf(request), request.params.id));
};
