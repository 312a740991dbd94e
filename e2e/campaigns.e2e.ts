// Campaigns on screen, on the demo company in Debian's Chromium: the empty list before any campaign; a manager
// creates a campaign in the drawer (the date rule shown on its field), fills it from an audience (VIP customers of
// the latest analytics) and sees what the add did and the members; then a customer in the campaign has their exit
// approved (through the API, as the exit board would), after which the member shows greyed as "left: customer
// exit" in both languages, choosing them again by hand leaves them out and says why, and their account's timeline
// shows the campaign joined and left. Two refreshes a quarter apart make the exit candidates. Every screen is shot
// in zh-CN and en-US at 1440×900 into e2e/screenshots/ (campaigns-*.png).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './harness.js';
import { getJson, postJson, refreshAndWait, useDemoServer } from './demo-server.js';
import { inputOf, openIn, pick, settled, tableRows } from './screen.js';

// the demo company without the scheduled refresh; the manager runs the campaigns, the UI in Simplified Chinese
const demo = useDemoServer({ env: { RELATA_ANALYTICS_EVERY_HOURS: '0' }, language: 'zh-CN' });

const quarters = ['2025-03-31T12:00:00Z', '2025-06-30T12:00:00Z'];
const campaignName = '2025 年秋季老客户回访与新品试用邀请（华东区经销商、装修公司与个人客户，第二轮）';

interface BoardCase {
  id: number;
  stage: string;
  accountId: number;
  name: string;
  version: number;
}

/** Both languages of the current page, by the header's language switch. */
async function shootBoth(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  for (const [language, suffix] of [['zh-CN', ''], ['en-US', '-en']] as const) {
    await page.getByTestId(`language-${language}`).click();
    await settled(page, { noToasts: true });
    await screenshot(page, `${name}${suffix}`, options);
  }
  await page.getByTestId('language-zh-CN').click();
}

let campaignId: number;

beforeAll(async () => {
  // customers classed bad in both snapshots become exit candidates
  for (const asOf of quarters) await refreshAndWait(demo.page, { asOf, params: { relationship: { exitSnapshots: 2 }, propensity: { productGroups: 0 } } });
  await demo.signIn('manager@relata.demo');
}, 600_000);

describe('campaigns on screen', () => {
  it('says there are no campaigns yet, and how to start one', async () => {
    const { page } = demo;
    await openIn(page, '/campaigns', 'zh-CN');
    await expect.poll(() => page.getByTestId('campaigns-table').innerText()).toContain('还没有营销活动');
    await settled(page, { noToasts: true });
    await shootBoth(page, 'campaigns-empty');
  });

  it('a manager creates a campaign in the drawer and fills it from an audience of VIP customers', async () => {
    const { page } = demo;
    await openIn(page, '/campaigns', 'zh-CN');
    await page.getByTestId('campaign-new').click();
    await page.getByTestId('campaign-form').waitFor();
    await inputOf(page.getByTestId('campaign-name')).fill(campaignName);
    await pick(page, 'campaign-status', '', '进行中');
    await inputOf(page.getByTestId('campaign-starts')).click();
    await page.keyboard.type('2025-09-30');
    await page.keyboard.press('Enter');
    await inputOf(page.getByTestId('campaign-ends')).click();
    await page.keyboard.type('2025-09-01');
    await page.keyboard.press('Enter');
    await inputOf(page.getByTestId('campaign-subject')).fill('秋季新品试用，老客户优先');
    await page.getByTestId('campaign-save').click();
    // the end before the start is refused on its field, and nothing is saved
    await expect.poll(() => page.getByTestId('campaign-form').innerText()).toContain('结束日期不能早于开始日期');
    await settled(page, { top: false, noToasts: true });
    await screenshot(page, 'campaigns-drawer', { fullPage: false });
    await inputOf(page.getByTestId('campaign-ends')).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2025-10-31');
    await page.keyboard.press('Enter');
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/campaigns') && r.request().method() === 'POST');
    await page.getByTestId('campaign-save').click();
    const created = await (await posted).json();
    expect(created).toMatchObject({ name: campaignName, status: 'running', startsOn: '2025-09-30', endsOn: '2025-10-31' });
    campaignId = created.id;

    await page.getByTestId('campaign-open').filter({ hasText: campaignName.slice(0, 10) }).click();
    await page.getByTestId('audience-form').waitFor();
    await pick(page, 'audience-value-tier', '', 'VIP 客户');
    const vip = (await getJson<{ total: number }>(page, '/api/accounts?valueTier=vip&pageSize=1')).total;
    const exiting = await getJson<{ cases: BoardCase[] }>(page, '/api/exit-cases');
    expect(vip).toBeGreaterThan(0);
    await page.getByTestId('audience-add').click();
    await page.getByTestId('audience-result').waitFor();
    expect(await page.getByTestId('audience-result-matched').innerText()).toMatch(new RegExp(`\\n${vip}$`));
    // no exit is approved yet: every VIP customer joins
    expect(exiting.cases.every((c) => c.stage === 'candidate')).toBe(true);
    expect(await page.getByTestId('audience-result-added').innerText()).toMatch(new RegExp(`\\n${vip}$`));
    await expect.poll(() => tableRows(page, 'campaign-members').count()).toBe(Math.min(vip, 20));
    expect(await page.getByTestId('campaign-audience').innerText()).toContain('价值等级：VIP 客户');
    await shootBoth(page, 'campaigns-page', { fullPage: true });

    await openIn(page, '/campaigns', 'zh-CN');
    await expect.poll(() => tableRows(page, 'campaigns-table').count()).toBe(1);
    await shootBoth(page, 'campaigns-list');
  });

  it('an approved exit shows the member as left (customer exit); choosing them again leaves them out and says why', async () => {
    const { page } = demo;
    const board = await getJson<{ cases: BoardCase[] }>(page, '/api/exit-cases');
    const candidate = board.cases.find((c) => c.stage === 'candidate')!;
    expect(candidate).toBeDefined();
    const added = await postJson(page, `/api/campaigns/${campaignId}/members`, { accountIds: [candidate.accountId] });
    expect(added.status, JSON.stringify(added.body)).toBe(200);

    // the exit board's moves, as a manager makes them: review, then approve
    const review = await postJson(page, `/api/exit-cases/${candidate.id}/stage`, { to: 'review', version: candidate.version });
    expect(review.status, JSON.stringify(review.body)).toBe(200);
    const approved = await postJson(page, `/api/exit-cases/${candidate.id}/stage`, { to: 'approved', version: review.body.version });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);

    await openIn(page, `/campaigns/${campaignId}`, 'zh-CN');
    await page.getByTestId('members-show-left').click();
    const left = tableRows(page, 'campaign-members');
    await expect.poll(() => left.count()).toBe(1);
    expect(await left.first().innerText()).toContain(candidate.name);
    expect(await left.first().getAttribute('class')).toContain('campaign-member-left');
    expect(await page.getByTestId('member-left-reason').innerText()).toBe('已离开：客户退出');
    await page.getByTestId('language-en-US').click();
    await expect.poll(() => page.getByTestId('member-left-reason').innerText()).toBe('Left: customer exit');
    await page.getByTestId('language-zh-CN').click();

    // chosen by hand again: left out, and the result says it is because of the exit
    await page.getByTestId('audience-mode-accounts').click();
    await pick(page, 'audience-accounts', candidate.name, candidate.name);
    await page.keyboard.press('Escape');
    await page.getByTestId('audience-add').click();
    await page.getByTestId('audience-result').waitFor();
    expect(await page.getByTestId('audience-result-exiting').innerText()).toMatch(/\n1$/);
    expect(await page.getByTestId('audience-result-added').innerText()).toMatch(/\n0$/);
    await shootBoth(page, 'campaigns-member-left', { fullPage: true });

    // the customer's archive: joined the campaign, and left it when the exit was approved
    await openIn(page, `/accounts/${candidate.accountId}?tab=timeline`, 'zh-CN');
    await expect.poll(() => page.locator('.account-timeline').innerText()).toContain('离开营销活动：客户退出');
    expect(await page.locator('.account-timeline').innerText()).toContain('加入营销活动');
    await shootBoth(page, 'campaigns-account-timeline');
  });
});
