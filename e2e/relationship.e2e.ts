// Relationship value and customer exits on screen, on the demo company in Debian's Chromium: three refreshes a
// quarter apart (2024-12-31, 2025-03-31, 2025-06-30) so that customers classed bad in all three become exit
// candidates. The relationship-value page shows the AHP weights and the classifier's quality, and refuses an
// inconsistent matrix with the server's explanation at the cell; the exit board shows the candidates; the owning
// sales user starts a review, the manager approves and starts the transition, whose four plan tasks appear on the
// case page; the account's relationship-value tab shows the nine factors and the class. Every page is shot in zh-CN
// and en-US at 1440×900 into e2e/screenshots/ (relationship-*.png).
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './harness.js';
import { getJson, postJson, refreshAndWait, useDemoServer, waitForRun } from './demo-server.js';
import { inputOf, openIn, settled } from './screen.js';

// the demo company without the scheduled refresh: the three snapshots below are the whole history
const demo = useDemoServer({ env: { RELATA_ANALYTICS_EVERY_HOURS: '0' }, language: 'zh-CN' });

const quarters = ['2024-12-31T12:00:00Z', '2025-03-31T12:00:00Z', '2025-06-30T12:00:00Z'];

interface BoardCase {
  id: number;
  stage: string;
  accountId: number;
  name: string;
  ownerId: number | null;
  ownerName: string | null;
}

beforeAll(async () => {
  for (const asOf of quarters) await refreshAndWait(demo.page, { asOf, params: { relationship: { exitSnapshots: 3 } } });
}, 600_000);

describe('relationship value and customer exits on screen', () => {
  it('the relationship-value page shows the weights, the factors and the classifier quality, with the AHP-tercile note', async () => {
    const { page } = demo;
    const overview = await getJson(page, '/api/relationship/overview');
    expect(overview.run).not.toBeNull();
    await openIn(page, '/relationship', 'zh-CN');
    await page.getByTestId('relationship-hierarchy').waitFor();
    // every factor's global weight, as the server computed it
    for (const factor of overview.factors as { key: string }[]) {
      await expect.poll(() => page.getByTestId(`relationship-weight-${factor.key}`).innerText()).toMatch(/%/);
    }
    // the definitions are on the page
    expect(await page.getByTestId('relationship-factor-definition').count()).toBe(9);
    expect(await page.getByTestId('relationship-factor-definition').first().innerText()).toBe(overview.factors[0].definition.zh);
    // classifier quality: the three candidates, the chosen one marked, the confusion matrix, the label note
    for (const kind of ['ahp', 'softmax-regression', 'network']) await page.getByTestId(`relationship-candidate-${kind}`).waitFor();
    expect(await page.getByTestId('relationship-chosen').count()).toBe(1);
    await page.getByTestId('relationship-confusion').waitFor();
    const note = page.getByTestId('relationship-label-note');
    expect(await note.getAttribute('data-source')).toBe(overview.run.summary.labelSource);
    if (overview.run.summary.labelSource === 'ahp-terciles') expect(await note.innerText()).toContain('三分位');
    await expect.poll(() => page.locator('[data-testid^="relationship-factor-box-"] canvas').count()).toBe(9);
    await settled(page, { noToasts: true });
    await screenshot(page, 'relationship-page');

    await page.getByTestId('language-en-US').click();
    await expect.poll(() => page.getByTestId('relationship-title').innerText()).toBe('Customer relationship value');
    await settled(page, { noToasts: true });
    await screenshot(page, 'relationship-page-en');
  });

  it('an inconsistent matrix is refused, with the server explanation at the cell to reconsider', async () => {
    const { page } = demo;
    for (const language of ['zh-CN', 'en-US'] as const) {
      await openIn(page, '/relationship', language);
      const matrix = page.getByTestId('relationship-matrix');
      await matrix.waitFor();
      expect(await matrix.getAttribute('data-node')).toBe('potential');
      // loyalty ≫ development ≫ elasticity, yet elasticity ≫ loyalty
      const choose = async (cell: string, value: string) => {
        // the last choice's list closes first (a closing list is still "visible" while it fades)
        await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0);
        await page.getByTestId(cell).click();
        const list = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
        await list.locator('.ant-select-item-option', { hasText: new RegExp(`^${value.replace('/', '\\/')}`) }).first().click();
        await expect.poll(() => page.getByTestId(cell).innerText()).toBe(value);
      };
      await choose('relationship-cell-0-1', '9');
      await choose('relationship-cell-1-2', '9');
      await choose('relationship-cell-0-2', '1/9');
      // the preview already says so
      await expect.poll(() => page.getByTestId('relationship-matrix-cr').innerText()).toMatch(/0\.1|不一致|inconsistent/);
      const saved = page.waitForResponse((r) => r.url().endsWith('/api/relationship/matrices/potential') && r.request().method() === 'PUT');
      await page.getByTestId('relationship-matrix-save').click();
      const response = await saved;
      expect(response.status()).toBe(400);
      const refusal = page.getByTestId('relationship-matrix-refusal');
      await refusal.waitFor();
      const text = await refusal.innerText();
      // the explanation names the pair (by the factors' names, not "item 3") and the value that would fit
      expect(text).toMatch(language === 'zh-CN' ? /一致性比率/ : /consistency ratio/);
      expect(text).toMatch(language === 'zh-CN' ? /忠诚度|发展潜力|客户弹性/ : /Loyalty|Development potential|Elasticity/);
      expect(text).not.toMatch(/item \d|第 \d 项/);
      expect(await page.locator('.ahp-cell-error').count()).toBeGreaterThan(0);
      await settled(page, { top: false, noToasts: true });
      await page.getByTestId('relationship-matrix').scrollIntoViewIfNeeded();
      await screenshot(page, language === 'zh-CN' ? 'relationship-matrix-refused' : 'relationship-matrix-refused-en', { fullPage: false });
    }
    // nothing was saved
    const overview = await getJson(page, '/api/relationship/overview');
    expect(overview.matrices.find((m: { node: string }) => m.node === 'potential').version).toBe(0);
  });

  it('the exit board shows the candidates, each card opening its case', async () => {
    const { page } = demo;
    const board: { cases: BoardCase[] } = await getJson(page, '/api/exit-cases');
    const candidates = board.cases.filter((c) => c.stage === 'candidate');
    expect(candidates.length).toBeGreaterThan(0);
    await openIn(page, '/exits', 'zh-CN');
    await page.getByTestId('exit-board').waitFor();
    await expect.poll(() => page.getByTestId('exit-column-candidate').getByTestId('exit-card').count()).toBe(candidates.length);
    expect(await page.getByTestId('exit-column-count-candidate').innerText()).toContain(String(candidates.length));
    await settled(page, { noToasts: true });
    await screenshot(page, 'relationship-exit-board');
    await page.getByTestId('language-en-US').click();
    await expect.poll(() => page.getByTestId('exit-board-title').innerText()).toBe('Customer exit management');
    await settled(page, { noToasts: true });
    await screenshot(page, 'relationship-exit-board-en');

    const first = page.getByTestId('exit-column-candidate').getByTestId('exit-card').first();
    const id = await first.getAttribute('data-case');
    await first.click();
    await page.waitForURL(`**/exits/${id}`);
    await page.getByTestId('exit-case-history').waitFor();
  });

  it('the owner starts the review, the manager approves and starts the transition: the four plan tasks appear', async () => {
    const { page } = demo;
    const board: { cases: BoardCase[] } = await getJson(page, '/api/exit-cases');
    const users: { id: number; email: string; role: string }[] = (await getJson(page, '/api/users?pageSize=100')).items;
    const sales = new Map(users.filter((u) => u.role === 'sales').map((u) => [u.id, u.email]));
    const target = board.cases.find((c) => c.stage === 'candidate' && c.ownerId !== null && sales.has(c.ownerId));
    expect(target, 'a candidate owned by a sales user').toBeDefined();

    // the owner (a sales user) starts the review; approving is not theirs to do
    await demo.signIn(sales.get(target!.ownerId!)!);
    await openIn(page, `/exits/${target!.id}`, 'zh-CN');
    await page.getByTestId('exit-case-actions').waitFor();
    await page.getByTestId('exit-move-review').click();
    await page.getByTestId('exit-move-note').fill('连续三个季度利润为负，服务成本高');
    await page.getByTestId('exit-move-confirm').click();
    await expect.poll(() => page.getByTestId('exit-case-stage').getAttribute('data-stage')).toBe('review');
    expect(await page.getByTestId('exit-move-approved').count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid="exit-event"][data-to="review"]').count()).toBe(1);

    // the manager approves, comments and starts the transition
    await demo.signIn('manager@relata.demo');
    await openIn(page, `/exits/${target!.id}`, 'zh-CN');
    await page.getByTestId('exit-move-approved').click();
    await page.getByTestId('exit-move-note').fill('复核后批准退出');
    await page.getByTestId('exit-move-confirm').click();
    await expect.poll(() => page.getByTestId('exit-case-stage').getAttribute('data-stage')).toBe('approved');
    await page.getByTestId('exit-comment-input').fill('先结清应收账款，再降低服务等级。');
    await page.getByTestId('exit-comment-send').click();
    await expect.poll(() => page.locator('[data-testid="exit-event"][data-kind="comment"]').count()).toBe(1);
    await page.getByTestId('exit-move-transition').click();
    await page.getByTestId('exit-move-confirm').click();
    await expect.poll(() => page.getByTestId('exit-case-stage').getAttribute('data-stage')).toBe('transition');
    await expect.poll(() => page.getByTestId('exit-task-subject').count()).toBe(4);
    // the decision log: opened, review, approved (by the manager), comment, transition
    const events = page.getByTestId('exit-event');
    await expect.poll(() => events.count()).toBe(5);
    expect(await page.locator('[data-testid="exit-event"][data-to="approved"]').innerText()).toContain('陈建国');
    await settled(page, { noToasts: true });
    await screenshot(page, 'relationship-exit-case');
    await page.getByTestId('language-en-US').click();
    await expect.poll(() => page.getByTestId('exit-case-actions').innerText()).toMatch(/Next steps/);
    await settled(page, { noToasts: true });
    await screenshot(page, 'relationship-exit-case-en');

    // the board has it in its new column
    await openIn(page, '/exits', 'zh-CN');
    await expect.poll(() => page.getByTestId('exit-column-transition').locator(`[data-case="${target!.id}"]`).count()).toBe(1);
  });

  it('the account tab shows the nine factors with their definitions, the class and the exit case', async () => {
    const { page } = demo;
    await demo.signIn();
    const board: { cases: BoardCase[] } = await getJson(page, '/api/exit-cases');
    const target = board.cases.find((c) => c.stage === 'transition') ?? board.cases[0];
    const data = await getJson(page, `/api/relationship/accounts/${target.accountId}`);
    await openIn(page, `/accounts/${target.accountId}?tab=relationship`, 'zh-CN');
    await page.getByTestId('account-relationship').waitFor();
    for (const factor of data.factors as { key: string }[]) await page.getByTestId(`account-relationship-factor-${factor.key}`).waitFor();
    expect(await page.getByTestId('account-relationship-class-tag').getAttribute('data-class')).toBe(data.latest.class);
    await expect.poll(() => page.getByTestId('account-relationship-chart').locator('canvas').count()).toBeGreaterThan(0);
    // a factor's definition in its tooltip
    await page.getByTestId('account-relationship-definition').first().hover();
    await expect.poll(() => page.locator('.ant-tooltip:visible').innerText()).toContain(data.factors[0].definition.zh.slice(0, 10));
    await page.mouse.move(1, 1);
    // the exit case, linked
    expect(await page.getByTestId('account-relationship-case-link').getAttribute('href')).toBe(`/exits/${target.id}`);
    // an analyst's decision is a label
    await page.getByTestId('account-relationship-label-choice').getByText('中', { exact: true }).click();
    await page.getByTestId('account-relationship-label-save').click();
    await expect.poll(() => page.getByTestId('account-relationship-label-tag').getAttribute('data-class')).toBe('medium');
    await settled(page, { noToasts: true });
    await screenshot(page, 'relationship-account');
    await page.getByTestId('language-en-US').click();
    await expect.poll(() => page.getByTestId('account-relationship-tab').innerText()).toBe('Relationship value');
    await settled(page, { noToasts: true });
    await screenshot(page, 'relationship-account-en');
  });

  it('the exit rule: after how many bad snapshots in a row a candidate opens — never one — set on the page, kept after a reload', async () => {
    const { page } = demo;
    await demo.signIn();
    // the server refuses a rule of one snapshot, naming the field
    const one = await postJson(page, '/api/analytics/runs', { params: { relationship: { exitSnapshots: 1 } } });
    expect(one.status).toBe(400);
    expect(one.body.error.details.map((d: { path: string }) => d.path)).toContain('params.relationship.exitSnapshots');

    const before = (await getJson(page, '/api/analytics/runs')).items[0].id;
    await openIn(page, '/relationship', 'zh-CN');
    await page.getByTestId('relationship-exit-rule').click();
    const input = inputOf(page.getByTestId('relationship-exit-snapshots'));
    await expect.poll(() => input.inputValue()).toBe('3');
    expect(await input.getAttribute('aria-valuemin')).toBe('2');
    expect(await page.getByTestId('relationship-exit-rule-why').innerText()).toContain('单个快照');
    await settled(page, { top: false, noToasts: true });
    await screenshot(page, 'relationship-exit-rule', { fullPage: false });

    await input.fill('4');
    await page.getByTestId('relationship-exit-rule-submit').click();
    await page.getByTestId('analytics-run-progress').waitFor();
    const run = await waitForRun(page, 'the refresh with the new exit rule');
    expect(run.id).toBeGreaterThan(before);
    expect((await getJson(page, `/api/analytics/runs/${run.id}`)).params.relationship.exitSnapshots).toBe(4);

    await page.reload();
    await expect.poll(() => page.getByTestId('relationship-stat-exits').innerText()).toContain('连续 4 个快照');
    await page.getByTestId('relationship-exit-rule').click();
    await expect.poll(() => inputOf(page.getByTestId('relationship-exit-snapshots')).inputValue()).toBe('4');

    await openIn(page, '/relationship', 'en-US');
    await page.getByTestId('relationship-exit-rule').click();
    await expect.poll(() => inputOf(page.getByTestId('relationship-exit-snapshots')).inputValue()).toBe('4');
    expect(await page.getByTestId('relationship-exit-rule-why').innerText()).toContain('never taken on one snapshot');
    await settled(page, { top: false, noToasts: true });
    await screenshot(page, 'relationship-exit-rule-en', { fullPage: false });
  }, 600_000);

  it('an exited customer who orders again is flagged on the board and in the case, and the prospects say why they are proposed', async () => {
    const { page } = demo;
    await demo.signIn('manager@relata.demo');
    const board: { cases: (BoardCase & { version: number })[] } = await getJson(page, '/api/exit-cases');
    const target = board.cases.find((c) => c.stage === 'transition');
    expect(target, 'the case moved to the transition above').toBeDefined();
    const exited = await postJson(page, `/api/exit-cases/${target!.id}/stage`, { to: 'exited', version: target!.version });
    expect(exited.status).toBe(200);
    const order = await postJson(page, '/api/orders', { accountId: target!.accountId, orderedAt: new Date(Date.now() + 60_000).toISOString(), lines: [{ quantity: 3, unitPrice: 120 }] });
    expect(order.status).toBe(201);

    await openIn(page, '/exits', 'zh-CN');
    const card = page.getByTestId('exit-column-exited').locator(`[data-case="${target!.id}"]`);
    await expect.poll(() => card.getByTestId('exit-card-returned').innerText()).toContain('1');
    await settled(page, { noToasts: true });
    await screenshot(page, 'relationship-exit-board-returned');

    const file = await getJson(page, `/api/exit-cases/${target!.id}`);
    await openIn(page, `/exits/${target!.id}`, 'zh-CN');
    await expect.poll(() => page.getByTestId('exit-case-returned').innerText()).toContain('1 笔');
    // the won-back move is offered to the manager
    await page.getByTestId('exit-move-won_back').waitFor();
    // every prospect's reasons, as the server gave them
    const prospects = page.getByTestId('exit-case-prospects');
    await expect.poll(() => prospects.locator('tbody tr.ant-table-row').count()).toBe(file.prospects.items.length);
    expect(await prospects.getByTestId('prospect-reasons').count()).toBe(file.prospects.items.filter((p: { reasons: unknown[] }) => p.reasons.length > 0).length);
    await settled(page, { noToasts: true });
    await screenshot(page, 'relationship-exit-case-returned');
    await page.getByTestId('language-en-US').click();
    await expect.poll(() => page.getByTestId('exit-case-returned').innerText()).toContain('Completed orders since the exit: 1');
    await settled(page, { noToasts: true });
    await screenshot(page, 'relationship-exit-case-returned-en');
  });
});
