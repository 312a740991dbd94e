/**
 * The CDNOW master file (Fader, Hardie & Lee's BG/NBD data): whitespace-separated, CRLF, no order numbers —
 * a customer's purchases of one day become the lines of one order, as lifetimes aggregates them.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { cdnowMaster, gunzipText, runAndWait, tableFingerprint, uploadOk } from './import-test-kit.js';

const mapping = { account: 'customer_id', date: 'date', quantity: 'number_of_cds', amount: 'dollar_value' };

// The file, read independently of the importer: CRLF lines, blanks between and before the fields.
const lines = gunzipText(cdnowMaster)
  .split('\r\n')
  .slice(1)
  .filter((l) => l.trim() !== '')
  .map((l) => {
    const [customer, date, cds, dollars] = l.trim().split(/\s+/);
    return { customer, date, cds: Number(cds), cents: Math.round(Number(dollars) * 100) };
  });
const expected = {
  lines: lines.length,
  customers: new Set(lines.map((l) => l.customer)).size,
  orders: new Set(lines.map((l) => `${l.customer}-${l.date}`)).size,
  cents: lines.reduce((s, l) => s + l.cents, 0),
  cds: lines.reduce((s, l) => s + l.cds, 0),
};

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('CDNOW master', () => {
  it('has the README figures (sanity check of this test)', () => {
    expect(expected).toMatchObject({ lines: 69_659, customers: 23_570 });
  });

  it('detects the whitespace layout and proposes the mapping', async () => {
    const body = await uploadOk(t.app, t.admin.headers, 'orders', { name: 'CDNOW_master.txt.gz', content: fs.readFileSync(cdnowMaster) });
    expect(body.delimiter).toBe('whitespace');
    expect(body.headers).toEqual(['customer_id', 'date', 'number_of_cds', 'dollar_value']);
    expect(body.sample[0]).toEqual({ customer_id: '00001', date: '19970101', number_of_cds: '1', dollar_value: '11.77' });
    expect(Object.fromEntries(Object.entries(body.suggestedMapping).filter(([, v]) => v !== null))).toEqual(mapping);
    expect(body.suggestedDateFormat).toBe('YYYYMMDD');
  });

  it('imports every purchase; same-day purchases of a customer are one order', async () => {
    const { id } = await uploadOk(t.app, t.admin.headers, 'orders', { name: 'CDNOW_master.txt.gz', content: fs.readFileSync(cdnowMaster) });
    const started = await t.app.inject({
      method: 'POST',
      url: `/api/imports/${id}/run`,
      headers: t.admin.headers,
      payload: { mapping, delimiter: 'whitespace', dateFormat: 'YYYYMMDD', currency: 'USD' },
    });
    expect(started.statusCode).toBe(202);
    expect(started.json()).toEqual({ id, status: 'running' });
    // Follow it as the wizard does: progress only moves forward, up to every row.
    const seen: { status: string; phase: string | null; progress: number }[] = [];
    let job;
    do {
      job = (await t.app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: t.admin.headers })).json();
      seen.push({ status: job.status, phase: job.phase, progress: job.progress });
      await new Promise((r) => setTimeout(r, 50));
    } while (job.status === 'running');
    expect(job.status).toBe('done');
    expect(seen.some((s) => s.status === 'running' && ['queued', 'reading', 'writing'].includes(s.phase!))).toBe(true);
    const progress = seen.map((s) => s.progress);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
    expect(job.progress).toBe(expected.lines);
    expect(job.report).toMatchObject({
      totalRows: expected.lines,
      invalidRows: 0,
      accounts: { inserted: expected.customers, updated: 0, unchanged: 0 },
      products: { inserted: 0, updated: 0, unchanged: 0 },
      orders: { inserted: expected.orders, updated: 0, unchanged: 0 },
      lines: { inserted: expected.lines, updated: 0, unchanged: 0 },
    });
    const q = async (sql: string) => (await t.database.pool.query(sql)).rows[0];
    expect(await q(`SELECT count(*)::int AS n FROM accounts`)).toEqual({ n: expected.customers });
    expect(await q(`SELECT count(*)::int AS n FROM orders`)).toEqual({ n: expected.orders });
    expect(await q(`SELECT count(*)::int AS n FROM order_lines WHERE product_id IS NULL`)).toEqual({ n: expected.lines });
    // Revenue is the file's sum to the cent; unit prices (amount / quantity, 4 decimals) multiply back to within their rounding.
    expect(await q(`SELECT round(sum(total_amount) * 100)::bigint AS c FROM orders`)).toEqual({ c: expected.cents });
    const lineSum = Number((await q(`SELECT sum(quantity * unit_price) AS s FROM order_lines`)).s);
    expect(Math.abs(lineSum - expected.cents / 100)).toBeLessThanOrEqual(0.00005 * expected.cds);
    expect(await q(`SELECT min(ordered_at) AS first, max(ordered_at) AS last FROM orders`)).toEqual({
      first: new Date('1997-01-01T00:00:00Z'),
      last: new Date('1998-06-30T00:00:00Z'),
    });
    // Customer 00002 bought twice on 1997-01-12: one order of two lines.
    const two = await t.database.pool.query(
      `SELECT o.total_amount, o.ordered_at, a.external_id, a.name, l.line_no, l.quantity, l.unit_price
       FROM orders o JOIN accounts a ON a.id = o.account_id JOIN order_lines l ON l.order_id = o.id WHERE o.order_no = '00002-19970112' ORDER BY l.line_no`,
    );
    expect(two.rows).toEqual([
      { total_amount: 89, ordered_at: new Date('1997-01-12T00:00:00Z'), external_id: '00002', name: 'Customer 00002', line_no: 1, quantity: 1, unit_price: 12 },
      { total_amount: 89, ordered_at: new Date('1997-01-12T00:00:00Z'), external_id: '00002', name: 'Customer 00002', line_no: 2, quantity: 5, unit_price: 15.4 },
    ]);
  });

  it('importing it again changes nothing', async () => {
    const before = await tableFingerprint(t.database.pool);
    const { id } = await uploadOk(t.app, t.admin.headers, 'orders', { name: 'CDNOW_master.txt.gz', content: fs.readFileSync(cdnowMaster) });
    const job = await runAndWait(t.app, t.admin.headers, id, { mapping, delimiter: 'whitespace', dateFormat: 'YYYYMMDD', currency: 'USD' });
    expect(job.report).toMatchObject({
      accounts: { inserted: 0, updated: 0, unchanged: expected.customers },
      orders: { inserted: 0, updated: 0, unchanged: expected.orders },
      lines: { inserted: 0, updated: 0, unchanged: expected.lines },
    });
    expect(await tableFingerprint(t.database.pool)).toEqual(before);
  });
});
