import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { ListResult, RecordMeta } from './list';
import { resourceHooks } from './resource';

/** Word of mouth: the account `referrerAccountId` brought a new customer (an account, or a lead). */
export interface Referral extends RecordMeta {
  referrerAccountId: number;
  referredAccountId: number | null;
  referredLeadId: number | null;
  referredAt: string;
  /** What the referral was worth (the new customer's first-year revenue, or an estimate). */
  value: number | null;
  notes: string | null;
  /** Sent by the list endpoints; null when the caller may not see that account. */
  referrerName?: string | null;
  referredName?: string | null;
}

export interface ReferralInput {
  referrerAccountId: number;
  referredAccountId?: number | null;
  referredLeadId?: number | null;
  referredAt?: string;
  value?: number | null;
  notes?: string | null;
}

export const referralsApi = resourceHooks<Referral, ReferralInput, Partial<ReferralInput>>('referrals', '/referrals', {
  related: ['audit'],
  savedAlsoChanges: ['audit'],
});

export const { useCreate: useCreateReferral, useUpdate: useUpdateReferral, useOne: useReferral } = referralsApi;

export type ReferralDirection = 'made' | 'received' | 'all';

/** The referrals an account made or received (GET /accounts/:id/referrals), under the `referrals` root. */
export function useAccountReferrals(accountId: number, direction: ReferralDirection, page: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['referrals', 'account', accountId, direction, page],
    queryFn: ({ signal }) =>
      api<ListResult<Referral>>(`/accounts/${accountId}/referrals`, { query: { direction, ...page, sort: 'referredAt', order: 'desc' }, signal }),
    placeholderData: keepPreviousData,
  });
}
