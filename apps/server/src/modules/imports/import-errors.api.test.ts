/**
 * Imports that must not go through as they are: bad rows (all or nothing, or skipped and listed), bad
 * mappings and options (400 naming the field), files that are not CSV, and a database failure halfway.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { buildApp } from '../../app.js';
import { gunzipText, onlineRetailDecember, runAndWait, tableFingerprint, upload, uploadOk } from './import-test-kit.js';

const retailMapping = {
  order: 'InvoiceNo',
  sku: 'StockCode',
  product_name: 'Description',
  quantity: 'Quantity',
  date: 'InvoiceDate',
  unit_price: 'UnitPrice',
  account: 'CustomerID',
  country: 'Country',
};
// The first 300 lines of the December extract: header + 299 order lines.
const retailHead = gunzipText(onlineRetailDecember).split('\n').slice(0, 300);
const withRow = (row: number, line: string) => retailHead.map((l, i) => (i === row - 1 ? line : l)).join('\n');

let t: TestApp;
const post = (url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: t.admin.headers, payload: payload as object });

beforeAll(async () => {
  t = await startTestApp();
  // Something in the database already, so that "nothing changed" means something.
  const { id } = await uploadOk(t.app, t.admin.headers, 'orders', { name: 'head.csv', content: retailHead.slice(0, 100).join('\n') });
  const job = await runAndWait(t.app, t.admin.headers, id, { mapping: retailMapping, dateFormat: 'M/D/YY H:mm' });
  expect(job.status).toBe('done');
});
afterAll(async () => {
  await t?.close();
});

describe('a file with an invalid row', () => {
  // Row 157 (a spreadsheet row: header = 1), not among the rows imported before, gets a 30th of February.
  const badRow = 157;
  const original = retailHead[badRow - 1];
  const bad = original.replace('12/1/10', '2/30/11');
  const file = withRow(badRow, bad);
  let id: number;

  it('is reported with its row, column and reason', async () => {
    expect(bad).not.toBe(original);
    ({ id } = await uploadOk(t.app, t.admin.headers, 'orders', { name: 'bad.csv', content: file }));
    const v = (await post(`/api/imports/${id}/validate`, { mapping: retailMapping, dateFormat: 'M/D/YY H:mm' })).json();
    expect(v).toMatchObject({ totalRows: 299, validRows: 298, invalidRows: 1, errorCount: 1 });
    expect(v.errors).toEqual([{
        row: badRow,
        column: 'InvoiceDate',
        field: 'date',
        message: expect.stringMatching(/^"2\/30\/11 \d+:\d+": February 2011 has no day 30/),
        code: 'noDay',
        params: { value: expect.stringMatching(/^2\/30\/11 /), year: 2011, month: 2, day: 30, days: 28 },
      }]);
  });

  it('imports nothing: every table is exactly as before', async () => {
    const before = await tableFingerprint(t.database.pool);
    const audits = (await t.database.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'import'`)).rows[0].n;
    const job = await runAndWait(t.app, t.admin.headers, id, { mapping: retailMapping, dateFormat: 'M/D/YY H:mm' });
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/1 of 299 rows are invalid, so nothing was imported/);
    expect(job.report).toMatchObject({ outcome: 'rejected', invalidRows: 1, errors: [{ row: badRow, column: 'InvoiceDate' }], skippedRows: [] });
    expect(await tableFingerprint(t.database.pool)).toEqual(before);
    expect((await t.database.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'import'`)).rows[0].n).toBe(audits);
  });

  it('with skipInvalid imports the rest and lists the skipped row', async () => {
    const job = await runAndWait(t.app, t.admin.headers, id, { mapping: retailMapping, dateFormat: 'M/D/YY H:mm', skipInvalid: true });
    expect(job.status).toBe('done');
    expect(job.report).toMatchObject({
      outcome: 'imported',
      totalRows: 299,
      validRows: 298,
      invalidRows: 1,
      skippedRows: [badRow],
      errors: [{ row: badRow, column: 'InvoiceDate', field: 'date' }],
      // the first 99 lines were imported before
      lines: { inserted: 298 - 99, updated: 0, unchanged: 99 },
    });
    // The skipped row's line number stays free: fixing the row later slots it in without renumbering the others.
    const [invoice] = bad.split(',');
    const numbers = (
      await t.database.pool.query(`SELECT l.line_no FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.order_no = $1 ORDER BY 1`, [invoice])
    ).rows.map((r) => r.line_no);
    const rowsOfInvoice = retailHead.slice(1).filter((l) => l.startsWith(`${invoice},`)).length;
    expect(numbers).toHaveLength(rowsOfInvoice - 1);
    expect(Math.max(...numbers)).toBe(rowsOfInvoice);
  });
});

describe('row errors', () => {
  it('names the column and the reason for each problem', async () => {
    const csv = [
      'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
      '900001,A1,Thing,"1,5",12/1/10 8:26,1.00,100,UK', // decimal comma
      '900001,A2,Thing,0,12/1/10 8:26,1.00,100,UK', // zero quantity
      '900002,A3,Thing,2,13/1/10 8:26,abc,100,UK', // no month 13, price not a number
      ',A4,Thing,2,12/1/10 8:26,1.00,100,UK', // no order number
      '900003,A5,Thing,2,12/1/10 8:26,"1,234.50",101,UK', // thousands separator: fine
      '900003,A6,Thing,2,12/1/10 8:26,2.00,102,UK', // another customer on the same order
      '900004,A7,Thing,2,12/1/10 8:26,2.00', // too few cells
      '',
      '900005,A8,Thing,-3,12/2/10 9:00,2.00,,UK', // guest return: fine
    ].join('\r\n');
    const { id } = await uploadOk(t.app, t.admin.headers, 'orders', { name: 'errors.csv', content: csv });
    const v = (await post(`/api/imports/${id}/validate`, { mapping: retailMapping, dateFormat: 'M/D/YY H:mm' })).json();
    expect(v.errors).toEqual([
      { row: 2, column: 'Quantity', field: 'quantity', message: '"1,5" is not a number: use a point for decimals; commas may only group thousands (1,234.50)', code: 'notNumberComma', params: { value: '1,5' } },
      { row: 3, column: 'Quantity', field: 'quantity', message: 'the quantity is 0 (use a negative quantity for returns and cancellations)', code: 'zeroQuantity', params: {} },
      { row: 4, column: 'InvoiceDate', field: 'date', message: '"13/1/10 8:26": there is no month 13', code: 'noMonth', params: { value: '13/1/10 8:26', month: 13 } },
      { row: 4, column: 'UnitPrice', field: 'unit_price', message: '"abc" is not a number', code: 'notNumber', params: { value: 'abc' } },
      { row: 5, column: 'InvoiceNo', field: 'order', message: 'the order number is empty', code: 'empty', params: {} },
      { row: 7, column: 'CustomerID', field: 'account', message: 'order 900003 belongs to customer 101 on row 6', code: 'orderCustomerDiffers', params: { order: '900003', customer: '101', row: 6 } },
      { row: 8, column: null, field: null, message: 'expected 8 cells as in the header, found 6', code: 'cellCount', params: { expected: 8, found: 6 } },
    ]);
    expect(v).toMatchObject({ totalRows: 8, blankRows: 1, validRows: 2, invalidRows: 6 });
    expect(v.preview.map((p: { row: number; unit_price: number; status: string; account: string | null }) => [p.row, p.unit_price, p.status, p.account])).toEqual([
      [6, 1234.5, 'completed', '101'],
      [10, 2, 'cancelled', null],
    ]);
  });

  it('checks an amount against quantity × unit price when both are mapped', async () => {
    const csv = 'order,date,quantity,unit_price,amount\nX1,2024-01-05,3,2.50,7.50\nX2,2024-01-05,3,2.50,7.00\n';
    const { id } = await uploadOk(t.app, t.admin.headers, 'orders', { name: 'amounts.csv', content: csv });
    const v = (await post(`/api/imports/${id}/validate`, { mapping: { order: 'order', date: 'date', quantity: 'quantity', unit_price: 'unit_price', amount: 'amount' } })).json();
    expect(v.errors).toEqual([{ row: 3, column: 'amount', field: 'amount', message: '7 is not quantity × unit price (3 × 2.5 = 7.5)', code: 'amountMismatch', params: { amount: 7, quantity: 3, unitPrice: 2.5, product: 7.5 } }]);
  });

  it('refuses repeated line numbers within an order', async () => {
    const csv = 'order,line,date,quantity,unit_price\nL1,1,2024-01-05,1,1\nL1,2,2024-01-05,1,1\nL1,1,2024-01-05,1,1\n';
    const { id } = await uploadOk(t.app, t.admin.headers, 'orders', { name: 'lines.csv', content: csv });
    const v = (await post(`/api/imports/${id}/validate`, { mapping: { order: 'order', line: 'line', date: 'date', quantity: 'quantity', unit_price: 'unit_price' } })).json();
    expect(v.errors).toEqual([{ row: 4, column: 'line', field: 'line', message: 'order L1 already has line 1 on row 2', code: 'duplicateLine', params: { order: 'L1', line: 1, row: 2 } }]);
  });

  it('stops at a row the CSV parser cannot follow and imports nothing, even with skipInvalid', async () => {
    const csv = ['order,date,quantity,unit_price', ...Array.from({ length: 20 }, (_, i) => `Q${i},2024-01-05,1,1`), 'Q99,2024-01-05,"1,1', 'Q100,2024-01-05,1,1'].join('\n');
    const { id } = await uploadOk(t.app, t.admin.headers, 'orders', { name: 'quote.csv', content: csv });
    const mapping = { order: 'order', date: 'date', quantity: 'quantity', unit_price: 'unit_price' };
    const v = (await post(`/api/imports/${id}/validate`, { mapping })).json();
    expect(v.fatal).toMatchObject({ row: 22, column: null, message: expect.stringContaining('Quote Not Closed'), code: 'unreadableCsv', params: { reason: expect.stringContaining('Quote Not Closed') } });
    const before = await tableFingerprint(t.database.pool);
    const job = await runAndWait(t.app, t.admin.headers, id, { mapping, skipInvalid: true });
    expect(job).toMatchObject({ status: 'failed', report: { outcome: 'rejected' } });
    expect(job.error).toMatch(/^Row 22: .*Nothing was imported/);
    expect(await tableFingerprint(t.database.pool)).toEqual(before);
  });
});

describe('guest sales and orders without numbers', () => {
  it('groups a customer\'s lines of one day into one order and keeps guest lines as their own orders', async () => {
    const csv = 'customer date cds dollars\r\n  7  20240105  1  10.00\r\n  7  20240105  2  30.00\r\n  7  20240106  1  5.00\r\n     20240105  1  4.00\r\n';
    const { id, delimiter } = await uploadOk(t.app, t.admin.headers, 'orders', { name: 'days.txt', content: csv });
    expect(delimiter).toBe('whitespace');
    // The guest row has one cell fewer: whitespace layouts cannot leave a cell empty, so that row is invalid.
    const mapping = { account: 'customer', date: 'date', quantity: 'cds', amount: 'dollars' };
    const v = (await post(`/api/imports/${id}/validate`, { mapping, dateFormat: 'YYYYMMDD' })).json();
    expect(v.errors).toEqual([{ row: 5, column: null, field: null, message: 'expected 4 cells as in the header, found 3', code: 'cellCount', params: { expected: 4, found: 3 } }]);

    const comma = 'customer,date,cds,dollars\n7,20240105,1,10.00\n7,20240105,2,30.00\n7,20240106,1,5.00\n,20240105,1,4.00\n,20240105,3,6.00\n';
    const up = await uploadOk(t.app, t.admin.headers, 'orders', { name: 'days.csv', content: comma });
    const job = await runAndWait(t.app, t.admin.headers, up.id, { mapping, dateFormat: 'YYYYMMDD' });
    expect(job.report).toMatchObject({ orders: { inserted: 4 }, lines: { inserted: 5 }, accounts: { inserted: 1 }, file: { guestLines: 2 } });
    const orders = (
      await t.database.pool.query(
        `SELECT order_no, account_id IS NULL AS guest, total_amount, (SELECT count(*)::int FROM order_lines l WHERE l.order_id = o.id) AS lines
         FROM orders o WHERE order_no LIKE '7-%' OR order_no LIKE 'guest-%' ORDER BY order_no`,
      )
    ).rows;
    expect(orders).toEqual([
      { order_no: '7-20240105', guest: false, total_amount: 40, lines: 2 },
      { order_no: '7-20240106', guest: false, total_amount: 5, lines: 1 },
      { order_no: 'guest-20240105-5', guest: true, total_amount: 4, lines: 1 },
      { order_no: 'guest-20240105-6', guest: true, total_amount: 6, lines: 1 },
    ]);
  });
});

describe('bad requests', () => {
  let id: number;
  beforeAll(async () => {
    ({ id } = await uploadOk(t.app, t.admin.headers, 'orders', { name: 'head.csv', content: retailHead.slice(0, 20).join('\n') }));
  });

  it('a mapping without a required field is a 400 naming it', async () => {
    const { date: _date, ...noDate } = retailMapping;
    const res = await post(`/api/imports/${id}/validate`, { mapping: noDate });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_error', details: [{ path: 'mapping.date', message: 'required' }] });

    const { unit_price: _p, ...noPrice } = retailMapping;
    const price = await post(`/api/imports/${id}/run`, { mapping: noPrice });
    expect(price.statusCode).toBe(400);
    expect(price.json().error.details).toEqual([{ path: 'mapping.unit_price', message: expect.stringContaining('map unit_price or amount') }]);
  });

  it('unknown fields and columns, dates formats and delimiters are 400s naming them', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ mapping: { ...retailMapping, sku: 'Stock Code' } }, 'mapping.sku'],
      [{ mapping: { ...retailMapping, colour: 'Country' } }, 'mapping.colour'],
      [{ mapping: retailMapping, dateFormat: 'MM/dd/yyyy' }, 'dateFormat'],
      [{ mapping: retailMapping, dateFormat: 'HH:mm' }, 'dateFormat'],
      [{ mapping: retailMapping, delimiter: 'pipe' }, 'delimiter'],
      [{ mapping: retailMapping, currency: 'pound' }, 'currency'],
      [{}, 'mapping'],
    ];
    for (const [body, path] of cases) {
      const res = await post(`/api/imports/${id}/validate`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
  });

  it('files that are not CSV get a clear 400', async () => {
    const cases: [string, Buffer | string, RegExp][] = [
      ['empty.csv', '', /empty/],
      ['blank.csv', '\n\n  \n', /empty/],
      ['header-only.csv', 'a,b,c\n', /no data rows/],
      ['picture.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /binary/],
      ['book.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]), /Excel/],
      ['latin1.csv', Buffer.from('name,city\nJos\xe9,M\xe1laga\n', 'latin1'), /not UTF-8/],
      ['broken.csv.gz', Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]), /gzip/],
    ];
    for (const [name, content, message] of cases) {
      const res = await upload(t.app, t.admin.headers, 'orders', { name, content });
      expect(res.statusCode, name).toBe(400);
      expect(res.json().error.message, name).toMatch(message);
      expect(res.json().error.details, name).toEqual([{ path: 'file', message: expect.any(String) }]);
    }
    const noFile = await t.app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...t.admin.headers, 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\norders\r\n--x--\r\n',
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.details).toEqual([{ path: 'file', message: 'required' }]);
    const badKind = await upload(t.app, t.admin.headers, 'invoices', { name: 'x.csv', content: 'a,b\n1,2\n' });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().error.details).toEqual([{ path: 'kind', message: expect.any(String) }]);
    // Nothing of the refused uploads stays on disk.
    const { readdirSync } = await import('node:fs');
    const jobs = (await t.database.pool.query(`SELECT count(*)::int AS n FROM import_jobs WHERE file_path IS NOT NULL`)).rows[0].n;
    expect(readdirSync(t.uploadDir)).toHaveLength(jobs);
  });

  it('an unknown import is a 404', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/imports/999999', headers: t.admin.headers })).statusCode).toBe(404);
  });
});

describe('a server stopped during an import', () => {
  it('marks the import failed at the next start, since its transaction never committed', async () => {
    const [{ id }] = (
      await t.database.pool.query(`INSERT INTO import_jobs (kind, file_name, status, progress) VALUES ('orders', 'cut-short.csv', 'running', 10) RETURNING id`)
    ).rows;
    const restarted = await buildApp(t.database, { uploadDir: t.uploadDir, maxUploadBytes: 1024 * 1024 });
    await restarted.ready();
    await restarted.close();
    const [job] = (await t.database.pool.query(`SELECT status, error FROM import_jobs WHERE id = $1`, [id])).rows;
    expect(job).toEqual({ status: 'failed', error: expect.stringMatching(/server stopped during this import; nothing was written/) });
  });
});

describe('a database failure halfway through', () => {
  it('leaves the database exactly as before', async () => {
    // A trigger that fails on one line, late in the file, after accounts, products, orders and many lines went in.
    await t.database.pool.query(`
      CREATE FUNCTION refuse_line() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.quantity = 4242 THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER refuse_line BEFORE INSERT ON order_lines FOR EACH ROW EXECUTE FUNCTION refuse_line();`);
    const lines = retailHead.slice(1).map((l, i) => l.replace(/^(\d+)/, `F$1`));
    const last = lines.length - 1;
    lines[last] = lines[last].split(',').map((c, i) => (i === 3 ? '4242' : c)).join(',');
    const { id } = await uploadOk(t.app, t.admin.headers, 'orders', { name: 'fails.csv', content: [retailHead[0], ...lines].join('\n') });
    const before = await tableFingerprint(t.database.pool);
    const audits = (await t.database.pool.query(`SELECT count(*)::int AS n FROM audit_log`)).rows[0].n;
    const job = await runAndWait(t.app, t.admin.headers, id, { mapping: retailMapping, dateFormat: 'M/D/YY H:mm' });
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/nothing was written: refused by test trigger/);
    expect(await tableFingerprint(t.database.pool)).toEqual(before);
    expect((await t.database.pool.query(`SELECT count(*)::int AS n FROM audit_log`)).rows[0].n).toBe(audits);
    await t.database.pool.query(`DROP TRIGGER refuse_line ON order_lines; DROP FUNCTION refuse_line();`);
  });
});
