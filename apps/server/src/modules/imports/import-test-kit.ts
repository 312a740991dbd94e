/**
 * What the import tests share: the public data sets, multipart uploads through fastify.inject, waiting for a
 * background import, and a fingerprint of the business tables to prove that nothing changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';

const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));

/** The shared data folder sits beside the clone (…/shared/data), here and in CI. */
export const sharedData = (...parts: string[]) => path.join(process.env.RELATA_SHARED_DATA ?? path.resolve(repoRoot, '..', 'shared', 'data'), ...parts);

export const onlineRetailDecember = sharedData('online-retail', 'online-retail-2010-12.csv.gz');
export const cdnowMaster = sharedData('cdnow', 'CDNOW_master.txt.gz');

export const gunzipText = (file: string) => zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');

type Headers = Record<string, string>;

export function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer | string }) {
  const boundary = `----relata${Math.random().toString(36).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    chunks.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function upload(app: FastifyInstance, headers: Headers, kind: string, file: { name: string; content: Buffer | string }) {
  const body = multipart({ kind }, file);
  return app.inject({ method: 'POST', url: '/api/imports', headers: { ...headers, ...body.headers }, payload: body.payload });
}

export async function uploadOk(app: FastifyInstance, headers: Headers, kind: string, file: { name: string; content: Buffer | string }) {
  const res = await upload(app, headers, kind, file);
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Polls GET /api/imports/:id until the import is done or failed. */
export async function waitForImport(app: FastifyInstance, headers: Headers, id: number, timeoutMs = 50_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await app.inject({ method: 'GET', url: `/api/imports/${id}`, headers });
    const job = res.json();
    if (job.status === 'done' || job.status === 'failed') return job;
    if (Date.now() > until) throw new Error(`import ${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function runAndWait(app: FastifyInstance, headers: Headers, id: number, body: Record<string, unknown>) {
  const res = await app.inject({ method: 'POST', url: `/api/imports/${id}/run`, headers, payload: body });
  if (res.statusCode !== 202) throw new Error(`run failed: ${res.statusCode} ${res.body}`);
  return waitForImport(app, headers, id);
}

/** Row counts and an md5 over every column of every row of the tables an import writes. */
export async function tableFingerprint(pool: pg.Pool) {
  const tables = ['accounts', 'products', 'orders', 'order_lines', 'tickets', 'referrals', 'product_suggestions', 'account_income_history'];
  const out: Record<string, { rows: number; md5: string | null }> = {};
  for (const t of tables) {
    const { rows } = await pool.query(`SELECT count(*)::int AS rows, md5(string_agg(t::text, E'\\n' ORDER BY t.id)) AS md5 FROM ${t} t`);
    out[t] = rows[0];
  }
  return out;
}
