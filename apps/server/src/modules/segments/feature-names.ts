import type { Database } from '../../db/connection.js';
import { badRequest } from '../../http/errors.js';
import { BEHAVIOUR } from './customer-features.js';
import { numericAttributeNames } from './inputs.js';

/** A refresh asked to cluster on a feature this company's data cannot give is refused before it starts. */
export async function assertKnownFeatures(database: Database, features: string[]) {
  const { rows } = await database.pool.query<{ category: string }>('SELECT DISTINCT category FROM products WHERE category IS NOT NULL AND deleted_at IS NULL');
  const known = new Set([
    ...BEHAVIOUR.map((b) => b.name),
    'clv',
    'pAlive',
    ...rows.map((r) => `share:${r.category}`),
    ...(await numericAttributeNames(database)).map((a) => `attr:${a}`),
  ]);
  const unknown = features.filter((f) => !known.has(f));
  if (unknown.length > 0) {
    throw badRequest(`Unknown feature(s) for the customer groups: ${unknown.join(', ')}`, [
      { path: ['params', 'segments', 'features'], message: `unknown: ${unknown.join(', ')}; known: ${[...known].join(', ')}` },
    ]);
  }
}
