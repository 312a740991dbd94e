// Starting an analytics refresh through the API and waiting for it, as the analytics test files do.
import type { TestApp } from './harness.js';

/** POST /api/analytics/runs as the admin, then polls until the run is done (a failed run throws its error). */
export async function refreshAndWait(t: TestApp, body: { asOf?: string; params?: Record<string, unknown> } = {}, timeoutMs = 180_000) {
  const start = await t.app.inject({ method: 'POST', url: '/api/analytics/runs', headers: t.admin.headers, payload: body });
  if (start.statusCode !== 202) throw new Error(`refresh not started: ${start.statusCode} ${start.body}`);
  const until = Date.now() + timeoutMs;
  for (;;) {
    const run = (await t.app.inject({ method: 'GET', url: `/api/analytics/runs/${start.json().id}`, headers: t.admin.headers })).json();
    if (run.status === 'failed') throw new Error(run.error);
    if (run.status === 'done') return run;
    if (Date.now() > until) throw new Error(`refresh ${run.id} still ${run.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** GET as the admin (or other headers), expecting 200. */
export async function getOk(t: TestApp, url: string, headers = t.admin.headers) {
  const res = await t.app.inject({ method: 'GET', url, headers });
  if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}
