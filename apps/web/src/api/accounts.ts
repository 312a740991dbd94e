import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { AbcClass, AccountKind, CustomerType, LifecycleStage, RelationshipLevel, ValueTier } from './enums';
import type { ListParams, RecordMeta } from './list';
import { resourceHooks } from './resource';

export interface Account extends RecordMeta {
  externalId: string | null;
  kind: AccountKind;
  name: string;
  customerType: CustomerType;
  relationshipLevel: RelationshipLevel;
  ownerId: number | null;
  ownerName?: string | null;
  email: string | null;
  phone: string | null;
  industry: string | null;
  region: string | null;
  country: string | null;
  city: string | null;
  address: string | null;
  website: string | null;
  tags: string[];
  notes: string | null;
  /** Typed custom attributes (income, household size, ...): numbers feed the analytics. */
  attributes: AccountAttributes;
  source: string;
  /** Present on GET /api/accounts/:id. */
  stats?: { orders: number; revenue: number; lastOrderAt: string | null };
  /** On list items: the account's scores in the newest analytics snapshot, null when it has none. */
  score?: AccountListScore | null;
}

export interface AccountListScore {
  segment: string | null;
  valueTier: ValueTier | null;
  lifecycleStage: LifecycleStage | null;
  abcClass: AbcClass | null;
  pAlive: number | null;
  predictedClv: number | null;
}

/** GET /api/accounts/export.csv with a list's filters, search and sort (no paging): a download link. */
export function accountsExportUrl(params: ListParams): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key === 'page' || key === 'pageSize' || value === undefined || value === null || value === '') continue;
    query.set(key, String(value));
  }
  const text = query.toString();
  return `/api/accounts/export.csv${text ? `?${text}` : ''}`;
}

export type AccountInput = Partial<
  Pick<
    Account,
    | 'externalId'
    | 'kind'
    | 'customerType'
    | 'relationshipLevel'
    | 'ownerId'
    | 'email'
    | 'phone'
    | 'industry'
    | 'region'
    | 'country'
    | 'city'
    | 'address'
    | 'website'
    | 'tags'
    | 'notes'
    | 'attributes'
  >
> & { name: string };

export type AccountAttributes = Record<string, string | number | boolean | null>;

export const accountsApi = resourceHooks<Account, AccountInput, Partial<AccountInput>>('accounts', '/accounts', {
  related: ['dashboard', 'search', 'audit'],
});

export const {
  useList: useAccounts,
  useOne: useAccount,
  useCreate: useCreateAccount,
  useUpdate: useUpdateAccount,
  useRemove: useRemoveAccount,
  useRestore: useRestoreAccount,
} = accountsApi;

export type TimelineEntryType = 'order' | 'activity' | 'contact' | 'audit' | 'campaign';

export interface TimelineEntry {
  at: string;
  type: TimelineEntryType;
  title: string;
  detail?: string | null;
  refId?: number | string | null;
}

export function useAccountTimeline(accountId: number) {
  return useQuery({
    queryKey: ['accounts', 'timeline', accountId],
    queryFn: ({ signal }) => api<{ items: TimelineEntry[] }>(`/accounts/${accountId}/timeline`, { signal }),
  });
}
