// The customer-value screens on the demo company, in Debian's Chromium: the figures shown are the API's.
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './harness.js';
import { getJson, useDemoServer, waitForRun } from './demo-server.js';

const demo = useDemoServer();
const number = (text: string | null) => Number((text ?? '').replace(/[^0-9.\-]/g, ''));

// First start with the demo company; the scheduled refresh runs at start.
beforeAll(() => waitForRun(demo.page, 'the scheduled analytics refresh', { limitS: 90 }), 180_000);

describe('customer value on screen', () => {
  it('the overview shows the fitted models and charts of the latest snapshot', async () => {
    const { page } = demo;
    const overview = await getJson(page, '/api/analytics/overview');
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
    const { page } = demo;
    const overview = await getJson(page, '/api/analytics/overview');
    const top = overview.top[0];
    const value = await getJson(page, `/api/analytics/accounts/${top.accountId}`);
    await page.goto(`/accounts/${top.accountId}`);
    await page.getByTestId('account-value-tab').click();
    await page.getByTestId('account-value-clv').waitFor();
    expect(number(await page.getByTestId('account-value-clv').textContent())).toBeCloseTo(value.latest.predictedClv, 0);
    expect(number(await page.getByTestId('account-value-palive').textContent())).toBeCloseTo(value.latest.pAlive * 100, 0);
    await screenshot(page, 'account-value', { fullPage: true });
    await page.getByTestId('language-en-US').click();
    await screenshot(page, 'account-value-en', { fullPage: true });
    expect(demo.browser.errors.filter((e) => !/401|Unauthorized/i.test(e))).toEqual([]);
  });
});
