#!/usr/bin/env node
// `npm test`: every test of the repo, in phases, on a fresh clone as on a developer's machine.
//   1. unit           packages/** and apps/** *.test.ts (not *.api.test.ts)
//   2. api-pglite     apps/server/** *.api.test.ts with RELATA_TEST_DB=pglite
//   3. api-postgres   the same files with RELATA_TEST_DB=postgres and DATABASE_URL of a real server
//                     (scripts/postgres-cluster.mjs: env, local server, or a throwaway cluster)
//   4. e2e            builds the web app, then e2e/** *.e2e.ts in Debian's Chromium
// Counts come from Vitest's JSON reporter; the run ends with a table and the line
// `N passed, N failed`, and exits non-zero if anything failed. A phase that cannot run (build
// broken, no database, Vitest crashed) counts as one failure, so that line never hides it.
//
// Options: --only unit,api-pglite,api-postgres,e2e   run some phases
//          --skip-build                               e2e against the web build already there
// Env:     RELATA_TEST_PG=auto|env|local|throwaway|none   where phase 3 gets PostgreSQL (none: skip)
//          RELATA_TEST_PHASE_TIMEOUT_MIN (default 15)      a phase still running then is killed
//          RELATA_TEST_BUDGET_MIN (default 27)             the whole run's budget (CI allows 30 min):
//                                                          a phase gets at most what is left of it
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, '.tmp', 'test-results');
const phaseTimeoutMs = Number(process.env.RELATA_TEST_PHASE_TIMEOUT_MIN || 15) * 60_000;
const deadline = Date.now() + Number(process.env.RELATA_TEST_BUDGET_MIN || 27) * 60_000;
/** A hung suite (an open PGlite, a server left running) must not eat the whole CI run. */
const timeLeft = () => Math.max(0, Math.min(phaseTimeoutMs, deadline - Date.now()));

const argv = process.argv.slice(2);
const onlyArg = argv.find((a) => a.startsWith('--only'));
const only = onlyArg
  ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : argv[argv.indexOf(onlyArg) + 1] ?? '').split(',').filter(Boolean)
  : null;
const skipBuild = argv.includes('--skip-build');

const log = (m) => console.log(`[test] ${m}`);

// ---------------------------------------------------------------- state for cleanup

let currentChild = null;
let currentPhase = null;
let pgHandle = null;
let interrupted = false;
const results = [];

function killChildGroup(child, signal) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the child leads its own process group (detached)
  } catch {
    try {
      child.kill(signal);
    } catch {}
  }
}

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(signal, async () => {
    if (interrupted) return;
    interrupted = true;
    console.log(`\n[test] ${signal}: stopping`);
    const child = currentChild;
    if (child) {
      // Let Vitest end its workers (and their 'exit' handlers stop servers), then make sure.
      const exited = new Promise((r) => child.once('exit', r));
      killChildGroup(child, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      killChildGroup({ pid: child.pid, exitCode: null, signalCode: null }, 'SIGKILL');
    }
    reapE2eServers();
    try {
      pgHandle?.stopSync();
    } catch {}
    if (currentPhase) {
      const seconds = (Date.now() - currentPhase.started) / 1000;
      results.push({ title: currentPhase.title, files: null, passed: 0, failed: 1, skipped: 0, seconds, note: `interrupted by ${signal}` });
    }
    printSummary(`interrupted by ${signal}`);
    process.exit(code);
  });
}

// ---------------------------------------------------------------- helpers

/**
 * Kills the servers e2e/harness.ts started and could not stop (its worker was killed), and removes
 * their temp dirs. The harness notes each running server in .tmp/e2e-servers/<pid>.json.
 */
function reapE2eServers() {
  const dir = path.join(root, '.tmp', 'e2e-servers');
  let names = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return;
  }
  for (const n of names) {
    const file = path.join(dir, n);
    try {
      const { pid, tempDir } = JSON.parse(readFileSync(file, 'utf8'));
      try {
        process.kill(-pid, 'SIGKILL'); // the server led its own process group
        log(`killed e2e server ${pid} left running`);
      } catch {}
      if (tempDir && path.basename(tempDir).startsWith('relata-e2e-')) rmSync(tempDir, { recursive: true, force: true });
    } catch {}
    rmSync(file, { force: true });
  }
}

/** Runs a command in its own process group; resolves { code, timedOut }. */
function run(cmd, args, { env = process.env, timeoutMs = timeLeft() } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: 'inherit', detached: true });
    currentChild = child;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.log(`[test] ${path.basename(cmd)} ${args.join(' ')}: still running after ${(timeoutMs / 60000).toFixed(1)} min, killing it`);
      killChildGroup(child, 'SIGTERM');
      setTimeout(() => killChildGroup(child, 'SIGKILL'), 10_000).unref();
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      currentChild = null;
      console.log(`[test] cannot run ${cmd}: ${e.message}`);
      resolve({ code: 127, timedOut });
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      currentChild = null;
      // Leftovers (a server or PGlite process a test forgot) die with the group.
      killChildGroup({ pid: child.pid, exitCode: null, signalCode: null }, 'SIGKILL');
      resolve({ code: code ?? 128 + (os.constants.signals[signal] ?? 1), timedOut });
    });
  });
}

/** Files under `dir` (relative to the repo) whose names end with `suffix`, outside node_modules/dist. */
function findFiles(dir, suffix, exclude = () => false) {
  const found = [];
  const walk = (d) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(suffix) && !exclude(e.name)) found.push(path.relative(root, p));
    }
  };
  walk(path.join(root, dir));
  return found;
}

function npmCommand() {
  return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

async function ensureDependencies() {
  if (existsSync(path.join(root, 'node_modules', 'vitest', 'package.json'))) return;
  const hasLock = existsSync(path.join(root, 'package-lock.json'));
  log(`node_modules is missing: npm ${hasLock ? 'ci' : 'install'}`);
  const t0 = Date.now();
  const { code } = await run(npmCommand(), [hasLock ? 'ci' : 'install', '--no-audit', '--no-fund'], { timeoutMs: 20 * 60_000 });
  if (code !== 0) throw new Error(`npm ${hasLock ? 'ci' : 'install'} failed (exit ${code})`);
  log(`dependencies installed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

function vitestBin() {
  const p = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
  if (!existsSync(p)) throw new Error('vitest is not installed (node_modules/vitest/vitest.mjs missing)');
  return p;
}

/** Reads Vitest's JSON report into counts; `code` is Vitest's exit code. */
function readReport(file, code, timedOut) {
  let report = null;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {}
  if (!report) {
    return { files: null, passed: 0, failed: 1, skipped: 0, note: timedOut ? 'timed out, no report' : `vitest exited ${code} without a report` };
  }
  const files = report.testResults?.length ?? 0;
  const passed = report.numPassedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  let failed = report.numFailedTests ?? 0;
  // A file that failed to load or whose hooks threw has no failed test of its own: count the file.
  const brokenFiles = (report.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  failed += brokenFiles;
  const notes = [];
  if (brokenFiles) notes.push(`${brokenFiles} file(s) failed outside tests`);
  if (timedOut) notes.push('timed out');
  if (code !== 0 && failed === 0) {
    failed = 1; // e.g. unhandled errors between tests: Vitest fails the run without a failed test
    notes.push(`vitest exited ${code} (errors outside tests)`);
  }
  if (files === 0) notes.push('no test files');
  return { files, passed, failed, skipped, note: notes.join('; ') };
}

async function runVitest(phase, project, env) {
  mkdirSync(resultsDir, { recursive: true });
  const out = path.join(resultsDir, `${phase}.json`);
  rmSync(out, { force: true });
  const { code, timedOut } = await run(
    process.execPath,
    [vitestBin(), 'run', '--project', project, '--passWithNoTests', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    { env },
  );
  return readReport(out, code, timedOut);
}

function envWithout(names, extra = {}) {
  const env = { ...process.env, ...extra };
  for (const n of names) if (!(n in extra)) delete env[n];
  return env;
}

// ---------------------------------------------------------------- phases

const apiFiles = () => findFiles('apps/server', '.api.test.ts');
const e2eFiles = () => findFiles('e2e', '.e2e.ts');

const phases = [
  {
    id: 'unit',
    title: 'unit',
    run: () => runVitest('unit', 'unit', envWithout(['DATABASE_URL', 'RELATA_TEST_DB'])),
  },
  {
    id: 'api-pglite',
    title: 'api on PGlite',
    run: () =>
      apiFiles().length === 0
        ? { files: 0, passed: 0, failed: 0, skipped: 0, note: 'no test files' }
        : runVitest('api-pglite', 'api', envWithout(['DATABASE_URL'], { RELATA_TEST_DB: 'pglite' })),
  },
  {
    id: 'api-postgres',
    title: 'api on PostgreSQL',
    run: async () => {
      if (apiFiles().length === 0) return { files: 0, passed: 0, failed: 0, skipped: 0, note: 'no test files' };
      if (process.env.RELATA_TEST_PG === 'none') return { files: null, passed: 0, failed: 0, skipped: 0, note: 'skipped: RELATA_TEST_PG=none' };
      const { acquirePostgres } = await import('./postgres-cluster.mjs');
      try {
        pgHandle = await acquirePostgres({ log: (m) => log(`postgres: ${m}`) });
      } catch (e) {
        return { files: null, passed: 0, failed: 1, skipped: 0, note: `no PostgreSQL: ${e.message.split('\n')[0]}` };
      }
      try {
        const r = await runVitest('api-postgres', 'api', { ...process.env, RELATA_TEST_DB: 'postgres', DATABASE_URL: pgHandle.url });
        r.note = [r.note, `PostgreSQL: ${pgHandle.source}`].filter(Boolean).join('; ');
        return r;
      } finally {
        await pgHandle.stop();
        pgHandle = null;
      }
    },
  },
  {
    id: 'e2e',
    title: 'e2e (Chromium)',
    run: async () => {
      if (e2eFiles().length === 0) return { files: 0, passed: 0, failed: 0, skipped: 0, note: 'no test files (web build skipped)' };
      try {
        const { ensureChromium } = await import('./debian-packages.mjs');
        ensureChromium({ log: (m) => log(`chromium: ${m}`) });
      } catch (e) {
        return { files: null, passed: 0, failed: 1, skipped: 0, note: `no Chromium: ${e.message.split('\n')[0]}` };
      }
      if (!skipBuild) {
        log('building the web app: npm run build -w @relata/web');
        const { code } = await run(npmCommand(), ['run', 'build', '-w', '@relata/web']);
        if (code !== 0) return { files: null, passed: 0, failed: 1, skipped: 0, note: `web build failed (exit ${code})` };
      }
      try {
        return await runVitest('e2e', 'e2e', envWithout(['DATABASE_URL', 'RELATA_TEST_DB']));
      } finally {
        reapE2eServers();
      }
    },
  },
];

// ---------------------------------------------------------------- summary

function printSummary(footer) {
  const rows = results.map((r) => [
    r.title,
    r.files === null ? '-' : String(r.files),
    String(r.passed),
    String(r.failed),
    String(r.skipped),
    `${r.seconds.toFixed(1)}s`,
    r.note || '',
  ]);
  const head = ['phase', 'files', 'passed', 'failed', 'skipped', 'time', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells
      .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  console.log('');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  if (footer) console.log(`(${footer})`);
  const passed = results.reduce((s, r) => s + r.passed, 0);
  const failed = results.reduce((s, r) => s + r.failed, 0);
  console.log('');
  console.log(`${passed} passed, ${failed} failed`);
  return failed;
}

// ---------------------------------------------------------------- main

async function main() {
  const t0 = Date.now();
  try {
    await ensureDependencies();
  } catch (e) {
    results.push({ title: 'install', files: null, passed: 0, failed: 1, skipped: 0, seconds: (Date.now() - t0) / 1000, note: e.message });
    return printSummary() > 0 ? 1 : 0;
  }
  const selected = only ? phases.filter((p) => only.includes(p.id)) : phases;
  if (only && selected.length !== only.length) {
    console.error(`unknown phase in --only ${only.join(',')}; phases: ${phases.map((p) => p.id).join(', ')}`);
    return 2;
  }
  for (const phase of selected) {
    if (interrupted) break;
    if (timeLeft() < 10_000) {
      results.push({ title: phase.title, files: null, passed: 0, failed: 1, skipped: 0, seconds: 0, note: 'not run: time budget used up' });
      continue;
    }
    const started = Date.now();
    currentPhase = { title: phase.title, started };
    console.log(`\n[test] ===== ${phase.title} =====`);
    let r;
    try {
      r = await phase.run();
    } catch (e) {
      r = { files: null, passed: 0, failed: 1, skipped: 0, note: `crashed: ${e.message.split('\n')[0]}` };
    }
    results.push({ ...r, title: phase.title, seconds: (Date.now() - started) / 1000 });
    currentPhase = null;
  }
  const failed = printSummary(`total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    try {
      pgHandle?.stopSync();
    } catch {}
    process.exit(1);
  },
);
