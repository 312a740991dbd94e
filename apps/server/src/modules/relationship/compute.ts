/**
 * Relationship value of one run (pure: runs in a worker thread, the network trains for seconds): the AHP weights
 * from the analysts' judgements, every customer's AHP score, and the good / medium / bad classifier trained on the
 * decisions people made (or, while they are too few, the AHP score's terciles — the summary says which), with each
 * customer's factor contributions to their class.
 */
import {
  classifyRelationships,
  DEFAULT_AHP_MATRICES,
  evaluateHierarchy,
  explainRelationshipClass,
  RELATIONSHIP_FACTOR_KEYS,
  RELATIONSHIP_HIERARCHY,
  type RelationshipClass,
} from '@relata/analytics';

export interface RelationshipInput {
  accountIds: number[];
  rows: Float64Array[];
  labels: (RelationshipClass | null)[];
  /** analysts' matrices by node key (others: the defaults) */
  matrices: Record<string, number[][]>;
}

/** The network is a candidate up to this many customers (tfjs on the CPU). */
const NETWORK_ROWS = 5000;

export async function computeRelationship(input: RelationshipInput) {
  const matrices = { ...DEFAULT_AHP_MATRICES, ...input.matrices };
  const hierarchy = evaluateHierarchy(RELATIONSHIP_HIERARCHY, matrices);
  const result = await classifyRelationships(
    { rows: input.rows, labels: input.labels, weights: hierarchy.leafWeights },
    { seed: 20_260_101, candidates: input.rows.length <= NETWORK_ROWS ? undefined : ['ahp', 'softmax-regression'] },
  );
  const explanations = input.accountIds.map((_, i) => explainRelationshipClass(result, i));
  return {
    scores: input.accountIds.map((accountId, i) => ({
      accountId,
      factors: Array.from(input.rows[i]),
      ahpScore: result.scores[i],
      class: result.classes[i],
      probabilities: Array.from(result.probabilities[i]),
      contributions: explanations[i].factors.sort((a, b) => RELATIONSHIP_FACTOR_KEYS.indexOf(a.key) - RELATIONSHIP_FACTOR_KEYS.indexOf(b.key)).map((f) => f.contribution),
    })),
    summary: {
      customers: input.accountIds.length,
      labelSource: result.labelSource,
      labelNote: result.labelNote,
      decisions: result.decisions,
      labelCounts: result.labelCounts,
      trainingRows: result.trainingRows,
      heldOutRows: result.heldOutRows,
      candidates: result.candidates.map(({ kind, label, quality, chosen }) => ({ kind, label, quality, chosen })),
      chosen: result.chosen,
      measure: explanations[0]?.measure ?? null,
      weights: hierarchy.nodes.map(({ key, label, parent, local, global }) => ({ key, label, parent, local, global })),
      consistency: hierarchy.nodes.filter((n) => n.result).map((n) => ({ key: n.key, cr: n.result!.cr })),
      classes: ['good', 'medium', 'bad'].map((c) => result.classes.filter((x) => x === c).length),
    },
  };
}
