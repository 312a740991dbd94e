// The relationship data behind the relationship-value factors, on screen, on the demo company in Debian's Chromium:
// a service user logs a ticket with the time and cost it took and finds it (and the new totals) on the account's
// service tab; an analyst may only read tickets; a manager records a referral and an income period and sees the
// growth over the previous period; a manager reviews a customer's product suggestion (on the suggestions list, and
// under the product's row). Every screen is shot in zh-CN and en-US at 1440×900 into e2e/screenshots/ (service-*.png).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, screenshot, startServer, type E2EBrowser, type RunningServer } from './harness.js';

let server: RunningServer;
let b: E2EBrowser;
const DEMO_PASSWORD = 'relata-demo';

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

const get = <T = any>(page: Page, path: string): Promise<T> => page.evaluate(async (p) => (await fetch(p)).json(), path);
const send = (page: Page, method: string, path: string, body: unknown) =>
  page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return { status: response.status, body: await response.json() };
    },
    { method, path, body },
  );

/** The input inside a test id'd control (antd puts some test ids on the input, some on its wrapper). */
const inputOf = (control: Locator) => control.locator('xpath=self::input | self::textarea | .//input | .//textarea').first();

/** Opens a Select by its test id, types a search and picks the option that shows `option`. */
async function pick(page: Page, testId: string, search: string, option: string) {
  await page.getByTestId(testId).click();
  if (search) await page.keyboard.type(search);
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
}

async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.evaluate(() => localStorage.setItem('relata.language', 'zh-CN'));
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

async function open(page: Page, path: string, language: 'zh-CN' | 'en-US') {
  await page.evaluate((l) => localStorage.setItem('relata.language', l), language);
  await page.goto(path);
}

/** Waits for spinners, skeletons and chart animations to end, for a screenshot of the settled screen. */
async function settled(page: Page, { top = true } = {}) {
  await expect.poll(() => page.locator('.ant-spin-spinning, .ant-skeleton-active').count(), { timeout: 20_000 }).toBe(0);
  // no toast left from the last save
  await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
  if (top) await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(1, 1);
  await expect.poll(() => page.locator('.app-sider').evaluate((e) => Math.round(e.getBoundingClientRect().width)), { timeout: 10_000 }).toBe(216);
  await page.waitForTimeout(800);
}

/** Both languages of the current page, by the header's language switch. */
async function shootBoth(page: Page, name: string, options: { fullPage?: boolean; top?: boolean } = {}) {
  await page.getByTestId('language-zh-CN').click();
  await settled(page, options);
  await screenshot(page, name, options);
  await page.getByTestId('language-en-US').click();
  await settled(page, options);
  await screenshot(page, `${name}-en`, options);
  await page.getByTestId('language-zh-CN').click();
}

/** Sums an account's tickets as the API has them. */
async function ticketTotals(page: Page, accountId: number) {
  const list = await get<{ items: Ticket[]; total: number }>(page, `/api/tickets?accountId=${accountId}&pageSize=200`);
  return { count: list.total, minutes: list.items.reduce((s, t) => s + t.minutesSpent, 0), cost: Math.round(list.items.reduce((s, t) => s + Number(t.costSpent), 0) * 100) / 100 };
}

beforeAll(async () => {
  server = await startServer({ demo: true });
  b = await launchBrowser({ baseURL: server.url });
}, 300_000);
afterAll(async () => {
  await b?.close();
  await server?.stop();
});

let accountId: number;
let accountName: string;

describe('service tickets', () => {
  it('a service user logs a ticket with time and cost; the account’s service tab shows it and the new totals', async () => {
    const { page } = b;
    await login(page, 'service@relata.demo');
    // an account that already has tickets, so the totals add up more than one
    const first = (await get<{ items: Ticket[] }>(page, '/api/tickets?pageSize=1&sort=costSpent&order=desc')).items[0];
    accountId = first.accountId;
    accountName = first.accountName;
    const before = await ticketTotals(page, accountId);

    await open(page, '/tickets', 'zh-CN');
    await page.getByTestId('tickets-table').locator('tbody tr.ant-table-row').first().waitFor();
    await settled(page);
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
    await settled(page, { top: false });
    await screenshot(page, 'service-ticket-drawer', { fullPage: false });
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/tickets') && r.request().method() === 'POST');
    await page.getByTestId('ticket-save').click();
    const created = await posted;
    expect(created.status()).toBe(201);
    const ticket = (await created.json()) as Ticket & { kind: string; priority: string; csat: number };
    expect(ticket).toMatchObject({ accountId, minutesSpent: 135, costSpent: 486.5, kind: 'complaint', priority: 'high', csat: 2 });

    // the account's service tab: the new ticket, and totals that include it
    await open(page, `/accounts/${accountId}?tab=service`, 'zh-CN');
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
    expect((await send(page, 'PATCH', `/api/tickets/${ticket.id}`, { version: ticket.version, status: 'in_progress' })).status).toBe(200);
    await inputOf(page.getByTestId('ticket-minutes')).fill('160');
    const errorsBefore = b.errors.length;
    await page.getByTestId('ticket-save').click();
    await page.getByTestId('ticket-conflict').waitFor();
    b.errors.splice(errorsBefore); // the refused PATCH (409) is logged by the browser
    await page.getByTestId('ticket-conflict').getByRole('button').click();
    await expect.poll(() => page.getByTestId('ticket-conflict').count()).toBe(0);
    await inputOf(page.getByTestId('ticket-minutes')).fill('160');
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/tickets/${ticket.id}`) && r.request().method() === 'PATCH');
    await page.getByTestId('ticket-save').click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => page.getByTestId('account-ticket-minutes').getAttribute('data-minutes')).toBe(String(before.minutes + 160));
  });

  it('an analyst reads tickets but gets no button to change them', async () => {
    const { page } = b;
    await login(page, 'analyst@relata.demo');
    await open(page, '/tickets', 'en-US');
    await page.getByTestId('tickets-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('ticket-new').count()).toBe(0);
    expect(await page.getByTestId('row-delete').count()).toBe(0);
    await open(page, `/accounts/${accountId}?tab=service`, 'en-US');
    await page.getByTestId('account-tickets-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('ticket-new').count()).toBe(0);
  });
});

describe('referrals and income history', () => {
  it('a manager records a referral and a new income period, and sees the growth', async () => {
    const { page } = b;
    await login(page, 'manager@relata.demo');
    // the referrer: an organisation with an income history; the referred: an account nobody has brought yet
    const accounts = (await get<{ items: { id: number; name: string; kind: string }[] }>(page, '/api/accounts?pageSize=60&sort=name&order=asc')).items;
    let referrer: { id: number; name: string } | undefined;
    let history: IncomePeriod[] = [];
    for (const a of accounts) {
      const income = (await get<{ items: IncomePeriod[] }>(page, `/api/accounts/${a.id}/income`)).items.filter((p) => p.periodType === 'year');
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
      if ((await get(page, `/api/accounts/${a.id}/referrals?direction=received`)).total === 0) {
        referred = a;
        break;
      }
    }
    expect(referred).toBeDefined();
    const madeBefore = (await get(page, `/api/accounts/${referrer!.id}/referrals?direction=made`)).total;

    await open(page, `/accounts/${referrer!.id}?tab=referrals`, 'zh-CN');
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
    expect((await get(page, `/api/accounts/${referrer!.id}/referrals?direction=made`)).total).toBe(madeBefore + 1);
    // the referred account's page names its referrer
    const received = await get(page, `/api/accounts/${referred!.id}/referrals?direction=received`);
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
    const income = (await get<{ items: IncomePeriod[] }>(page, `/api/accounts/${referrer!.id}/income`)).items;
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
    const errorsBefore = b.errors.length;
    await page.getByTestId('income-save').click();
    await expect.poll(() => page.getByTestId('income-form').locator('.ant-form-item-explain-error').first().innerText()).toContain('已有收入记录');
    b.errors.splice(errorsBefore);
    await page.keyboard.press('Escape');
  });

  it('an account without referrals or income explains what belongs there', async () => {
    const { page } = b;
    const created = await send(page, 'POST', '/api/accounts', { name: '杭州云栖新材料科技有限公司（华东区域总代理）Hangzhou Yunqi New Materials Technology Co., Ltd.', customerType: 'intermediary' });
    expect(created.status).toBe(201);
    await open(page, `/accounts/${created.body.id}?tab=referrals`, 'zh-CN');
    await page.getByTestId('account-income').waitFor();
    await shootBoth(page, 'service-referrals-income-empty');
    await open(page, `/accounts/${created.body.id}?tab=service`, 'zh-CN');
    await page.getByTestId('account-tickets').waitFor();
    await shootBoth(page, 'service-account-tickets-empty');
  });
});

describe('product suggestions', () => {
  it('a manager reviews a suggestion: status and response', async () => {
    const { page } = b;
    const fresh = (await get(page, '/api/suggestions?status=new&pageSize=5&sort=suggestedAt&order=desc')).items.find((s: { productId: number | null }) => s.productId !== null);
    expect(fresh).toBeDefined();
    await open(page, '/suggestions?status=new', 'zh-CN');
    const table = page.getByTestId('suggestions-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    await settled(page);
    await shootBoth(page, 'service-suggestions');

    const row = table.locator(`tbody tr[data-row-key="${fresh.id}"]`);
    await row.getByTestId('suggestion-review').click();
    await page.getByTestId('suggestion-form').waitFor();
    await pick(page, 'suggestion-status', '', '已采纳');
    await expect.poll(() => page.getByTestId('suggestion-status').innerText()).toContain('已采纳');
    await page.getByTestId('suggestion-response').fill('感谢建议！下一批将提供该规格，届时销售会第一时间通知您。');
    await settled(page, { top: false });
    await screenshot(page, 'service-suggestion-review', { fullPage: false });
    const patched = page.waitForResponse((r) => r.url().endsWith(`/api/suggestions/${fresh.id}`) && r.request().method() === 'PATCH');
    await page.getByTestId('suggestion-save').click();
    expect((await patched).status()).toBe(200);
    const reviewed = await get(page, `/api/suggestions/${fresh.id}`);
    expect(reviewed).toMatchObject({ status: 'adopted', response: '感谢建议！下一批将提供该规格，届时销售会第一时间通知您。' });
    expect(reviewed.reviewedAt).not.toBeNull();
    // it left the "new" filter
    await expect.poll(() => table.locator(`tbody tr[data-row-key="${fresh.id}"]`).count()).toBe(0);

    // under the product's row
    await open(page, `/products?q=${encodeURIComponent(fresh.productSku)}`, 'zh-CN');
    const productRow = page.locator('tbody tr.ant-table-row', { hasText: fresh.productSku }).first();
    await productRow.locator('.ant-table-row-expand-icon').click();
    const panel = page.getByTestId(`product-suggestions-${fresh.productId}`);
    const reviewedRow = panel.locator(`tbody tr[data-row-key="${fresh.id}"]`);
    await reviewedRow.waitFor();
    expect(await reviewedRow.innerText()).toContain('已采纳');
    await shootBoth(page, 'service-product-suggestions');
    expect(b.errors.filter((e) => !/401|Unauthorized/i.test(e))).toEqual([]);
  });

  it('a service user records suggestions but does not review them', async () => {
    const { page } = b;
    await login(page, 'service@relata.demo');
    await open(page, '/suggestions', 'en-US');
    await page.getByTestId('suggestions-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('suggestion-new').count()).toBe(1);
    expect(await page.getByTestId('suggestion-review').count()).toBe(0);
  });
});
