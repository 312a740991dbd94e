import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
