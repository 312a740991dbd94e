/**
 * Files of tickets, referrals, product suggestions and income figures: the data behind the relationship-value
 * factors. For each kind: a file imports, the same file again changes nothing, a changed value is one update
 * (version + 1), an invalid row rejects the whole file naming row and column, skipInvalid imports the rest;
 * records in the recycle bin stay there. Then the imported rows feed the nine factors.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { loadFactorRows } from '../relationship/factor-data.js';
import { prepareImportCommand, runImportCommand, UsageProblem } from './import-command.js';
import { runImport } from './import-run.js';
import { runAndWait, tableFingerprint, uploadOk } from './import-test-kit.js';

let t: TestApp;
let serviceUserId: number;
beforeAll(async () => {
  t = await startTestApp();
  serviceUserId = (await t.addUser('service', 'Service@Test.Relata')).user.id;
  // the customers and the product the files name: these files never create them
  await importCsv('accounts', 'external_id,name\nC-1,Acme\nC-2,Brightside\nC-3,Cobalt\nC-4,Deleted Ltd\n', {});
  await importCsv('products', 'sku,name\nSKU-1,Widget\nSKU-GONE,Old widget\n', {});
  await q(`UPDATE accounts SET deleted_at = now() WHERE external_id = 'C-4'`);
  await q(`UPDATE products SET deleted_at = now() WHERE sku = 'SKU-GONE'`);
});
afterAll(async () => {
  await t?.close();
});

const q = async (sql: string, params: unknown[] = []) => (await t.database.pool.query(sql, params)).rows;
const auditedImports = async () => (await q(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'import'`))[0].n as number;

/** Uploads a CSV and runs it with the suggested mapping (or the one given); answers the finished job. */
async function importCsv(kind: string, csv: string, options: { mapping?: Record<string, string>; dateFormat?: string; skipInvalid?: boolean }) {
  const up = await uploadOk(t.app, t.admin.headers, kind, { name: `${kind}.csv`, content: csv });
  const mapping = options.mapping ?? Object.fromEntries(Object.entries(up.suggestedMapping as Record<string, string | null>).filter(([, c]) => c !== null));
  return runAndWait(t.app, t.admin.headers, up.id, { ...options, mapping });
}

/** A file must be refused whole: the job fails, the report names each problem, no table changes, no audit entry. */
async function expectRejected(kind: string, csv: string, options: { mapping?: Record<string, string>; dateFormat?: string }, errors: unknown[]) {
  const before = await tableFingerprint(t.database.pool);
  const audits = await auditedImports();
  const job = await importCsv(kind, csv, options);
  expect(job.status).toBe('failed');
  expect(job.report.outcome).toBe('rejected');
  expect(job.report.errors).toEqual(errors);
  expect(await tableFingerprint(t.database.pool)).toEqual(before);
  expect(await auditedImports()).toBe(audits);
  return job;
}

describe('tickets', () => {
  const dateFormat = 'YYYY-MM-DD HH:mm';
  const csv = [
    'Ticket No,Customer ID,Subject,Type,Priority,Status,Opened,Resolved,Minutes,Cost,CSAT,NPS,Assigned To,Description',
    'T-1,C-1,Printer jammed,Complaint,HIGH,In progress,2024-03-01 09:00,,30,"1,250.50",4,9,service@test.relata,"Paper, again"',
    'T-2,C-2,Invoice question,question,,resolved,2024-03-02 10:00,2024-03-02 11:30,15,20,,,,',
  ].join('\n');

  it('proposes the mapping from the headers, imports typed values, and exposes the ticket number', async () => {
    const up = await uploadOk(t.app, t.admin.headers, 'tickets', { name: 'tickets.csv', content: csv });
    expect(up.fields.map((f: { name: string }) => f.name)).toContain('external_id');
    expect(Object.fromEntries(Object.entries(up.suggestedMapping).filter(([, v]) => v !== null))).toEqual({
      external_id: 'Ticket No',
      account: 'Customer ID',
      subject: 'Subject',
      kind: 'Type',
      priority: 'Priority',
      status: 'Status',
      opened_at: 'Opened',
      resolved_at: 'Resolved',
      minutes_spent: 'Minutes',
      cost_spent: 'Cost',
      csat: 'CSAT',
      nps: 'NPS',
      assignee: 'Assigned To',
      description: 'Description',
    });
    const audits = await auditedImports();
    const job = await importCsv('tickets', csv, { dateFormat });
    expect(job.status).toBe('done');
    expect(job.report).toMatchObject({ outcome: 'imported', kind: 'tickets', file: { tickets: 2 }, tickets: { inserted: 2, updated: 0, unchanged: 0 }, errors: [] });
    expect(await auditedImports()).toBe(audits + 1);
    const rows = await q(
      `SELECT t.external_id, a.external_id AS account, t.subject, t.kind, t.priority, t.status, t.opened_at, t.resolved_at, t.minutes_spent, t.cost_spent,
              t.csat, t.nps, t.assignee_id, t.description, t.version, t.created_by
       FROM tickets t JOIN accounts a ON a.id = t.account_id ORDER BY t.external_id`,
    );
    expect(rows).toEqual([
      {
        external_id: 'T-1',
        account: 'C-1',
        subject: 'Printer jammed',
        kind: 'complaint',
        priority: 'high',
        status: 'in_progress',
        opened_at: new Date('2024-03-01T09:00:00Z'),
        resolved_at: null,
        minutes_spent: 30,
        cost_spent: 1250.5,
        csat: 4,
        nps: 9,
        assignee_id: serviceUserId,
        description: 'Paper, again',
        version: 1,
        created_by: t.admin.user.id,
      },
      {
        external_id: 'T-2',
        account: 'C-2',
        subject: 'Invoice question',
        kind: 'question',
        priority: 'normal', // an empty cell: the column's default
        status: 'resolved',
        opened_at: new Date('2024-03-02T10:00:00Z'),
        resolved_at: new Date('2024-03-02T11:30:00Z'),
        minutes_spent: 15,
        cost_spent: 20,
        csat: null,
        nps: null,
        assignee_id: null,
        description: null,
        version: 1,
        created_by: t.admin.user.id,
      },
    ]);
    const list = (await t.app.inject({ method: 'GET', url: '/api/tickets?sort=openedAt&order=asc', headers: t.admin.headers })).json();
    expect(list.items.map((i: { externalId: string; accountName: string }) => [i.externalId, i.accountName])).toEqual([
      ['T-1', 'Acme'],
      ['T-2', 'Brightside'],
    ]);
  });

  it('a second import of the same file changes nothing', async () => {
    const before = await tableFingerprint(t.database.pool);
    const job = await importCsv('tickets', csv, { dateFormat });
    expect(job.report.tickets).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
    expect(await tableFingerprint(t.database.pool)).toEqual(before);
  });

  it('a changed value is one update, version + 1; unmapped columns keep their values', async () => {
    const changed = 'Ticket No,Customer ID,Subject,Opened,Cost\nT-1,C-1,Printer jammed,2024-03-01 09:00,1300\nT-2,C-2,Invoice question,2024-03-02 10:00,20\n';
    const job = await importCsv('tickets', changed, { dateFormat });
    expect(job.report.tickets).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
    expect(await q(`SELECT external_id, cost_spent, minutes_spent, status, version FROM tickets ORDER BY external_id`)).toEqual([
      { external_id: 'T-1', cost_spent: 1300, minutes_spent: 30, status: 'in_progress', version: 2 },
      { external_id: 'T-2', cost_spent: 20, minutes_spent: 15, status: 'resolved', version: 1 },
    ]);
  });

  const bad = [
    'Ticket No,Customer ID,Subject,Type,Priority,Status,Opened,Resolved,Minutes,Cost,CSAT,NPS,Assigned To,Description',
    'T-3,C-3,Fine,request,low,open,2024-03-03 08:00,,,,,,,',
    'T-4,C-404,Unknown customer,request,low,open,2024-03-03 08:00,,,,,,,',
    'T-5,C-3,,incident,panic,open,2024-03-03 08:00,2024-03-02 08:00,-5,,6,11,nobody@test.relata,',
    'T-3,C-3,Same number again,request,low,open,2024-03-03 08:00,,,,,,,',
    'T-6,C-4,Customer in the bin,request,low,open,2024/03/03,,,,,,,',
  ].join('\n');

  it('an invalid row rejects the whole file, naming row and column', async () => {
    await expectRejected('tickets', bad, { dateFormat }, [
      { row: 3, column: 'Customer ID', field: 'account', message: 'there is no customer with the external id C-404', code: 'unknownCustomer', params: { value: 'C-404' } },
      { row: 4, column: 'Subject', field: 'subject', message: 'the subject is empty', code: 'empty', params: {} },
      { row: 4, column: 'Priority', field: 'priority', message: '"panic" is not one of: low, normal, high, urgent', code: 'notOneOf', params: { value: 'panic', allowed: 'low, normal, high, urgent' } },
      { row: 4, column: 'Minutes', field: 'minutes_spent', message: '-5 is not between 0 and 1000000', code: 'notBetween', params: { value: -5, min: 0, max: 1000000 } },
      { row: 4, column: 'CSAT', field: 'csat', message: '6 is not between 1 and 5', code: 'notBetween', params: { value: 6, min: 1, max: 5 } },
      { row: 4, column: 'NPS', field: 'nps', message: '11 is not between 0 and 10', code: 'notBetween', params: { value: 11, min: 0, max: 10 } },
      { row: 5, column: 'Ticket No', field: 'external_id', message: 'ticket T-3 is already on row 2', code: 'duplicateRecord', params: { row: 2 } },
      { row: 6, column: 'Opened', field: 'opened_at', message: expect.stringContaining('"2024/03/03"'), code: 'dateFormatMismatch', params: { value: '2024/03/03', format: 'YYYY-MM-DD HH:mm' } },
    ]);
  });

  it('finds the customer in the recycle bin, a resolution before the opening and an unknown assignee', async () => {
    const more = [
      'Ticket No,Customer ID,Subject,Opened,Resolved,Assigned To',
      'T-6,C-4,Customer in the bin,2024-03-03 08:00,,',
      'T-7,C-3,Resolved too early,2024-03-03 08:00,2024-03-02 08:00,',
      'T-8,C-3,Nobody,2024-03-03 08:00,,nobody@test.relata',
    ].join('\n');
    await expectRejected('tickets', more, { dateFormat }, [
      { row: 2, column: 'Customer ID', field: 'account', message: 'customer C-4 is in the recycle bin', code: 'customerInBin', params: { value: 'C-4' } },
      { row: 3, column: 'Resolved', field: 'resolved_at', message: '2024-03-02T08:00:00.000Z is before the ticket was opened (2024-03-03T08:00:00.000Z)', code: 'beforeOpened', params: { value: '2024-03-02T08:00:00.000Z', opened: '2024-03-03T08:00:00.000Z' } },
      { row: 4, column: 'Assigned To', field: 'assignee', message: 'there is no user with the email nobody@test.relata', code: 'unknownUser', params: { value: 'nobody@test.relata' } },
    ]);
  });

  it('skipInvalid imports the valid rows and lists the skipped ones', async () => {
    const job = await importCsv('tickets', bad, { dateFormat, skipInvalid: true });
    expect(job.status).toBe('done');
    expect(job.report).toMatchObject({ totalRows: 5, validRows: 1, invalidRows: 4, skippedRows: [3, 4, 5, 6], tickets: { inserted: 1, updated: 0, unchanged: 0 } });
    expect(await q(`SELECT external_id FROM tickets ORDER BY external_id`)).toEqual([{ external_id: 'T-1' }, { external_id: 'T-2' }, { external_id: 'T-3' }]);
  });

  it('a dry run reads and checks every row and writes nothing', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'relata-tickets-')), 'tickets.csv');
    fs.writeFileSync(file, 'number,customer,subject,opened\nT-9,C-1,Dry,2024-03-09 08:00\n');
    const before = await tableFingerprint(t.database.pool);
    const { report } = await runImport(t.database, {
      kind: 'tickets',
      mapping: { external_id: 'number', account: 'customer', subject: 'subject', opened_at: 'opened' },
      delimiter: 'comma',
      dateFormat,
      filePath: file,
      fileName: 'tickets.csv',
      skipInvalid: false,
      dryRun: true,
      userId: null,
    });
    expect(report).toMatchObject({ outcome: 'dry_run', validRows: 1, file: { tickets: 1 } });
    expect(report.tickets).toBeUndefined();
    expect(await tableFingerprint(t.database.pool)).toEqual(before);
  });

  it('a ticket in the recycle bin stays there and counts as unchanged', async () => {
    const [{ id }] = await q(`SELECT id FROM tickets WHERE external_id = 'T-2'`);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/tickets/${id}`, headers: t.admin.headers })).statusCode).toBe(200);
    const job = await importCsv('tickets', csv.replace('Invoice question', 'Invoice question renamed'), { dateFormat });
    expect(job.report.tickets).toEqual({ inserted: 0, updated: 1, unchanged: 1 }); // T-1's cost goes back to 1,250.50
    expect(await q(`SELECT subject, deleted_at IS NOT NULL AS deleted, version FROM tickets WHERE external_id = 'T-2'`)).toEqual([
      { subject: 'Invoice question', deleted: true, version: 2 }, // the deletion's version
    ]);
  });
});

describe('referrals', () => {
  const csv = 'Referred By,Referred Customer,Referral Date,Value,Notes\nC-1,C-2,15/01/2024,500,met at a fair\nC-1,C-3,01/02/2024,,\n';
  const dateFormat = 'DD/MM/YYYY';

  it('imports who brought whom, and a second import changes nothing', async () => {
    const first = await importCsv('referrals', csv, { dateFormat });
    expect(first.report).toMatchObject({ file: { referrals: 2 }, referrals: { inserted: 2, updated: 0, unchanged: 0 } });
    expect(
      await q(`SELECT a.external_id AS referrer, b.external_id AS referred, r.referred_at, r.value, r.notes, r.version
               FROM referrals r JOIN accounts a ON a.id = r.referrer_account_id JOIN accounts b ON b.id = r.referred_account_id ORDER BY 2`),
    ).toEqual([
      { referrer: 'C-1', referred: 'C-2', referred_at: new Date('2024-01-15T00:00:00Z'), value: 500, notes: 'met at a fair', version: 1 },
      { referrer: 'C-1', referred: 'C-3', referred_at: new Date('2024-02-01T00:00:00Z'), value: null, notes: null, version: 1 },
    ]);
    const before = await tableFingerprint(t.database.pool);
    const again = await importCsv('referrals', csv, { dateFormat });
    expect(again.report.referrals).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
    expect(await tableFingerprint(t.database.pool)).toEqual(before);
  });

  it('a changed value is one update, version + 1', async () => {
    const job = await importCsv('referrals', csv.replace(',500,', ',750,'), { dateFormat });
    expect(job.report.referrals).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
    const [c2] = await q(`SELECT r.value, r.version FROM referrals r JOIN accounts b ON b.id = r.referred_account_id WHERE b.external_id = 'C-2'`);
    expect(c2).toEqual({ value: 750, version: 2 });
  });

  const bad = [
    'Referred By,Referred Customer,Referral Date,Value,Notes',
    'C-2,C-4,01/03/2024,,customer in the bin',
    'C-3,C-3,01/03/2024,,themselves',
    'C-404,C-1,01/03/2024,,unknown referrer',
    'C-3,C-2,01/03/2024,,C-2 was brought by C-1',
    'C-2,C-1,01/03/2024,-3,',
    'C-2,C-1,,,',
  ].join('\n');

  it('an invalid row rejects the whole file, naming row and column', async () => {
    await expectRejected('referrals', bad, { dateFormat }, [
      { row: 2, column: 'Referred Customer', field: 'referred', message: 'customer C-4 is in the recycle bin', code: 'customerInBin', params: { value: 'C-4' } },
      { row: 3, column: 'Referred Customer', field: 'referred', message: 'customer C-3 cannot refer themselves', code: 'selfReferral', params: { value: 'C-3' } },
      { row: 4, column: 'Referred By', field: 'referrer', message: 'there is no customer with the external id C-404', code: 'unknownCustomer', params: { value: 'C-404' } },
      { row: 5, column: 'Referred By', field: 'referrer', message: 'customer C-2 was brought by customer C-1 (a referral already in Relata); a customer has one referrer', code: 'alreadyReferred', params: { customer: 'C-2', referrer: 'C-1' } },
      { row: 6, column: 'Value', field: 'value', message: '-3 is negative', code: 'negative', params: { value: -3 } },
      { row: 7, column: 'Referral Date', field: 'referred_at', message: 'the referral date is empty', code: 'empty', params: {} },
    ]);
  });

  it('a customer named twice in a file is a row error; skipInvalid imports the rest', async () => {
    const file = 'Referred By,Referred Customer,Referral Date\nC-3,C-1,01/03/2024\nC-2,C-1,02/03/2024\n';
    const job = await importCsv('referrals', file, { dateFormat, skipInvalid: true });
    expect(job.report).toMatchObject({
      errors: [{ row: 3, column: 'Referred Customer', field: 'referred', message: 'the referral of customer C-1 is already on row 2' }],
      skippedRows: [3],
      referrals: { inserted: 1, updated: 0, unchanged: 0 },
    });
    expect(await q(`SELECT count(*)::int AS n FROM referrals`)).toEqual([{ n: 3 }]);
  });
});

describe('suggestions', () => {
  const csv = 'Suggestion ID,Customer,SKU,Idea,Status,Date,Response,Reviewed\nS-1,C-1,SKU-1,Make it blue,Accepted,2024-04-01,We will,2024-04-10\nS-2,C-2,,A mobile app,,2024-04-02,,\n';

  it('imports suggestions about a product and ideas for new ones, and exposes their id', async () => {
    const job = await importCsv('suggestions', csv, {});
    expect(job.report).toMatchObject({ file: { suggestions: 2 }, suggestions: { inserted: 2, updated: 0, unchanged: 0 } });
    const list = (await t.app.inject({ method: 'GET', url: '/api/suggestions?sort=suggestedAt&order=asc', headers: t.admin.headers })).json();
    expect(list.items.map((s: Record<string, unknown>) => [s.externalId, s.accountName, s.productSku, s.suggestion, s.status, s.suggestedAt, s.reviewedAt, s.response])).toEqual([
      ['S-1', 'Acme', 'SKU-1', 'Make it blue', 'adopted', '2024-04-01T00:00:00.000Z', '2024-04-10T00:00:00.000Z', 'We will'],
      ['S-2', 'Brightside', null, 'A mobile app', 'new', '2024-04-02T00:00:00.000Z', null, null],
    ]);
    expect((await importCsv('suggestions', csv, {})).report.suggestions).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
  });

  it('a changed value is one update, version + 1', async () => {
    const job = await importCsv('suggestions', csv.replace('S-2,C-2,,A mobile app,,', 'S-2,C-2,,A mobile app,rejected,'), {});
    expect(job.report.suggestions).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
    expect(await q(`SELECT external_id, status, version FROM product_suggestions ORDER BY external_id`)).toEqual([
      { external_id: 'S-1', status: 'adopted', version: 1 },
      { external_id: 'S-2', status: 'rejected', version: 2 },
    ]);
  });

  const bad = [
    'Suggestion ID,Customer,SKU,Idea,Status,Date',
    'S-3,C-3,SKU-404,Unknown product,new,2024-04-03',
    'S-4,C-3,SKU-GONE,Product in the bin,new,2024-04-03',
    'S-5,C-3,,,maybe,2024-04-31',
    'S-6,C-3,SKU-1,Fine,new,2024-04-03',
  ].join('\n');

  it('an invalid row rejects the whole file, naming row and column; skipInvalid imports the rest', async () => {
    await expectRejected('suggestions', bad, {}, [
      { row: 2, column: 'SKU', field: 'product', message: 'there is no product with the SKU SKU-404', code: 'unknownProduct', params: { value: 'SKU-404' } },
      { row: 3, column: 'SKU', field: 'product', message: 'product SKU-GONE is in the recycle bin', code: 'productInBin', params: { value: 'SKU-GONE' } },
      { row: 4, column: 'Idea', field: 'suggestion', message: 'the suggestion is empty', code: 'empty', params: {} },
      { row: 4, column: 'Status', field: 'status', message: '"maybe" is not one of: new, reviewed, adopted, rejected', code: 'notOneOf', params: { value: 'maybe', allowed: 'new, reviewed, adopted, rejected' } },
      { row: 4, column: 'Date', field: 'suggested_at', message: expect.stringContaining('April 2024 has no day 31'), code: 'noDay', params: { value: '2024-04-31', year: 2024, month: 4, day: 31, days: 30 } },
    ]);
    const job = await importCsv('suggestions', bad, { skipInvalid: true });
    expect(job.report).toMatchObject({ skippedRows: [2, 3, 4], suggestions: { inserted: 1, updated: 0, unchanged: 0 } });
  });
});

describe('income', () => {
  const csv = 'Customer,Period,Type,Revenue,Source\nC-1,2023-01-01,year,1000000,annual report\nC-1,2024-01-01,Annual,"1,200,000",annual report\nC-2,2024-04-01,quarterly,50000,estimate\n';

  it('imports figures per customer and period; a second import changes nothing', async () => {
    const job = await importCsv('income', csv, {});
    expect(job.report).toMatchObject({ file: { income: 3 }, income: { inserted: 3, updated: 0, unchanged: 0 } });
    const [c1] = await q(`SELECT id FROM accounts WHERE external_id = 'C-1'`);
    const listed = (await t.app.inject({ method: 'GET', url: `/api/accounts/${c1.id}/income`, headers: t.admin.headers })).json();
    expect(listed.items.map((i: Record<string, unknown>) => [i.periodStart, i.periodType, i.income, i.source, i.growth])).toEqual([
      ['2023-01-01', 'year', 1000000, 'annual report', null],
      ['2024-01-01', 'year', 1200000, 'annual report', 0.2],
    ]);
    expect((await importCsv('income', csv, {})).report.income).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
  });

  it('a changed figure is one update, version + 1', async () => {
    const job = await importCsv('income', csv.replace('50000,estimate', '55000,customer statement'), {});
    expect(job.report.income).toEqual({ inserted: 0, updated: 1, unchanged: 2 });
    expect(await q(`SELECT income, source, version FROM account_income_history WHERE period_type = 'quarter'`)).toEqual([
      { income: 55000, source: 'customer statement', version: 2 },
    ]);
  });

  const bad = [
    'Customer,Period,Type,Revenue',
    'C-3,2024-02-01,year,100',
    'C-3,2024-02-01,quarter,100',
    'C-3,2024-03-01,month,-1',
    'C-3,2024-03-01,month,',
    'C-3,2024-05-01,weekly,10',
    'C-3,2024-06-01,month,10',
  ].join('\n');

  it('an invalid row rejects the whole file, naming row and column; skipInvalid imports the rest', async () => {
    await expectRejected('income', bad, {}, [
      { row: 2, column: 'Period', field: 'period_start', message: '2024-02-01: a year must start on its first day (e.g. 2024-01-01)', code: 'periodStart', params: { value: '2024-02-01', periodType: 'year' } },
      { row: 3, column: 'Period', field: 'period_start', message: '2024-02-01: a quarter must start on its first day (e.g. 2024-04-01)', code: 'periodStart', params: { value: '2024-02-01', periodType: 'quarter' } },
      { row: 4, column: 'Revenue', field: 'income', message: '-1 is negative', code: 'negative', params: { value: -1 } },
      { row: 5, column: 'Revenue', field: 'income', message: 'the income is empty', code: 'empty', params: {} },
      { row: 6, column: 'Type', field: 'period_type', message: '"weekly" is not one of: year, quarter, month', code: 'notOneOf', params: { value: 'weekly', allowed: 'year, quarter, month' } },
    ]);
    const job = await importCsv('income', bad, { skipInvalid: true });
    expect(job.report).toMatchObject({ skippedRows: [2, 3, 4, 5, 6], income: { inserted: 1, updated: 0, unchanged: 0 } });
  });

  it('the same customer and period twice in a file is a row error', async () => {
    const job = await importCsv('income', 'Customer,Period,Revenue\nC-3,2020-01-01,1\nC-3,2020-01-01,2\n', {});
    expect(job.report.errors).toEqual([
      { row: 3, column: 'Period', field: 'period_start', message: 'the income of customer C-3 for the period starting 2020-01-01 is already on row 2', code: 'duplicateRecord', params: { row: 2 } },
    ]);
  });
});

describe('the command line', () => {
  it('takes the new kinds, with the mapping the wizard would propose', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'relata-cli-income-')), 'income.csv');
    fs.writeFileSync(file, 'customer_id;period;revenue\nC-3;2022-01-01;"1,000.00"\n');
    const request = await prepareImportCommand('income', file, {});
    expect(request.mapping).toEqual({ account: 'customer_id', period_start: 'period', income: 'revenue' });
    let printed = '';
    expect(await runImportCommand(t.database, request, 'admin@test.relata', (text) => (printed += text))).toBe(0);
    expect(JSON.parse(printed)).toMatchObject({ outcome: 'imported', kind: 'income', income: { inserted: 1, updated: 0, unchanged: 0 } });
    await expect(prepareImportCommand('complaints', file, {})).rejects.toThrow(
      new UsageProblem('Unknown kind "complaints": use accounts, products, orders, tickets, referrals, suggestions, income'),
    );
  });
});

describe('the imported data feeds the relationship factors', () => {
  it("C-1's total service cost, income growth, word of mouth and innovation elasticity come from the files", async () => {
    // the factors score customers who bought in the year before asOf
    const orders = await importCsv('orders', 'order,date,customer,sku,qty,price\nO-1,2024-05-01,C-1,SKU-1,2,100\nO-2,2024-05-02,C-2,SKU-1,1,40\n', {
      mapping: { order: 'order', date: 'date', account: 'customer', sku: 'sku', quantity: 'qty', unit_price: 'price' },
    });
    expect(orders.status).toBe('done');
    await importCsv('tickets', 'number,customer,subject,opened,cost\nF-1,C-1,Visit,2024-06-01,80.25\nF-2,C-1,Call,2023-01-01,999\n', {
      mapping: { external_id: 'number', account: 'customer', subject: 'subject', opened_at: 'opened', cost_spent: 'cost' },
    });
    const asOf = new Date('2024-06-30T00:00:00Z');
    const factors = await loadFactorRows(t.database, asOf);
    const [c1] = await q(`SELECT id FROM accounts WHERE external_id = 'C-1'`);
    const { RELATIONSHIP_FACTOR_KEYS } = await import('@relata/analytics');
    const row = factors.rows[factors.accountIds.indexOf(Number(c1.id))];
    const value = Object.fromEntries(RELATIONSHIP_FACTOR_KEYS.map((k, i) => [k, row[i]]));
    // T-1 (1,250.50, March 2024) and F-1 (80.25); F-2 was opened more than a year before asOf
    expect(value.serviceCost).toBeCloseTo(1330.75, 2);
    expect(value.incomeGrowth).toBeCloseTo(0.2, 6);
    // C-1 brought C-2 (who bought 40 in the year) and C-3 (no purchases, no value)
    expect(value.wordOfMouth).toBeCloseTo(40, 6);
    // S-1 in April 2024
    expect(value.innovationElasticity).toBe(1);
  });
});
