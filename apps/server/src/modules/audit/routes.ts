import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getAccount } from '../accounts/service.js';
import { getReferral } from '../accounts/referrals.js';
import { getActivity } from '../activities/service.js';
import { getCampaign } from '../campaigns/service.js';
import { getContact } from '../contacts/service.js';
import { getOrder } from '../orders/service.js';
import { getProduct } from '../products/service.js';
import { getSuggestion } from '../products/suggestions.js';
import { getTicket } from '../tickets/service.js';
import { assertRole } from '../users/access.js';
import { userOf } from '../users/auth-plugin.js';
import type { CurrentUser } from '../users/service.js';
import type { Db } from '../../db/connection.js';
import { auditTrail } from './service.js';

/** Reading a record's history needs the right to read the record itself. */
const readers: Record<string, (db: Db, user: CurrentUser, id: number) => Promise<unknown>> = {
  account: getAccount,
  contact: getContact,
  product: getProduct,
  order: getOrder,
  activity: getActivity,
  ticket: getTicket,
  suggestion: getSuggestion,
  referral: getReferral,
  campaign: getCampaign,
};
/** Users and imports have no reader: their history is the administrator's. */
const entityTypes: [string, ...string[]] = ['user', 'import', ...Object.keys(readers)];

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get(
    '/',
    { schema: { tags: ['audit'], querystring: z.object({ entityType: z.enum(entityTypes), entityId: z.coerce.number().int().positive() }) } },
    async (request) => {
      const user = userOf(request);
      const { entityType, entityId } = request.query;
      const reader = readers[entityType];
      if (reader) await reader(db, user, entityId);
      else assertRole(user, 'admin');
      return { items: await auditTrail(db, entityType, String(entityId)) };
    },
  );
};
