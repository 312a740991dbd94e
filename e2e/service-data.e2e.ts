// The relationship data behind the relationship-value factors, on screen, on the demo company in Debian's Chromium:
// a service user logs a ticket with the time and cost it took and finds it (and the new totals) on the account's
// service tab; an analyst may only read tickets; a manager records a referral and an income period and sees the
// growth over the previous period; a manager reviews a customer's product suggestion (on the suggestions list, and
// under the product's row). Every screen is shot in zh-CN and en-US at 1440×900 into e2e/screenshots/ (service-*.png).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './harness.js';
import { getJson, sendJson, useDemoServer } from './demo-server.js';
import { inputOf, openIn, pick, settled } from './screen.js';

// the demo company; each test signs in as the demo user whose work it shows, the UI in Simplified Chinese
const demo = useDemoServer({ user: null, language: 'zh-CN' });

interface Ticket {
  id: number;
  accountId: number;
  accountName: string;
  minutesSpent: number;
  costSpent: number;
  subject: string;
  version: number;
}
interface IncomePeriod {
  periodStart: string;
  periodType: string;
  income: number;
  growth: number | null;
}

/** Both languages of the current page, by the header's language switch. */
async function shootBoth(page: Page, name: string, options: { fullPage?: boolean; top?: boolean } = {}) {
  await page.getByTestId('language-zh-CN').click();
  await settled(page, { ...options, noToasts: true });
  await screenshot(page, name, options);
  await page.getByTestId('language-en-US').click();
  await settled(page, { ...options, noToasts: true });
  await screenshot(page, `${name}-en`, options);
  await page.getByTestId('language-zh-CN').click();
}

/** Sums an account's tickets as the API has them. */
async function ticketTotals(page: Page, accountId: number) {
  const list = await getJson<{ items: Ticket[]; total: number }>(page, `/api/tickets?accountId=${accountId}&pageSize=200`);
  return { count: list.total, minutes: list.items.reduce((s, t) => s + t.minutesSpent, 0), cost: Math.round(list.items.reduce((s, t) => s + Number(t.costSpent), 0) * 100) / 100 };
}

let accountId: number;
let accountName: string;

describe('service tickets', () => {
  it('a service user logs a ticket with time and cost; the account’s service tab shows it and the new totals', async () => {
    const { page } = demo;
    await demo.signIn('service@relata.demo');
    // an account that already has tickets, so the totals add up more than one
    const first = (await getJson<{ items: Ticket[] }>(page, '/api/tickets?pageSize=1&sort=costSpent&order=desc')).items[0];
    accountId = first.accountId;
    accountName = first.accountName;
    const before = await ticketTotals(page, accountId);

    await openIn(page, '/tickets', 'zh-CN');
    await page.getByTestId('tickets-table').locator('tbody tr.ant-table-row').first().waitFor();
    await settled(page, { noToasts: true });
    await shootBoth(page, 'service-tickets');

    await page.getByTestId('ticket-new').click();
    await page.getByTestId('ticket-form').waitFor();
    await pick(page, 'ticket-account', accountName.slice(0, 6), accountName);
    await page.getByTestId('ticket-subject').fill('瓷砖到货破损，要求补发 Broken tiles on delivery');
    await page.getByTestId('ticket-description').fill('客户来电：第二批 60×60 地砖有 14 片破损，已安排上门核实并补发。');
    await pick(page, 'ticket-kind', '', '投诉');
    await expect.poll(() => page.getByTestId('ticket-kind').innerText()).toContain('投诉');
    await pick(page, 'ticket-priority', '', '高');
    await expect.poll(() => page.getByTestId('ticket-priority').innerText()).toContain('高');
    await inputOf(page.getByTestId('ticket-minutes')).fill('135');
    await inputOf(page.getByTestId('ticket-cost')).fill('486.5');
    await page.getByTestId('ticket-csat').locator('li').nth(1).click();
    await settled(page, { top: false, noToasts: true });
    await screenshot(page, 'service-ticket-drawer', { fullPage: false });
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/tickets') && r.request().method() === 'POST');
    await page.getByTestId('ticket-save').click();
    const created = await posted;
    expect(created.status()).toBe(201);
    const ticket = (await created.json()) as Ticket & { kind: string; priority: string; csat: number };
    expect(ticket).toMatchObject({ accountId, minutesSpent: 135, costSpent: 486.5, kind: 'complaint', priority: 'high', csat: 2 });

    // the account's service tab: the new ticket, and totals that include it
    await openIn(page, `/accounts/${accountId}?tab=service`, 'zh-CN');
    const table = page.getByTestId('account-tickets-table');
    await table.locator('tbody tr.ant-table-row', { hasText: '瓷砖到货破损' }).first().waitFor();
    await expect.poll(() => page.getByTestId('account-ticket-minutes').getAttribute('data-minutes')).toBe(String(before.minutes + 135));
    const after = await ticketTotals(page, accountId);
    expect(after.count).toBe(before.count + 1);
    expect(Number(await page.getByTestId('account-ticket-cost').getAttribute('data-cost'))).toBeCloseTo(before.cost + 486.5, 2);
    expect(Number(await page.getByTestId('account-ticket-cost').getAttribute('data-cost'))).toBeCloseTo(after.cost, 2);
    await shootBoth(page, 'service-account-tickets');

    // someone else saves the ticket while it is open here: the save is refused and the newer version can be loaded
    await table.locator('tbody tr.ant-table-row', { hasText: '瓷砖到货破损' }).getByTestId('ticket-open').click();
    await page.getByTestId('ticket-form').waitFor();
    expect((await sendJson(page, 'PATCH', `/api/tickets/${ticket.id}`, { version: ticket.version, status: 'in_progress' })).status).toBe(200);
    await inputOf(page.getByTestId('ticket-minutes')).fill('160');
    const errorsBefore = demo.browser.errors.length;
    await page.getByTestId('ticket-save').click();
    await page.getByTestId('ticket-conflict').waitFor();
    demo.browser.errors.splice(errorsBefore); // the refused PATCH (409) is logged by the browser
    await page.getByTestId('ticket-conflict').getByRole('button').click();
    await expect.poll(() => page.getByTestId('ticket-conflict').count()).toBe(0);
    await inputOf(page.getByTestId('ticket-minutes')).fill('160');
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/tickets/${ticket.id}`) && r.request().method() === 'PATCH');
    await page.getByTestId('ticket-save').click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => page.getByTestId('account-ticket-minutes').getAttribute('data-minutes')).toBe(String(before.minutes + 160));
  });

  it('an analyst reads tickets but gets no button to change them', async () => {
    const { page } = demo;
    await demo.signIn('analyst@relata.demo');
    await openIn(page, '/tickets', 'en-US');
    await page.getByTestId('tickets-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('ticket-new').count()).toBe(0);
    expect(await page.getByTestId('row-delete').count()).toBe(0);
    await openIn(page, `/accounts/${accountId}?tab=service`, 'en-US');
    await page.getByTestId('account-tickets-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('ticket-new').count()).toBe(0);
  });
});

describe('referrals and income history', () => {
  it('a manager records a referral and a new income period, and sees the growth', async () => {
    const { page } = demo;
    await demo.signIn('manager@relata.demo');
    // the referrer: an organisation with an income history; the referred: an account nobody has brought yet
    const accounts = (await getJson<{ items: { id: number; name: string; kind: string }[] }>(page, '/api/accounts?pageSize=60&sort=name&order=asc')).items;
    let referrer: { id: number; name: string } | undefined;
    let history: IncomePeriod[] = [];
    for (const a of accounts) {
      const income = (await getJson<{ items: IncomePeriod[] }>(page, `/api/accounts/${a.id}/income`)).items.filter((p) => p.periodType === 'year');
      if (income.length >= 2) {
        referrer = a;
        history = income;
        break;
      }
    }
    expect(referrer).toBeDefined();
    let referred: { id: number; name: string } | undefined;
    for (const a of [...accounts].reverse()) {
      if (a.id === referrer!.id) continue;
      if ((await getJson(page, `/api/accounts/${a.id}/referrals?direction=received`)).total === 0) {
        referred = a;
        break;
      }
    }
    expect(referred).toBeDefined();
    const madeBefore = (await getJson(page, `/api/accounts/${referrer!.id}/referrals?direction=made`)).total;

    await openIn(page, `/accounts/${referrer!.id}?tab=referrals`, 'zh-CN');
    await page.getByTestId('account-referrals').waitFor();
    await page.getByTestId('referral-add').click();
    await page.getByTestId('referral-form').waitFor();
    await pick(page, 'referral-account', referred!.name.slice(0, 4), referred!.name);
    await inputOf(page.getByTestId('referral-value')).fill('12000');
    await page.getByTestId('referral-notes').fill('老客户把合作多年的朋友介绍给我们，首年预计采购 1.2 万元。');
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/referrals') && r.request().method() === 'POST');
    await page.getByTestId('referral-save').click();
    expect((await posted).status()).toBe(201);
    await page.getByTestId('referral-table').locator('tbody tr.ant-table-row', { hasText: referred!.name }).first().waitFor();
    expect((await getJson(page, `/api/accounts/${referrer!.id}/referrals?direction=made`)).total).toBe(madeBefore + 1);
    // the referred account's page names its referrer
    const received = await getJson(page, `/api/accounts/${referred!.id}/referrals?direction=received`);
    expect(received.items[0]).toMatchObject({ referrerAccountId: referrer!.id });

    // the next year's income, 25 % over the last one
    const last = history[history.length - 1];
    const nextYear = Number(last.periodStart.slice(0, 4)) + 1;
    const amount = Math.round(last.income * 1.25);
    await page.getByTestId('income-add').click();
    await page.getByTestId('income-form').waitFor();
    const yearInput = inputOf(page.getByTestId('income-period'));
    await yearInput.click();
    await yearInput.fill(String(nextYear));
    await yearInput.press('Enter');
    await inputOf(page.getByTestId('income-amount')).fill(String(amount));
    await page.getByTestId('income-source').fill('客户年报');
    const put = page.waitForResponse((r) => r.url().includes(`/income/${nextYear}-01-01`) && r.request().method() === 'PUT');
    await page.getByTestId('income-save').click();
    expect((await put).status()).toBe(201);
    const income = (await getJson<{ items: IncomePeriod[] }>(page, `/api/accounts/${referrer!.id}/income`)).items;
    const added = income.find((p) => p.periodStart === `${nextYear}-01-01`)!;
    expect(added.growth).toBeCloseTo(amount / last.income - 1, 3);
    await expect.poll(() => page.getByTestId('income-latest-growth').getByTestId('income-growth').getAttribute('data-growth')).toBe(String(added.growth));
    expect(await page.getByTestId('income-latest-growth').innerText()).toContain(`${nextYear}`);
    await expect.poll(() => page.getByTestId('income-chart').locator('canvas').count()).toBeGreaterThan(0);
    await shootBoth(page, 'service-referrals-income');

    // a second figure for the same year is refused on the period field, not overwritten
    await page.getByTestId('income-add').click();
    await page.getByTestId('income-form').waitFor();
    const again = inputOf(page.getByTestId('income-period'));
    await again.click();
    await again.fill(String(nextYear));
    await again.press('Enter');
    await inputOf(page.getByTestId('income-amount')).fill('1');
    const errorsBefore = demo.browser.errors.length;
    await page.getByTestId('income-save').click();
    await expect.poll(() => page.getByTestId('income-form').locator('.ant-form-item-explain-error').first().innerText()).toContain('已有收入记录');
    demo.browser.errors.splice(errorsBefore);
    await page.keyboard.press('Escape');
  });

  it('an account without referrals or income explains what belongs there', async () => {
    const { page } = demo;
    const created = await sendJson(page, 'POST', '/api/accounts', { name: '杭州云栖新材料科技有限公司（华东区域总代理）Hangzhou Yunqi New Materials Technology Co., Ltd.', customerType: 'intermediary' });
    expect(created.status).toBe(201);
    await openIn(page, `/accounts/${created.body.id}?tab=referrals`, 'zh-CN');
    await page.getByTestId('account-income').waitFor();
    await shootBoth(page, 'service-referrals-income-empty');
    await openIn(page, `/accounts/${created.body.id}?tab=service`, 'zh-CN');
    await page.getByTestId('account-tickets').waitFor();
    await shootBoth(page, 'service-account-tickets-empty');
  });
});

describe('product suggestions', () => {
  it('a manager reviews a suggestion: status and response', async () => {
    const { page } = demo;
    const fresh = (await getJson(page, '/api/suggestions?status=new&pageSize=5&sort=suggestedAt&order=desc')).items.find((s: { productId: number | null }) => s.productId !== null);
    expect(fresh).toBeDefined();
    await openIn(page, '/suggestions?status=new', 'zh-CN');
    const table = page.getByTestId('suggestions-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    await settled(page, { noToasts: true });
    await shootBoth(page, 'service-suggestions');

    const row = table.locator(`tbody tr[data-row-key="${fresh.id}"]`);
    await row.getByTestId('suggestion-review').click();
    await page.getByTestId('suggestion-form').waitFor();
    await pick(page, 'suggestion-status', '', '已采纳');
    await expect.poll(() => page.getByTestId('suggestion-status').innerText()).toContain('已采纳');
    await page.getByTestId('suggestion-response').fill('感谢建议！下一批将提供该规格，届时销售会第一时间通知您。');
    await settled(page, { top: false, noToasts: true });
    await screenshot(page, 'service-suggestion-review', { fullPage: false });
    const patched = page.waitForResponse((r) => r.url().endsWith(`/api/suggestions/${fresh.id}`) && r.request().method() === 'PATCH');
    await page.getByTestId('suggestion-save').click();
    expect((await patched).status()).toBe(200);
    const reviewed = await getJson(page, `/api/suggestions/${fresh.id}`);
    expect(reviewed).toMatchObject({ status: 'adopted', response: '感谢建议！下一批将提供该规格，届时销售会第一时间通知您。' });
    expect(reviewed.reviewedAt).not.toBeNull();
    // it left the "new" filter
    await expect.poll(() => table.locator(`tbody tr[data-row-key="${fresh.id}"]`).count()).toBe(0);

    // under the product's row
    await openIn(page, `/products?q=${encodeURIComponent(fresh.productSku)}`, 'zh-CN');
    const productRow = page.locator('tbody tr.ant-table-row', { hasText: fresh.productSku }).first();
    await productRow.locator('.ant-table-row-expand-icon').click();
    const panel = page.getByTestId(`product-suggestions-${fresh.productId}`);
    const reviewedRow = panel.locator(`tbody tr[data-row-key="${fresh.id}"]`);
    await reviewedRow.waitFor();
    expect(await reviewedRow.innerText()).toContain('已采纳');
    await shootBoth(page, 'service-product-suggestions');
    expect(demo.browser.errors.filter((e) => !/401|Unauthorized/i.test(e))).toEqual([]);
  });

  it('a service user records suggestions but does not review them', async () => {
    const { page } = demo;
    await demo.signIn('service@relata.demo');
    await openIn(page, '/suggestions', 'en-US');
    await page.getByTestId('suggestions-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('suggestion-new').count()).toBe(1);
    expect(await page.getByTestId('suggestion-review').count()).toBe(0);
  });
});
