/**
 * The demo company loaded on first start: a building-supply business with ~2,000 customers,
 * 150 products and 2.5 years of orders and customer touches, service tickets, referrals, product
 * suggestions and customers' income history, generated deterministically from a
 * seed (see parameters.ts for the process and generate.ts for the parts) and written in one
 * transaction with bulk SQL.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { hashPassword } from '../users/passwords.js';
import { DEMO_PASSWORD, generateDemoCompany, type GenerateOptions } from './generate.js';
import { writeDemoCompany, type WriteCounts } from './writer.js';

export { DEMO_PARAMETERS } from './parameters.js';
export { DEMO_PASSWORD, DEMO_USERS } from './generate.js';

export interface DemoSummary extends WriteCounts {
  /** Set when nothing was loaded, with the reason. */
  skipped?: string;
}

export type DemoOptions = GenerateOptions;

/**
 * Loads the demo company into a database without accounts, products or orders. The demo users
 * (manager@relata.demo, sales1..3@, service@, analyst@) sign in with DEMO_PASSWORD. With the same
 * seed and asOf, two loads write the same data.
 */
export async function loadDemoCompany(db: Db, options: DemoOptions = {}): Promise<DemoSummary> {
  const [existing] = (
    await db.execute<{ accounts: number; products: number; orders: number }>(sql`
      SELECT (SELECT count(*) FROM accounts)::int AS accounts, (SELECT count(*) FROM products)::int AS products, (SELECT count(*) FROM orders)::int AS orders`)
  ).rows;
  if (existing.accounts + existing.products + existing.orders > 0) {
    const skipped = `the database already holds ${existing.accounts} accounts, ${existing.products} products and ${existing.orders} orders`;
    return { users: 0, accounts: 0, contacts: 0, products: 0, orders: 0, orderLines: 0, activities: 0, tickets: 0, referrals: 0, suggestions: 0, incomePeriods: 0, leads: 0, skipped };
  }
  const company = generateDemoCompany(options);
  // One argon2 hash for all demo users: hashing is deliberately slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction((tx) => writeDemoCompany(tx, company, passwordHash));
}
