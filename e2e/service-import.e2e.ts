// A helpdesk's tickets imported through the wizard, in Chinese, in Debian's Chromium against the real server:
// choose "服务工单", upload the CSV, check the proposed mapping (shot in zh-CN and en-US at 1440×900), validate,
// import, and find the ticket on the tickets page with its customer. A file naming a customer Relata does not
// have is refused with the row and the column. Screenshots: e2e/screenshots/import-tickets-*.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getJson, postJson, useDemoServer } from './demo-server.js';
import { screenshot } from './harness.js';
import { settled } from './screen.js';

// an empty company: the tickets file names the customers and the user created below, and nothing else
const demo = useDemoServer({ demo: false, language: 'zh-CN' });
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'relata-e2e-tickets-'));
const ticketsCsv = path.join(work, 'helpdesk-tickets.csv');
const unknownCustomerCsv = path.join(work, 'unknown-customer.csv');
const brokenQuoteCsv = path.join(work, 'broken-quote.csv');
const header = 'Ticket No,Customer ID,Subject,Type,Priority,Status,Opened,Resolved,Minutes,Cost,CSAT,Assigned To,Description';

/** Waits for the wizard to settle (screen.ts: no spinner, no skeleton, the pointer out of the way), then shoots. */
async function shoot(page: Page, name: string) {
  await settled(page);
  return screenshot(page, name);
}

/** Step 1 of the wizard: what the file holds, and the file. */
async function uploadTickets(page: Page, file: string) {
  await page.goto('/import');
  await page.getByTestId('import-kind').locator('label', { hasText: '服务工单' }).click();
  await expect.poll(() => page.getByTestId('import-kind-hint').textContent()).toContain('工单编号');
  await shoot(page, 'import-tickets-upload');
  await page.getByTestId('import-file').locator('input[type=file]').or(page.locator('input[type=file][data-testid=import-file]')).first().setInputFiles(file);
  await page.getByTestId('import-validate').waitFor();
}

beforeAll(async () => {
  fs.writeFileSync(
    ticketsCsv,
    [
      header,
      'HD-1001,C-1001,瓷砖到货破损，要求补发,complaint,High,In progress,2024-05-06 09:30,,95,"1,280.00",,service@relata.test,客户来电：三箱破损',
      'HD-1002,C-1002,Invoice copy,question,normal,resolved,2024-05-07 14:00,2024-05-07 15:10,20,35.5,5,,',
    ].join('\n'),
  );
  fs.writeFileSync(unknownCustomerCsv, [header, 'HD-2001,C-9999,Nobody knows them,request,low,open,2024-05-08 10:00,,,,,,'].join('\n'));
  // twenty good rows, then a quote that never closes: nothing after it can be read
  const good = Array.from({ length: 20 }, (_, i) => `HD-30${String(i).padStart(2, '0')},C-1001,Row ${i},request,low,open,2024-05-08 10:00,,,,,,`);
  fs.writeFileSync(brokenQuoteCsv, [header, ...good, 'HD-3099,C-1001,"Quote never closed,request,low,open,2024-05-08 10:00,,,,,,', 'HD-3100,C-1001,After,request,low,open,2024-05-08 10:00,,,,,,'].join('\n'));
  const { page } = demo;
  // the customers and the service user the tickets name: a tickets file never creates them
  for (const [externalId, name] of [
    ['C-1001', '上海华星建材有限公司'],
    ['C-1002', 'Northwind Trading Ltd'],
  ]) {
    expect((await postJson(page, '/api/accounts', { externalId, name })).status).toBe(201);
  }
  const user = await postJson(page, '/api/users', { email: 'service@relata.test', name: '王服务', role: 'service', password: 'Service-passw0rd!' });
  expect(user.status).toBe(201);
});

describe('importing a helpdesk’s tickets through the wizard', () => {
  it('proposes every column of the file for a field, in Chinese and in English', async () => {
    const { page } = demo;
    await uploadTickets(page, ticketsCsv);
    const proposed = (field: string) => page.getByTestId(`import-map-${field}`).locator('.ant-select-content').getAttribute('title');
    expect(await proposed('external_id')).toBe('Ticket No');
    expect(await proposed('account')).toBe('Customer ID');
    expect(await proposed('opened_at')).toBe('Opened');
    expect(await proposed('assignee')).toBe('Assigned To');
    // 16 fields, of which the file has 13: the other three say they are not imported
    expect(await page.locator('[data-testid^=import-map-] .ant-select-content-has-value').count()).toBe(13);
    // the fixed values are English words in the file, whatever the UI language: the mapping says which
    expect(await page.getByTestId('import-hint-status').textContent()).toContain('in progress');
    await expect.poll(() => page.getByTestId('import-date-format').locator('input').inputValue()).toBe('ISO');
    await shoot(page, 'import-tickets-mapping');
    await page.getByTestId('language-en-US').click();
    await expect.poll(() => page.getByText('Ticket number').first().isVisible()).toBe(true);
    await shoot(page, 'import-tickets-mapping-en');
    await page.getByTestId('language-zh-CN').click();
    await expect.poll(() => page.getByText('工单编号').first().isVisible()).toBe(true);
  });

  it('validates, imports, and the tickets page shows the ticket with its customer', async () => {
    const { page } = demo;
    await page.getByTestId('import-validate').click();
    await expect.poll(() => page.getByTestId('import-confirm').isEnabled(), { timeout: 30_000 }).toBe(true);
    await shoot(page, 'import-tickets-validated');
    await page.getByTestId('import-confirm').click();
    const result = page.getByTestId('import-result');
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    await expect.poll(() => result.textContent()).toContain('服务工单');
    await shoot(page, 'import-tickets-done');

    // the result's button leads to the tickets list
    await result.getByRole('button', { name: '服务工单' }).click();
    await page.waitForURL(/\/tickets$/);
    const row = page.getByTestId('tickets-table').locator('tbody tr.ant-table-row', { hasText: '瓷砖到货破损，要求补发' });
    await row.waitFor();
    expect(await row.textContent()).toContain('上海华星建材有限公司');
    await shoot(page, 'import-tickets-list');

    const tickets = await getJson(page, '/api/tickets?sort=openedAt&order=asc');
    expect(tickets.items.map((t: { externalId: string; costSpent: number; status: string }) => [t.externalId, t.costSpent, t.status])).toEqual([
      ['HD-1001', 1280, 'in_progress'],
      ['HD-1002', 35.5, 'resolved'],
    ]);
  });

  it('refuses a file naming a customer Relata does not have, with the row and the column', async () => {
    const { page } = demo;
    await uploadTickets(page, unknownCustomerCsv);
    await page.getByTestId('import-validate').click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const text = await errors.textContent();
    expect(text).toContain('Customer ID');
    // the reason in the reader's language: worded from the server's code in Chinese, the server's sentence in English
    expect(text).toContain('没有外部编号为 C-9999 的客户');
    expect(await page.getByTestId('import-confirm').isEnabled()).toBe(false);
    await shoot(page, 'import-tickets-unknown-customer');
    await page.getByTestId('language-en-US').click();
    await expect.poll(() => errors.textContent()).toContain('there is no customer with the external id C-9999');
    await shoot(page, 'import-tickets-unknown-customer-en');
    await page.getByTestId('language-zh-CN').click();
  });

  it('stops at a row the CSV cannot be read past, says why in Chinese, and imports nothing even when told to skip invalid rows', async () => {
    const { page } = demo;
    await uploadTickets(page, brokenQuoteCsv);
    await page.getByTestId('import-validate').click();
    const fatal = page.getByTestId('import-fatal');
    await fatal.waitFor();
    expect(await fatal.textContent()).toContain('第 22 行：CSV 从这一行起无法读取');
    await shoot(page, 'import-tickets-broken-quote');
    await page.getByTestId('import-skip-invalid').click();
    await page.getByTestId('import-confirm').click();
    const result = page.getByTestId('import-result');
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 60_000 }).toBe('rejected');
    expect(await result.textContent()).toContain('CSV 从这一行起无法读取');
    await shoot(page, 'import-tickets-broken-quote-rejected');
    const tickets = await getJson(page, '/api/tickets?pageSize=200');
    expect(tickets.items.filter((t: { externalId: string }) => t.externalId.startsWith('HD-30'))).toEqual([]);
  });
});
