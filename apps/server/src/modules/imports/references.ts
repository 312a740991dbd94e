import { recordsByKey, type Executor, type KeyedRecord } from './bulk-writes.js';
import { problemOf, type Problem } from './problem.js';

/** What a cell can name that must already be in Relata: a customer, a product, a user. */
export type ReferenceKind = 'accounts' | 'products' | 'users';

const sources: Record<ReferenceKind, { table: string; key: string; deleted: string; missing: (key: string) => Problem; inBin: (key: string) => Problem }> = {
  accounts: {
    table: 'accounts',
    key: 'external_id',
    deleted: 'deleted_at IS NOT NULL',
    missing: (key) => problemOf('unknownCustomer', `there is no customer with the external id ${key}`, { value: key }),
    inBin: (key) => problemOf('customerInBin', `customer ${key} is in the recycle bin`, { value: key }),
  },
  products: {
    table: 'products',
    key: 'sku',
    deleted: 'deleted_at IS NOT NULL',
    missing: (key) => problemOf('unknownProduct', `there is no product with the SKU ${key}`, { value: key }),
    inBin: (key) => problemOf('productInBin', `product ${key} is in the recycle bin`, { value: key }),
  },
  // users are deactivated, never deleted; the emails in the table may have any case
  users: {
    table: 'users',
    key: 'lower(email)',
    deleted: 'false',
    missing: (key) => problemOf('unknownUser', `there is no user with the email ${key}`, { value: key }),
    inBin: () => {
      throw new Error('users are never in the recycle bin');
    },
  },
};

/**
 * The customers, products and users the rows of a file name, looked up in the database once the whole file
 * has been read: one query per ten thousand distinct names instead of one per row, and no table loaded whole.
 * Files of tickets, referrals, suggestions and income never create what they name, so a name that is not
 * there (or only in the recycle bin) is a problem of its row.
 */
export class References {
  constructor(readonly db: Executor) {}

  /** Each key's id, or why the row cannot have it. */
  async resolve(kind: ReferenceKind, keys: readonly string[]): Promise<Map<string, number | { problem: Problem }>> {
    const source = sources[kind];
    const distinct = [...new Set(keys)];
    const found = await recordsByKey(this.db, source.table, source.key, distinct, source.deleted);
    const resolved = new Map<string, number | { problem: Problem }>();
    for (const key of distinct) resolved.set(key, outcome(found.get(key), key, source));
    return resolved;
  }
}

function outcome(record: KeyedRecord | undefined, key: string, source: (typeof sources)[ReferenceKind]) {
  if (!record) return { problem: source.missing(key) };
  return record.deleted ? { problem: source.inBin(key) } : record.id;
}
