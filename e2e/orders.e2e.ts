// Entering orders, in Debian's Chromium against the real server and an empty company: the admin books an
// order with two lines — a sale and a return (negative quantity) — from the account page, sees the server's
// field errors and a taken order number explained on the right inputs, checks the live total against what
// the server stored, then opens the order and changes its status (and meets a save conflict). In English, a
// guest sale from the orders list. Screenshots land in e2e/screenshots/ (orders-*.png).
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { screenshot } from './harness.js';
import { getJson, postJson, useDemoServer } from './demo-server.js';
import { inputOf, pick } from './screen.js';

// an empty company, the admin signed in
const demo = useDemoServer({ demo: false });
const accountName = '苏州金鼎装饰材料有限公司';
const paint = { sku: 'PAINT-01', name: '乳胶漆 Interior Paint', listPrice: 199, unitCost: 120 };
const roller = { sku: 'ROLLER-09', name: '滚刷 Roller', listPrice: 35.5, unitCost: 12 };
let accountId: number;
let orderId: number;

/** The error shown under the form field that holds a test id'd control. */
const fieldError = (control: Locator) => control.locator('xpath=ancestor::div[contains(@class, "ant-form-item ")][1]').locator('.ant-form-item-explain');

/** Waits for drawers, messages and tables to stop moving, for a screenshot of the settled screen. */
async function settled(page: Page) {
  await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
  await page.waitForTimeout(500);
}

/** The browser logs each refused request as a console error; the ones a step provoked on purpose are dropped. */
function expectedErrors(from: number, status: RegExp) {
  expect(demo.browser.errors.slice(from).every((e) => status.test(e))).toBe(true);
  demo.browser.errors.splice(from);
}

describe('entering orders, as the admin does it', () => {
  it('starts from an account and two products made through the API', async () => {
    const { page } = demo;
    const account = await postJson(page, '/api/accounts', { name: accountName, customerType: 'intermediary', city: '苏州' });
    expect(account.status).toBe(201);
    accountId = account.body.id;
    for (const product of [paint, roller]) expect((await postJson(page, '/api/products', product)).status).toBe(201);
    // an order number the form will run into
    const taken = await postJson(page, '/api/orders', { orderNo: 'SO-TAKEN-1', accountId, lines: [{ quantity: 1, unitPrice: 1 }] });
    expect(taken.status).toBe(201);
  });

  it('books an order with a sale and a return from the account page', async () => {
    const { page } = demo;
    await page.goto(`/accounts/${accountId}?tab=orders`);
    await expect.poll(() => page.getByTestId('account-name').textContent()).toContain(accountName);
    await page.getByTestId('order-new').click();
    await page.getByTestId('order-submit').waitFor();
    // the account is preset
    await expect.poll(() => page.getByTestId('order-account').textContent()).toContain(accountName);

    // line 1: paint, its list price and cost filled in
    await pick(page, 'order-line-product-0', 'PAINT', paint.sku);
    await expect.poll(() => inputOf(page.getByTestId('order-line-price-0')).inputValue()).toBe('199');
    expect(await inputOf(page.getByTestId('order-line-cost-0')).inputValue()).toBe('120');
    expect(await inputOf(page.getByTestId('order-line-description-0')).inputValue()).toBe(paint.name);
    await inputOf(page.getByTestId('order-line-quantity-0')).fill('3');

    // line 2: a roller brought back — a return
    await page.getByTestId('order-line-add').click();
    await pick(page, 'order-line-product-1', '滚刷', roller.sku);
    await expect.poll(() => inputOf(page.getByTestId('order-line-price-1')).inputValue()).toBe('35.5');
    await inputOf(page.getByTestId('order-line-quantity-1')).fill('0');
    await page.getByTestId('order-submit').click();
    // 0 is refused on the line itself
    await expect.poll(() => fieldError(page.getByTestId('order-line-quantity-1')).textContent()).toContain('不能为 0');
    await inputOf(page.getByTestId('order-line-quantity-1')).fill('-2');

    // the live total: 3 × 199 − 2 × 35.5
    const expected = 3 * paint.listPrice - 2 * roller.listPrice;
    await expect.poll(() => page.getByTestId('order-total').getAttribute('data-amount')).toBe(String(expected));
    expect(await page.getByTestId('order-total').textContent()).toContain('526.00');
    expect(await page.getByTestId('order-line-amount-1').textContent()).toMatch(/^-\D*71\.00$/);
    await settled(page);
    await screenshot(page, 'orders-new-drawer', { fullPage: false });

    // a price over what the API takes is refused before it is sent
    await inputOf(page.getByTestId('order-line-price-0')).fill('2000000000000');
    await page.getByTestId('order-submit').click();
    await expect.poll(() => fieldError(page.getByTestId('order-line-price-0')).textContent()).toContain('1 万亿');
    await inputOf(page.getByTestId('order-line-price-0')).fill('199');

    // a field error of the server (400, details path lines.1.quantity) lands on that line's quantity. The form
    // checks the same rules first, so this answer is played back to it rather than provoked.
    let errorsBefore = demo.browser.errors.length;
    const refusal = {
      error: {
        code: 'validation_error',
        message: 'Invalid lines.1.quantity',
        details: [{ path: 'lines.1.quantity', message: 'quantity must not be 0' }],
      },
    };
    await page.route('**/api/orders', (route) =>
      route.request().method() === 'POST' ? route.fulfill({ status: 400, json: refusal }) : route.fallback(),
    );
    await page.getByTestId('order-submit').click();
    await expect.poll(() => fieldError(page.getByTestId('order-line-quantity-1')).textContent()).toContain('quantity must not be 0');
    expect(await fieldError(page.getByTestId('order-line-quantity-0')).count()).toBe(0);
    await page.unroute('**/api/orders');
    expectedErrors(errorsBefore, /400/);
    await settled(page);
    await screenshot(page, 'orders-new-server-error', { fullPage: false });

    // a taken order number is said so, on the number
    errorsBefore = demo.browser.errors.length;
    await inputOf(page.getByTestId('order-no')).fill('SO-TAKEN-1');
    await page.getByTestId('order-submit').click();
    await expect.poll(() => fieldError(page.getByTestId('order-no')).textContent()).toContain('SO-TAKEN-1 已存在');
    expectedErrors(errorsBefore, /409/);
    await settled(page);
    await screenshot(page, 'orders-new-409', { fullPage: false });
    await inputOf(page.getByTestId('order-no')).fill('SO-E2E-0001');

    await page.getByTestId('order-submit').click();
    await page.getByTestId('order-created').waitFor();
    await expect.poll(() => page.getByTestId('order-submit').isVisible()).toBe(false);

    // what the drawer showed is what the server stored
    const list = await getJson(page, `/api/orders?accountId=${accountId}&q=SO-E2E-0001`);
    expect(list.total).toBe(1);
    orderId = list.items[0].id;
    expect(list.items[0].totalAmount).toBe(expected);
    const order = await getJson(page, `/api/orders/${orderId}`);
    expect(order).toMatchObject({ orderNo: 'SO-E2E-0001', accountId, status: 'completed', currency: 'CNY' });
    expect(order.lines.map((l: { sku: string; quantity: number; unitPrice: number; unitCost: number }) => [l.sku, l.quantity, l.unitPrice, l.unitCost])).toEqual([
      [paint.sku, 3, 199, 120],
      [roller.sku, -2, 35.5, 12],
    ]);
    // the account's list shows it
    await page.locator('.ant-table-tbody').getByRole('link', { name: 'SO-E2E-0001' }).waitFor();
    await settled(page);
    await screenshot(page, 'orders-account-tab', { fullPage: false });
  });

  it('opens the order and changes its status; a stale save is a conflict', async () => {
    const { page } = demo;
    await page.locator('.ant-table-tbody').getByRole('link', { name: 'SO-E2E-0001' }).click();
    await page.waitForURL(new RegExp(`/orders/${orderId}$`));
    await expect.poll(() => page.getByTestId('order-title').textContent()).toContain('SO-E2E-0001');
    expect(await page.getByTestId('order-status').textContent()).toContain('已完成');
    await settled(page);
    await screenshot(page, 'orders-order-page');

    await page.getByTestId('order-edit').click();
    await pick(page, 'order-status-edit', '', '已退货');
    await inputOf(page.getByTestId('order-channel-edit')).fill('门店');
    await settled(page);
    await screenshot(page, 'orders-edit-drawer', { fullPage: false });
    await page.getByTestId('order-save').click();
    await expect.poll(() => page.getByTestId('order-status').textContent()).toContain('已退货');
    const order = await getJson(page, `/api/orders/${orderId}`);
    expect(order).toMatchObject({ status: 'returned', channel: '门店', version: 2 });
    await settled(page);
    await screenshot(page, 'orders-order-page-returned');

    // someone else saves while the drawer is open: the save is refused and said so
    await page.getByTestId('order-edit').click();
    await pick(page, 'order-status-edit', '', '处理中');
    const other = await page.evaluate(async (id) => {
      const response = await fetch(`/api/orders/${id}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ version: 2, notes: '客户来电' }) });
      return response.status;
    }, orderId);
    expect(other).toBe(200);
    const errorsBefore = demo.browser.errors.length;
    await page.getByTestId('order-save').click();
    await page.getByTestId('order-conflict').waitFor();
    expectedErrors(errorsBefore, /409/);
    await settled(page);
    await screenshot(page, 'orders-edit-conflict', { fullPage: false });
    // reload their version, then save again
    await page.getByTestId('order-conflict').getByRole('button').click();
    await expect.poll(() => page.getByTestId('order-conflict').count()).toBe(0);
    expect(await inputOf(page.getByTestId('order-notes-edit')).inputValue()).toBe('客户来电');
    await pick(page, 'order-status-edit', '', '处理中');
    await page.getByTestId('order-save').click();
    await expect.poll(() => page.getByTestId('order-status').textContent()).toContain('处理中');
    expect(await getJson(page, `/api/orders/${orderId}`)).toMatchObject({ status: 'open', notes: '客户来电', version: 4 });
  });

  it('in English: the order page, its edit drawer, and a guest sale from the orders list', async () => {
    const { page } = demo;
    await page.getByTestId('language-en-US').click();
    await expect.poll(() => page.getByTestId('order-status').textContent()).toContain('Open');
    await settled(page);
    await screenshot(page, 'orders-order-page-en');
    await page.getByTestId('order-edit').click();
    await page.getByTestId('order-save').waitFor();
    await settled(page);
    await screenshot(page, 'orders-edit-drawer-en', { fullPage: false });
    await page.getByTestId('order-save').click(); // nothing changed: closes without a request
    await expect.poll(() => page.getByTestId('order-save').isVisible()).toBe(false);

    await page.goto('/orders');
    await page.getByTestId('order-new').click();
    await page.getByTestId('order-submit').waitFor();
    // a guest sale: no account; a line described by hand
    await inputOf(page.getByTestId('order-line-description-0')).fill('Delivery & installation');
    await inputOf(page.getByTestId('order-line-quantity-0')).fill('2');
    await inputOf(page.getByTestId('order-line-price-0')).fill('80');
    await page.getByTestId('order-line-add').click();
    await pick(page, 'order-line-product-1', 'PAINT', paint.sku);
    await inputOf(page.getByTestId('order-line-quantity-1')).fill('-1');
    await expect.poll(() => page.getByTestId('order-total').getAttribute('data-amount')).toBe(String(2 * 80 - 199));
    expect(await page.getByTestId('order-total').textContent()).toMatch(/^-\D*39\.00$/);
    await settled(page);
    await screenshot(page, 'orders-new-drawer-en', { fullPage: false });
    await page.getByTestId('order-submit').click();
    await page.getByTestId('order-created').waitFor();
    // the newest order by id (order dates entered in the drawer have minute precision, so they can tie)
    const all = await getJson(page, '/api/orders?pageSize=200');
    const newest = all.items.reduce((a: { id: number }, b: { id: number }) => (b.id > a.id ? b : a));
    expect(newest).toMatchObject({ accountId: null, totalAmount: -39 });
    await page.locator('.ant-table-tbody').getByRole('link', { name: newest.orderNo }).waitFor();
    await settled(page);
    await screenshot(page, 'orders-list-en', { fullPage: false });

    await page.getByTestId('language-zh-CN').click();
    expect(demo.browser.errors.filter((e) => !/401|Unauthorized/i.test(e))).toEqual([]);
  });
});
