import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, listQuery } from '../../http/list-query.js';
import { assertRole } from '../users/access.js';
import { userOf } from '../users/auth-plugin.js';
import { audienceCriteria, audienceInput } from './audience.js';
import { listMembers } from './member-list.js';
import { addMembers, removeMember } from './members.js';
import { campaignChannels, campaignStatuses } from './schema.js';
import * as service from './service.js';

const tags = ['campaigns'];

// No defaults here: a PATCH must not reset fields it does not mention (the database holds the defaults).
const campaignInput = z.object({
  name: z.string().trim().min(1, 'name is required').max(200),
  channel: z.enum(campaignChannels),
  status: z.enum(campaignStatuses).optional(),
  subject: z.string().trim().max(300).nullish(),
  body: z.string().max(50_000).nullish(),
  startsOn: z.iso.date().nullish(),
  endsOn: z.iso.date().nullish(),
  /** what the campaign costs in the company's currency */
  cost: z.number().min(0).max(1e10).optional(),
  ownerId: z.number().int().positive().nullish(),
  /** the audience aimed at (also set by adding members from an audience) */
  segment: audienceCriteria.optional(),
});

const campaignListQuery = listQuery.extend({
  status: z.enum(campaignStatuses).optional(),
  channel: z.enum(campaignChannels).optional(),
  ownerId: z.coerce.number().int().positive().optional(),
});

// Members are not records of their own (no recycle bin): the shared paging and search, with their own sorts.
const memberListQuery = listQuery.omit({ deleted: true }).extend({
  state: z.enum(['active', 'left']).optional(),
  sort: z.enum(['name', 'addedAt', 'leftAt']).optional(),
});

/** Either chosen accounts or an audience, not both. */
const memberAdd = z
  .object({
    accountIds: z.array(z.number().int().positive()).min(1).max(1000).optional(),
    audience: audienceInput.optional(),
  })
  .refine((body) => (body.accountIds === undefined) !== (body.audience === undefined), {
    message: 'give either accountIds or an audience',
    path: ['accountIds'],
  });

export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get('/', { schema: { tags, querystring: campaignListQuery } }, async (request) => {
    const user = userOf(request);
    if (request.query.deleted === 'only') assertRole(user, 'admin');
    return service.listCampaigns(db, user, request.query, request.query);
  });
  app.post('/', { schema: { tags, body: campaignInput } }, async (request, reply) => {
    reply.status(201);
    return service.createCampaign(db, userOf(request), request.body);
  });
  app.get('/:id', { schema: { tags, params: idParams } }, async (request) => service.getCampaign(db, userOf(request), request.params.id));
  app.patch('/:id', { schema: { tags, params: idParams, body: campaignInput.partial().extend({ version: z.number().int().positive() }) } }, async (request) => {
    const { version, ...patch } = request.body;
    return service.updateCampaign(db, userOf(request), request.params.id, version, patch);
  });
  app.delete('/:id', { schema: { tags, params: idParams } }, async (request) => {
    await service.deleteCampaign(db, userOf(request), request.params.id);
    return { ok: true };
  });
  app.post('/:id/restore', { schema: { tags, params: idParams } }, async (request) => {
    assertRole(userOf(request), 'admin');
    return service.restoreCampaign(db, userOf(request), request.params.id);
  });

  app.get('/:id/members', { schema: { tags, params: idParams, querystring: memberListQuery } }, async (request) =>
    listMembers(db, userOf(request), request.params.id, request.query),
  );
  app.post('/:id/members', { schema: { tags, params: idParams, body: memberAdd } }, async (request) => {
    const { accountIds, audience } = request.body;
    return addMembers(db, userOf(request), request.params.id, accountIds ? { accountIds } : { audience: audience! });
  });
  app.delete(
    '/:id/members/:accountId',
    { schema: { tags, params: idParams.extend({ accountId: z.coerce.number().int().positive() }) } },
    async (request) => removeMember(db, userOf(request), request.params.id, request.params.accountId),
  );
};
