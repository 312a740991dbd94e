/**
 * `relata import` and `relata user create`, run as a user runs them (the bin, a child process), against the
 * embedded database in a data directory or against the PostgreSQL of the run.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDbKind } from '../../../test/harness.js';
import { openDatabase, type Database } from '../../db/connection.js';
import { migrateDatabase } from '../../db/migrate.js';
import { gunzipText, onlineRetailDecember, tableFingerprint } from './import-test-kit.js';

const bin = fileURLToPath(new URL('../../../bin/relata.mjs', import.meta.url));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'relata-cli-'));
const dataDir = path.join(work, 'data');

const head = gunzipText(onlineRetailDecember).split('\n').slice(0, 200);
const goodFile = path.join(work, 'retail.csv');
const badFile = path.join(work, 'retail-bad.csv');
fs.writeFileSync(goodFile, head.join('\n'));
fs.writeFileSync(badFile, head.map((l, i) => (i === 9 ? l.replace(/,\d+,12\/1\/10/, ',1;5,12/1/10') : l)).join('\n'));
const map = 'order=InvoiceNo,sku=StockCode,product_name=Description,quantity=Quantity,date=InvoiceDate,unit_price=UnitPrice,account=CustomerID,country=Country';

// On PostgreSQL the CLI works on this run's own database; on PGlite on a data directory of its own.
let pg: Database | null = null;
const env = () => {
  const e: NodeJS.ProcessEnv = { ...process.env, RELATA_DATA_DIR: dataDir };
  if (pg) e.DATABASE_URL = pg.url;
  else delete e.DATABASE_URL;
  return e;
};
/** Looks into the database the CLI wrote to. */
async function inspect<T>(look: (database: Database) => Promise<T>): Promise<T> {
  if (pg) return look(pg);
  const database = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
  try {
    await migrateDatabase(database);
    return await look(database);
  } finally {
    await database.close();
  }
}

function relata(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: work, env: env() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
const counts = (database: Database) =>
  database.pool
    .query(`SELECT (SELECT count(*)::int FROM import_jobs) AS jobs, (SELECT count(*)::int FROM audit_log WHERE entity_type = 'import') AS audits`)
    .then((r) => r.rows[0]);

beforeAll(async () => {
  if (testDbKind === 'postgres') {
    pg = await openTestDatabase();
    await migrateDatabase(pg);
  }
});
afterAll(async () => {
  await pg?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('relata import', () => {
  it('--dry-run checks every row and writes nothing', async () => {
    const before = pg ? { tables: await tableFingerprint(pg.pool), ...(await counts(pg)) } : null;
    const run = await relata('import', 'orders', 'retail.csv', '--map', map, '--date-format', 'M/D/YY H:mm', '--dry-run');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ outcome: 'dry_run', totalRows: 199, validRows: 199, invalidRows: 0, jobId: null, database: testDbKind });
    const after = await inspect(async (db) => ({ tables: await tableFingerprint(db.pool), ...(await counts(db)) }));
    if (before) expect(after).toEqual(before);
    else expect(after).toMatchObject({ tables: { accounts: { rows: 0 }, products: { rows: 0 }, orders: { rows: 0 }, order_lines: { rows: 0 } }, jobs: 0, audits: 0 });
  });

  it('a file with an invalid row imports nothing and lists the row (exit code 1)', async () => {
    const before = await inspect((db) => tableFingerprint(db.pool));
    const run = await relata('import', 'orders', badFile, '--map', map, '--date-format', 'M/D/YY H:mm');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ outcome: 'rejected', invalidRows: 1 });
    expect(report.errors).toEqual([{ row: 10, column: 'Quantity', field: 'quantity', message: expect.stringContaining('"1;5" is not a number'), code: 'notNumber', params: { value: '1;5' } }]);
    expect(await inspect((db) => tableFingerprint(db.pool))).toEqual(before);
  });

  it('imports, with --skip-invalid, everything but the listed row', async () => {
    const run = await relata('import', 'orders', badFile, '--map', map, '--date-format', 'M/D/YY H:mm', '--skip-invalid', '--currency', 'GBP');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ outcome: 'imported', skippedRows: [10], lines: { inserted: 198 }, jobId: expect.any(Number) });
    const again = JSON.parse((await relata('import', 'orders', goodFile, '--map', map, '--date-format', 'M/D/YY H:mm', '--currency', 'GBP')).stdout);
    expect(again).toMatchObject({ outcome: 'imported', lines: { inserted: 1, updated: 0, unchanged: 198 } });
    const seen = await inspect(async (db) => ({
      lines: (await db.pool.query('SELECT count(*)::int AS n FROM order_lines')).rows[0].n,
      jobs: (await db.pool.query(`SELECT status, kind FROM import_jobs ORDER BY id`)).rows,
      audits: (await counts(db)).audits,
    }));
    expect(seen).toEqual({ lines: 199, jobs: [{ status: 'done', kind: 'orders' }, { status: 'done', kind: 'orders' }], audits: 2 });
  });

  it('explains bad options on stderr (exit code 2)', async () => {
    const noDate = await relata('import', 'orders', 'retail.csv', '--map', 'order=InvoiceNo,quantity=Quantity,unit_price=UnitPrice');
    expect(noDate.code).toBe(2);
    expect(noDate.stderr).toMatch(/mapping\.date: required/);
    const badFormat = await relata('import', 'orders', 'retail.csv', '--date-format', 'mm/dd/yy');
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toMatch(/Unknown token "dd"/);
    const noFile = await relata('import', 'orders', 'nowhere.csv');
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toMatch(/No file .*nowhere\.csv/);
  });
});

describe('relata user create', () => {
  it('creates a user who can sign in', async () => {
    const run = await relata('user', 'create', '--email', 'Importer@Example.test', '--name', 'Importer', '--role', 'manager', '--password', 'long enough password');
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ email: 'importer@example.test', role: 'manager' });
    const users = await inspect(async (db) => (await db.pool.query(`SELECT name, role FROM users WHERE email = 'importer@example.test'`)).rows);
    expect(users).toEqual([{ name: 'Importer', role: 'manager' }]);
    const badRole = await relata('user', 'create', '--email', 'x@example.test', '--name', 'X', '--role', 'boss', '--password', 'long enough password');
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toMatch(/boss.*Allowed choices are admin, manager, sales, service, analyst/);
  });
});

describe.skipIf(testDbKind === 'postgres')('with a server running on the embedded database', () => {
  it('refuses, and says to stop the server or use the web UI or API', async () => {
    const server = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
    try {
      const run = await relata('import', 'orders', 'retail.csv', '--map', map, '--date-format', 'M/D/YY H:mm', '--dry-run');
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/in use by a running Relata server/);
      expect(run.stderr).toMatch(/Stop the server.*web UI.*POST \/api\/imports/s);
    } finally {
      await server.close();
    }
  });
});
