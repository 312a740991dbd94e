// The predictive model on screen, on the demo company in Debian's Chromium: a refresh started from the model
// settings, the customer groups with their names and members (a rename that survives a reload), the products
// bought together (rules, heat-map, network, product groups, CG × PSG), an account's groups and offers with their
// reasons, and the sales priority list, where logging a call creates an activity on the account and takes the row
// off the list. Then the empty states of a company without a model. Every page is shot in zh-CN and en-US at
// 1440×900 into e2e/screenshots/ (segments-*.png).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './harness.js';
import { getJson, useDemoServer, waitForRun } from './demo-server.js';
import { openIn, settled, tableRows } from './screen.js';

// the demo company, the admin signed in with the UI in Simplified Chinese
const demo = useDemoServer({ language: 'zh-CN' });

type Localized = { zh: string; en: string };
interface Group {
  groupNo: number;
  name: string | null;
  size: number;
  profile: { suggestedName: Localized };
}

const groupName = (g: Group, lang: 'zh' | 'en') => g.name || g.profile.suggestedName[lang];

/**
 * A group's name on its card: the whole name (data-name), and what shows — all of it, or a long name's start
 * cut with an ellipsis.
 */
async function shownGroupName(page: Page, groupNo: number) {
  const element = page.getByTestId(`segments-group-name-${groupNo}`);
  const name = (await element.getAttribute('data-name')) ?? '';
  const text = (await element.innerText()).trim();
  const visible = text.replace(/(\.\.\.|…)$/, '');
  return { name, whole: text === name, prefix: visible.length > 0 && name.startsWith(visible) };
}

// the demo company's scheduled refresh (customer value and the predictive model) runs at start
beforeAll(() => waitForRun(demo.page, 'the scheduled analytics refresh', { limitS: 240 }), 300_000);

describe('the predictive model on screen', () => {
  it('the model settings start a refresh, followed on the page until the groups are recomputed', async () => {
    const { page } = demo;
    const before = (await getJson(page, '/api/analytics/runs')).items[0].id;
    await openIn(page, '/groups', 'zh-CN');
    await page.getByTestId('segments-group-cards').waitFor();
    await page.getByTestId('segments-settings').click();
    const drawer = page.getByTestId('segments-settings-form');
    await drawer.waitFor();
    // the features the model can use are offered with their labels; the current ones are kept
    expect(await drawer.locator('.ant-checkbox-wrapper').count()).toBeGreaterThan(2);
    const fuzziness = drawer.locator('.ant-form-item', { hasText: '模糊系数' }).locator('input');
    await fuzziness.fill('1.5');
    await screenshot(page, 'segments-settings', { fullPage: false });
    await page.getByTestId('segments-settings-submit').click();
    await page.getByTestId('analytics-run-progress').waitFor();
    const run = await waitForRun(page, 'the refresh from the model settings', { limitS: 240 });
    expect(run.id).toBeGreaterThan(before);
    await expect.poll(() => page.getByTestId('analytics-run-progress').count(), { timeout: 30_000 }).toBe(0);
    const groups = await getJson(page, '/api/segments/groups');
    expect(groups.run.id).toBe(run.id);
    expect(groups.run.segments.params.fuzziness).toBe(1.5);
  }, 300_000);

  it('the groups page shows the k groups with their names, and each group its members', async () => {
    const { page } = demo;
    const data = await getJson(page, '/api/segments/groups');
    const groups: Group[] = data.groups;
    expect(groups.length).toBe(data.run.segments.k);
    expect(groups.length).toBeGreaterThanOrEqual(2);
    await openIn(page, '/groups', 'zh-CN');
    await page.getByTestId('segments-group-cards').waitFor();
    await expect.poll(() => page.locator('[data-testid^="segments-group-card-"]').count()).toBe(groups.length);
    for (const g of groups) {
      const shown = await shownGroupName(page, g.groupNo);
      expect(shown.name).toBe(groupName(g, 'zh'));
      expect(shown.prefix).toBe(true);
    }
    expect(await page.getByTestId('segments-stat-k').innerText()).toContain(String(groups.length));
    await expect.poll(() => page.getByTestId('segments-profile-chart').locator('canvas').count()).toBeGreaterThan(0);

    // the first group's members, most typical first, as the API has them
    const members = await getJson(page, `/api/segments/groups/${groups[0].groupNo}/members?page=1&pageSize=10`);
    expect(members.total).toBeGreaterThan(0);
    await expect.poll(() => tableRows(page, 'segments-members').count()).toBe(Math.min(10, members.total));
    expect(await tableRows(page, 'segments-members').first().getByTestId('segments-member-link').innerText()).toBe(members.items[0].name);
    await settled(page);
    await screenshot(page, 'segments-groups');

    // another group's members
    const other = groups.find((g) => g.size > 0 && g.groupNo !== groups[0].groupNo) ?? groups[1];
    const otherMembers = await getJson(page, `/api/segments/groups/${other.groupNo}/members?page=1&pageSize=10`);
    await page.getByTestId(`segments-group-members-${other.groupNo}`).click();
    await expect.poll(() => page.getByTestId('segments-members').locator('.ant-card-head-title').innerText()).toContain(groupName(other, 'zh'));
    if (otherMembers.total > 0) {
      await expect.poll(() => tableRows(page, 'segments-members').first().getByTestId('segments-member-link').innerText()).toBe(otherMembers.items[0].name);
    }

    await page.getByTestId('language-en-US').click();
    await expect.poll(async () => (await shownGroupName(page, groups[0].groupNo)).name).toBe(groupName(groups[0], 'en'));
    expect((await shownGroupName(page, groups[0].groupNo)).prefix).toBe(true);
    await settled(page);
    await screenshot(page, 'segments-groups-en');
  });

  it('renaming a group persists after a reload, and the suggested name comes back when the name is cleared', async () => {
    const { page } = demo;
    const groups: Group[] = (await getJson(page, '/api/segments/groups')).groups;
    const target = groups[0];
    const newName = '长期合作的装修师傅与小型工程队 Trade contractors & small builders';
    await openIn(page, '/groups', 'zh-CN');
    const card = page.getByTestId(`segments-group-card-${target.groupNo}`);
    await card.waitFor();
    await page.getByTestId(`segments-group-name-${target.groupNo}-edit`).click();
    const input = page.getByTestId(`segments-group-name-${target.groupNo}-input`);
    await input.fill(newName);
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/segments/groups/${target.groupNo}`) && r.request().method() === 'PATCH');
    await input.press('Enter');
    expect((await saved).status()).toBe(200);
    await page.reload();
    await page.getByTestId(`segments-group-card-${target.groupNo}`).waitFor();
    await expect.poll(async () => (await shownGroupName(page, target.groupNo)).name).toBe(newName);
    expect((await shownGroupName(page, target.groupNo)).prefix).toBe(true);
    expect((await getJson(page, '/api/segments/groups')).groups.find((g: Group) => g.groupNo === target.groupNo).name).toBe(newName);
    // the long name is cut with an ellipsis in its card, not spilled over the card's edge
    const box = await page.getByTestId(`segments-group-name-${target.groupNo}`).boundingBox();
    const cardBox = await card.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(cardBox!.x + cardBox!.width);
    // the members card names the group too
    await expect.poll(() => page.getByTestId('segments-members').locator('.ant-card-head-title').innerText()).toContain('长期合作的装修师傅');
    await settled(page, { top: false });
    await card.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(300);
    await screenshot(page, 'segments-groups-renamed', { fullPage: false });

    // cleared: the suggested name is back
    await page.getByTestId(`segments-group-name-${target.groupNo}-reset`).click();
    await expect.poll(async () => (await shownGroupName(page, target.groupNo)).name).toBe(target.profile.suggestedName.zh);
    expect((await getJson(page, '/api/segments/groups')).groups.find((g: Group) => g.groupNo === target.groupNo).name).toBeNull();

    // the long name again (through the API), for the pages that follow to show it
    const patched = await page.evaluate(
      async ({ groupNo, name }) =>
        (await fetch(`/api/segments/groups/${groupNo}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name }) })).status,
      { groupNo: target.groupNo, name: newName },
    );
    expect(patched).toBe(200);
  });

  it('the products-together page shows the rules, the heat-map, the network, the product groups and CG × PSG', async () => {
    const { page } = demo;
    const rules = await getJson(page, '/api/segments/rules?page=1&pageSize=10&sort=lift');
    const together = await getJson(page, '/api/segments/product-groups');
    expect(rules.total).toBeGreaterThan(0);
    await openIn(page, '/products-together', 'zh-CN');
    await page.getByTestId('segments-rules').waitFor();
    await expect.poll(() => tableRows(page, 'segments-rules').count()).toBe(Math.min(10, rules.total));
    const first = tableRows(page, 'segments-rules').first();
    expect(await first.innerText()).toContain(rules.items[0].consequent.name);
    for (const chart of ['segments-heatmap-chart', 'segments-graph-chart']) {
      await expect.poll(() => page.getByTestId(chart).locator('canvas').count(), { message: chart }).toBeGreaterThan(0);
    }
    expect(await page.locator('[data-testid^="segments-product-group-card-"]').count()).toBe(together.productGroups.length);
    await expect.poll(() => tableRows(page, 'segments-associations').count()).toBe(Math.min(8, together.associations.length));

    // sorted by confidence on the server
    const byConfidence = await getJson(page, '/api/segments/rules?page=1&pageSize=10&sort=confidence');
    await page.getByTestId('segments-rules').locator('th', { hasText: '置信度' }).first().click();
    await expect.poll(() => tableRows(page, 'segments-rules').first().innerText()).toContain(byConfidence.items[0].consequent.name);
    await page.getByTestId('segments-rules').locator('th', { hasText: '提升度' }).first().click();
    await expect.poll(() => tableRows(page, 'segments-rules').first().innerText()).toContain(rules.items[0].consequent.name);

    await settled(page);
    await screenshot(page, 'segments-products-together');
    await page.getByTestId('language-en-US').click();
    await expect.poll(() => page.getByTestId('segments-together-title').innerText()).toBe('Products together');
    await settled(page);
    await screenshot(page, 'segments-products-together-en');
  });

  it("an account's groups-and-offers tab shows its memberships and its offers with their reasons", async () => {
    const { page } = demo;
    const top = (await getJson(page, '/api/segments/priority?quietDays=14&page=1&pageSize=5')).items[0];
    const panel = await getJson(page, `/api/segments/accounts/${top.accountId}`);
    expect(panel.offers.length).toBeGreaterThan(0);
    await openIn(page, `/accounts/${top.accountId}`, 'zh-CN');
    await page.getByTestId('account-segments-tab').click();
    await page.getByTestId('account-segments').waitFor();
    expect(await page.locator('[data-testid^="account-segments-group-"]').count()).toBe(panel.memberships.length);
    const reasons = page.getByTestId('account-segments-reason');
    await expect.poll(() => reasons.count()).toBe(panel.offers.length);
    for (let i = 0; i < panel.offers.length; i++) {
      expect((await reasons.nth(i).innerText()).trim()).toBe(panel.offers[i].reason.text.zh);
    }
    expect(await page.getByTestId('account-segments-offer-product').first().innerText()).toBe(panel.offers[0].productName);
    await settled(page);
    await screenshot(page, 'segments-account');
    await page.getByTestId('language-en-US').click();
    await expect.poll(() => reasons.first().innerText()).toBe(panel.offers[0].reason.text.en);
    await settled(page);
    await screenshot(page, 'segments-account-en');
  });

  it('the priority list ranks the customers; logging a call creates an activity and takes the row off the list', async () => {
    const { page } = demo;
    const list = await getJson(page, '/api/segments/priority?quietDays=14&page=1&pageSize=20');
    expect(list.total).toBeGreaterThan(1);
    await openIn(page, '/priority', 'zh-CN');
    await page.getByTestId('segments-priority').waitFor();
    await expect.poll(() => tableRows(page, 'segments-priority').count()).toBe(Math.min(20, list.total));
    const shown = await tableRows(page, 'segments-priority').getByTestId('segments-priority-account').allInnerTexts();
    expect(shown).toEqual(list.items.map((item: { name: string }) => item.name));
    // ranked by contact value
    const values = list.items.map((item: { contactValue: number }) => item.contactValue);
    expect(values).toEqual([...values].sort((x: number, y: number) => y - x));
    expect((await tableRows(page, 'segments-priority').first().getByTestId('segments-priority-reason').innerText()).trim()).toBe(list.items[0].topReason.text.zh);
    await settled(page);
    await screenshot(page, 'segments-priority');
    await page.getByTestId('language-en-US').click();
    await expect.poll(() => tableRows(page, 'segments-priority').first().getByTestId('segments-priority-reason').innerText()).toBe(list.items[0].topReason.text.en);
    await settled(page);
    await screenshot(page, 'segments-priority-en');

    // the call, from the first row
    const first = list.items[0];
    await page.evaluate(() => localStorage.setItem('relata.language', 'zh-CN'));
    await page.reload();
    await tableRows(page, 'segments-priority').first().getByTestId('segments-priority-call').click();
    const form = page.getByTestId('segments-call-form');
    await form.waitFor();
    await form.locator('input').first().fill('已接通，客户下周来店看样');
    await page.getByTestId('segments-call-notes').fill('客户对推荐的产品感兴趣，约好周三到店。');
    await settled(page);
    await screenshot(page, 'segments-priority-call', { fullPage: false });
    const posted = page.waitForResponse((r) => r.url().endsWith(`/api/segments/priority/${first.accountId}/calls`));
    await page.getByTestId('segments-call-submit').click();
    expect((await posted).status()).toBe(201);
    await expect.poll(() => tableRows(page, 'segments-priority').getByTestId('segments-priority-account').allInnerTexts()).not.toContain(first.name);
    const after = await getJson(page, '/api/segments/priority?quietDays=14&page=1&pageSize=200');
    expect(after.items.map((item: { accountId: number }) => item.accountId)).not.toContain(first.accountId);

    // the call is on the account's activities tab
    await page.goto(`/accounts/${first.accountId}`);
    await page.getByTestId('account-activities-tab').click();
    const activity = page.locator('tbody tr.ant-table-row', { hasText: '已接通，客户下周来店看样' });
    await activity.first().waitFor();
    expect(await activity.first().innerText()).toContain(first.topProductName);
    await settled(page);
    await screenshot(page, 'segments-account-activities');
    expect(demo.browser.errors.filter((e) => !/401|Unauthorized/i.test(e))).toEqual([]);
  });
});

describe('a company without a model yet', () => {
  const empty = useDemoServer({ demo: false, language: 'zh-CN' });

  it('explains where the model comes from and offers to run the analysis', async () => {
    const { page } = empty;
    for (const [path, name] of [
      ['/groups', 'segments-empty-groups'],
      ['/products-together', 'segments-empty-products-together'],
      ['/priority', 'segments-empty-priority'],
    ] as const) {
      for (const language of ['zh-CN', 'en-US'] as const) {
        await openIn(page, path, language);
        await page.getByTestId('segments-empty').waitFor();
        expect(await page.getByTestId('segments-run-first').count()).toBe(1);
        if (path === '/groups') {
          await settled(page);
          await screenshot(page, language === 'zh-CN' ? name : `${name}-en`, { fullPage: false });
        }
      }
    }
    expect(empty.browser.errors.filter((e) => !/401|Unauthorized/i.test(e))).toEqual([]);
  });
});
