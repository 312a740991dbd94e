import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { RecordMeta } from './list';

export const incomePeriodTypes = ['year', 'quarter', 'month'] as const;
export type IncomePeriodType = (typeof incomePeriodTypes)[number];

/** One period of the customer's own revenue (organisations) or income (persons). */
export interface IncomePeriod extends RecordMeta {
  accountId: number;
  /** The period's first day, YYYY-MM-DD. */
  periodStart: string;
  periodType: IncomePeriodType;
  income: number;
  source: string | null;
  notes: string | null;
  /** Over the previous period of the same type (0.12 = +12 %); null for the first one or after a zero. */
  growth: number | null;
}

export interface IncomeInput {
  income: number;
  periodType?: IncomePeriodType;
  source?: string | null;
  notes?: string | null;
  /** The version last seen; required once the period has a figure (409 when missing or stale). */
  version?: number;
}

const keys = {
  all: ['income'] as const,
  account: (accountId: number, deleted: boolean) => ['income', accountId, deleted ? 'deleted' : 'live'] as const,
};

/** The account's periods, oldest first, each with its growth (admins may ask for the deleted ones). */
export function useIncome(accountId: number, options: { deleted?: boolean } = {}) {
  return useQuery({
    queryKey: keys.account(accountId, !!options.deleted),
    queryFn: ({ signal }) =>
      api<{ items: IncomePeriod[] }>(`/accounts/${accountId}/income`, { query: { deleted: options.deleted ? 'only' : undefined }, signal }),
  });
}

const refresh = (client: ReturnType<typeof useQueryClient>) =>
  Promise.all([client.invalidateQueries({ queryKey: keys.all }), client.invalidateQueries({ queryKey: ['audit'] })]);

/** Sets one period's figure: created when new, else changed at the version the caller saw. */
export function usePutIncome(accountId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ periodStart, ...body }: IncomeInput & { periodStart: string }) =>
      api<IncomePeriod>(`/accounts/${accountId}/income/${periodStart}`, { method: 'PUT', body }),
    onSuccess: () => refresh(client),
  });
}

export function useDeleteIncome(accountId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (periodStart: string) => api<void>(`/accounts/${accountId}/income/${periodStart}`, { method: 'DELETE' }),
    onSettled: () => refresh(client),
  });
}

/** Admin: the period's last deleted figure comes back (409 when the period has a live one). */
export function useRestoreIncome(accountId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (periodStart: string) => api<IncomePeriod>(`/accounts/${accountId}/income/${periodStart}/restore`, { method: 'POST' }),
    onSettled: () => refresh(client),
  });
}
