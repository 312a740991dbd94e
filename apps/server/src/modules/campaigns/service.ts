/**
 * Marketing campaigns: a message on one channel (email, SMS, phone) aimed at an audience of customers, with its
 * dates, cost and owner. Everyone reads campaigns; admins, managers and sales users run them, a sales user only
 * the campaigns they own. A campaign's status moves forward only (draft → scheduled → running → done, or
 * cancelled): done and cancelled are final, which is what lets an approved customer exit leave every campaign
 * still under way and keep the record of the finished ones.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { createRecord, getRecord, listPage, restoreRecord, softDeleteRecord, updateRecord, type RecordKind } from '../../db/record-store.js';
import { badRequest, forbidden } from '../../http/errors.js';
import type { ListQuery } from '../../http/list-query.js';
import { ownerNames } from '../accounts/service.js';
import { assertRole } from '../users/access.js';
import type { CurrentUser } from '../users/service.js';
import { campaignMembers, campaigns, campaignStatuses } from './schema.js';

type CampaignStatus = (typeof campaignStatuses)[number];

export const campaignKind: RecordKind<typeof campaigns> = {
  table: campaigns,
  entity: 'campaign',
  sortable: {
    name: campaigns.name,
    channel: campaigns.channel,
    status: sql`array_position(ARRAY['draft','scheduled','running','done','cancelled'], ${campaigns.status})`,
    startsOn: campaigns.startsOn,
    endsOn: campaigns.endsOn,
    cost: campaigns.cost,
    createdAt: campaigns.createdAt,
    updatedAt: campaigns.updatedAt,
  },
  defaultSort: { column: campaigns.updatedAt, order: 'desc' },
  searchText: sql`(${campaigns.name} || ' ' || coalesce(${campaigns.subject},''))`,
};

/** Where a campaign's status may go next; done and cancelled are final. */
export const CAMPAIGN_TRANSITIONS: Record<CampaignStatus, CampaignStatus[]> = {
  draft: ['scheduled', 'running', 'cancelled'],
  scheduled: ['draft', 'running', 'cancelled'],
  running: ['done', 'cancelled'],
  done: [],
  cancelled: [],
};

export const isFinished = (status: CampaignStatus) => CAMPAIGN_TRANSITIONS[status].length === 0;
export const finishedStatuses = campaignStatuses.filter(isFinished);

export type CampaignInput = Omit<typeof campaigns.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'createdBy'>;

export interface CampaignFilters {
  status?: CampaignStatus;
  channel?: string;
  ownerId?: number;
}

const campaignRunners = ['admin', 'manager', 'sales'] as const;

/** Admins and managers change any campaign; a sales user only their own. */
export function assertCanRunCampaign(user: CurrentUser, campaign: { ownerId: number | null }) {
  assertRole(user, ...campaignRunners);
  if (user.role === 'sales' && campaign.ownerId !== user.id) throw forbidden('Sales users change only the campaigns they own');
}

export async function listCampaigns(db: Db, user: CurrentUser, query: ListQuery, f: CampaignFilters) {
  const page = await listPage(db, campaignKind, query, [
    f.status ? sql`${campaigns.status} = ${f.status}` : undefined,
    f.channel ? sql`${campaigns.channel} = ${f.channel}` : undefined,
    f.ownerId ? sql`${campaigns.ownerId} = ${f.ownerId}` : undefined,
  ]);
  const [owners, counts] = await Promise.all([ownerNames(db, page.items.map((c) => c.ownerId)), memberCounts(db, page.items.map((c) => c.id))]);
  return {
    ...page,
    items: page.items.map((c) => ({ ...c, ownerName: c.ownerId ? owners.get(c.ownerId) ?? null : null, members: counts.get(c.id) ?? { active: 0, left: 0 } })),
  };
}

export async function getCampaign(db: Db, user: CurrentUser, id: number) {
  const campaign = await getRecord(db, campaignKind, id, undefined, user.role === 'admin');
  const [owners, counts] = await Promise.all([ownerNames(db, [campaign.ownerId]), memberCounts(db, [id])]);
  return {
    ...campaign,
    ownerName: campaign.ownerId ? owners.get(campaign.ownerId) ?? null : null,
    members: counts.get(id) ?? { active: 0, left: 0 },
    allowedStatuses: CAMPAIGN_TRANSITIONS[campaign.status],
  };
}

export async function createCampaign(db: Db, user: CurrentUser, input: CampaignInput) {
  assertRole(user, ...campaignRunners);
  assertDatesInOrder(input.startsOn, input.endsOn);
  return createRecord(db, campaignKind, { ...input, ownerId: ownerFor(user, input.ownerId) }, user.id);
}

export async function updateCampaign(db: Db, user: CurrentUser, id: number, version: number, patch: Partial<CampaignInput>) {
  const before = await getRecord(db, campaignKind, id);
  assertCanRunCampaign(user, before);
  if (patch.ownerId !== undefined) patch.ownerId = ownerFor(user, patch.ownerId);
  if (patch.status !== undefined && patch.status !== before.status && !CAMPAIGN_TRANSITIONS[before.status].includes(patch.status)) {
    throw badRequest(`A campaign that is ${before.status} cannot become ${patch.status}`, [
      { path: 'status', message: `allowed: ${CAMPAIGN_TRANSITIONS[before.status].join(', ') || 'none (final)'}` },
    ]);
  }
  assertDatesInOrder(patch.startsOn === undefined ? before.startsOn : patch.startsOn, patch.endsOn === undefined ? before.endsOn : patch.endsOn);
  return updateRecord(db, campaignKind, id, version, patch, user.id);
}

export async function deleteCampaign(db: Db, user: CurrentUser, id: number) {
  assertCanRunCampaign(user, await getRecord(db, campaignKind, id));
  await softDeleteRecord(db, campaignKind, id, user.id);
}

export const restoreCampaign = (db: Db, user: CurrentUser, id: number) => restoreRecord(db, campaignKind, id, user.id);

/** A sales user owns the campaigns they create and cannot hand one to someone else. */
function ownerFor(user: CurrentUser, requested: number | null | undefined): number | null {
  if (user.role !== 'sales') return requested === undefined ? user.id : requested;
  if (requested != null && requested !== user.id) throw badRequest('Sales users can only own campaigns themselves', [{ path: 'ownerId', message: 'must be yourself' }]);
  return user.id;
}

function assertDatesInOrder(startsOn: string | null | undefined, endsOn: string | null | undefined) {
  if (startsOn && endsOn && endsOn < startsOn) throw badRequest('Invalid endsOn', [{ path: 'endsOn', message: 'must not be before startsOn' }]);
}

/** Active and departed members of some campaigns, for lists and the campaign's header. */
async function memberCounts(db: Db, ids: number[]) {
  if (!ids.length) return new Map<number, { active: number; left: number }>();
  const rows = await db
    .select({
      campaignId: campaignMembers.campaignId,
      active: sql<number>`count(*) FILTER (WHERE ${campaignMembers.leftAt} IS NULL)::int`,
      left: sql<number>`count(*) FILTER (WHERE ${campaignMembers.leftAt} IS NOT NULL)::int`,
    })
    .from(campaignMembers)
    .where(inArray(campaignMembers.campaignId, ids))
    .groupBy(campaignMembers.campaignId);
  return new Map(rows.map(({ campaignId, ...count }) => [campaignId, count]));
}
