// End-to-end helpers: the real server as a user starts it, and Debian's Chromium driven by
// playwright-core (Playwright's own browser downloads cannot run on these machines).
//
//   const server = await startServer({ demo: true });
//   const b = await launchBrowser({ baseURL: server.url });
//   await b.page.goto('/');
//   await screenshot(b.page, 'dashboard');
//   await b.close(); await server.stop();
//
// A test file starts with useDemoServer (demo-server.ts), which does the above and signs a user in; screen.ts
// holds what a test does on a screen (open a page in a language, wait for it to settle, pick in a Select).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const screenshotDir = path.join(repoRoot, 'e2e', 'screenshots');
/**
 * Each running server leaves a note here ({ pid, tempDir }) until stop(): scripts/test.mjs reaps
 * what a killed test worker could not stop (a SIGKILLed worker runs no handler).
 */
export const serverRegistryDir = path.join(repoRoot, '.tmp', 'e2e-servers');

/** The first admin every test server gets (RELATA_ADMIN_EMAIL / RELATA_ADMIN_PASSWORD). */
export const TEST_ADMIN = { email: 'admin@relata.test', password: 'E2e-admin-passw0rd!' } as const;

// ---------------------------------------------------------------- the server

export interface StartServerOptions {
  /** Extra environment for the server; a value of `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** RELATA_DEMO: load the demo company on first start (default false: an empty company). */
  demo?: boolean;
  /** Use this data directory (kept by stop(), e.g. to restart on the same data). Default: a fresh temp dir, removed by stop(). */
  dataDir?: string;
  /** How long to wait for GET /api/health (default 90 s). */
  timeoutMs?: number;
  /** The script to run (default apps/server/src/main.ts), relative to the repo or absolute. */
  entry?: string;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234, no trailing slash */
  url: string;
  port: number;
  pid: number;
  dataDir: string;
  admin: typeof TEST_ADMIN;
  /** The last lines the server printed (stdout and stderr). */
  output(): string;
  /** Stops the server (SIGTERM, SIGKILL after 15 s), waits for it, removes its temp data dir. */
  stop(): Promise<void>;
}

type LiveServer = { child: ChildProcess; tempDir: string | null; note: string };

// One set per process, even if Vitest evaluates this module once per test file.
const registryKey = Symbol.for('relata.e2e.liveServers');
const liveServers: Set<LiveServer> = ((globalThis as Record<symbol, unknown>)[registryKey] as Set<LiveServer>) ?? installCleanup();

function installCleanup(): Set<LiveServer> {
  const servers = new Set<LiveServer>();
  (globalThis as Record<symbol, unknown>)[registryKey] = servers;
  const killAllSync = () => {
    for (const s of servers) {
      killGroup(s.child, 'SIGKILL');
      if (s.tempDir) rmSync(s.tempDir, { recursive: true, force: true });
      rmSync(s.note, { force: true });
    }
    servers.clear();
  };
  // If a test forgets stop(), or the run is interrupted, don't leave servers (or their database
  // processes) behind. On a signal: clean up, then die of that signal as we would have.
  process.once('exit', killAllSync);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAllSync();
      process.kill(process.pid, signal);
    });
  }
  return servers;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal); // the server leads its own process group: its children go too
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Environment of the server: ours, minus what Vitest or the API phase put there. */
function serverEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) {
    if (k.startsWith('VITEST') || k === 'TEST' || k === 'RELATA_TEST_DB' || k === 'DATABASE_URL') delete env[k];
  }
  if (env.NODE_ENV === 'test') delete env.NODE_ENV; // set by Vitest, not by a user starting the server
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Starts the real server (`node --import tsx apps/server/src/main.ts`) and waits for /api/health. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const timeoutMs = options.timeoutMs ?? 90_000;
  const entry = path.resolve(repoRoot, options.entry ?? 'apps/server/src/main.ts');
  if (!existsSync(entry)) throw new Error(`server entry ${entry} does not exist`);
  const tempDir = options.dataDir ? null : mkdtempSync(path.join(os.tmpdir(), 'relata-e2e-'));
  const dataDir = options.dataDir ?? path.join(tempDir!, 'data');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;

  const env = serverEnv({
    PORT: String(port),
    HOST: '127.0.0.1',
    RELATA_DATA_DIR: dataDir,
    RELATA_ADMIN_EMAIL: TEST_ADMIN.email,
    RELATA_ADMIN_PASSWORD: TEST_ADMIN.password,
    RELATA_DEMO: options.demo ? '1' : '0',
    ...options.env,
  });

  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  mkdirSync(serverRegistryDir, { recursive: true });
  const note = path.join(serverRegistryDir, `${child.pid}.json`);
  writeFileSync(note, JSON.stringify({ pid: child.pid, tempDir }));
  const entryRecord = { child, tempDir, note };
  liveServers.add(entryRecord);

  const lines: string[] = [];
  const echo = process.env.RELATA_E2E_LOG === '1';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    if (echo) process.stderr.write(`[server ${port}] ${text}`);
    lines.push(...text.split('\n').filter(Boolean));
    if (lines.length > 400) lines.splice(0, lines.length - 400);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const output = () => lines.join('\n');

  let exitInfo: string | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitInfo = signal ? `signal ${signal}` : `exit code ${code}`;
      resolve();
    });
    child.once('error', (e) => {
      exitInfo = `spawn error: ${e.message}`;
      resolve();
    });
  });

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      if (exitInfo === null) {
        killGroup(child, 'SIGTERM');
        const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      killGroup(child, 'SIGKILL'); // whatever the server left in its group (e.g. the database process)
      liveServers.delete(entryRecord);
      rmSync(note, { force: true });
      if (tempDir) {
        // A child that just died may still be closing files: retry a little.
        rmSync(tempDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      }
    })();
    return stopping;
  };

  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (true) {
    if (exitInfo !== null) {
      await stop();
      throw new Error(`server exited before it was healthy (${exitInfo}). Its output:\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
      lastError = `GET /api/health: ${res.status}`;
    } catch (e) {
      lastError = (e as Error).message;
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server not healthy after ${timeoutMs / 1000} s (${lastError}). Its output:\n${output()}`);
    }
    await sleep(250);
  }

  return { url, port, pid: child.pid!, dataDir, admin: TEST_ADMIN, output, stop };
}

// ---------------------------------------------------------------- the browser

export const CHROMIUM_PATH = process.env.RELATA_CHROMIUM ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps trying to reach Google's hosts, which
// this machine's closed network refuses. No --user-data-dir: Playwright makes a fresh profile.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface LaunchBrowserOptions {
  /** Lets tests write page.goto('/contacts'). */
  baseURL?: string;
  viewport?: { width: number; height: number };
  /** Browser locale, e.g. 'en-US' (default) or 'zh-CN'. */
  locale?: string;
  executablePath?: string;
}

export interface E2EBrowser {
  browser: Browser;
  context: BrowserContext;
  /** A first page, already open. */
  page: Page;
  /** Console errors and uncaught page errors seen so far, in any page of the context. */
  errors: string[];
  close(): Promise<void>;
}

/** Launches Debian's Chromium through playwright-core, with a 1440×900 context and a page. */
export async function launchBrowser(options: LaunchBrowserOptions = {}): Promise<E2EBrowser> {
  const executablePath = options.executablePath ?? CHROMIUM_PATH;
  if (!existsSync(executablePath)) {
    throw new Error(`${executablePath} not found: install Debian's Chromium (apt-get install -y chromium)`);
  }
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1440, height: 900 },
      locale: options.locale ?? 'en-US',
      timezoneId: 'UTC',
      baseURL: options.baseURL,
      // no sliding dropdowns and drawers (the app honours the setting): a click lands where the element is
      reducedMotion: 'reduce',
    });
    const errors: string[] = [];
    context.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
    });
    context.on('weberror', (err) => errors.push(`pageerror: ${err.error().message}`));
    const page = await context.newPage();
    return {
      browser,
      context,
      page,
      errors,
      close: async () => {
        await context.close().catch(() => {});
        await browser.close();
      },
    };
  } catch (e) {
    await browser.close().catch(() => {});
    throw e;
  }
}

/** Saves a PNG of the page as e2e/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name.replace(/\.png$/i, '').replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true });
  return file;
}
