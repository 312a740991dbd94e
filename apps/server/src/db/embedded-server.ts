/**
 * The one process that owns a PGlite data directory and serves it over the PostgreSQL wire protocol.
 *
 * Why a separate process: PGlite runs every query on the calling thread, so in the API process a long
 * query would freeze every other request; and PGlite has no lock between processes, so exactly one
 * process may own a directory. The API, the CLI and the tests all talk to this process with node-postgres,
 * exactly as they talk to a real PostgreSQL server.
 *
 * Usage: node --import tsx embedded-server.ts <dataDir|memory://>
 * Prints one JSON line {"port": N} on stdout when ready; stops cleanly on SIGTERM/SIGINT or when stdin closes.
 */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { acquireDirectoryLock } from './directory-lock.js';

const dataDir = process.argv[2] ?? 'memory://';
let release = () => {};
try {
  if (!dataDir.startsWith('memory://')) release = acquireDirectoryLock(dataDir);
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
}

const db = await PGlite.create(dataDir, { extensions: { pg_trgm } });
// One connection only: the multiplexer would interleave statements of different transactions on one session.
const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 1 });
await server.start();
const port = Number(server.getServerConn().split(':').pop());
process.stdout.write(JSON.stringify({ port }) + '\n');

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop().catch(() => {});
  await db.close().catch(() => {});
  release();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The parent holds our stdin open; when it dies (even by SIGKILL), stdin ends and we close the database cleanly.
process.stdin.on('end', stop);
process.stdin.resume();
