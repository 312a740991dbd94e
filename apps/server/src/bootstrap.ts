import { sql } from 'drizzle-orm';
import type { Config } from './config.js';
import type { Db } from './db/connection.js';
import { ensureFirstAdmin } from './modules/users/service.js';
import { loadDemoCompany } from './modules/demo/service.js';

export const DEMO_ADMIN = { email: 'admin@relata.demo', password: 'relata-demo' };

/**
 * First start: the admin from RELATA_ADMIN_EMAIL/RELATA_ADMIN_PASSWORD (or the demo admin), and the demo
 * company unless RELATA_DEMO=0 or the database already holds accounts. Returns the sign-in to print, if any.
 */
export async function bootstrapCompany(db: Db, config: Pick<Config, 'adminEmail' | 'adminPassword' | 'loadDemo'>) {
  const admin = config.adminEmail && config.adminPassword ? { email: config.adminEmail, password: config.adminPassword } : DEMO_ADMIN;
  const created = await ensureFirstAdmin(db, admin.email, admin.password);
  if (config.loadDemo) {
    const [{ n }] = (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM accounts`)).rows;
    if (n === 0) {
      const t0 = Date.now();
      const summary = await loadDemoCompany(db);
      console.log(`Loaded the demo company in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(summary)}`);
    }
  }
  if (created) return admin === DEMO_ADMIN ? admin : { email: admin.email, password: '(the password from RELATA_ADMIN_PASSWORD)' };
  return config.adminEmail ? null : DEMO_ADMIN;
}
