/**
 * How responsive the app stays while its first analytics refresh runs on the embedded database (PGlite serves one
 * connection, so the refresh's reads and writes queue with the users' requests). Starts the server as `npm start`
 * does on a fresh data folder (demo company, scheduled refresh at start-up), signs in, and times a page of the
 * accounts list twice a second until the refresh is done. Prints the refresh's duration and the list's latency.
 *
 *   npx tsx bench/first-refresh-latency.ts [--port 3999]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const port = Number(args.includes('--port') ? args[args.indexOf('--port') + 1] : 3999);
const base = `http://127.0.0.1:${port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relata-latency-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/server/src/main.ts')], {
  cwd: root,
  env: { ...process.env, PORT: String(port), RELATA_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});

try {
  const started = Date.now();
  for (;;) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
    if (Date.now() - started > 120_000) throw new Error('the server did not start in 2 minutes');
    await sleep(250);
  }
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'manager@relata.demo', password: 'relata-demo' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const get = (url: string) => fetch(`${base}${url}`, { headers: { cookie } });

  const times: number[] = [];
  let run: { id: number; status: string; createdAt: string; finishedAt: string | null } | undefined;
  for (;;) {
    const t0 = performance.now();
    const res = await get('/api/accounts?pageSize=25');
    await res.arrayBuffer();
    times.push(performance.now() - t0);
    run = ((await (await get('/api/analytics/runs')).json()) as { items: NonNullable<typeof run>[] }).items[0];
    if (run && run.status !== 'queued' && run.status !== 'running') break;
    await sleep(500);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  const refreshS = run?.finishedAt ? (Date.parse(run.finishedAt) - Date.parse(run.createdAt)) / 1000 : NaN;
  console.log(`first refresh (run ${run?.id}, ${run?.status}): ${refreshS.toFixed(1)} s`);
  console.log(`GET /api/accounts during it: ${times.length} requests, median ${q(0.5).toFixed(0)} ms, p95 ${q(0.95).toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms`);
} finally {
  server.kill('SIGTERM');
  await sleep(1000);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
