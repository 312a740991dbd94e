import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** Everything Relata reads from the environment, in one place (see README "Configuration"). */
export function readConfig(env: NodeJS.ProcessEnv = process.env) {
  const dataDir = path.resolve(env.RELATA_DATA_DIR ?? path.join(repoRoot, '.data'));
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    pgliteDir: path.join(dataDir, 'pglite'),
    uploadDir: path.join(dataDir, 'uploads'),
    webDist: path.join(repoRoot, 'apps/web/dist'),
    loadDemo: env.RELATA_DEMO !== '0',
    adminEmail: env.RELATA_ADMIN_EMAIL,
    adminPassword: env.RELATA_ADMIN_PASSWORD,
    maxUploadBytes: Number(env.RELATA_MAX_UPLOAD_MB ?? 200) * 1024 * 1024,
    logLevel: env.LOG_LEVEL ?? 'info',
    /** hours between scheduled analytics refreshes; 0 turns the schedule off */
    analyticsEveryHours: Number(env.RELATA_ANALYTICS_EVERY_HOURS ?? 24),
  };
}
export type Config = ReturnType<typeof readConfig>;
