import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { canWrite } from './access';
import { useCurrentUser } from './auth';
import { api } from './client';
import type { LifecycleStage, ValueTier } from './enums';
import type { ListResult, RecordMeta } from './list';
import { resourceHooks } from './resource';

/** Enumerations of apps/server/src/modules/campaigns/schema.ts (labels under `enums.campaign*`). */
export const campaignChannels = ['email', 'sms', 'phone'] as const;
export type CampaignChannel = (typeof campaignChannels)[number];
export const campaignStatuses = ['draft', 'scheduled', 'running', 'done', 'cancelled'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];
/** Done and cancelled are final: the status moves no more, and members no longer join or leave. */
export const isFinished = (status: CampaignStatus) => status === 'done' || status === 'cancelled';
export type MemberLeftReason = 'exit' | 'removed';

/** Whom a campaign is aimed at: every criterion given must hold (apps/server/src/modules/campaigns/audience.ts). */
export interface Audience {
  valueTier?: ValueTier;
  rfmSegment?: string;
  lifecycleStage?: LifecycleStage;
  customerGroup?: { groupNo: number; minMembership: number };
}

/** The audience as the campaign keeps it: with the snapshots it was applied to. */
export interface StoredAudience extends Audience {
  scoresRunId?: number | null;
  modelRunId?: number | null;
  resolvedAt?: string;
}

export interface Campaign extends RecordMeta {
  name: string;
  channel: CampaignChannel;
  status: CampaignStatus;
  segment: StoredAudience;
  subject: string | null;
  body: string | null;
  startsOn: string | null;
  endsOn: string | null;
  cost: number;
  ownerId: number | null;
  ownerName?: string | null;
  members?: { active: number; left: number };
  /** Sent by GET /campaigns/:id: where the status may go next (done and cancelled are final). */
  allowedStatuses?: CampaignStatus[];
}

export interface CampaignInput {
  name: string;
  channel: CampaignChannel;
  status?: CampaignStatus;
  subject?: string | null;
  body?: string | null;
  startsOn?: string | null;
  endsOn?: string | null;
  cost?: number;
  ownerId?: number | null;
}

export interface CampaignMember {
  id: number;
  accountId: number;
  accountName: string;
  ownerId: number | null;
  ownerName: string | null;
  addedAt: string;
  leftAt: string | null;
  leftReason: MemberLeftReason | null;
}

/** What adding members did, account by account. */
export interface AddMembersResult {
  matched: number;
  added: number;
  readmitted: number;
  alreadyThere: number;
  /** left out: their exit is approved or under way */
  exiting: number;
  /** left out: they left the campaign before, and an audience brings no one back */
  previouslyLeft: number;
}

export type MemberState = 'active' | 'left';

/** A page of members, and how many active and departed members the user sees in all (with the search). */
export type MemberList = ListResult<CampaignMember> & { counts: { active: number; left: number } };

export const campaignsApi = resourceHooks<Campaign, CampaignInput, Partial<CampaignInput>>('campaigns', '/campaigns', {
  related: ['accounts'],
  savedAlsoChanges: ['audit'],
});

export const {
  useList: useCampaigns,
  useOne: useCampaign,
  useCreate: useCreateCampaign,
  useUpdate: useUpdateCampaign,
} = campaignsApi;

export interface MemberParams {
  page: number;
  pageSize: number;
  state?: MemberState;
  q?: string;
}

export function useCampaignMembers(campaignId: number, params: MemberParams) {
  return useQuery({
    queryKey: ['campaigns', 'members', campaignId, params],
    queryFn: ({ signal }) => api<MemberList>(`/campaigns/${campaignId}/members`, { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Members change the campaign's counts (and, from an audience, its stored audience) and the accounts' timelines. */
function useMembershipChange<Input, Result>(request: (input: Input) => Promise<Result>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () =>
      Promise.all([client.invalidateQueries({ queryKey: ['campaigns'] }), client.invalidateQueries({ queryKey: ['accounts', 'timeline'] })]),
  });
}

export const useAddCampaignMembers = (campaignId: number) =>
  useMembershipChange((body: { accountIds: number[] } | { audience: Audience }) =>
    api<AddMembersResult>(`/campaigns/${campaignId}/members`, { method: 'POST', body }),
  );

export const useRemoveCampaignMember = (campaignId: number) =>
  useMembershipChange((accountId: number) => api<CampaignMember>(`/campaigns/${campaignId}/members/${accountId}`, { method: 'DELETE' }));

/** Whether the user runs campaigns (admins and managers), or this one (a sales user: their own). */
export function useCanRunCampaigns(campaign?: Pick<Campaign, 'ownerId'>): boolean {
  const me = useCurrentUser().data;
  if (!me || !canWrite(me.role, 'campaigns')) return false;
  return !campaign || me.role !== 'sales' || campaign.ownerId === me.id;
}
