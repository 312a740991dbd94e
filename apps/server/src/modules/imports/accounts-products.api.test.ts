/**
 * Accounts and products files: upserts by natural key that touch only the mapped columns, and the CSV
 * details that decide whether a value arrives intact (BOM, CRLF, semicolons, quotes, blanks).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { runAndWait, uploadOk } from './import-test-kit.js';

let t: TestApp;
let managerId: number;
beforeAll(async () => {
  t = await startTestApp();
  managerId = (await t.addUser('manager', 'Manager@Test.Relata')).user.id;
});
afterAll(async () => {
  await t?.close();
});
const post = (url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: t.admin.headers, payload: payload as object });
const q = async (sql: string, params: unknown[] = []) => (await t.database.pool.query(sql, params)).rows;

describe('accounts', () => {
  const file =
    '\uFEFFCustomer No;Name;Type;Email;Tags;Owner;Phone;Notes\r\n' +
    'A-1;"  Acme; Ltd  ";organization;info@acme.test;vip| wholesale |vip;manager@test.relata; +44 20 1234 ;"first line\r\nsecond line"\r\n' +
    'A-2;Jane Doe;person;jane@example.test;;;;\r\n' +
    'A-3;Bad Co;alien;not-an-email;;nobody@test.relata;;\r\n' +
    ' A-1 ;Again;;;;;;\r\n';
  const mapping = { external_id: 'Customer No', name: 'Name', kind: 'Type', email: 'Email', tags: 'Tags', owner_email: 'Owner', phone: 'Phone', notes: 'Notes' };

  it('reads a semicolon file with a BOM, CRLF and quoted values, and proposes the mapping', async () => {
    const up = await uploadOk(t.app, t.admin.headers, 'accounts', { name: 'accounts.csv', content: file });
    expect(up.delimiter).toBe('semicolon');
    expect(up.headers[0]).toBe('Customer No');
    expect(Object.fromEntries(Object.entries(up.suggestedMapping).filter(([, v]) => v !== null))).toEqual(mapping);
    expect(up.sample[0]).toMatchObject({ Name: '  Acme; Ltd  ', Notes: 'first line\r\nsecond line' });

    const v = (await post(`/api/imports/${up.id}/validate`, { mapping })).json();
    // Row numbers are spreadsheet rows: the quoted line break does not start a new row.
    expect(v.errors).toEqual([
      { row: 4, column: 'Type', field: 'kind', message: '"alien" is not one of: person, organisation', code: 'notOneOf', params: { value: 'alien', allowed: 'person, organisation' } },
      { row: 4, column: 'Email', field: 'email', message: '"not-an-email" is not an email address', code: 'notEmail', params: { value: 'not-an-email' } },
      { row: 4, column: 'Owner', field: 'owner_email', message: 'there is no user with the email nobody@test.relata', code: 'unknownUser', params: { value: 'nobody@test.relata' } },
      { row: 5, column: 'Customer No', field: 'external_id', message: 'external id A-1 is already on row 2', code: 'duplicateKey', params: { value: 'A-1', row: 2 } },
    ]);

    const job = await runAndWait(t.app, t.admin.headers, up.id, { mapping, skipInvalid: true });
    expect(job.report).toMatchObject({ accounts: { inserted: 2, updated: 0, unchanged: 0 }, skippedRows: [4, 5] });
    const [acme] = await q(`SELECT name, kind, email, tags, owner_id, phone, notes, source FROM accounts WHERE external_id = 'A-1'`);
    expect(acme).toEqual({
      name: '  Acme; Ltd  ', // quoted: kept exactly
      kind: 'organisation',
      email: 'info@acme.test',
      tags: ['vip', 'wholesale'],
      owner_id: managerId,
      phone: '+44 20 1234',
      notes: 'first line\r\nsecond line',
      source: 'import',
    });
  });

  it('updates only what differs, and only in the mapped columns', async () => {
    await q(`UPDATE accounts SET website = 'https://acme.test', industry = 'Retail' WHERE external_id = 'A-1'`);
    const [before] = await q(`SELECT version, updated_at FROM accounts WHERE external_id = 'A-1'`);
    const csv = 'external_id,name,email\nA-1,"  Acme; Ltd  ",info@acme.test\nA-2,Jane Doe,jane.doe@example.test\nA-9,New One,\n';
    const up = await uploadOk(t.app, t.admin.headers, 'accounts', { name: 'accounts2.csv', content: csv });
    const job = await runAndWait(t.app, t.admin.headers, up.id, { mapping: { external_id: 'external_id', name: 'name', email: 'email' } });
    expect(job.report).toMatchObject({ accounts: { inserted: 1, updated: 1, unchanged: 1 } });
    const rows = await q(`SELECT external_id, email, website, industry, tags, version FROM accounts ORDER BY external_id`);
    expect(rows).toEqual([
      { external_id: 'A-1', email: 'info@acme.test', website: 'https://acme.test', industry: 'Retail', tags: ['vip', 'wholesale'], version: before.version },
      { external_id: 'A-2', email: 'jane.doe@example.test', website: null, industry: null, tags: [], version: 2 },
      { external_id: 'A-9', email: null, website: null, industry: null, tags: [], version: 1 },
    ]);
    const [after] = await q(`SELECT updated_at FROM accounts WHERE external_id = 'A-1'`);
    expect(after.updated_at).toEqual(before.updated_at);
  });
});

describe('products', () => {
  const csv = [
    'sku,name,category,price,cost,upsell,launched',
    'SKU-1,Widget,Tools,"1,234.50",800,yes,2024-03-01',
    'SKU-2,Gadget,,9.99,,no,',
    'SKU-3,Broken,,-5,,maybe,2024-02-30',
    'sku-1,Lower-case SKU is another product,,1,,0,',
  ].join('\n');
  const mapping = { sku: 'sku', name: 'name', category: 'category', list_price: 'price', unit_cost: 'cost', value_added: 'upsell', launch_date: 'launched' };

  it('imports typed values and lists the invalid ones', async () => {
    const up = await uploadOk(t.app, t.admin.headers, 'products', { name: 'products.csv', content: csv });
    expect(Object.fromEntries(Object.entries(up.suggestedMapping).filter(([, v]) => v !== null))).toEqual(mapping);
    const job = await runAndWait(t.app, t.admin.headers, up.id, { mapping, dateFormat: 'YYYY-MM-DD', skipInvalid: true });
    expect(job.report.errors).toEqual([
      { row: 4, column: 'price', field: 'list_price', message: '-5 is negative', code: 'negative', params: { value: -5 } },
      { row: 4, column: 'upsell', field: 'value_added', message: '"maybe" is not yes/no (use yes, no, true, false, 1 or 0)', code: 'notYesNo', params: { value: 'maybe' } },
      { row: 4, column: 'launched', field: 'launch_date', message: '"2024-02-30": February 2024 has no day 30 (it has 29 days)', code: 'noDay', params: { value: '2024-02-30', year: 2024, month: 2, day: 30, days: 29 } },
    ]);
    expect(job.report.products).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
    expect(await q(`SELECT sku, name, category, list_price, unit_cost, value_added, launch_date::text AS launch FROM products ORDER BY sku`)).toEqual([
      { sku: 'SKU-1', name: 'Widget', category: 'Tools', list_price: 1234.5, unit_cost: 800, value_added: true, launch: '2024-03-01' },
      { sku: 'SKU-2', name: 'Gadget', category: null, list_price: 9.99, unit_cost: null, value_added: false, launch: null },
      { sku: 'sku-1', name: 'Lower-case SKU is another product', category: null, list_price: 1, unit_cost: null, value_added: false, launch: null },
    ]);
  });

  it('a second import of the same rows is a no-op; a changed price is one update', async () => {
    const again = await uploadOk(t.app, t.admin.headers, 'products', { name: 'products.csv', content: csv.replace('SKU-2,Gadget,,9.99', 'SKU-2,Gadget,,10.49') });
    const job = await runAndWait(t.app, t.admin.headers, again.id, { mapping, dateFormat: 'YYYY-MM-DD', skipInvalid: true });
    expect(job.report.products).toEqual({ inserted: 0, updated: 1, unchanged: 2 });
    expect(await q(`SELECT list_price, version FROM products WHERE sku = 'SKU-2'`)).toEqual([{ list_price: 10.49, version: 2 }]);
  });

  it('orders link to known products by SKU without changing them, and create unknown ones', async () => {
    const orders = 'order,date,sku,product,qty,price,status\nS-1,2024-05-01T10:00:00+02:00,SKU-1,Renamed widget,2,1000,Canceled\nS-1,2024-05-01T10:00:00+02:00,NEW-1,Brand new,1,3.5,\nS-2,2024-05-02,NEW-1,,1,3.25,lost\n';
    const up = await uploadOk(t.app, t.admin.headers, 'orders', { name: 'orders.csv', content: orders });
    const mapping = { order: 'order', date: 'date', sku: 'sku', product_name: 'product', quantity: 'qty', unit_price: 'price', status: 'status' };
    const job = await runAndWait(t.app, t.admin.headers, up.id, { mapping, skipInvalid: true });
    expect(job.report.errors).toEqual([{ row: 4, column: 'status', field: 'status', message: '"lost" is not one of: completed, cancelled, returned, open', code: 'notOneOf', params: { value: 'lost', allowed: 'completed, cancelled, returned, open' } }]);
    expect(job.report).toMatchObject({ products: { inserted: 1, unchanged: 1 }, orders: { inserted: 1 }, lines: { inserted: 2 } });
    expect(await q(`SELECT sku, name, list_price FROM products WHERE sku IN ('SKU-1', 'NEW-1') ORDER BY sku`)).toEqual([
      { sku: 'NEW-1', name: 'Brand new', list_price: 3.5 },
      { sku: 'SKU-1', name: 'Widget', list_price: 1234.5 },
    ]);
    // The offset in the value is honoured; the explicit status wins over the rule.
    expect(await q(`SELECT ordered_at, status, total_amount, account_id FROM orders WHERE order_no = 'S-1'`)).toEqual([
      { ordered_at: new Date('2024-05-01T08:00:00Z'), status: 'cancelled', total_amount: 2003.5, account_id: null },
    ]);
  });
});

describe('quoted identifiers', () => {
  it('keep their blanks; unquoted ones lose them', async () => {
    const up = await uploadOk(t.app, t.admin.headers, 'accounts', { name: 'quoted.csv', content: 'external_id,name\n" Q-1 ",Quoted\n Q-2 ,Plain\n' });
    const job = await runAndWait(t.app, t.admin.headers, up.id, { mapping: { external_id: 'external_id', name: 'name' } });
    expect(job.report.accounts).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(await q(`SELECT external_id FROM accounts WHERE name IN ('Quoted', 'Plain') ORDER BY name`)).toEqual([{ external_id: 'Q-2' }, { external_id: ' Q-1 ' }]);
  });
});
