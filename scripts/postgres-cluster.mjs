#!/usr/bin/env node
// Gives the test run a real PostgreSQL server, so the API suite runs against the production
// database as well as against PGlite.
//
// Where the server comes from (RELATA_TEST_PG, default `auto`):
//   auto       RELATA_TEST_DATABASE_URL or DATABASE_URL if it answers; else the local server on
//              127.0.0.1:5432 (trust auth, database `test`) if it answers; else a throwaway cluster.
//   env        only RELATA_TEST_DATABASE_URL / DATABASE_URL (fails if unset or unreachable)
//   local      only the local server on 127.0.0.1:5432
//   throwaway  always a throwaway cluster (what a fresh CI machine without a server gets)
//
// A URL from the environment is used as it is and never dropped. On the local server a fresh
// database (relata_run_<pid>_<time>) is created from template0 and dropped at the end, so a run
// never sees tables that an earlier run or a developer left in `test`. A throwaway cluster is
// initdb'd from Debian's binaries in a temp dir, as the `postgres` user when we are root (initdb
// refuses root), with trust auth on a free port of 127.0.0.1 and fsync off, and is stopped and
// deleted at the end. Leftovers of runs that were killed are cleaned up by the next run.
//
// As a CLI:
//   node scripts/postgres-cluster.mjs run -- <command...>   runs the command with DATABASE_URL set
//   node scripts/postgres-cluster.mjs serve                 prints the URL, stops on Ctrl-C/SIGTERM
//   node scripts/postgres-cluster.mjs clean                 removes leftovers of killed runs
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { aptInstall, isRoot } from './debian-packages.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LOCAL_URL = 'postgres://postgres@127.0.0.1:5432/test';
const DIR_PREFIX = 'relata-pg-';
const DB_PREFIX = 'relata_run_';
const OWNER_FILE = 'relata-owner.json';

const defaultLog = (m) => console.error(`[postgres] ${m}`);

// ---------------------------------------------------------------- connecting

function loadPg() {
  try {
    return createRequire(path.join(repoRoot, 'package.json'))('pg');
  } catch {
    return null;
  }
}

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Runs SQL statements one after another; returns the rows of the last. Uses `pg`, else psql. */
async function sql(url, statements, { timeoutMs = 5000 } = {}) {
  const pg = loadPg();
  if (pg) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
    client.on('error', () => {});
    await client.connect();
    try {
      let rows = [];
      for (const s of statements) rows = (await client.query(s)).rows;
      return rows;
    } finally {
      await client.end().catch(() => {});
    }
  }
  if (which('psql')) {
    let out = '';
    for (const s of statements) {
      const r = spawnSync('psql', [url, '-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-c', s], {
        encoding: 'utf8',
        env: { ...process.env, PGCONNECT_TIMEOUT: String(Math.ceil(timeoutMs / 1000)) },
        timeout: timeoutMs * 4,
      });
      if (r.status !== 0) throw new Error((r.stderr || `psql exit ${r.status}`).trim());
      out = r.stdout;
    }
    return out.split('\n').filter(Boolean).map((line) => ({ value: line }));
  }
  throw new Error('neither the `pg` package nor psql is available to talk to PostgreSQL');
}

/** True when a session can be opened at `url` and answers `select 1`. */
export async function canConnect(url, timeoutMs = 3000) {
  try {
    await sql(url, ['select 1'], { timeoutMs });
    return true;
  } catch {
    return false;
  }
}

function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

// ---------------------------------------------------------------- the local server

async function useLocalServer(log) {
  const t0 = Date.now();
  await dropStaleDatabases(LOCAL_URL, log);
  const name = `${DB_PREFIX}${process.pid}_${Date.now().toString(36)}`;
  try {
    await sql(LOCAL_URL, [`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`]);
  } catch (e) {
    // No right to create databases: fall back to the shared `test` database itself.
    log(`cannot create a database on the local server (${e.message}); using ${LOCAL_URL} as it is`);
    return handle('local', LOCAL_URL, () => {}, () => {});
  }
  const url = withDatabase(LOCAL_URL, name);
  log(`local server: created database ${name} in ${Date.now() - t0} ms`);
  const drop = `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`;
  return handle(
    'local',
    url,
    async () => {
      await sql(LOCAL_URL, [drop]).catch((e) => log(`could not drop ${name}: ${e.message}`));
      log(`local server: dropped database ${name}`);
    },
    () => {
      if (which('psql')) spawnSync('psql', [LOCAL_URL, '-X', '-q', '-c', drop], { stdio: 'ignore', timeout: 15000 });
    },
  );
}

/**
 * Drops databases whose creator, a process of this machine, is gone: ours (relata_run_<pid>_*) and
 * those of the API test harness (relata_test_<pid>_*, one per test file, left by a killed worker).
 */
async function dropStaleDatabases(adminUrl, log) {
  let rows;
  try {
    rows = await sql(adminUrl, [`SELECT datname FROM pg_database WHERE datname ~ '^relata_(run|test)_[0-9]+_'`]);
  } catch {
    return;
  }
  for (const row of rows) {
    const name = row.datname ?? row.value;
    const pid = Number(/^relata_(?:run|test)_(\d+)_/.exec(name)?.[1]);
    if (!pid || pidAlive(pid)) continue;
    await sql(adminUrl, [`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`])
      .then(() => log(`dropped stale database ${name}`))
      .catch(() => {});
  }
}

// ---------------------------------------------------------------- the throwaway cluster

/** The bin directory of the newest PostgreSQL found (PG_BIN, Debian's layout, then PATH). */
export function findPgBin() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(path.join(base, v, 'bin'));
  }
  const onPath = which('initdb');
  if (onPath) candidates.push(path.dirname(onPath));
  return candidates.find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) ?? null;
}

function ensurePgBin(log) {
  let bin = findPgBin();
  if (bin) return bin;
  log('PostgreSQL server binaries not found; installing Debian package postgresql');
  aptInstall(['postgresql'], { log });
  bin = findPgBin();
  if (!bin) throw new Error('postgresql installed, but no initdb/pg_ctl found under /usr/lib/postgresql/*/bin');
  return bin;
}

function idOf(user) {
  const u = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', user], { encoding: 'utf8' });
  if (u.status !== 0 || g.status !== 0) return null;
  return { uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()) };
}

/** initdb and the server refuse to run as root: as root, run them as the `postgres` user. */
function serverUser() {
  if (!isRoot()) return null;
  let ids = idOf('postgres');
  if (!ids) {
    spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { stdio: 'ignore' });
    ids = idOf('postgres');
  }
  if (!ids) throw new Error('running as root and there is no `postgres` user to run the throwaway cluster as');
  return { name: 'postgres', ...ids };
}

function shellQuote(s) {
  return `'${String(s).replace(/'/g, `'\\''`)}'`;
}

/** Runs a server binary, as the server user when we are root. */
function runAs(user, cmd, args, { cwd, timeoutMs = 120000 } = {}) {
  let file = cmd;
  let argv = args;
  if (user) {
    if (which('runuser')) {
      file = 'runuser';
      argv = ['-u', user.name, '--', cmd, ...args];
    } else {
      file = 'su';
      argv = [user.name, '-s', '/bin/sh', '-c', [cmd, ...args].map(shellQuote).join(' ')];
    }
  }
  return spawnSync(file, argv, { cwd, encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, LC_ALL: 'C' } });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function tempRoot() {
  return process.env.RELATA_TEST_PG_TMP || os.tmpdir();
}

function stopClusterSync(bin, user, dir) {
  const data = path.join(dir, 'data');
  if (existsSync(path.join(data, 'postmaster.pid'))) {
    const r = runAs(user, path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', '-t', '30', 'stop'], { cwd: dir, timeoutMs: 40000 });
    if (r.status !== 0 && existsSync(path.join(data, 'postmaster.pid'))) {
      // pg_ctl could not stop it: kill the postmaster, its children follow.
      const pid = Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      if (pid) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {}
      }
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

/** Stops and removes throwaway clusters whose owning process is gone. */
export function cleanStaleClusters(log = defaultLog) {
  const root = tempRoot();
  let names = [];
  try {
    names = readdirSync(root).filter((n) => n.startsWith(DIR_PREFIX));
  } catch {
    return;
  }
  for (const n of names) {
    const dir = path.join(root, n);
    try {
      let owner = null;
      try {
        owner = JSON.parse(readFileSync(path.join(dir, OWNER_FILE), 'utf8'));
      } catch {}
      if (owner?.pid && pidAlive(owner.pid)) continue;
      // A dir without its owner file is a run killed while creating it: leave fresh ones alone.
      if (!owner && Date.now() - statSync(dir).mtimeMs < 10 * 60 * 1000) continue;
      const bin = owner?.bin && existsSync(owner.bin) ? owner.bin : findPgBin();
      if (bin) stopClusterSync(bin, serverUser(), dir);
      else rmSync(dir, { recursive: true, force: true });
      log(`removed stale cluster ${dir}`);
    } catch (e) {
      log(`could not clean ${dir}: ${e.message}`);
    }
  }
}

async function startThrowaway(log) {
  const t0 = Date.now();
  cleanStaleClusters(log);
  const bin = ensurePgBin(log);
  const user = serverUser();
  const dir = mkdtempSync(path.join(tempRoot(), DIR_PREFIX));
  const stopSync = () => stopClusterSync(bin, user, dir);
  try {
    writeFileSync(path.join(dir, OWNER_FILE), JSON.stringify({ pid: process.pid, bin, startedAt: new Date().toISOString() }));
    if (user) chownSync(dir, user.uid, user.gid);
    const data = path.join(dir, 'data');
    const log_ = path.join(dir, 'server.log');

    const init = runAs(user, path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], { cwd: dir });
    if (init.status !== 0) throw new Error(`initdb failed (exit ${init.status}): ${(init.stderr || init.stdout || String(init.error)).trim()}`);
    // Throwaway data: durability is worth nothing here, speed is.
    appendFileSync(
      path.join(data, 'postgresql.conf'),
      [
        '',
        '# relata test cluster',
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        'max_connections = 200',
        "timezone = 'UTC'",
        '',
      ].join('\n'),
    );
    const tInit = Date.now();

    let port = 0;
    let started = false;
    let lastError = '';
    for (let attempt = 0; attempt < 5 && !started; attempt++) {
      port = await freePort();
      const r = runAs(user, path.join(bin, 'pg_ctl'), ['-D', data, '-l', log_, '-o', `-p ${port}`, '-w', '-t', '60', 'start'], { cwd: dir });
      started = r.status === 0;
      if (!started) {
        const serverLog = existsSync(log_) ? readFileSync(log_, 'utf8') : '';
        lastError = `${(r.stderr || r.stdout || '').trim()}\n${serverLog.slice(-2000)}`;
        if (!/address already in use|could not bind|could not create any TCP/i.test(serverLog)) break; // not a port race
      }
    }
    if (!started) throw new Error(`pg_ctl start failed:\n${lastError}`);

    const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const database = 'relata_test';
    await sql(adminUrl, [`CREATE DATABASE ${database}`], { timeoutMs: 10000 });
    const url = withDatabase(adminUrl, database);
    const version = path.basename(path.dirname(bin));
    log(`throwaway PostgreSQL ${version} on port ${port} in ${dir} (initdb ${tInit - t0} ms, start+createdb ${Date.now() - tInit} ms)`);
    return handle('throwaway', url, async () => {
      const t = Date.now();
      stopSync();
      log(`throwaway cluster stopped and removed in ${Date.now() - t} ms`);
    }, stopSync, { dir, port, bin });
  } catch (e) {
    stopSync();
    throw e;
  }
}

// ---------------------------------------------------------------- the handle

function handle(source, url, stopAsync, stopSync, extra = {}) {
  let stopped = false;
  const onExit = () => {
    if (!stopped) {
      stopped = true;
      try {
        stopSync();
      } catch {}
    }
  };
  process.once('exit', onExit);
  return {
    source,
    url,
    ...extra,
    /** Stops (and removes) what was started for this run; safe to call twice. */
    async stop() {
      if (stopped) return;
      stopped = true;
      process.off('exit', onExit);
      await stopAsync();
    },
    /** Synchronous stop, for exit and signal handlers. */
    stopSync: onExit,
  };
}

/**
 * Gives a PostgreSQL URL for the test run: { source: 'env'|'local'|'throwaway', url, stop() }.
 */
export async function acquirePostgres({ mode = process.env.RELATA_TEST_PG || 'auto', log = defaultLog } = {}) {
  const envUrl = process.env.RELATA_TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!['auto', 'env', 'local', 'throwaway'].includes(mode)) {
    throw new Error(`RELATA_TEST_PG=${mode}: expected auto, env, local or throwaway`);
  }
  if (mode === 'auto' || mode === 'env') {
    if (envUrl) {
      if (await canConnect(envUrl)) {
        log(`using the server from the environment: ${redact(envUrl)}`);
        return handle('env', envUrl, async () => {}, () => {});
      }
      if (mode === 'env') throw new Error(`DATABASE_URL ${redact(envUrl)} does not answer`);
      log(`DATABASE_URL ${redact(envUrl)} does not answer; looking further`);
    } else if (mode === 'env') {
      throw new Error('RELATA_TEST_PG=env but neither RELATA_TEST_DATABASE_URL nor DATABASE_URL is set');
    }
  }
  if (mode === 'auto' || mode === 'local') {
    if (await canConnect(LOCAL_URL)) return useLocalServer(log);
    if (mode === 'local') throw new Error(`no server answers at ${LOCAL_URL}`);
    log(`no server answers at ${LOCAL_URL}; starting a throwaway cluster`);
  }
  return startThrowaway(log);
}

// ---------------------------------------------------------------- CLI

async function cli(argv) {
  const [command, ...rest] = argv;
  if (command === 'clean') {
    cleanStaleClusters();
    return 0;
  }
  if (command !== 'run' && command !== 'serve') {
    console.error('usage: postgres-cluster.mjs run -- <command...> | serve | clean   (mode from RELATA_TEST_PG=auto|env|local|throwaway)');
    return 2;
  }
  const pgHandle = await acquirePostgres();
  const stopAndExit = (code) => {
    pgHandle.stopSync();
    process.exit(code);
  };
  process.on('SIGINT', () => stopAndExit(130));
  process.on('SIGTERM', () => stopAndExit(143));
  process.on('SIGHUP', () => stopAndExit(129));
  if (command === 'serve') {
    console.log(pgHandle.url);
    console.error('[postgres] serving; Ctrl-C or SIGTERM stops and removes it');
    setInterval(() => {}, 1 << 30); // a pending promise alone does not keep Node alive
    await new Promise(() => {});
  }
  const cmd = rest[0] === '--' ? rest.slice(1) : rest;
  if (cmd.length === 0) {
    console.log(pgHandle.url);
    await pgHandle.stop();
    return 0;
  }
  const child = spawn(cmd[0], cmd.slice(1), { stdio: 'inherit', env: { ...process.env, DATABASE_URL: pgHandle.url } });
  const code = await new Promise((resolve) => {
    child.on('exit', (c, sig) => resolve(c ?? (sig ? 128 + (os.constants.signals[sig] ?? 1) : 1)));
    child.on('error', (e) => {
      console.error(e.message);
      resolve(127);
    });
  });
  await pgHandle.stop();
  return code;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(`[postgres] ${e.message}`);
      process.exit(1);
    },
  );
}
