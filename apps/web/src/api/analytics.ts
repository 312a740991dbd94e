import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { AbcClass, AnalyticsRunStatus, LifecycleStage, ValueTier } from './enums';
import type { RelationshipParams } from './relationship';
import type { SegmentParams } from './segments';

/** A text the server gives in both languages (definitions, lifecycle rule lines). */
export interface LocalizedText {
  en: string;
  zh: string;
}

export type TierRuleBy = 'customer-share' | 'value-share' | 'minimum-value';

/** The parameters of a customer-value refresh (apps/server/src/modules/analytics/customer-value.ts). */
export interface ValueParams {
  contribution: 'revenue' | 'margin';
  abcCutA: number;
  abcCutB: number;
  tierRule: { by: TierRuleBy; vip: number; major: number; ordinary: number };
  horizonMonths: number;
  monthlyDiscountRate: number;
  marketingCostPerMonth: number;
  priceLoyaltyElasticity: number;
  referralShare: number;
  valuePerEndorsement: number;
  holdoutWeeks: number;
  /** the predictive model's settings (api/segments.ts); kept for later runs until changed */
  segments?: Partial<SegmentParams>;
  /** relationship value and exit candidates (api/relationship.ts); kept for later runs until changed */
  relationship?: Partial<RelationshipParams>;
}

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface HoldoutGroup {
  /** repeat purchases in the calibration period: '0' … '7+' */
  label: string;
  customers: number;
  meanPredicted: number;
  meanActual: number;
}

export interface HoldoutCheck {
  calibrationEnd: string;
  holdoutWeeks: number;
  params: BgNbdParams;
  groups: HoldoutGroup[];
  totalPredicted: number;
  totalActual: number;
  totalRelativeError: number;
  mae: number;
  rmse: number;
}

export interface AbcClassSummary {
  customers: number;
  value: number;
  customerShare: number;
  valueShare: number;
}

/**
 * A finished run's summary. A snapshot of a company with no purchases yet has only customers, purchaseDays
 * and params, so the model parts are optional.
 */
export interface ValueSummary {
  customers: number;
  purchaseDays: number;
  params?: ValueParams;
  bgnbd?: { params: BgNbdParams; logLikelihood: number; converged: boolean };
  gammaGamma?: {
    params: { p: number; q: number; gamma: number };
    logLikelihood: number;
    customers: number;
    converged?: boolean;
    /** false when q ≤ 1 (the fitted spend has no mean): the CLTV then uses each customer's own mean spend */
    usable?: boolean;
  };
  abc?: Record<AbcClass, AbcClassSummary>;
  /** [customerShare, valueShare], customers ranked by value, from (0, 0) */
  pareto?: [number, number][];
  holdout?: HoldoutCheck | null;
  timingsMs?: Record<string, number>;
}

export interface AnalyticsRunListItem {
  id: number;
  kind?: string;
  status: AnalyticsRunStatus;
  asOf: string;
  progress: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface AnalyticsRun extends AnalyticsRunListItem {
  params: Partial<ValueParams>;
  /** While running `{stage}`; when done the model summary. */
  summary: (Partial<ValueSummary> & { stage?: string }) | null;
  startedBy?: number | null;
}

export interface AnalyticsOverview {
  run: (AnalyticsRun & { summary: ValueSummary }) | null;
  rfmGrid?: { r: number; fm: number; customers: number; value: number }[];
  bySegment?: { segment: string; customers: number; value: number; clv: number }[];
  byTier?: { tier: ValueTier; customers: number; value: number; clv: number }[];
  byStage?: { stage: LifecycleStage | 'unknown'; customers: number }[];
  clvHistogram?: { bucket: number; low: number; high: number; customers: number }[];
  top?: { accountId: number; name: string; segment: string; valueTier: ValueTier; pAlive: number; predictedClv: number }[];
}

export interface CltvParameterDescription {
  key: string;
  symbol: string;
  name: LocalizedText;
  description: LocalizedText;
  default: number;
  min: number;
  /** null when unbounded (Infinity does not survive JSON) */
  max: number | null;
}

export interface CltvDescription {
  formula: string;
  summary: LocalizedText;
  inputs: { key: 'PGS' | 'CS' | 'CM' | 'MPA' | 'T' | 'NCA' | 'PE'; name: LocalizedText; definition: LocalizedText }[];
  components: { key: 'R' | 'L' | 'I' | 'F'; name: LocalizedText; formula: string; definition: LocalizedText; fields: string[] }[];
  parameters: CltvParameterDescription[];
}

export interface LifecycleRuleLine {
  id: string;
  stage: LifecycleStage;
  conditions: { feature: string; op: string; threshold: string | number; value: number }[];
  text: LocalizedText;
}

export interface AnalyticsDefinitions {
  defaults: ValueParams;
  cltv: CltvDescription;
  lifecycle: { rule: LifecycleRuleLine[]; explanation: LocalizedText; stages: Record<LifecycleStage, LocalizedText> };
  /** rfmGrid[R − 1][FM − 1] */
  rfmGrid: string[][];
}

export interface CltvBreakdown {
  pgs: number;
  pgsSource: 'given' | 'gamma-gamma' | 'mean-repeat-spend' | 'first-purchase' | 'none';
  costOfSales: number;
  marketingCostPerPeriod: number;
  marginPerPurchase: number;
  pAlive: number;
  expectedPurchases: number;
  discountedPurchases: number;
  discountedPurchasesIfAlive: number;
  matchingPriceRatio: number;
  priceLoyaltyFactor: number;
  loyalty: number;
  purchaseMarginValue: number;
  marketingCostValue: number;
  relationshipValue: number;
  referrals: number;
  referralValue: number;
  endorsements: number;
  endorsementValue: number;
  influence: number;
  cltv: number;
}

export interface AccountScore {
  runId: number;
  asOf: string;
  recencyDays: number;
  frequency: number;
  monetary: number;
  /** the R, F and M quintile scores as three digits */
  rfmScore: string;
  segment: string;
  abcClass: AbcClass;
  valueTier: ValueTier;
  lifecycleStage: LifecycleStage;
  pAlive: number;
  expectedPurchases: number;
  predictedClv: number;
  details: {
    x: number;
    tx: number;
    T: number;
    zbar: number;
    marginRate: number;
    contribution: number;
    tenureDays: number;
    trend: number;
    lifecycleRule: string;
    cltv: CltvBreakdown;
  } | null;
}

export interface AccountValue {
  latest: AccountScore | null;
  /** one score per snapshot, oldest first */
  history: AccountScore[];
}

export const analyticsKeys = {
  all: ['analytics'] as const,
  overview: ['analytics', 'overview'] as const,
  definitions: ['analytics', 'definitions'] as const,
  runs: ['analytics', 'runs'] as const,
  run: (id: number) => ['analytics', 'run', id] as const,
  account: (id: number) => ['analytics', 'account', id] as const,
};

/** The roles that may see the overview and start a refresh (the server checks the same). */
export const analyticsRoles = ['admin', 'manager', 'analyst'] as const;

export const runFinished = (status: AnalyticsRunStatus | undefined) => status === 'done' || status === 'failed';

export function useAnalyticsOverview(enabled = true) {
  return useQuery({
    queryKey: analyticsKeys.overview,
    queryFn: ({ signal }) => api<AnalyticsOverview>('/analytics/overview', { signal }),
    enabled,
    staleTime: 60_000,
  });
}

export function useAnalyticsDefinitions() {
  return useQuery({
    queryKey: analyticsKeys.definitions,
    queryFn: ({ signal }) => api<AnalyticsDefinitions>('/analytics/definitions', { signal }),
    staleTime: Infinity,
  });
}

export function useAnalyticsRuns(enabled = true) {
  return useQuery({
    queryKey: analyticsKeys.runs,
    queryFn: async ({ signal }) => (await api<{ items: AnalyticsRunListItem[] }>('/analytics/runs', { signal })).items,
    enabled,
  });
}

/** One run, polled every second until it is done or failed. */
export function useAnalyticsRun(id: number | null) {
  return useQuery({
    queryKey: analyticsKeys.run(id ?? 0),
    queryFn: ({ signal }) => api<AnalyticsRun>(`/analytics/runs/${id}`, { signal }),
    enabled: id !== null,
    // the POST's answer seeds the cache: ask again at once rather than trust it
    staleTime: 0,
    refetchInterval: (query) => (runFinished(query.state.data?.status) ? false : 700),
  });
}

/**
 * After a refresh: every snapshot figure (overview, runs, account values, the accounts list with its scores,
 * the predictive model's groups, rules, offers and priority list, the propensity models and churn list) is refetched.
 */
export function useInvalidateSnapshot() {
  const client = useQueryClient();
  return () =>
    client.invalidateQueries({
      predicate: ({ queryKey }) =>
        (queryKey[0] === 'analytics' && queryKey[1] !== 'run' && queryKey[1] !== 'definitions') ||
        queryKey[0] === 'accounts' ||
        queryKey[0] === 'segments' ||
        queryKey[0] === 'propensity',
    });
}

export function useStartAnalyticsRun() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { asOf?: string; params?: Partial<ValueParams> }) => api<AnalyticsRun>('/analytics/runs', { method: 'POST', body }),
    onSuccess: (run) => client.setQueryData(analyticsKeys.run(run.id), run),
    onSettled: () => client.invalidateQueries({ queryKey: analyticsKeys.runs }),
  });
}

export function useAccountValue(accountId: number) {
  return useQuery({
    queryKey: analyticsKeys.account(accountId),
    queryFn: ({ signal }) => api<AccountValue>(`/analytics/accounts/${accountId}`, { signal }),
  });
}
