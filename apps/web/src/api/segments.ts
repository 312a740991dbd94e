import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { LocalizedText } from './analytics';
import type { Role } from './enums';
import type { ListResult } from './list';

/**
 * The predictive model of the latest analytics snapshot (apps/server/src/modules/segments): customer groups
 * with fuzzy membership, products bought together (rules, correlations, product groups), the customer group ×
 * product group association, offers per customer and the sales priority list.
 */

/** What an analyst may set for the model; kept with the run's parameters as `params.segments`. */
export interface SegmentParams {
  /** null = every available feature */
  features: string[] | null;
  groups: number | 'auto';
  fuzziness: number;
  minSupport: number;
  minConfidence: number;
  offersPerCustomer: number;
}

export const defaultSegmentParams: SegmentParams = {
  features: null,
  groups: 'auto',
  fuzziness: 2,
  minSupport: 0.01,
  minConfidence: 0.3,
  offersPerCustomer: 5,
};

export interface ProductRef {
  id: number;
  name: string;
  sku?: string | null;
}

export interface Correlations {
  products: ProductRef[];
  /** r[i][j] in [-1, 1], in the order of `products` */
  r: number[][];
}

export interface OfferEvaluation {
  /** purchases before this day trained the model, purchases after it are the test */
  cutoff: string;
  customers: number;
  /** offers per customer that count (hit rate@k, precision@k) */
  k: number;
  holdoutWeeks?: number;
  trainingCustomers?: number;
  model: { hitRate: number; precision: number };
  popularity: { hitRate: number; precision: number };
}

export interface SegmentSummary {
  customers: number;
  k: number;
  /** the silhouette for each k tried; null when the analyst fixed k */
  kSelection: { k: number; silhouette: number; inertia: number }[] | null;
  /** the chosen k's mean silhouette; null when the analyst fixed k */
  silhouette: number | null;
  fuzziness: number;
  /** the features used */
  features: string[];
  available: { name: string; label: LocalizedText }[];
  rules: { baskets: number; itemsets: number; rules: number; kept?: number; minSupport: number; minConfidence: number };
  productGroups?: number;
  correlations: Correlations | null;
  evaluation: OfferEvaluation | null;
  params?: Partial<SegmentParams>;
  timingsMs?: Record<string, number>;
}

export interface Distinguishing {
  feature: string;
  label: LocalizedText;
  direction: 'high' | 'low';
  /** standard units from the mean of all customers */
  z: number;
  /** how sharply (0..1) */
  degree: number;
}

export interface GroupProfile {
  features: string[];
  labels: Record<string, LocalizedText>;
  /** in each feature's own units */
  centroid: number[];
  /** in standard units */
  zCentroid: number[];
  distinguishing: Distinguishing[];
  description: LocalizedText;
  suggestedName: LocalizedText;
}

export interface CustomerGroup {
  groupNo: number;
  /** the analyst's name; null = the suggested one */
  name: string | null;
  size: number;
  fuzzySize: number;
  totalClv: number | null;
  profile: GroupProfile;
}

export interface ModelRunRef {
  id: number;
  asOf: string;
  finishedAt?: string | null;
}

export interface GroupsOverview {
  run: (ModelRunRef & { segments: SegmentSummary }) | null;
  groups: CustomerGroup[];
  /** customers, and those whose top membership is below 0.6 */
  membership?: { customers: number; mixed: number };
}

export interface GroupMember {
  accountId: number;
  name: string;
  ownerId: number | null;
  membership: number;
  /** the membership in every group, by group number */
  memberships: number[];
  predictedClv: number | null;
  segment: string | null;
  monetary: number | null;
}

export interface ProductGroup {
  groupNo: number;
  name: string | null;
  cohesion: number;
  anchorProductId: number;
  products: { id: number; name: string; sku: string | null; category: string | null }[] | null;
}

export interface GroupAssociation {
  customerGroup: number;
  productGroup: number;
  attributes: { attribute: string; degree: number }[];
  support: number;
  confidence: number;
  lift: number;
}

export interface ProductsTogether {
  run: ModelRunRef | null;
  productGroups: ProductGroup[];
  associations: GroupAssociation[];
  correlations?: Correlations | null;
}

export interface ProductRule {
  rank: number;
  support: number;
  confidence: number;
  lift: number;
  count: number;
  antecedent: ProductRef[] | null;
  consequent: ProductRef | null;
}

export type RuleSort = 'lift' | 'confidence' | 'support';

export interface RuleFilters {
  page: number;
  pageSize: number;
  productId?: number;
  minLift?: number;
  minConfidence?: number;
  sort: RuleSort;
}

export interface OfferReason {
  /** the group the reason draws on (its number, or { index, membership, rate }) */
  group: number | { index: number; membership: number; rate?: number };
  membership: number;
  rule?: { antecedent: number[]; confidence: number; lift: number };
  text: LocalizedText;
}

export interface Offer {
  rank: number;
  productId: number;
  productName: string;
  sku: string | null;
  category: string | null;
  probability: number;
  expectedValue: number;
  reason: OfferReason;
}

export interface AccountSegments {
  run: ModelRunRef | null;
  groupNo?: number | null;
  memberships: { groupNo: number; name: string | null; suggestedName: LocalizedText; membership: number }[];
  offers: Offer[];
}

export interface PriorityItem {
  rank: number;
  accountId: number;
  name: string;
  ownerId: number | null;
  ownerName: string | null;
  phone: string | null;
  pAlive: number;
  offerValue: number;
  contactValue: number;
  lastContactAt: string | null;
  segment: string | null;
  predictedClv: number | null;
  topProductId: number;
  topProductName: string;
  topProbability: number;
  topReason: Partial<OfferReason> | null;
}

export interface PriorityFilters {
  page: number;
  pageSize: number;
  quietDays: number;
  ownerId?: number;
}

export type PriorityList = ListResult<PriorityItem> & { run: ModelRunRef | null };

export interface CallInput {
  outcome?: string;
  notes?: string;
  productName?: string;
  /** the language the call's subject is written in */
  language?: 'zh' | 'en';
}

/** The roles that may see the model's pages (the server checks the same); sales users see their own accounts. */
export const segmentRoles = ['admin', 'manager', 'analyst', 'sales'] as const;
/** The roles that may rename groups and re-run the model. */
export const modelEditorRoles = ['admin', 'manager', 'analyst'] as const;

export const hasRole = (role: Role | undefined, roles: readonly Role[]) => role !== undefined && roles.includes(role);

export const segmentKeys = {
  all: ['segments'] as const,
  groups: ['segments', 'groups'] as const,
  members: (groupNo: number, page: number, pageSize: number) => ['segments', 'members', groupNo, page, pageSize] as const,
  productsTogether: ['segments', 'product-groups'] as const,
  rules: (filters: RuleFilters) => ['segments', 'rules', filters] as const,
  account: (id: number) => ['segments', 'account', id] as const,
  priority: (filters: PriorityFilters) => ['segments', 'priority', filters] as const,
};

export function useCustomerGroups(enabled = true) {
  return useQuery({
    queryKey: segmentKeys.groups,
    queryFn: ({ signal }) => api<GroupsOverview>('/segments/groups', { signal }),
    enabled,
    staleTime: 60_000,
  });
}

export function useGroupMembers(groupNo: number | null, page: number, pageSize: number) {
  return useQuery({
    queryKey: segmentKeys.members(groupNo ?? -1, page, pageSize),
    queryFn: ({ signal }) => api<ListResult<GroupMember>>(`/segments/groups/${groupNo}/members`, { query: { page, pageSize }, signal }),
    enabled: groupNo !== null,
    placeholderData: keepPreviousData,
  });
}

export function useRenameCustomerGroup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ groupNo, name }: { groupNo: number; name: string | null }) =>
      api<unknown>(`/segments/groups/${groupNo}`, { method: 'PATCH', body: { name } }),
    // names show on the groups page, the association table and every account's panel
    onSuccess: () => client.invalidateQueries({ queryKey: segmentKeys.all }),
  });
}

export function useProductsTogether(enabled = true) {
  return useQuery({
    queryKey: segmentKeys.productsTogether,
    queryFn: ({ signal }) => api<ProductsTogether>('/segments/product-groups', { signal }),
    enabled,
    staleTime: 60_000,
  });
}

export function useRenameProductGroup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ groupNo, name }: { groupNo: number; name: string | null }) =>
      api<unknown>(`/segments/product-groups/${groupNo}`, { method: 'PATCH', body: { name } }),
    onSuccess: () => client.invalidateQueries({ queryKey: segmentKeys.productsTogether }),
  });
}

export function useProductRules(filters: RuleFilters, enabled = true) {
  return useQuery({
    queryKey: segmentKeys.rules(filters),
    queryFn: ({ signal }) => api<ListResult<ProductRule>>('/segments/rules', { query: { ...filters }, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useAccountSegments(accountId: number) {
  return useQuery({
    queryKey: segmentKeys.account(accountId),
    queryFn: ({ signal }) => api<AccountSegments>(`/segments/accounts/${accountId}`, { signal }),
  });
}

export function usePriorityList(filters: PriorityFilters) {
  return useQuery({
    queryKey: segmentKeys.priority(filters),
    queryFn: ({ signal }) => api<PriorityList>('/segments/priority', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/segments/priority.csv with the list's filters (every row, no paging): a download link. */
export function priorityCsvUrl(filters: Omit<PriorityFilters, 'page' | 'pageSize'>, language: 'zh' | 'en'): string {
  const params = new URLSearchParams({ quietDays: String(filters.quietDays), lang: language });
  if (filters.ownerId) params.set('ownerId', String(filters.ownerId));
  return `/api/segments/priority.csv?${params.toString()}`;
}

/** Logs an outbound call on the account; the list, the account's activities and timeline change. */
export function useLogPriorityCall() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ accountId, ...body }: CallInput & { accountId: number }) =>
      api<{ id: number }>(`/segments/priority/${accountId}/calls`, { method: 'POST', body }),
    onSuccess: () =>
      Promise.all(
        ['segments', 'activities', 'accounts', 'dashboard'].map((root) =>
          client.invalidateQueries({ queryKey: root === 'segments' ? ['segments', 'priority'] : [root] }),
        ),
      ),
  });
}
