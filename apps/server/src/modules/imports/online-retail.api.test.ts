/**
 * The UCI Online Retail December extract imported through the web API, checked against figures computed
 * here from the raw file (and stated in shared/data/online-retail/README.md).
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { gunzipText, onlineRetailDecember, runAndWait, tableFingerprint, upload, uploadOk } from './import-test-kit.js';

const mapping = {
  order: 'InvoiceNo',
  sku: 'StockCode',
  product_name: 'Description',
  quantity: 'Quantity',
  date: 'InvoiceDate',
  unit_price: 'UnitPrice',
  account: 'CustomerID',
  country: 'Country',
};

// The file, read independently of the importer.
const rows = (parse(gunzipText(onlineRetailDecember), { columns: true }) as Record<string, string>[]).map((r) => ({
  invoice: r.InvoiceNo,
  sku: r.StockCode,
  description: r.Description,
  quantity: Number(r.Quantity),
  date: r.InvoiceDate,
  price: r.UnitPrice,
  customer: r.CustomerID,
  country: r.Country,
}));
const cents = (price: string) => {
  const [units, fraction = ''] = price.split('.');
  return Number(units) * 100 + Number(fraction.padEnd(2, '0'));
};
const invoices = new Map<string, typeof rows>();
for (const r of rows) invoices.set(r.invoice, [...(invoices.get(r.invoice) ?? []), r]);
const expected = {
  lines: rows.length,
  orders: invoices.size,
  customers: new Set(rows.filter((r) => r.customer).map((r) => r.customer)).size,
  products: new Set(rows.map((r) => r.sku)).size,
  guestLines: rows.filter((r) => !r.customer).length,
  revenueCents: rows.reduce((s, r) => s + r.quantity * cents(r.price), 0),
  allNegativeInvoices: [...invoices.values()].filter((lines) => lines.every((l) => l.quantity < 0)).length,
  cInvoices: [...invoices.keys()].filter((k) => k.startsWith('C')),
};

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('Online Retail, December 2010', () => {
  it('has the README figures (sanity check of this test)', () => {
    expect(expected).toMatchObject({ lines: 28_492, orders: 1_275, customers: 713, products: 2_605, guestLines: 10_003 });
    expect(expected.cInvoices).toHaveLength(156);
  });

  let uploadId: number;
  it('upload reads the header and proposes the mapping, delimiter and date format', async () => {
    const body = await uploadOk(t.app, t.admin.headers, 'orders', { name: 'online-retail-2010-12.csv.gz', content: fs.readFileSync(onlineRetailDecember) });
    uploadId = body.id;
    expect(body.headers).toEqual(['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country', 'TotalPrice']);
    expect(body.delimiter).toBe('comma');
    expect(body.suggestedDateFormat).toBe('M/D/YY H:mm');
    expect(Object.fromEntries(Object.entries(body.suggestedMapping).filter(([, v]) => v !== null))).toEqual(mapping);
    expect(body.sample).toHaveLength(10);
    expect(body.sample[0]).toMatchObject({ InvoiceNo: '536365', StockCode: '85123A', InvoiceDate: '12/1/10 8:26', CustomerID: '17850' });
    expect(body.fields).toContainEqual({ name: 'date', required: true, label: 'Order date' });
    expect(body.fields).toContainEqual({ name: 'order', required: false, label: 'Order number' });
  });

  it('a wrong date format is a row error naming the column, never a guess', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: `/api/imports/${uploadId}/validate`,
      headers: t.admin.headers,
      payload: { mapping, dateFormat: 'YYYY-MM-DD HH:mm' },
    });
    expect(wrong.statusCode).toBe(200);
    const w = wrong.json();
    expect(w.invalidRows).toBe(expected.lines);
    expect(w.errorCount).toBe(expected.lines);
    expect(w.errors).toHaveLength(1000);
    expect(w.errors[0]).toEqual({ row: 2, column: 'InvoiceDate', field: 'date', message: '"12/1/10 8:26" does not match the date format YYYY-MM-DD HH:mm', code: 'dateFormatMismatch', params: { value: '12/1/10 8:26', format: 'YYYY-MM-DD HH:mm' } });
    expect(w.suggestedDateFormat).toBe('M/D/YY H:mm');

    // Day and month swapped: 12/13/10 has no month 13; the rows of the 1st–12th read as other dates and are valid.
    const swapped = (
      await t.app.inject({ method: 'POST', url: `/api/imports/${uploadId}/validate`, headers: t.admin.headers, payload: { mapping, dateFormat: 'D/M/YY H:mm' } })
    ).json();
    const thirteenth = rows.map((r, i) => ({ r, row: i + 2 })).filter(({ r }) => r.date.startsWith('12/13/10'));
    expect(swapped.invalidRows).toBe(thirteenth.length);
    expect(swapped.errors[0]).toMatchObject({ row: thirteenth[0].row, column: 'InvoiceDate', message: expect.stringContaining('no month 13') });
  });

  it('validates every row and previews them as they will be imported', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/imports/${uploadId}/validate`,
      headers: t.admin.headers,
      payload: { mapping, dateFormat: 'M/D/YY H:mm' },
    });
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(v).toMatchObject({ totalRows: expected.lines, validRows: expected.lines, invalidRows: 0, errors: [] });
    expect(v.file).toMatchObject({ orders: expected.orders, lines: expected.lines, accounts: expected.customers, products: expected.products, guestLines: expected.guestLines });
    expect(v.preview[0]).toMatchObject({
      row: 2,
      order: '536365',
      line: 1,
      date: '2010-12-01T08:26:00.000Z',
      account: '17850',
      sku: '85123A',
      product_name: 'WHITE HANGING HEART T-LIGHT HOLDER',
      quantity: 6,
      unit_price: 2.55,
      status: 'completed',
    });
  });

  it('imports every line, guest sales included, with the totals of the file', async () => {
    const job = await runAndWait(t.app, t.admin.headers, uploadId, { mapping, dateFormat: 'M/D/YY H:mm', currency: 'GBP' });
    expect(job.status).toBe('done');
    expect(job.progress).toBe(expected.lines);
    expect(job.report).toMatchObject({
      outcome: 'imported',
      totalRows: expected.lines,
      invalidRows: 0,
      skippedRows: [],
      accounts: { inserted: expected.customers, updated: 0, unchanged: 0 },
      products: { inserted: expected.products, updated: 0, unchanged: 0 },
      orders: { inserted: expected.orders, updated: 0, unchanged: 0 },
      lines: { inserted: expected.lines, updated: 0, unchanged: 0 },
      timeZone: expect.stringContaining('UTC'),
    });

    const q = async (sql: string) => (await t.database.pool.query(sql)).rows[0];
    expect(await q(`SELECT count(*)::int AS n FROM orders`)).toEqual({ n: expected.orders });
    expect(await q(`SELECT count(*)::int AS n FROM order_lines`)).toEqual({ n: expected.lines });
    expect(await q(`SELECT count(*)::int AS n FROM accounts WHERE source = 'import'`)).toEqual({ n: expected.customers });
    expect(await q(`SELECT count(*)::int AS n FROM products`)).toEqual({ n: expected.products });
    expect(await q(`SELECT count(*)::int AS n FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.account_id IS NULL`)).toEqual({ n: expected.guestLines });
    expect(await q(`SELECT round(sum(total_amount) * 100)::bigint AS c FROM orders`)).toEqual({ c: expected.revenueCents });
    expect(await q(`SELECT round(sum(quantity * unit_price) * 100)::bigint AS c FROM order_lines`)).toEqual({ c: expected.revenueCents });
    expect(await q(`SELECT min(ordered_at) AS first, max(ordered_at) AS last FROM orders`)).toEqual({
      first: new Date('2010-12-01T08:26:00Z'),
      last: new Date('2010-12-13T14:16:00Z'),
    });
    expect(await q(`SELECT count(*)::int AS n FROM orders WHERE status = 'cancelled'`)).toEqual({ n: expected.allNegativeInvoices });
    expect(await q(`SELECT count(*)::int AS n FROM orders WHERE order_no LIKE 'C%' AND status <> 'cancelled'`)).toEqual({ n: 0 });
    expect(await q(`SELECT count(DISTINCT currency)::int AS n, min(currency) AS c FROM orders`)).toEqual({ n: 1, c: 'GBP' });

    // Lines keep the file's order within an invoice, and the product and customer they name.
    const first = await t.database.pool.query(
      `SELECT l.line_no, p.sku, l.quantity, l.unit_price, a.external_id, a.name, a.country
       FROM order_lines l JOIN orders o ON o.id = l.order_id LEFT JOIN products p ON p.id = l.product_id LEFT JOIN accounts a ON a.id = o.account_id
       WHERE o.order_no = '536365' ORDER BY l.line_no`,
    );
    expect(first.rows.map((r) => [r.line_no, r.sku, r.quantity, r.unit_price])).toEqual(
      invoices.get('536365')!.map((r, i) => [i + 1, r.sku, r.quantity, Number(r.price)]),
    );
    expect(first.rows[0]).toMatchObject({ external_id: '17850', name: 'Customer 17850', country: 'United Kingdom' });

    // Names come from the first non-empty description, blanks at the end included (they are part of the source's label).
    const padded = rows.find((r) => r.description.endsWith(' '))!;
    const firstDescription = rows.find((r) => r.sku === padded.sku && r.description.trim() !== '')!.description;
    expect(await q(`SELECT name FROM products WHERE sku = '${padded.sku}'`)).toEqual({ name: firstDescription });

    const audit = await q(`SELECT user_id, entity_id, changes FROM audit_log WHERE entity_type = 'import'`);
    expect(audit).toMatchObject({ user_id: t.admin.user.id, entity_id: String(uploadId) });
    expect(audit.changes.lines).toEqual([null, { inserted: expected.lines, updated: 0, unchanged: 0 }]);
  });

  it('importing the same file again changes nothing', async () => {
    const before = await tableFingerprint(t.database.pool);
    const again = await uploadOk(t.app, t.admin.headers, 'orders', { name: 'again.csv.gz', content: fs.readFileSync(onlineRetailDecember) });
    const job = await runAndWait(t.app, t.admin.headers, again.id, { mapping, dateFormat: 'M/D/YY H:mm', currency: 'GBP' });
    expect(job.report).toMatchObject({
      accounts: { inserted: 0, updated: 0, unchanged: expected.customers },
      products: { inserted: 0, updated: 0, unchanged: expected.products },
      orders: { inserted: 0, updated: 0, unchanged: expected.orders },
      lines: { inserted: 0, updated: 0, unchanged: expected.lines },
    });
    expect(await tableFingerprint(t.database.pool)).toEqual(before);

    const list = await t.app.inject({ method: 'GET', url: '/api/imports', headers: t.admin.headers });
    expect(list.json().items.map((j: { id: number; status: string }) => [j.id, j.status])).toEqual([
      [again.id, 'done'],
      [uploadId, 'done'],
    ]);
    // A finished import cannot be run twice from the same upload.
    const rerun = await t.app.inject({ method: 'POST', url: `/api/imports/${uploadId}/run`, headers: t.admin.headers, payload: { mapping } });
    expect(rerun.statusCode).toBe(409);
  });

  it('only admins and managers import', async () => {
    const sales = await t.addUser('sales');
    const manager = await t.addUser('manager');
    const denied = await upload(t.app, sales.headers, 'orders', { name: 'x.csv', content: 'a,b\n1,2\n' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('forbidden');
    expect((await t.app.inject({ method: 'GET', url: '/api/imports', headers: sales.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/imports/${uploadId}`, headers: sales.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/imports', headers: manager.headers })).statusCode).toBe(200);
  });
});
