// A user's first hour with Relata, in Debian's Chromium against the real server and database:
// sign in, import a CSV of customers through the wizard, find one with the header search, open the
// account page, give it custom attributes, switch the language. Screenshots land in e2e/screenshots/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, TEST_ADMIN } from './harness.js';
import { useDemoServer } from './demo-server.js';

// an empty company, nobody signed in: the first test signs in
const demo = useDemoServer({ demo: false, user: null });
const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'relata-e2e-')), 'customers.csv');

beforeAll(async () => {
  fs.writeFileSync(
    csv,
    [
      'CustomerNo,Name,CustomerType,Email,Phone,City',
      'C-1001,上海华星建材有限公司,intermediary,sales@huaxing.example.cn,021-5555 0101,上海',
      'C-1002,Northwind Trading Ltd,consumer,orders@northwind.example.com,+44 20 7946 0000,London',
      'C-1003,"Wang, Fang",consumer,wang.fang@example.cn,138 0000 0003,杭州',
    ].join('\n'),
  );
});

describe('the foundation, as a user sees it', () => {
  it('signs in (and is sent to the login page first)', async () => {
    const { page } = demo;
    await page.goto('/accounts');
    await page.waitForURL(/\/login/);
    await page.getByTestId('login-email').fill(TEST_ADMIN.email);
    await page.getByTestId('login-password').fill('wrong password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').isVisible()).toBe(true);
    await screenshot(page, 'login-error');
    await page.getByTestId('login-password').fill(TEST_ADMIN.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/accounts/);
    await screenshot(page, 'accounts-empty');
  });

  it('imports a CSV of customers through the wizard', async () => {
    const { page } = demo;
    await page.goto('/import');
    await page.locator('[data-testid=import-kind] input[value=accounts]').check({ force: true });
    await page.getByTestId('import-file').locator('input[type=file]').or(page.locator('input[type=file][data-testid=import-file]')).first().setInputFiles(csv);
    await page.getByTestId('import-validate').waitFor();
    await screenshot(page, 'import-mapping');
    await page.getByTestId('import-validate').click();
    await expect.poll(() => page.getByTestId('import-confirm').isEnabled(), { timeout: 30_000 }).toBe(true);
    await screenshot(page, 'import-validated');
    await page.getByTestId('import-confirm').click();
    const result = page.getByTestId('import-result');
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    await screenshot(page, 'import-done');
    // what the wizard reported is what the API holds
    const accounts = await page.evaluate(async () => (await fetch('/api/accounts?pageSize=50')).json());
    expect(accounts.total).toBe(3);
    expect(accounts.items.map((a: { name: string }) => a.name).sort()).toEqual(['Northwind Trading Ltd', 'Wang, Fang', '上海华星建材有限公司']);
  });

  it('finds the customer with the header search and opens the account page', async () => {
    const { page } = demo;
    await page.goto('/');
    await page.getByTestId('global-search').fill('华星');
    await page.getByText('上海华星建材有限公司').first().waitFor();
    await page.getByTestId('global-search').press('Enter');
    await page.waitForURL(/\/accounts\/\d+/);
    await expect.poll(() => page.getByTestId('account-name').textContent()).toContain('上海华星建材有限公司');
    await screenshot(page, 'account');
  });

  it('gives the customer typed attributes in the account form, refusing a number that is not one', async () => {
    const { page } = demo;
    await page.getByTestId('account-edit').click();
    await page.getByRole('button', { name: '添加属性' }).click();
    await page.getByLabel('属性名').last().fill('年收入');
    await page.getByLabel('值').last().fill('12万');
    await page.getByTestId('account-save').click();
    await page.getByText('请输入数字').waitFor();
    await page.getByLabel('值').last().fill('120,000');
    await page.getByRole('button', { name: '添加属性' }).click();
    await page.getByLabel('属性名').last().fill('家庭人数');
    await page.getByLabel('值').last().fill('4');
    await screenshot(page, 'account-attributes-form');
    await page.getByTestId('account-save').click();
    await page.getByText('120,000').waitFor();
    const id = page.url().split('/').pop();
    const account = await page.evaluate(async (accountId) => (await fetch(`/api/accounts/${accountId}`)).json(), id);
    // stored as numbers, so the analytics can use them
    expect(account.attributes).toEqual({ 年收入: 120000, 家庭人数: 4 });
    await screenshot(page, 'account-attributes');
  });

  it('switches the whole interface to English and back', async () => {
    const { page } = demo;
    await page.getByTestId('language-en-US').click();
    await expect.poll(() => page.locator('.ant-layout-sider').textContent()).toContain('Accounts');
    await screenshot(page, 'account-en');
    await page.reload();
    await expect.poll(() => page.locator('.ant-layout-sider').textContent()).toContain('Accounts');
    await page.getByTestId('language-zh-CN').click();
    await expect.poll(() => page.locator('.ant-layout-sider').textContent()).toContain('客户');
    expect(demo.browser.errors.filter((e) => !/401|Unauthorized/i.test(e))).toEqual([]);
  });
});
