/**
 * Starts Relata: opens the database (embedded PGlite in RELATA_DATA_DIR, or PostgreSQL from DATABASE_URL),
 * applies migrations, creates the first admin, loads the demo company on first start, and listens on PORT.
 */
import fs from 'node:fs';
import { buildApp } from './app.js';
import { readConfig } from './config.js';
import { openDatabase } from './db/connection.js';
import { migrateDatabase } from './db/migrate.js';
import { bootstrapCompany } from './bootstrap.js';
import { scheduleRefreshes } from './modules/analytics/schedule.js';

const config = readConfig();
fs.mkdirSync(config.uploadDir, { recursive: true });
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.pgliteDir });
await migrateDatabase(database);
const signIn = await bootstrapCompany(database.db, config);

const app = await buildApp(database, config, { logger: { level: config.logLevel } });
let stopSchedule = () => {};
const shutdown = async () => {
  stopSchedule();
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

await app.listen({ port: config.port, host: config.host });
const where = database.kind === 'pglite' ? `embedded PGlite in ${config.pgliteDir}` : 'PostgreSQL';
console.log(`\nRelata is running at http://localhost:${config.port} (${where})`);
for (const line of signIn) console.log(line);
stopSchedule = scheduleRefreshes(database, config.analyticsEveryHours, (m) => app.log.info(m));
