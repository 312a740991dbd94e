import type { Config } from './config.js';
import type { Db } from './db/connection.js';
import { DEMO_PASSWORD, loadDemoCompany } from './modules/demo/service.js';
import { ensureFirstAdmin } from './modules/users/service.js';

export const DEMO_ADMIN = { email: 'admin@relata.demo', password: DEMO_PASSWORD };

/**
 * First start (no user yet): the admin from RELATA_ADMIN_EMAIL/RELATA_ADMIN_PASSWORD, else the demo admin, and
 * the demo company unless RELATA_DEMO=0. Later starts change nothing. Returns the lines to print about signing in.
 */
export async function bootstrapCompany(db: Db, config: Pick<Config, 'adminEmail' | 'adminPassword' | 'loadDemo'>): Promise<string[]> {
  const fromEnv = Boolean(config.adminEmail && config.adminPassword);
  const admin = fromEnv ? { email: config.adminEmail!, password: config.adminPassword! } : DEMO_ADMIN;
  const created = await ensureFirstAdmin(db, admin.email, admin.password);
  if (!created) return fromEnv ? [] : [`Sign in with your account (the demo admin is ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password} unless changed).`];
  const lines = [fromEnv ? `Sign in as ${admin.email} with the password from RELATA_ADMIN_PASSWORD.` : `Sign in as ${admin.email} / ${admin.password}`];
  if (config.loadDemo) {
    const t0 = Date.now();
    const summary = await loadDemoCompany(db);
    if (summary.skipped) lines.push(`Demo company not loaded: ${summary.skipped}.`);
    else {
      const { skipped: _s, ...counts } = summary;
      lines.push(`Loaded the demo company in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}.`);
      lines.push(`Demo users manager@, sales1@ … sales3@, service@, analyst@relata.demo sign in with ${DEMO_PASSWORD}.`);
    }
  }
  return lines;
}
