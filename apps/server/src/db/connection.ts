import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { SQL } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.js';

// bigint counts and numeric sums come back as JS numbers; our amounts fit comfortably in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export type Db = NodePgDatabase<typeof schema>;

/** The rows of a query written in SQL (the analytics read models' joins and aggregates), typed as the caller says. */
export const rowsOf = async <T extends Record<string, unknown>>(db: Db, query: SQL) => (await db.execute<T>(query)).rows;
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  pool: pg.Pool;
  db: Db;
  url: string;
  close(): Promise<void>;
}

export interface DatabaseConfig {
  /** postgres://... switches to PostgreSQL; otherwise the embedded PGlite in dataDir. */
  databaseUrl?: string;
  /** PGlite data directory, or 'memory://' for a throwaway in-memory database. */
  dataDir: string;
  poolSize?: number;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) {
    const pool = survivingIdleErrors(new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize ?? 10 }));
    await pool.query('select 1');
    return { kind: 'postgres', pool, db: drizzle(pool, { schema }), url: config.databaseUrl, close: () => pool.end() };
  }
  const child = await startEmbeddedServer(config.dataDir);
  const url = `postgres://postgres@127.0.0.1:${child.port}/postgres`;
  // The embedded server takes exactly one connection (see embedded-server.ts), so the pool has one client.
  const pool = survivingIdleErrors(new pg.Pool({ connectionString: url, max: 1 }));
  await pool.query('select 1');
  return {
    kind: 'pglite',
    pool,
    db: drizzle(pool, { schema }),
    url,
    close: async () => {
      await pool.end();
      await child.stop();
    },
  };
}

/**
 * An idle client whose backend goes away (a server restart, an administrator's pg_terminate_backend, a database
 * dropped WITH (FORCE) just after the pool ended) makes the pool emit 'error'; with no listener that is an uncaught
 * exception and the whole server dies. The pool has already discarded the client and opens a new one on the next
 * query, so the error is only worth a line in the log, and none while the pool is closing.
 */
function survivingIdleErrors(pool: pg.Pool): pg.Pool {
  pool.on('error', (err) => {
    if (!pool.ending) console.warn(`database: an idle connection was lost (${err.message}); the next query opens a new one`);
  });
  return pool;
}

async function startEmbeddedServer(dataDir: string): Promise<{ port: number; stop(): Promise<void> }> {
  const script = fileURLToPath(new URL('./embedded-server.ts', import.meta.url));
  // cwd: where 'tsx' resolves from, whatever directory Relata was started in.
  const proc: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script, dataDir], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: proc.stdout! });
    lines.once('line', (line) => {
      try {
        resolve(JSON.parse(line).port);
      } catch {
        reject(new Error(`embedded database said: ${line}`));
      }
    });
    proc.once('exit', (code) => reject(new Error(`embedded database exited with code ${code} (is ${dataDir} in use?)`)));
  });
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}
