// The customer-value screens on the demo company, in Debian's Chromium: the figures shown are the API's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, startServer, TEST_ADMIN, type E2EBrowser, type RunningServer } from './harness.js';

let server: RunningServer;
let b: E2EBrowser;
const number = (text: string | null) => Number((text ?? '').replace(/[^0-9.\-]/g, ''));

beforeAll(async () => {
  // First start with the demo company; the scheduled refresh runs at start.
  server = await startServer({ demo: true });
  b = await launchBrowser({ baseURL: server.url });
  const { page } = b;
  await page.goto('/login');
  await page.getByTestId('login-email').fill(TEST_ADMIN.email);
  await page.getByTestId('login-password').fill(TEST_ADMIN.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  for (let i = 0; i < 180; i++) {
    const status = await page.evaluate(async () => (await (await fetch('/api/analytics/runs')).json()).items[0]?.status);
    if (status === 'done') return;
    if (status === 'failed') throw new Error('the scheduled analytics refresh failed');
    await page.waitForTimeout(500);
  }
  throw new Error('the scheduled analytics refresh did not finish in 90 s');
});
afterAll(async () => {
  await b?.close();
  await server?.stop();
});

describe('customer value on screen', () => {
  it('the overview shows the fitted models and charts of the latest snapshot', async () => {
    const { page } = b;
    const overview = await page.evaluate(async () => (await fetch('/api/analytics/overview')).json());
    await page.goto('/analytics');
    await page.getByTestId('analytics-param-r').waitFor();
    for (const [id, value] of Object.entries(overview.run.summary.bgnbd.params as Record<string, number>)) {
      const shown = number(await page.getByTestId(`analytics-param-${id}`).textContent());
      expect(Math.abs(shown - value), `${id}: shown ${shown}, API ${value}`).toBeLessThan(Math.max(0.0006, Math.abs(value) * 0.001));
    }
    for (const chart of ['analytics-rfm-grid', 'analytics-pareto', 'analytics-clv-histogram', 'analytics-calibration']) {
      await expect.poll(() => page.getByTestId(chart).locator('canvas').count(), { message: chart }).toBeGreaterThan(0);
    }
    await screenshot(page, 'analytics', { fullPage: true });
  });

  it("an account's value tab shows its CLV and P(alive) as the API has them", async () => {
    const { page } = b;
    const overview = await page.evaluate(async () => (await fetch('/api/analytics/overview')).json());
    const top = overview.top[0];
    const value = await page.evaluate(async (id) => (await fetch(`/api/analytics/accounts/${id}`)).json(), top.accountId);
    await page.goto(`/accounts/${top.accountId}`);
    await page.getByTestId('account-value-tab').click();
    await page.getByTestId('account-value-clv').waitFor();
    expect(number(await page.getByTestId('account-value-clv').textContent())).toBeCloseTo(value.latest.predictedClv, 0);
    expect(number(await page.getByTestId('account-value-palive').textContent())).toBeCloseTo(value.latest.pAlive * 100, 0);
    await screenshot(page, 'account-value', { fullPage: true });
    await page.getByTestId('language-en-US').click();
    await screenshot(page, 'account-value-en', { fullPage: true });
    expect(b.errors.filter((e) => !/401|Unauthorized/i.test(e))).toEqual([]);
  });
});
