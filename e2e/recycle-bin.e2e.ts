// Delete and the recycle bin, in Debian's Chromium against the real server and the demo company: the admin
// deletes an account from its page, finds it gone from the list and in the recycle bin, restores it and
// opens it again; a role that may not change records sees neither Delete nor the bin. Screenshots land in
// e2e/screenshots/ (recycle-*.png), in Chinese and in English.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './harness.js';
import { signIn, useDemoServer } from './demo-server.js';

// no scheduled analytics refresh: these screens do not need one, and on the embedded database its reads and
// writes hold the one connection the lists need
const demo = useDemoServer({ env: { RELATA_ANALYTICS_EVERY_HOURS: '0' } });
const name = '杭州西湖装饰工程有限公司';
let accountId: number;

/** The rows of the list on screen. */
const tableRows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');

/** Waits until no table is loading and no switch is sliding, for a screenshot of the settled screen. */
async function settled(page: Page) {
  await expect.poll(() => page.locator('.ant-spin-spinning, .ant-segmented-thumb').count()).toBe(0);
  await page.waitForTimeout(400); // the list fades back in (0.3 s)
}

/** Which side of the Active / Recycle bin switch is selected. */
const selectedSide = (page: Page) => page.getByTestId('recycle-bin-switch').locator('.ant-segmented-item-selected').textContent();

describe('delete and the recycle bin, as the admin sees them', () => {
  it('deletes an account from its page and sends the user back to the list', async () => {
    const { page } = demo;
    const created = await page.evaluate(async (accountName) => {
      const response = await fetch('/api/accounts', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: accountName, customerType: 'intermediary', industry: 'interior_design', city: '杭州' }),
      });
      return { status: response.status, body: await response.json() };
    }, name);
    expect(created.status).toBe(201);
    accountId = created.body.id;

    await page.goto(`/accounts/${accountId}`);
    await expect.poll(() => page.getByTestId('account-name').textContent()).toContain(name);
    // the demo data's keys are shown translated: industry, and the source of an account made by hand
    const profile = await page.locator('.ant-descriptions').first().textContent();
    expect(profile).toContain('室内设计');
    expect(profile).toContain('手工录入');
    await settled(page);
    await screenshot(page, 'recycle-account');

    await page.getByTestId('account-delete').click();
    await page.getByTestId('delete-confirm').waitFor();
    await settled(page);
    await screenshot(page, 'recycle-delete-confirm', { fullPage: false });
    await page.getByTestId('delete-confirm').click();

    await page.waitForURL((url) => url.pathname === '/accounts');
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已移入回收站，管理员可以恢复');
    await expect.poll(() => tableRows(page).count()).toBeGreaterThan(0);
    // the newest account would head the list (newest change first): it is gone
    expect(await page.locator('.ant-table-tbody').getByText(name).count()).toBe(0);
    await settled(page);
    await screenshot(page, 'recycle-list-after-delete', { fullPage: false });

    const api = await page.evaluate(async (q) => {
      const active = await (await fetch(`/api/accounts?q=${encodeURIComponent(q)}`)).json();
      const bin = await (await fetch(`/api/accounts?deleted=only&q=${encodeURIComponent(q)}`)).json();
      return { active: active.total, bin: bin.total };
    }, name);
    expect(api).toEqual({ active: 0, bin: 1 });
  });

  it('finds it in the recycle bin and restores it', async () => {
    const { page } = demo;
    await page.getByTestId('recycle-bin-on').click();
    await page.waitForURL((url) => url.searchParams.get('deleted') === 'only');
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: name });
    await row.waitFor();
    expect(await tableRows(page).count()).toBe(1);
    await page.getByTestId('recycle-bin-hint').waitFor();
    await expect.poll(() => selectedSide(page)).toBe('回收站');
    await settled(page);
    await screenshot(page, 'recycle-bin', { fullPage: false });

    // an admin can still open a deleted account: its page says where it is
    await row.getByRole('link', { name }).click();
    await page.getByTestId('deleted-banner').waitFor();
    expect(await page.getByTestId('account-delete').count()).toBe(0);
    await settled(page);
    await screenshot(page, 'recycle-account-in-bin', { fullPage: false });
    await page.goBack();
    await row.waitFor();

    await page.getByTestId('language-en-US').click();
    await expect.poll(() => page.getByTestId('recycle-bin-switch').textContent()).toContain('Recycle bin');
    await settled(page);
    await screenshot(page, 'recycle-bin-en', { fullPage: false });

    await row.getByTestId('row-restore').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('restored');
    await expect.poll(() => row.count()).toBe(0);
    await settled(page);
    await screenshot(page, 'recycle-bin-after-restore-en', { fullPage: false });

    const account = await page.evaluate(async (id) => (await fetch(`/api/accounts/${id}`)).json(), accountId);
    expect(account.deletedAt).toBeNull();
  });

  it('opens the restored account again', async () => {
    const { page } = demo;
    await page.getByTestId('recycle-bin-off').click();
    await page.waitForURL((url) => !url.searchParams.has('deleted'));
    await expect.poll(() => selectedSide(page)).toBe('Active');
    await page.locator('.ant-table-tbody').getByRole('link', { name }).click();
    await page.waitForURL(new RegExp(`/accounts/${accountId}$`));
    await expect.poll(() => page.getByTestId('account-name').textContent()).toContain(name);
    expect(await page.getByTestId('deleted-banner').count()).toBe(0);
    const profile = await page.locator('.ant-descriptions').first().textContent();
    expect(profile).toContain('Interior design');
    expect(profile).toContain('Entered by hand');
    await page.getByTestId('account-delete').waitFor();
    await settled(page);
    await screenshot(page, 'recycle-account-restored-en');
  });

  it('shows the other lists with their Delete action, recycle bin switch and translated keys', async () => {
    const { page } = demo;
    await page.goto('/accounts');
    await expect.poll(() => tableRows(page).count()).toBeGreaterThan(0);
    await settled(page);
    await screenshot(page, 'recycle-accounts-en', { fullPage: false });

    // category keys (paint) shown by name, in the column and in the filter
    await page.goto('/products?category=paint');
    await expect.poll(() => tableRows(page).count()).toBeGreaterThan(0);
    expect(await page.locator('.ant-table-tbody').textContent()).toContain('Paint & coatings');
    expect(await page.locator('.toolbar').textContent()).toContain('Paint & coatings');
    expect(await tableRows(page).first().getByTestId('row-delete').count()).toBe(1);
    await settled(page);
    await screenshot(page, 'recycle-products-en', { fullPage: false });

    // a contact, deleted from its row, is in the contacts' recycle bin
    await page.goto('/contacts');
    await expect.poll(() => tableRows(page).count()).toBeGreaterThan(0);
    const contact = await tableRows(page).first().locator('td').first().textContent();
    await tableRows(page).first().getByTestId('row-delete').click();
    await page.getByTestId('delete-confirm').waitFor();
    await settled(page);
    await screenshot(page, 'recycle-contacts-confirm-en', { fullPage: false });
    await page.getByTestId('delete-confirm').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('moved to the recycle bin');
    await page.getByTestId('recycle-bin-on').click();
    await expect.poll(() => page.locator('.ant-table-tbody').textContent()).toContain(contact!.trim());
    await settled(page);
    await screenshot(page, 'recycle-contacts-bin-en', { fullPage: false });

    // a server error is explained: deleting a contact someone else has just deleted is a 404
    await page.getByTestId('recycle-bin-off').click();
    await page.waitForURL((url) => !url.searchParams.has('deleted'));
    await settled(page);
    const first = (await tableRows(page).first().locator('td').first().textContent())!.trim();
    const gone = await page.evaluate(async (contactName) => {
      const list = await (await fetch(`/api/contacts?q=${encodeURIComponent(contactName)}&sort=name&order=asc`)).json();
      return (await fetch(`/api/contacts/${list.items[0].id}`, { method: 'DELETE' })).status;
    }, first);
    expect(gone).toBe(200);
    const errorsBefore = demo.browser.errors.length;
    await tableRows(page).first().getByTestId('row-delete').click();
    await page.getByTestId('delete-confirm').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('no longer exists');
    // the browser logs the refused DELETE; that one was expected
    expect(demo.browser.errors.slice(errorsBefore).every((e) => /404/.test(e))).toBe(true);
    demo.browser.errors.splice(errorsBefore);
    await expect.poll(async () => (await tableRows(page).first().locator('td').first().textContent())?.trim()).not.toBe(first);
    await settled(page);
    await screenshot(page, 'recycle-contacts-404-en', { fullPage: false });

    await page.getByTestId('language-zh-CN').click();
    await page.goto('/products?category=paint');
    await expect.poll(() => tableRows(page).count()).toBeGreaterThan(0);
    expect(await page.locator('.ant-table-tbody').textContent()).toContain('涂料');
    await settled(page);
    await screenshot(page, 'recycle-products', { fullPage: false });
    await page.goto('/orders');
    await expect.poll(() => tableRows(page).count()).toBeGreaterThan(0);
    await settled(page);
    await screenshot(page, 'recycle-orders', { fullPage: false });
    await page.goto('/activities');
    await expect.poll(() => tableRows(page).count()).toBeGreaterThan(0);
    await settled(page);
    await screenshot(page, 'recycle-activities', { fullPage: false });
    expect(demo.browser.errors.filter((e) => !/401|Unauthorized/i.test(e))).toEqual([]);
  });

  it('an analyst sees neither Delete nor the recycle bin', async () => {
    const { page } = demo;
    const analyst = { email: 'analyst@relata.test', name: 'Analyst', role: 'analyst', password: 'Analyst-passw0rd!' };
    const status = await page.evaluate(async (body) => {
      const response = await fetch('/api/users', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return response.status;
    }, analyst);
    expect(status).toBe(201);
    const context = await demo.browser.browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'UTC', baseURL: demo.server.url });
    try {
      const other = await context.newPage();
      await signIn(other, analyst);
      // even a link to the bin shows the active records
      await other.goto('/contacts?deleted=only');
      await expect.poll(() => tableRows(other).count()).toBeGreaterThan(0);
      expect(await other.getByTestId('recycle-bin-switch').count()).toBe(0);
      expect(await other.getByTestId('row-delete').count()).toBe(0);
      await other.goto(`/accounts/${accountId}`);
      await expect.poll(() => other.getByTestId('account-name').textContent()).toContain(name);
      expect(await other.getByTestId('account-delete').count()).toBe(0);
      // an analyst reads: no edit, no new records (the server would refuse them with 403)
      expect(await other.getByTestId('account-edit').count()).toBe(0);
      await other.getByTestId('account-value-tab').waitFor();
      await other.goto('/accounts');
      await expect.poll(() => tableRows(other).count()).toBeGreaterThan(0);
      expect(await other.getByTestId('account-new').count()).toBe(0);
      await screenshot(other, 'recycle-analyst-account');
    } finally {
      await context.close();
    }
  });
});
