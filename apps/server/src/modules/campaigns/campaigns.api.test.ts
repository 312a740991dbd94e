/**
 * Campaigns on the demo company after one analytics refresh (a real database, the real refresh in its worker):
 * the campaign record (versioned, soft-deleted, audited, forward-only status), members chosen by hand or from an
 * audience of the newest scores and customer groups (idempotent, within a sales user's reach), members leaving
 * without losing their row, and issue 6's rule end to end: an approved exit takes the customer out of every
 * campaign under way, leaves finished campaigns alone, is audited, and keeps them out of later adds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOk, refreshAndWait } from '../../../test/analytics-runs.js';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { loadDemoCompany } from '../demo/service.js';

let t: TestApp;
let runId: number;
type Headers = Record<string, string>;
let manager: Headers;
let sales1: Headers;
let analyst: Headers;
const asOf = '2025-06-30T12:00:00Z';

async function login(email: string): Promise<Headers> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'relata-demo' } });
  return { cookie: `relata_session=${res.cookies.find((c) => c.name === 'relata_session')!.value}` };
}

const inject = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Headers, payload?: object) => t.app.inject({ method, url, headers, payload });
const rows = async <T = Record<string, any>>(text: string, values: unknown[] = []) => (await t.database.pool.query(text, values)).rows as T[];
const userId = async (email: string) => (await rows<{ id: number }>(`SELECT id FROM users WHERE email = $1`, [email]))[0].id;

async function newCampaign(headers: Headers, body: Record<string, unknown> = {}) {
  const res = await inject('POST', '/api/campaigns', headers, { name: `Campaign ${Math.random().toString(36).slice(2, 7)}`, channel: 'email', status: 'running', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; ownerId: number };
}

const add = async (campaignId: number, body: object, headers = manager) => {
  const res = await inject('POST', `/api/campaigns/${campaignId}/members`, headers, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { matched: number; added: number; readmitted: number; alreadyThere: number; exiting: number; previouslyLeft: number };
};

const membership = async (campaignId: number, accountId: number) =>
  (await rows(`SELECT id, left_at, left_reason FROM campaign_members WHERE campaign_id = $1 AND account_id = $2`, [campaignId, accountId]))[0];

/** Accounts of the newest snapshot with this value tier (and owner, if given), as the audience should find them. */
const tierAccounts = async (tier: string, ownerEmail?: string) =>
  (
    await rows<{ id: number }>(
      `SELECT a.id FROM customer_scores s JOIN accounts a ON a.id = s.account_id
       WHERE s.run_id = $1 AND s.value_tier = $2 AND a.deleted_at IS NULL AND ($3::text IS NULL OR a.owner_id = (SELECT id FROM users WHERE email = $3))`,
      [runId, tier, ownerEmail ?? null],
    )
  ).map((r) => Number(r.id));

beforeAll(async () => {
  t = await startTestApp();
  await loadDemoCompany(t.db, { asOf: new Date(asOf) });
  runId = (await refreshAndWait(t, { asOf, params: { segments: { groups: 4 }, propensity: { productGroups: 0 } } })).id;
  [manager, sales1, analyst] = [await login('manager@relata.demo'), await login('sales1@relata.demo'), await login('analyst@relata.demo')];
}, 400_000);
afterAll(async () => t?.close());

describe('campaigns', () => {
  it('creates, lists with filters, refuses a stale version and a backward status, deletes and restores; audited', async () => {
    const res = await inject('POST', '/api/campaigns', manager, {
      name: '春季新品推广 Spring launch', channel: 'email', subject: 'New tiles are here', body: 'Dear customer, ...', startsOn: '2025-07-01', endsOn: '2025-07-31', cost: 1200.5,
    });
    expect(res.statusCode, res.body).toBe(201);
    const campaign = res.json();
    expect(campaign).toMatchObject({ status: 'draft', version: 1, cost: 1200.5, startsOn: '2025-07-01', ownerId: await userId('manager@relata.demo') });
    await newCampaign(manager, { name: 'Payment reminder', channel: 'sms', status: 'draft' });

    const list = (await inject('GET', `/api/campaigns?channel=email&q=${encodeURIComponent('春季')}`, analyst)).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: campaign.id, ownerName: '陈建国', members: { active: 0, left: 0 } });
    expect((await inject('GET', '/api/campaigns?channel=sms&status=draft', analyst)).json().items.map((c: { name: string }) => c.name)).toEqual(['Payment reminder']);
    const byName = (await inject('GET', '/api/campaigns?sort=name&order=asc', analyst)).json();
    expect(byName.items[0].name).toBe('Payment reminder');

    const scheduled = await inject('PATCH', `/api/campaigns/${campaign.id}`, manager, { version: 1, status: 'scheduled' });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    expect(scheduled.json().version).toBe(2);
    const stale = await inject('PATCH', `/api/campaigns/${campaign.id}`, manager, { version: 1, name: 'overwrite' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.currentVersion).toBe(2);
    const done = await inject('PATCH', `/api/campaigns/${campaign.id}`, manager, { version: 2, status: 'done' });
    expect(done.statusCode).toBe(400);
    expect(done.json().error.details[0].path).toBe('status');
    const one = (await inject('GET', `/api/campaigns/${campaign.id}`, sales1)).json();
    expect(one).toMatchObject({ status: 'scheduled', allowedStatuses: ['draft', 'running', 'cancelled'], ownerName: '陈建国' });

    // only the roles that run campaigns write, a sales user only their own
    expect((await inject('POST', '/api/campaigns', analyst, { name: 'x', channel: 'phone' })).statusCode).toBe(403);
    expect((await inject('PATCH', `/api/campaigns/${campaign.id}`, sales1, { version: 2, name: 'mine now' })).statusCode).toBe(403);

    expect((await inject('DELETE', `/api/campaigns/${campaign.id}`, manager)).statusCode).toBe(200);
    expect((await inject('GET', `/api/campaigns/${campaign.id}`, manager)).statusCode).toBe(404);
    expect((await inject('GET', '/api/campaigns?deleted=only', manager)).statusCode).toBe(403);
    expect((await inject('GET', '/api/campaigns?deleted=only', t.admin.headers)).json().items.map((c: { id: number }) => c.id)).toEqual([campaign.id]);
    expect((await inject('POST', `/api/campaigns/${campaign.id}/restore`, manager)).statusCode).toBe(403);
    expect((await inject('POST', `/api/campaigns/${campaign.id}/restore`, t.admin.headers)).statusCode).toBe(200);
    const audit = await rows(`SELECT action, changes FROM audit_log WHERE entity_type = 'campaign' AND entity_id = $1 ORDER BY id`, [String(campaign.id)]);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete', 'restore']);
    expect(audit[1].changes).toMatchObject({ status: ['draft', 'scheduled'] });
    // the same history as a reader of the campaign gets it, newest first with who did it
    const history = await inject('GET', `/api/audit?entityType=campaign&entityId=${campaign.id}`, analyst);
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json().items.map((e: { action: string }) => e.action)).toEqual(['restore', 'delete', 'update', 'create']);
    expect(history.json().items[2]).toMatchObject({ userName: '陈建国', changes: { status: ['draft', 'scheduled'] } });
    expect((await inject('GET', `/api/audit?entityType=campaign&entityId=999999`, analyst)).statusCode).toBe(404);
  });

  it('rejects bad input with 400 naming the field', async () => {
    const bad = async (url: string, payload: object, field: string) => {
      const res = await inject('POST', url, manager, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(field);
    };
    await bad('/api/campaigns', { channel: 'email' }, 'name');
    await bad('/api/campaigns', { name: 'Fax blast', channel: 'fax' }, 'channel');
    await bad('/api/campaigns', { name: 'Backwards', channel: 'email', startsOn: '2025-08-01', endsOn: '2025-07-01' }, 'endsOn');
    await bad('/api/campaigns', { name: 'Costly', channel: 'email', cost: -5 }, 'cost');
    const campaign = await newCampaign(manager);
    const members = `/api/campaigns/${campaign.id}/members`;
    await bad(members, {}, 'accountIds');
    await bad(members, { accountIds: [1], audience: { valueTier: 'vip' } }, 'accountIds');
    await bad(members, { audience: {} }, 'audience');
    await bad(members, { audience: { valueTier: 'gold' } }, 'audience.valueTier');
    await bad(members, { audience: { customerGroup: { groupNo: 99, minMembership: 0.5 } } }, 'audience.customerGroup.groupNo');
    await bad(members, { accountIds: [999_999] }, 'accountIds');
  });

  it('adds chosen accounts and audiences idempotently, and keeps the audience on the campaign', async () => {
    const campaign = await newCampaign(manager, { name: 'VIP preview evening' });
    const vip = await tierAccounts('vip');
    expect(vip.length).toBeGreaterThan(3);
    const chosen = vip.slice(0, 3);
    expect(await add(campaign.id, { accountIds: chosen })).toMatchObject({ matched: 3, added: 3, alreadyThere: 0, exiting: 0 });
    expect(await add(campaign.id, { accountIds: chosen })).toMatchObject({ matched: 3, added: 0, alreadyThere: 3 });

    const byTier = await add(campaign.id, { audience: { valueTier: 'vip' } });
    expect(byTier).toMatchObject({ matched: vip.length, added: vip.length - 3, alreadyThere: 3, exiting: 0, previouslyLeft: 0 });
    expect(await add(campaign.id, { audience: { valueTier: 'vip' } })).toMatchObject({ added: 0, alreadyThere: vip.length });
    const stored = (await inject('GET', `/api/campaigns/${campaign.id}`, manager)).json();
    expect(stored.segment).toMatchObject({ valueTier: 'vip', scoresRunId: runId });
    expect(stored.members).toEqual({ active: vip.length, left: 0 });
    expect(stored.version).toBe(3); // each audience add is a change of the campaign's audience

    // RFM segment and lifecycle stage together: both must hold
    const [{ n: championsInStability }] = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM customer_scores WHERE run_id = $1 AND segment = 'champions' AND lifecycle_stage = 'stability'`, [runId]);
    const both = await add((await newCampaign(manager)).id, { audience: { rfmSegment: 'champions', lifecycleStage: 'stability' } });
    expect(both.matched).toBe(championsInStability);

    // a customer group of the newest model, by the least degree of membership
    const groups = await getOk(t, '/api/segments/groups');
    const [{ n: sureMembers }] = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM customer_group_members WHERE run_id = $1 AND memberships[1] >= 0.6`, [groups.run.id]);
    expect(sureMembers).toBeGreaterThan(0);
    const grouped = await newCampaign(manager);
    expect(await add(grouped.id, { audience: { customerGroup: { groupNo: 0, minMembership: 0.6 } } })).toMatchObject({ matched: sureMembers, added: sureMembers });
    expect((await getOk(t, `/api/campaigns/${grouped.id}`)).segment).toMatchObject({ customerGroup: { groupNo: 0, minMembership: 0.6 }, modelRunId: groups.run.id });

    const page = (await inject('GET', `/api/campaigns/${campaign.id}/members?pageSize=5&sort=name`, analyst)).json();
    expect(page.total).toBe(vip.length);
    expect(page.items.length).toBe(5);
    expect(page.items[0]).toMatchObject({ leftAt: null, leftReason: null });
    expect(typeof page.items[0].accountName).toBe('string');
    const [{ n: audited }] = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'campaign_member' AND action = 'create' AND (changes -> 'campaignId' ->> 1)::bigint = $1`, [campaign.id]);
    expect(audited).toBe(vip.length);

    // a finished campaign takes no one
    const finished = await newCampaign(manager, { status: 'done' });
    const closed = await inject('POST', `/api/campaigns/${finished.id}/members`, manager, { accountIds: chosen });
    expect(closed.statusCode).toBe(400);
    expect(closed.json().error.details[0].path).toBe('status');
  });

  it('lets a sales user add only the accounts they can see, to their own campaigns', async () => {
    const own = await newCampaign(sales1, { name: '李娜的回访 Follow-up' });
    expect(own.ownerId).toBe(await userId('sales1@relata.demo'));
    const ordinary = await tierAccounts('ordinary');
    const mine = await tierAccounts('ordinary', 'sales1@relata.demo');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(ordinary.length);
    expect(await add(own.id, { audience: { valueTier: 'ordinary' } }, sales1)).toMatchObject({ matched: mine.length, added: mine.length });

    const someoneElses = ordinary.find((id) => !mine.includes(id))!;
    const refused = await inject('POST', `/api/campaigns/${own.id}/members`, sales1, { accountIds: [mine[0], someoneElses] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0]).toMatchObject({ path: 'accountIds', message: `not found: ${someoneElses}` });

    const managers = await newCampaign(manager);
    await add(managers.id, { accountIds: [mine[0], someoneElses] });
    expect((await inject('POST', `/api/campaigns/${managers.id}/members`, sales1, { accountIds: [mine[0]] })).statusCode).toBe(403);
    // a sales user sees the members that are their own accounts
    const seen = (await inject('GET', `/api/campaigns/${managers.id}/members`, sales1)).json();
    expect(seen.items.map((m: { accountId: number }) => m.accountId)).toEqual([mine[0]]);
    expect(seen.counts).toEqual({ active: 1, left: 0 });
    const handOver = await inject('POST', '/api/campaigns', sales1, { name: 'not mine', channel: 'phone', ownerId: await userId('manager@relata.demo') });
    expect(handOver.statusCode).toBe(400);
    expect(handOver.json().error.details[0].path).toBe('ownerId');
  });

  it('removing a member keeps the row; an audience does not bring them back, choosing them by hand does', async () => {
    const campaign = await newCampaign(manager);
    const [a, b] = await tierAccounts('major');
    await add(campaign.id, { accountIds: [a, b] });
    const removed = await inject('DELETE', `/api/campaigns/${campaign.id}/members/${a}`, manager);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toMatchObject({ accountId: a, leftReason: 'removed' });
    expect((await inject('DELETE', `/api/campaigns/${campaign.id}/members/${a}`, manager)).statusCode).toBe(404);
    const row = await membership(campaign.id, a);
    expect(row).toMatchObject({ left_reason: 'removed' });
    expect(row.left_at).not.toBeNull();

    const left = (await inject('GET', `/api/campaigns/${campaign.id}/members?state=left`, manager)).json();
    expect(left.items).toEqual([expect.objectContaining({ accountId: a, leftReason: 'removed' })]);
    expect(left).toMatchObject({ total: 1, counts: { active: 1, left: 1 } });
    expect((await inject('GET', `/api/campaigns/${campaign.id}/members?state=active`, manager)).json().items.map((m: { accountId: number }) => m.accountId)).toEqual([b]);
    const [change] = await rows(`SELECT action, changes FROM audit_log WHERE entity_type = 'campaign_member' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [String(row.id)]);
    expect(change).toMatchObject({ action: 'update', changes: { leftReason: [null, 'removed'] } });

    const again = await add(campaign.id, { audience: { valueTier: 'major' } });
    expect(again.previouslyLeft).toBe(1);
    expect((await membership(campaign.id, a)).left_reason).toBe('removed');
    expect(await add(campaign.id, { accountIds: [a] })).toMatchObject({ readmitted: 1, added: 0 });
    expect(await membership(campaign.id, a)).toMatchObject({ left_at: null, left_reason: null });
  });

  it('an approved exit takes the customer out of campaigns under way, not finished ones; audited; later adds leave them out', async () => {
    const [customer] = await rows<{ id: number; name: string }>(
      `SELECT a.id, a.name FROM customer_scores s JOIN accounts a ON a.id = s.account_id
       WHERE s.run_id = $1 AND s.value_tier = 'vip' AND NOT EXISTS (SELECT 1 FROM exit_cases c WHERE c.account_id = a.id) ORDER BY a.id LIMIT 1`, [runId]);
    const accountId = Number(customer.id);
    const running = await newCampaign(manager, { name: 'Autumn catalogue' });
    const finished = await newCampaign(manager, { name: 'Spring catalogue' });
    await add(running.id, { accountIds: [accountId] });
    await add(finished.id, { accountIds: [accountId] });
    expect((await inject('PATCH', `/api/campaigns/${finished.id}`, manager, { version: finished.version, status: 'done' })).statusCode).toBe(200);

    // the relationship refresh opens a candidate case after three bad snapshots; here it is opened as that step would
    const [opened] = await rows<{ id: number }>(`INSERT INTO exit_cases (account_id, stage, evidence) VALUES ($1, 'candidate', '{}') RETURNING id`, [accountId]);
    const move = async (to: string, version: number) => {
      const res = await inject('POST', `/api/exit-cases/${opened.id}/stage`, manager, { to, version, language: 'en' });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { version: number };
    };
    const review = await move('review', 1);
    expect((await membership(running.id, accountId)).left_at).toBeNull(); // a review decides nothing yet
    const approved = await move('approved', review.version);

    const left = await membership(running.id, accountId);
    expect(left.left_reason).toBe('exit');
    expect(left.left_at).not.toBeNull();
    expect(await membership(finished.id, accountId)).toMatchObject({ left_at: null, left_reason: null });
    expect((await inject('DELETE', `/api/campaigns/${finished.id}/members/${accountId}`, manager)).statusCode).toBe(400); // a finished campaign's record stays
    const [entry] = await rows(`SELECT user_id, action, changes FROM audit_log WHERE entity_type = 'campaign_member' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [String(left.id)]);
    expect(entry).toMatchObject({ user_id: await userId('manager@relata.demo'), action: 'update', changes: { leftReason: [null, 'exit'] } });
    const members = (await inject('GET', `/api/campaigns/${running.id}/members?state=left`, manager)).json();
    expect(members.items).toEqual([expect.objectContaining({ accountId, accountName: customer.name, leftReason: 'exit' })]);

    // the exit stands: neither a hand-picked add nor an audience brings the customer back, and both say so
    expect(await add(running.id, { accountIds: [accountId] })).toMatchObject({ matched: 1, added: 0, readmitted: 0, exiting: 1 });
    const audience = await add(running.id, { audience: { valueTier: 'vip' } });
    expect(audience.exiting).toBeGreaterThanOrEqual(1);
    expect((await membership(running.id, accountId)).left_reason).toBe('exit');
    const fresh = await newCampaign(manager);
    expect((await add(fresh.id, { audience: { valueTier: 'vip' } })).exiting).toBeGreaterThanOrEqual(1);
    expect(await membership(fresh.id, accountId)).toBeUndefined();

    // the account's archive shows the campaigns it joined and left, and why
    const timeline = (await getOk(t, `/api/accounts/${accountId}/timeline`)).items as { type: string; title: string; detail: string; refId: number }[];
    expect(timeline.filter((e) => e.type === 'campaign' && e.refId === running.id).map((e) => e.detail)).toEqual(['left:exit', 'added']);

    // won back: nobody is re-added by the workflow; the campaign's owner may choose the customer again
    const transition = await move('transition', approved.version);
    await move('won_back', transition.version);
    expect((await membership(running.id, accountId)).left_reason).toBe('exit');
    expect((await add(running.id, { audience: { valueTier: 'vip' } })).previouslyLeft).toBeGreaterThanOrEqual(1);
    expect(await add(running.id, { accountIds: [accountId] })).toMatchObject({ readmitted: 1, exiting: 0 });
  });
});
