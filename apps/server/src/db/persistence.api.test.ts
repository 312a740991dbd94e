import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { testDbKind, openTestDatabase } from '../../test/harness.js';
import { openDatabase } from './connection.js';
import { migrateDatabase } from './migrate.js';
import { accounts } from '../modules/accounts/schema.js';
import { readLockHolder } from './directory-lock.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe(`data survives a restart (${testDbKind})`, () => {
  it.runIf(testDbKind === 'pglite')('on the embedded database in its data directory', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relata-restart-'));
    dirs.push(dir);
    const first = await openDatabase({ dataDir: dir });
    await migrateDatabase(first);
    await first.db.insert(accounts).values({ name: '重启后仍在 Ltd' });
    await first.close();
    expect(readLockHolder(dir)).toBeNull();

    const second = await openDatabase({ dataDir: dir });
    await migrateDatabase(second); // applying migrations again must be a no-op
    const rows = await second.db.select({ name: accounts.name }).from(accounts);
    await second.close();
    expect(rows).toEqual([{ name: '重启后仍在 Ltd' }]);
  });

  it.runIf(testDbKind === 'pglite')('refuses a second owner of the same data directory', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relata-lock-'));
    dirs.push(dir);
    const owner = await openDatabase({ dataDir: dir });
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/in use/);
    await owner.close();
  });

  it.runIf(testDbKind === 'postgres')('on PostgreSQL after the pool is closed and opened again', async () => {
    const first = await openTestDatabase();
    const url = first.url;
    await migrateDatabase(first);
    await first.db.insert(accounts).values({ name: 'Persistent GmbH' });
    await first.pool.end();
    const second = await openDatabase({ databaseUrl: url, dataDir: '' });
    await migrateDatabase(second);
    const rows = await second.db.select({ name: accounts.name }).from(accounts);
    await second.pool.end();
    first.pool = second.pool;
    await first.close().catch(() => {});
    expect(rows).toEqual([{ name: 'Persistent GmbH' }]);
  });
});

describe(`a lost connection (${testDbKind})`, () => {
  // The server must outlive PostgreSQL closing an idle connection (a restart, pg_terminate_backend, a dropped
  // test database): without a listener the pool's 'error' would be an uncaught exception that ends the process.
  it.runIf(testDbKind === 'postgres')('does not take the server down, and the next query opens a new one', async () => {
    const database = await openTestDatabase();
    try {
      const { rows } = await database.pool.query<{ pid: number }>('select pg_backend_pid() as pid');
      const pid = rows[0]!.pid;
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query('select pg_terminate_backend($1)', [pid]);
      await admin.end();
      await expect.poll(() => database.pool.totalCount, { timeout: 5000 }).toBe(0);

      const again = await database.pool.query<{ pid: number }>('select pg_backend_pid() as pid');
      expect(again.rows[0]!.pid).not.toBe(pid);
    } finally {
      await database.close();
    }
  });
});
