import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAccounts } from '../accounts/service.js';
import { listContacts } from '../contacts/service.js';
import { listProducts } from '../products/service.js';
import { userOf } from '../users/auth-plugin.js';

/** The header's global search: the first few accounts, contacts and products matching `q`. */
export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get('/', { schema: { tags: ['search'], querystring: z.object({ q: z.string().trim().min(1, 'type something to search').max(200) }) } }, async (request) => {
    const user = userOf(request);
    const query = { q: request.query.q, page: 1, pageSize: 5, order: 'asc' as const, deleted: 'exclude' as const };
    const [accounts, contacts, products] = await Promise.all([
      listAccounts(db, user, { ...query, sort: 'name' }, {}),
      listContacts(db, user, { ...query, sort: 'name' }),
      listProducts(db, { ...query, sort: 'sku' }, {}),
    ]);
    return { accounts: accounts.items, contacts: contacts.items, products: products.items };
  });
};
