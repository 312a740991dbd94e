import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { LocalizedText } from './analytics';
import type { ListResult } from './list';

/**
 * Purchase propensity and churn risk (apps/server/src/modules/propensity): the models each analytics refresh
 * trains (one per target: 'any' purchase, 'group:<n>' the largest product groups, 'churn'), the churn-risk list
 * with its one-click retention task, an account's scores, the prediction ledger's accuracy before and after the
 * correction, and the general trainer for an uploaded table.
 */

export type ModelName = 'logistic' | 'network';
export type Direction = 'raises' | 'lowers';

export interface PropensityRunRef {
  id: number;
  asOf: string;
}

export interface CandidateQuality {
  name: ModelName | string;
  /** cross-validated, mean over the folds */
  auc: number;
  accuracy: number;
  logLoss: number;
  brier: number;
}

export interface ProbabilityCorrection {
  /** logit(corrected) = intercept + slope · logit(probability) */
  intercept: number;
  slope: number;
  drift: number;
  predictions: number;
  effectivePredictions: number;
}

export interface ModelCorrection {
  pooled: ProbabilityCorrection;
  /** customer groups with a correction of their own */
  segments: number;
  /** resolved predictions the correction was learned from */
  predictions: number;
}

export interface PropensityModelSummary {
  target: string;
  chosen: ModelName | string;
  horizonDays: number;
  label: LocalizedText;
  candidates: CandidateQuality[];
  rows: number;
  positives: number;
  /** the day the training rows describe the customers as of; outcomes are the horizon after it */
  cutoff: string;
  correction: ModelCorrection | null;
  /** predictions issued by this run */
  predictions: number;
}

export interface ModelList {
  run: PropensityRunRef | null;
  models: PropensityModelSummary[];
}

export interface ReliabilityBin {
  lower: number;
  upper: number;
  count: number;
  meanPredicted: number | null;
  observedRate: number | null;
}

export interface GlobalFactor {
  feature: string;
  index: number;
  /** change in log-odds per standard deviation of the feature */
  standardisedCoefficient: number;
  /** change in log-odds per unit */
  coefficient: number;
  oddsRatio: number;
  direction: Direction;
}

export interface TrendPoint {
  /** one per trend feature; null when the customer has no value */
  values: (number | null)[];
  probability: number;
  outlier: boolean;
}

export interface ModelQuality {
  label: LocalizedText;
  rows: number;
  positives: number;
  cutoff: string;
  candidates: CandidateQuality[];
  /** [false-positive rate, true-positive rate] of the chosen model's out-of-fold probabilities */
  roc: [number, number][];
  calibration: ReliabilityBin[];
  calibrationEffect: { before: { logLoss: number; brier: number }; after: { logLoss: number; brier: number } };
  topFactors: GlobalFactor[];
  labels: Record<string, LocalizedText>;
  outliers: {
    rule: LocalizedText;
    counts: { attribute: number; residual: number; total: number; byAttribute: Record<string, number> };
  };
  trend: { features: string[]; points: TrendPoint[] };
  correction: ModelCorrection | null;
}

export interface PropensityModelDetail {
  run: PropensityRunRef | null;
  target: string;
  chosen: ModelName | string;
  horizonDays: number;
  productIds: number[];
  quality: ModelQuality;
}

export interface ScoreFactor {
  feature: string;
  /** change in log-odds against the average customer */
  contribution: number;
  direction: Direction;
  /** the customer's value, in the feature's own units */
  value: number | null;
}

export interface ChurnItem {
  accountId: number;
  name: string;
  ownerId: number | null;
  ownerName: string | null;
  /** the model's probability, before the ledger's correction */
  probability: number;
  corrected: number;
  factors: ScoreFactor[] | null;
  predictedClv: number | null;
  segment: string | null;
  recencyDays: number | null;
  lastContactAt: string | null;
}

export interface ChurnFilters {
  page: number;
  pageSize: number;
  ownerId?: number;
  minProbability?: number;
}

export type ChurnList = ListResult<ChurnItem> & { run: PropensityRunRef | null };

export interface AccountScore {
  target: string;
  label: LocalizedText;
  chosen: string;
  probability: number;
  corrected: number;
  factors: ScoreFactor[] | null;
  horizonEnd: string;
}

export interface AccountScoreHistory {
  runId: number;
  target: 'any' | 'churn';
  issuedOn: string;
  horizonEnd: string;
  corrected: number;
  /** null until the horizon has passed */
  outcome: boolean | null;
}

export interface AccountPropensity {
  run: PropensityRunRef | null;
  scores: AccountScore[];
  history: AccountScoreHistory[];
}

export interface AccuracyPoint {
  target: string;
  issuedOn: string;
  predictions: number;
  meanPredicted: number;
  meanCorrected: number;
  observedRate: number;
  logLoss: number;
  logLossCorrected: number;
  brier: number;
  brierCorrected: number;
}

export interface Accuracy {
  points: AccuracyPoint[];
  /** predictions whose horizon has not passed yet */
  openPredictions: number;
}

// ------------------------------------------------------------------ the trainer

export interface TrainerFold {
  fold: number;
  rows: number;
  positives: number;
  auc: number | null;
  accuracy: number | null;
}

export interface TrainerCandidate {
  name: ModelName | string;
  auc: number | null;
  accuracy: number | null;
  logLoss: number | null;
  brier: number | null;
  folds: TrainerFold[];
}

export type DropReason = 'id' | 'empty' | 'constant' | 'row-number' | 'identifier' | 'all-unique' | 'too-many-levels';

export interface TrainingSummary {
  rows: number;
  target: { column: string; positive: string; negative: string; positives: number; negatives: number };
  validation: { method: string; folds: number; seed: number };
  candidates: TrainerCandidate[];
  chosen: string;
  topFactorsFrom: string;
  topFactors: { feature: string; direction: Direction; perStandardDeviation: number | null; perUnit: number | null; oddsRatioPerUnit: number | null }[];
  model: { intercept: number | null; C: number; trainingRows: number; calibration: { a: number | null; b: number | null } };
  calibration: {
    before: { logLoss: number | null; brier: number | null };
    after: { logLoss: number | null; brier: number | null };
    curve: { bin: string; count: number; meanPredicted: number | null; observedRate: number | null }[];
  };
  outliers: {
    rule: string;
    excluded: { attribute: number; residual: number; total: number; byAttribute: Record<string, number> };
    boxes: { attribute: string; low: number | null; high: number | null; outside: number }[];
    notChecked: { attribute: string; reason: 'few-values' | 'no-spread' | string }[];
  };
  encoding: {
    features: string[];
    rowsWithoutTarget: number;
    id: string | null;
    numeric: { column: string; missing: number; median: number; missingIndicator: boolean; distinct: number }[];
    categorical: { column: string; levels: number; encoded: string[]; other: boolean }[];
    dropped: { column: string; reason: DropReason | string; why: string }[];
  };
  seconds?: number | null;
}

export interface TrainerInput {
  file: File;
  target: string;
  positive?: string;
  id?: string;
  network: boolean;
}

// ------------------------------------------------------------------ queries

export const propensityKeys = {
  all: ['propensity'] as const,
  models: ['propensity', 'models'] as const,
  model: (target: string) => ['propensity', 'model', target] as const,
  churn: (filters: ChurnFilters) => ['propensity', 'churn', filters] as const,
  account: (id: number) => ['propensity', 'account', id] as const,
  accuracy: ['propensity', 'accuracy'] as const,
};

export function usePropensityModels() {
  return useQuery({
    queryKey: propensityKeys.models,
    queryFn: ({ signal }) => api<ModelList>('/propensity/models', { signal }),
    staleTime: 60_000,
  });
}

export function usePropensityModel(target: string | null) {
  return useQuery({
    queryKey: propensityKeys.model(target ?? ''),
    queryFn: ({ signal }) => api<PropensityModelDetail>(`/propensity/models/${encodeURIComponent(target!)}`, { signal }),
    enabled: target !== null,
    staleTime: 60_000,
  });
}

export function useChurnList(filters: ChurnFilters) {
  return useQuery({
    queryKey: propensityKeys.churn(filters),
    queryFn: ({ signal }) => api<ChurnList>('/propensity/churn', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One click from the churn list: a task for the account's owner, due in a week; it shows on the account's activities. */
export function useCreateRetentionTask() {
  const client = useQueryClient();
  return useMutation({
    // the task's subject is worded in the language of the one who creates it
    mutationFn: ({ accountId, notes, language }: { accountId: number; notes?: string; language: 'zh' | 'en' }) =>
      api<{ id: number; subject: string; dueAt: string | null }>(`/propensity/churn/${accountId}/tasks`, { method: 'POST', body: notes ? { notes, language } : { language } }),
    onSuccess: () =>
      Promise.all(
        [['propensity', 'churn'], ['activities'], ['accounts'], ['dashboard']].map((queryKey) => client.invalidateQueries({ queryKey })),
      ),
  });
}

export function useAccountPropensity(accountId: number) {
  return useQuery({
    queryKey: propensityKeys.account(accountId),
    queryFn: ({ signal }) => api<AccountPropensity>(`/propensity/accounts/${accountId}`, { signal }),
  });
}

export function usePropensityAccuracy() {
  return useQuery({
    queryKey: propensityKeys.accuracy,
    queryFn: ({ signal }) => api<Accuracy>('/propensity/accuracy', { signal }),
    staleTime: 60_000,
  });
}

/** POST /api/propensity/trainer (multipart): the training summary, or a 400 naming the field to fix. */
export function useTrainModel() {
  return useMutation({
    mutationFn: (input: TrainerInput) => {
      const form = new FormData();
      // the fields first: the server reads the parts in order
      form.set('target', input.target);
      if (input.positive) form.set('positive', input.positive);
      if (input.id) form.set('id', input.id);
      form.set('models', input.network ? 'logistic,network' : 'logistic');
      form.set('file', input.file, input.file.name);
      return api<TrainingSummary>('/propensity/trainer', { method: 'POST', body: form });
    },
  });
}

/** The roles that may train a model on an uploaded table (the server checks the same). */
export const trainerRoles = ['admin', 'manager', 'analyst'] as const;

/** 'any', 'churn' or a product group's 'group:<n>'. */
export const targetKind = (target: string): 'any' | 'group' | 'churn' => (target === 'churn' ? 'churn' : target === 'any' ? 'any' : 'group');
