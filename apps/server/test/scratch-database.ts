import pg from 'pg';
import { openDatabase, type Database } from '../src/db/connection.js';

/**
 * A new, empty database on the PostgreSQL server at `adminUrl`, for one test file or benchmark; close() drops it.
 * The name carries the process id, so a run that was killed can be recognised and cleaned up later.
 */
export async function openScratchPostgres(adminUrl: string, prefix: string): Promise<Database> {
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  const close = database.close;
  database.close = async () => {
    await close();
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
  return database;
}
