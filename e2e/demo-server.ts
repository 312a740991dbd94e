// How every end-to-end file starts: the real server (the demo company, or an empty one), Debian's Chromium on it,
// a user signed in; stopped again after the file. And the few things a file then asks of the server: JSON through
// the signed-in page, as the UI would ask it, and analytics refreshes, started and waited for.
//
//   const demo = useDemoServer({ language: 'zh-CN' });   // beforeAll starts and signs in the admin; afterAll stops
//   it('…', async () => {
//     const { page } = demo;
//     const tickets = await getJson(page, '/api/tickets');
//     await demo.signIn('manager@relata.demo');           // a demo user, with the demo password
//   });
import { afterAll, beforeAll, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, startServer, TEST_ADMIN, type E2EBrowser, type RunningServer, type StartServerOptions } from './harness.js';

export type Language = 'zh-CN' | 'en-US';

/** The password of every user of the demo company (sales1@relata.demo, manager@relata.demo, service@relata.demo, …). */
export const DEMO_PASSWORD = 'relata-demo';

/** Who signs in: an email and password, or just a demo user's email (the demo password is theirs). */
export type User = { email: string; password: string } | string;

export interface DemoServerOptions extends Omit<StartServerOptions, 'demo'> {
  /** Load the demo company (default true); false: an empty company with only the test admin. */
  demo?: boolean;
  /** Who is signed in once the server is up (default the test admin); null: nobody, the file signs in itself. */
  user?: User | null;
  /** The UI language stored before each sign-in, as the language switch stores it (default: none, the app's own). */
  language?: Language;
}

export interface DemoServer {
  server: RunningServer;
  browser: E2EBrowser;
  /** The browser's first page: the one signed in. */
  page: Page;
  /** Signs the page in as `user` (default the test admin), signing out whoever was, in the session's language. */
  signIn(user?: User): Promise<void>;
  /** Closes the browser and stops the server. */
  stop(): Promise<void>;
}

/**
 * Signs in through the login page as a user would, after signing out whoever was. With `language`, the UI
 * language is stored first (the app starts in Simplified Chinese until the user picks another).
 */
export async function signIn(page: Page, user: User = TEST_ADMIN, { language }: { language?: Language } = {}): Promise<void> {
  const { email, password } = typeof user === 'string' ? { email: user, password: DEMO_PASSWORD } : user;
  await page.context().clearCookies();
  await page.goto('/login');
  if (language) await page.evaluate((l) => localStorage.setItem('relata.language', l), language);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Starts a server and a browser on it, and signs in (see DemoServerOptions). Stop it with stop(). */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const { demo = true, user = TEST_ADMIN, language, ...serverOptions } = options;
  const server = await startServer({ ...serverOptions, demo });
  let browser: E2EBrowser | undefined;
  try {
    browser = await launchBrowser({ baseURL: server.url });
    const { page } = browser;
    const session: DemoServer = {
      server,
      browser,
      page,
      signIn: (as = TEST_ADMIN) => signIn(page, as, { language }),
      stop: async () => {
        await browser?.close();
        await server.stop();
      },
    };
    if (user) await session.signIn(user);
    return session;
  } catch (error) {
    await browser?.close().catch(() => {});
    await server.stop();
    throw error;
  }
}

/**
 * A server for the file (or the describe block) it is called in: started and signed in by a beforeAll, stopped by
 * an afterAll. The object it returns is filled in when the beforeAll has run: read its fields inside tests and hooks.
 */
export function useDemoServer(options: DemoServerOptions = {}, startTimeoutMs = 300_000): DemoServer {
  const session = {} as DemoServer;
  beforeAll(async () => {
    Object.assign(session, await startDemoServer(options));
  }, startTimeoutMs);
  afterAll(async () => {
    await session.stop?.();
  });
  return session;
}

// ---------------------------------------------------------------- the API, through the signed-in page

/** GET through the signed-in page, as the UI would: the answer's JSON. */
export const getJson = <T = any>(page: Page, path: string): Promise<T> => page.evaluate(async (p) => (await fetch(p)).json(), path);

/** POST, PUT or PATCH a JSON body through the signed-in page: the status and the answer's JSON. */
export const sendJson = (page: Page, method: string, path: string, body: unknown): Promise<{ status: number; body: any }> =>
  page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return { status: response.status, body: await response.json() };
    },
    { method, path, body },
  );

export const postJson = (page: Page, path: string, body: unknown) => sendJson(page, 'POST', path, body);

// ---------------------------------------------------------------- analytics refreshes

/**
 * Waits for an analytics refresh to finish — the run `id`, or else the latest — and returns it; throws if it
 * failed or took longer than `limitS` seconds.
 */
export async function waitForRun(page: Page, what: string, { id, limitS = 300 }: { id?: number; limitS?: number } = {}) {
  for (let i = 0; i < limitS * 2; i++) {
    const run = id === undefined ? (await getJson(page, '/api/analytics/runs')).items[0] : await getJson(page, `/api/analytics/runs/${id}`);
    if (run?.status === 'done') return run;
    if (run?.status === 'failed') throw new Error(`${what} failed: ${run.error}`);
    await page.waitForTimeout(500);
  }
  throw new Error(`${what} did not finish in ${limitS} s`);
}

/** Starts a refresh (as of `asOf`, or now; with `params` for the models) and waits for it to finish. */
export async function refreshAndWait(page: Page, body: { asOf?: string; params?: Record<string, unknown> } = {}, limitS = 300) {
  const started = await postJson(page, '/api/analytics/runs', body);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  return waitForRun(page, `the refresh as of ${body.asOf ?? 'now'}`, { id: started.body.id, limitS });
}
