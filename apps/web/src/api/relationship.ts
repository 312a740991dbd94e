import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { LocalizedText } from './analytics';
import type { CustomerType, Role } from './enums';

/**
 * Relationship value and exit management (apps/server/src/modules/relationship): the AHP hierarchy of the nine
 * factors with the analysts' pairwise judgements, the good / medium / bad classifier and its quality, one
 * account's class and factor contributions, and the exit workflow's cases.
 *
 * The query keys start with 'analytics': a refresh recomputes all of it (and opens exit candidates), and the
 * refresh invalidates every 'analytics' query when it ends.
 */

export const relationshipClasses = ['good', 'medium', 'bad'] as const;
export type RelationshipClass = (typeof relationshipClasses)[number];

export const exitStages = ['candidate', 'review', 'approved', 'transition', 'exited', 'retrospective', 'won_back', 'dismissed'] as const;
export type ExitStage = (typeof exitStages)[number];
/** The board's columns; won back and dismissed are the closed cases, behind a switch. */
export const boardStages: ExitStage[] = ['candidate', 'review', 'approved', 'transition', 'exited', 'retrospective'];
export const closedStages: ExitStage[] = ['won_back', 'dismissed'];
/** Moves only managers and admins may make (the server checks the same). */
export const managerMoves: ExitStage[] = ['approved', 'dismissed', 'won_back'];

export type FactorUnit = 'currency' | 'count' | 'share' | 'ratio';

export interface RelationshipFactor {
  key: string;
  group: 'current' | 'loyalty' | 'development' | 'elasticity';
  direction: 'higher-better' | 'higher-worse';
  unit: FactorUnit;
  label: LocalizedText;
  definition: LocalizedText;
}

export interface HierarchyNode {
  key: string;
  label: LocalizedText;
  children?: HierarchyNode[];
}

export interface ClassificationQuality {
  /** confusion[true class][predicted class], in the order good, medium, bad */
  confusion: number[][];
  accuracy: number;
  precision: number[];
  recall: number[];
  f1: number[];
  macroF1: number;
  n: number;
}

export type ClassifierKind = 'ahp' | 'softmax-regression' | 'network';

export interface ClassifierCandidate {
  kind: ClassifierKind;
  label: LocalizedText;
  quality: ClassificationQuality;
  chosen: boolean;
}

export interface NodeWeight {
  key: string;
  label: LocalizedText;
  parent: string | null;
  local: number;
  global: number;
}

export interface RelationshipSummary {
  customers: number;
  labelSource: 'decisions' | 'ahp-terciles';
  labelNote: LocalizedText;
  /** decisions per class (good, medium, bad) */
  decisions: number[];
  labelCounts: number[];
  trainingRows: number;
  heldOutRows: number;
  candidates: ClassifierCandidate[];
  chosen: ClassifierKind;
  measure: LocalizedText | null;
  weights: NodeWeight[];
  consistency: { key: string; cr: number }[];
  /** customers per class: good, medium, bad */
  classes: number[];
  exitSnapshots: number;
  openedExitCases: number;
}

/** What an analyst may set (apps/server/src/modules/relationship/params.ts); kept with a run's params as `params.relationship`. */
export interface RelationshipParams {
  /** a customer becomes an exit candidate after being classed bad in this many consecutive snapshots */
  exitSnapshots: number;
}

/** The exit rule the server accepts: never one snapshot alone, and no more than two years of monthly snapshots. */
export const exitSnapshotsRange = { min: 2, max: 24, default: 3 } as const;

export interface AhpMatrix {
  node: string;
  matrix: number[][];
  version: number;
  custom: boolean;
}

export interface FactorStats {
  index: number;
  /** p10, p25, p50, p75, p90 */
  quantiles: number[] | null;
  meanGood: number | null;
  meanMedium: number | null;
  meanBad: number | null;
}

export interface RelationshipOverview {
  run: { id: number; asOf: string; summary: RelationshipSummary } | null;
  factors: RelationshipFactor[];
  hierarchy: HierarchyNode;
  matrices: AhpMatrix[];
  factorStats: FactorStats[];
}

export interface SavedMatrix {
  node: string;
  matrix: number[][];
  version: number;
  weights: number[];
  cr: number;
}

/** A refused matrix's explanation: the cell to reconsider (when known) and the text in both languages. */
export interface MatrixRefusal {
  path?: (string | number)[];
  message: string;
  text?: LocalizedText;
}

export interface RelationshipScore {
  runId: number;
  asOf: string;
  /** the nine raw factors, in the order of `factors` (NaN / null when not known) */
  factors: (number | null)[];
  ahpScore: number;
  class: RelationshipClass;
  /** good, medium, bad */
  probabilities: number[];
  contributions: number[];
}

export interface AccountRelationship {
  factors: RelationshipFactor[];
  latest: RelationshipScore | null;
  history: RelationshipScore[];
  label: { label: RelationshipClass; source: 'analyst' | 'exit-decision'; note: string | null; decidedAt: string; decidedBy: string | null } | null;
  exitCase: { id: number; stage: ExitStage } | null;
  measure: LocalizedText | null;
}

export interface ExitCaseCard {
  id: number;
  stage: ExitStage;
  version: number;
  accountId: number;
  name: string;
  ownerId: number | null;
  ownerName: string | null;
  openedAt: string;
  updatedAt: string;
  ahpScore: number | null;
  comments: number;
  /** completed orders since the exit (exited and retrospective cases): the customer may be won back */
  returnedOrders: number | null;
  returnedLastAt: string | null;
}

export interface ExitBoard {
  cases: ExitCaseCard[];
  transitions: Record<ExitStage, ExitStage[]>;
}

export interface ExitCase {
  id: number;
  accountId: number;
  stage: ExitStage;
  version: number;
  evidence: { runs: number[]; ahpScores: number[] } | null;
  approvedBy: number | null;
  approvedAt: string | null;
  exitedAt: string | null;
  whatWentWrong: string | null;
  lessons: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ExitCaseEvent {
  id: number;
  kind: 'opened' | 'stage' | 'comment';
  fromStage: ExitStage | null;
  toStage: ExitStage | null;
  text: string | null;
  at: string;
  userId: number | null;
  userName: string | null;
}

export interface ExitCaseTask {
  id: number;
  subject: string;
  dueAt: string | null;
  completedAt: string | null;
  userId: number | null;
  userName: string | null;
  version: number;
}

export type ProspectTrait = 'customerType' | 'industry' | 'region' | 'city';

export interface ProspectReason {
  trait: ProspectTrait;
  value: string;
  /** share of good customers with this value, and of the other classified customers */
  goodShare: number;
  otherShare: number;
}

export interface ReplacementProspect {
  kind: 'account' | 'lead';
  id: number;
  name: string;
  /** P(good | traits), naive Bayes over the latest classification */
  resemblance: number;
  customerType: CustomerType | null;
  industry: string | null;
  region: string | null;
  city: string | null;
  reasons: ProspectReason[];
  sameIndustry: boolean;
  sameRegion: boolean;
}

export interface ProspectList {
  /** share of good customers among the classified: the score of a prospect whose traits say nothing */
  baseRate: number | null;
  reason: 'no-classification' | null;
  items: ReplacementProspect[];
}

export interface ExitCaseFile {
  case: ExitCase;
  account: { id: number; name: string; ownerId: number | null; customerType: CustomerType };
  history: { runId: number; asOf: string; ahpScore: number; class: RelationshipClass; predictedClv: number | null; monetary: number | null }[];
  events: ExitCaseEvent[];
  tasks: ExitCaseTask[];
  allowed: ExitStage[];
  prospects: ProspectList;
  /** completed orders since the exit */
  returned: { orders: number | null; amount: number | null; lastOrderAt: string | null };
}

export interface MoveInput {
  to: ExitStage;
  version: number;
  note?: string;
  whatWentWrong?: string;
  lessons?: string;
  language?: 'zh' | 'en';
}

/** The roles that may change the AHP judgements and set labels (the server checks the same). */
export const relationshipEditorRoles: readonly Role[] = ['admin', 'manager', 'analyst'];
/** The roles that see the relationship-value page (sales: their own accounts' figures elsewhere). */
export const relationshipViewerRoles: readonly Role[] = ['admin', 'manager', 'analyst', 'sales'];

export const relationshipKeys = {
  all: ['analytics', 'relationship'] as const,
  overview: ['analytics', 'relationship', 'overview'] as const,
  account: (id: number) => ['analytics', 'relationship', 'account', id] as const,
  board: ['analytics', 'relationship', 'exit-cases'] as const,
  exitCase: (id: number) => ['analytics', 'relationship', 'exit-case', id] as const,
};

export function useRelationshipOverview(enabled = true) {
  return useQuery({
    queryKey: relationshipKeys.overview,
    queryFn: ({ signal }) => api<RelationshipOverview>('/relationship/overview', { signal }),
    enabled,
    staleTime: 60_000,
  });
}

export function useSaveMatrix() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ node, matrix, version }: { node: string; matrix: number[][]; version: number }) =>
      api<SavedMatrix>(`/relationship/matrices/${encodeURIComponent(node)}`, { method: 'PUT', body: { matrix, version } }),
    onSuccess: () => client.invalidateQueries({ queryKey: relationshipKeys.overview }),
  });
}

export function useAccountRelationship(accountId: number) {
  return useQuery({
    queryKey: relationshipKeys.account(accountId),
    queryFn: ({ signal }) => api<AccountRelationship>(`/relationship/accounts/${accountId}`, { signal }),
  });
}

export function useLabelAccount(accountId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { label: RelationshipClass; note?: string }) => api<unknown>(`/relationship/accounts/${accountId}/label`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: relationshipKeys.account(accountId) }),
  });
}

export function useExitBoard() {
  return useQuery({
    queryKey: relationshipKeys.board,
    queryFn: ({ signal }) => api<ExitBoard>('/exit-cases', { signal }),
  });
}

export function useExitCase(id: number) {
  return useQuery({
    queryKey: relationshipKeys.exitCase(id),
    queryFn: ({ signal }) => api<ExitCaseFile>(`/exit-cases/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** After a move or a comment: the case, the board, and the account panels (label, case link) and activities. */
function useInvalidateCase() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: relationshipKeys.all }),
      client.invalidateQueries({ queryKey: ['activities'] }),
    ]).then(() => undefined);
}

export function useMoveExitCase(id: number) {
  const invalidate = useInvalidateCase();
  return useMutation({
    mutationFn: (body: MoveInput) => api<ExitCase>(`/exit-cases/${id}/stage`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useCommentOnExitCase(id: number) {
  const invalidate = useInvalidateCase();
  return useMutation({
    mutationFn: (text: string) => api<ExitCaseEvent>(`/exit-cases/${id}/comments`, { method: 'POST', body: { text } }),
    onSuccess: invalidate,
  });
}

/**
 * The principal eigenvector and consistency ratio of a pairwise matrix (power iteration; Saaty's random
 * indices): a preview while the analyst edits. The server computes the same and is the judge.
 */
export function ahpPreview(matrix: number[][]): { weights: number[]; cr: number } {
  const n = matrix.length;
  let w = new Array<number>(n).fill(1 / n);
  let lambda = n;
  for (let iteration = 0; iteration < 1000; iteration++) {
    const next = matrix.map((row) => row.reduce((s, v, j) => s + v * w[j], 0));
    const sum = next.reduce((s, v) => s + v, 0);
    const normalised = next.map((v) => v / sum);
    lambda = sum; // Σ(A·w) with Σw = 1
    const moved = Math.max(...normalised.map((v, i) => Math.abs(v - w[i])));
    w = normalised;
    if (moved < 1e-12) break;
  }
  const randomIndex = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];
  const ci = n > 1 ? (lambda - n) / (n - 1) : 0;
  const cr = n > 2 ? ci / randomIndex[n - 1] : 0;
  return { weights: w, cr: Math.max(0, cr) };
}
