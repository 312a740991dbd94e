/**
 * A fresh Relata for each API test file, on the database the run asks for:
 *   RELATA_TEST_DB=pglite   (default) an in-memory PGlite served by its own process, as in production;
 *   RELATA_TEST_DB=postgres a new database on the server at DATABASE_URL, dropped afterwards.
 * Requests go through fastify.inject (no port), with real sessions and the real database.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { buildApp } from '../src/app.js';
import { openDatabase, type Database } from '../src/db/connection.js';
import { openScratchPostgres } from './scratch-database.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { createUser } from '../src/modules/users/service.js';
import type { Role } from '../src/modules/users/schema.js';

export const testDbKind = (process.env.RELATA_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

export async function openTestDatabase(): Promise<Database> {
  if (testDbKind === 'pglite') return openDatabase({ dataDir: 'memory://' });
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('RELATA_TEST_DB=postgres needs DATABASE_URL');
  return openScratchPostgres(adminUrl, 'relata_test');
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

export async function startTestApp() {
  const database = await openTestDatabase();
  await migrateDatabase(database);
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relata-uploads-'));
  const app = await buildApp(database, { uploadDir, maxUploadBytes: 50 * 1024 * 1024 });
  await app.ready();
  const admin = await addUser('admin', 'admin@test.relata');

  /** Creates a user with the role and returns headers carrying their session cookie. */
  async function addUser(role: Role, email = `${role}-${Math.random().toString(36).slice(2, 8)}@test.relata`) {
    const password = 'correct horse battery';
    const user = await createUser(database.db, { email, name: `${role} ${email.split('@')[0]}`, role, password }, null);
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'relata_session')!;
    return { user, password, headers: { cookie: `relata_session=${cookie.value}` } };
  }

  return {
    app,
    database,
    db: database.db,
    admin,
    addUser,
    uploadDir,
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}
