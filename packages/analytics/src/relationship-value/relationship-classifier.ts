/**
 * Good, medium or bad: the relationship classifier of seed 003 — the nine factors in, three classes
 * out — chosen among three candidates on held-out customers.
 *
 * Labels. The classes the models learn are analysts' and managers' decisions (a label set on an
 * account, every exit-workflow decision). With fewer than `minLabelsPerClass` (30) decisions of some
 * class, no model can be trained or judged on them, so the training classes are seeded from the AHP
 * score's terciles (top third good, bottom third bad), the decisions that exist taking precedence,
 * and the result says so (`labelSource: 'ahp-terciles'`, with a note for the UI). In that case the
 * candidates learn the AHP score back, and the AHP score itself scores (nearly) perfectly: the note
 * says that too.
 *
 * Candidates, from the simplest:
 *   - 'ahp': the AHP score alone, cut where the training classes' shares fall (with tercile labels,
 *     exactly its terciles; with decisions, the shares of the decisions, so that a skewed labelling does
 *     not count against it);
 *   - 'softmax-regression': multinomial logistic regression (softmax-regression.ts);
 *   - 'network': 9 → hidden (ReLU) → 3-way softmax (multiclass-network.ts, the propensity network's
 *     code with a softmax output).
 * All see the normalised factors (factors.ts: winsorised to the 1st–99th percentile, scaled to [0, 1],
 * the service cost reversed), so an extreme account cannot dominate a fit either.
 *
 * Evaluation: a stratified split of the labelled customers (each class held out in the same share,
 * from the seed), every candidate fitted on the rest and judged on the held-out customers by macro-F1
 * (classification-quality.ts), accuracy and the confusion matrix reported beside it. The chosen
 * candidate is the simplest within `tieTolerance` (0.01) of the best macro-F1: on a few hundred
 * held-out customers macro-F1 moves by a few points from sample to sample, and a more complex model
 * must earn its place. The chosen model is then refitted on all labelled customers and classifies
 * everyone.
 *
 * Explanation of a customer's class (`explainRelationshipClass`): each factor's contribution against
 * the average customer. For the models, the contribution to the class's centred logit
 * log(p_class / geometric mean of p) — (β_class,j − β̄_j)·z_j for the regression, integrated gradients
 * for the network — positive pushing towards the class; for the AHP score, w_j·(x_j − x̄_j), positive
 * pushing towards good. Either way they add up to the customer's difference from the average customer.
 */
import type { LocalizedText } from '../localized-text.js';
import type { MlpWeights } from '../propensity-network/mlp.js';
import { seededRandom } from '../segments/random.js';
import { ahpScores, relationshipFactorWeights } from './ahp.js';
import { classificationQuality, type ClassificationQuality } from './classification-quality.js';
import {
  applyNormalisation,
  normaliseFactors,
  quantileSorted,
  RELATIONSHIP_FACTORS,
  type FactorBounds,
  type FactorNormalisation,
  type NormaliseOptions,
  type RelationshipFactorKey,
} from './factors.js';
import { multiclassNetworkAttributions, multiclassNetworkProbabilities, trainMulticlassNetwork, type MulticlassNetworkOptions } from './multiclass-network.js';
import { fitSoftmaxRegression, softmaxRegressionContributions, softmaxRegressionProbabilities, type SoftmaxRegressionModel } from './softmax-regression.js';

export const RELATIONSHIP_CLASSES = ['good', 'medium', 'bad'] as const;
export type RelationshipClass = (typeof RELATIONSHIP_CLASSES)[number];

export const RELATIONSHIP_CLASS_TEXT: Readonly<Record<RelationshipClass, LocalizedText>> = Object.freeze({
  good: { en: 'Good', zh: '好' },
  medium: { en: 'Medium', zh: '中' },
  bad: { en: 'Bad', zh: '坏' },
});

export type RelationshipClassifierKind = 'ahp' | 'softmax-regression' | 'network';

export const RELATIONSHIP_CLASSIFIER_TEXT: Readonly<Record<RelationshipClassifierKind, LocalizedText>> = Object.freeze({
  ahp: { en: 'AHP score alone', zh: '仅用 AHP 得分' },
  'softmax-regression': { en: 'Multinomial logistic regression', zh: '多项 Logistic 回归' },
  network: { en: 'Neural network', zh: '神经网络' },
});

export type RelationshipLabelSource = 'decisions' | 'ahp-terciles';

export interface RelationshipClassifierInput {
  /** Raw factor rows, the nine factors in RELATIONSHIP_FACTORS order (NaN: not known). */
  rows: readonly ArrayLike<number>[];
  /** Each customer's decided class, if any. */
  labels?: readonly (RelationshipClass | null | undefined)[];
  /** Global AHP weights in factor order; default the default judgements'. */
  weights?: ArrayLike<number>;
}

export interface RelationshipClassifierOptions {
  seed?: number;
  /** Decisions needed of every class before they are the labels; default 30. */
  minLabelsPerClass?: number;
  /** Share of the labelled customers held out to judge the candidates; default 0.25. */
  holdoutShare?: number;
  /** Candidates to try; default all three. */
  candidates?: readonly RelationshipClassifierKind[];
  /** The regression's inverse penalty; default 1. */
  C?: number;
  network?: Omit<Partial<MulticlassNetworkOptions>, 'classes' | 'seed'>;
  /** A more complex candidate must beat a simpler one's macro-F1 by more than this; default 0.01. */
  tieTolerance?: number;
  normalisation?: NormaliseOptions;
}

export interface RelationshipCandidate {
  kind: RelationshipClassifierKind;
  label: LocalizedText;
  /** On the held-out customers. */
  quality: ClassificationQuality;
  chosen: boolean;
}

/** The chosen model with all it needs to classify a customer from raw factors. */
export interface RelationshipModel {
  kind: RelationshipClassifierKind;
  /** Normalisation bounds of the population (winsorised min–max) and the AHP weights. */
  bounds: FactorBounds[];
  weights: Float64Array;
  /** AHP score cuts: below `low` bad, from `high` up good. */
  cuts: { low: number; high: number };
  regression?: SoftmaxRegressionModel;
  network?: MlpWeights;
}

export interface RelationshipClassification {
  labelSource: RelationshipLabelSource;
  /** What the labels are, for the UI. */
  labelNote: LocalizedText;
  /** Decisions given, per class (good, medium, bad). */
  decisions: number[];
  /** Training labels per class (decisions, or terciles overridden by decisions). */
  labelCounts: number[];
  trainingRows: number;
  heldOutRows: number;
  candidates: RelationshipCandidate[];
  chosen: RelationshipClassifierKind;
  model: RelationshipModel;
  /** The raw factor rows as given (the caller's arrays, not copied) and normalised. */
  rows: readonly ArrayLike<number>[];
  normalisation: FactorNormalisation;
  /** Every customer's AHP score, Σ weight × normalised factor, in [0, 1]. */
  scores: Float64Array;
  /** Every customer's class and class probabilities (good, medium, bad; one-hot for the AHP score). */
  classes: RelationshipClass[];
  probabilities: Float64Array[];
}

const K = RELATIONSHIP_CLASSES.length;
const SIMPLICITY: readonly RelationshipClassifierKind[] = ['ahp', 'softmax-regression', 'network'];

export async function classifyRelationships(input: RelationshipClassifierInput, options: RelationshipClassifierOptions = {}): Promise<RelationshipClassification> {
  const n = input.rows.length;
  if (n === 0) throw new RangeError('no customers');
  const seed = options.seed ?? 1;
  const minLabels = options.minLabelsPerClass ?? 30;
  const holdoutShare = options.holdoutShare ?? 0.25;
  if (!(holdoutShare > 0 && holdoutShare < 1)) throw new RangeError(`holdoutShare must be in (0, 1), got ${holdoutShare}`);
  const kinds = SIMPLICITY.filter((k) => (options.candidates ?? SIMPLICITY).includes(k));
  if (kinds.length === 0) throw new RangeError('no candidate classifier');
  const tieTolerance = options.tieTolerance ?? 0.01;
  if (input.labels && input.labels.length !== n) throw new RangeError(`${input.labels.length} labels for ${n} customers`);

  const weights = Float64Array.from(input.weights ?? relationshipFactorWeights());
  const normalisation = normaliseFactors(input.rows, options.normalisation);
  const X = normalisation.rows;
  const scores = ahpScores(X, weights);

  // labels: decisions, or the AHP terciles with the decisions taking precedence
  const decided = new Int8Array(n).fill(-1);
  const decisions = new Array<number>(K).fill(0);
  input.labels?.forEach((label, i) => {
    if (label == null) return;
    const k = RELATIONSHIP_CLASSES.indexOf(label);
    if (k < 0) throw new RangeError(`label of customer ${i} is ${label}, not good, medium or bad`);
    decided[i] = k;
    decisions[k]++;
  });
  const labelSource: RelationshipLabelSource = decisions.every((c) => c >= minLabels) ? 'decisions' : 'ahp-terciles';
  let training: Int32Array;
  const y = new Int8Array(n).fill(-1);
  if (labelSource === 'decisions') {
    training = Int32Array.from({ length: n }, (_, i) => i).filter((i) => decided[i] >= 0);
    training.forEach((i) => (y[i] = decided[i]));
  } else {
    training = Int32Array.from({ length: n }, (_, i) => i);
    const terciles = cutsAtShares(scores, [1 / 3, 1 / 3, 1 / 3]);
    for (let i = 0; i < n; i++) y[i] = decided[i] >= 0 ? decided[i] : classOfScore(scores[i], terciles);
  }
  const labelCounts = new Array<number>(K).fill(0);
  training.forEach((i) => labelCounts[y[i]]++);
  if (labelCounts.filter((c) => c >= 2).length < 2) throw new RangeError('the labels need at least two classes with two customers each');

  const { fit, heldOut } = stratifiedSplit(training, y, holdoutShare, seed);
  const networkOptions = (s: number): MulticlassNetworkOptions => ({ ...options.network, classes: K, seed: s });
  const bounds = normalisation.bounds;
  const fitModel = async (kind: RelationshipClassifierKind, rows: Int32Array, s: number): Promise<RelationshipModel> => {
    const labels = Int8Array.from(rows, (i) => y[i]);
    const shares = Array.from({ length: K }, (_, k) => labels.filter((l) => l === k).length / rows.length);
    const model: RelationshipModel = { kind, bounds, weights, cuts: cutsAtShares(Float64Array.from(rows, (i) => scores[i]), shares) };
    const Xs = Array.from(rows, (i) => X[i]);
    if (kind === 'softmax-regression') model.regression = fitSoftmaxRegression(Xs, labels, { C: options.C, classes: K });
    if (kind === 'network') model.network = (await trainMulticlassNetwork(Xs, labels, networkOptions(s))).weights;
    return model;
  };

  const candidates: RelationshipCandidate[] = [];
  for (const kind of kinds) {
    const model = await fitModel(kind, fit, seed);
    const predicted = Int8Array.from(heldOut, (i) => argmax(probabilitiesOf(model, X[i], scores[i])));
    const truth = Int8Array.from(heldOut, (i) => y[i]);
    candidates.push({ kind, label: RELATIONSHIP_CLASSIFIER_TEXT[kind], quality: classificationQuality(truth, predicted, K), chosen: false });
  }
  const best = Math.max(...candidates.map((c) => c.quality.macroF1));
  const chosenCandidate = candidates.find((c) => c.quality.macroF1 >= best - tieTolerance)!;
  chosenCandidate.chosen = true;

  // refitted on every labelled customer (a seed of its own for the network)
  const model = await fitModel(chosenCandidate.kind, training, (seed ^ 0x5bd1e995) >>> 0);
  const probabilities = X.map((row, i) => probabilitiesOf(model, row, scores[i]));
  return {
    labelSource,
    labelNote: labelNote(labelSource, decisions, minLabels),
    decisions,
    labelCounts,
    trainingRows: fit.length,
    heldOutRows: heldOut.length,
    candidates,
    chosen: chosenCandidate.kind,
    model,
    rows: input.rows,
    normalisation,
    scores,
    classes: probabilities.map((p) => RELATIONSHIP_CLASSES[argmax(p)]),
    probabilities,
  };
}

/** A customer outside the classified population (a new snapshot, a prospect), from raw factors. */
export function predictRelationshipClass(model: RelationshipModel, rawRow: ArrayLike<number>): { class: RelationshipClass; probabilities: Float64Array; score: number } {
  const x = applyNormalisation(model.bounds, rawRow);
  const score = ahpScores([x], model.weights)[0];
  const probabilities = probabilitiesOf(model, x, score);
  return { class: RELATIONSHIP_CLASSES[argmax(probabilities)], probabilities, score };
}

function probabilitiesOf(model: RelationshipModel, x: ArrayLike<number>, score: number): Float64Array {
  if (model.kind === 'softmax-regression') return softmaxRegressionProbabilities(model.regression!, x);
  if (model.kind === 'network') return multiclassNetworkProbabilities(model.network!, x);
  const p = new Float64Array(K);
  p[classOfScore(score, model.cuts)] = 1;
  return p;
}

/** 0 good (score ≥ high), 2 bad (score < low), 1 medium. */
function classOfScore(score: number, cuts: { low: number; high: number }): number {
  return score >= cuts.high ? 0 : score < cuts.low ? 2 : 1;
}

/** Score cuts leaving the given shares (good, medium, bad) above, between and below them. */
function cutsAtShares(scores: ArrayLike<number>, shares: readonly number[]): { low: number; high: number } {
  const sorted = Float64Array.from(scores).sort();
  return { low: quantileSorted(sorted, shares[2]), high: quantileSorted(sorted, 1 - shares[0]) };
}

function argmax(p: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
  return best;
}

/** Each class shuffled with the seed and `share` of it (at least one of a class of two or more) held out. */
export function stratifiedSplit(rows: Int32Array, y: ArrayLike<number>, share: number, seed: number): { fit: Int32Array; heldOut: Int32Array } {
  const random = seededRandom(seed);
  const fit: number[] = [];
  const heldOut: number[] = [];
  const classes = [...new Set(Array.from(rows, (i) => y[i]))].sort((a, b) => a - b);
  for (const k of classes) {
    const members = rows.filter((i) => y[i] === k);
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = members[i];
      members[i] = members[j];
      members[j] = t;
    }
    const held = members.length < 2 ? 0 : Math.min(members.length - 1, Math.max(1, Math.round(members.length * share)));
    heldOut.push(...members.subarray(0, held));
    fit.push(...members.subarray(held));
  }
  return { fit: Int32Array.from(fit).sort(), heldOut: Int32Array.from(heldOut).sort() };
}

function labelNote(source: RelationshipLabelSource, decisions: number[], minLabels: number): LocalizedText {
  const total = decisions.reduce((s, c) => s + c, 0);
  if (source === 'decisions')
    return {
      en: `Trained on ${total} customers classified by analysts' and managers' decisions (good ${decisions[0]}, medium ${decisions[1]}, bad ${decisions[2]}).`,
      zh: `基于分析师和经理对 ${total} 个客户的判定进行训练（好 ${decisions[0]}、中 ${decisions[1]}、坏 ${decisions[2]}）。`,
    };
  return {
    en: `Too few decisions to learn from (good ${decisions[0]}, medium ${decisions[1]}, bad ${decisions[2]}; at least ${minLabels} of each are needed), so the training classes are the AHP score's terciles: the top third good, the bottom third bad${total > 0 ? `, the ${total} decisions taking precedence` : ''}. The classifiers therefore learn the AHP score back, and the AHP score alone naturally scores best.`,
    zh: `已有判定太少，无法据此训练（好 ${decisions[0]}、中 ${decisions[1]}、坏 ${decisions[2]}；每类至少需要 ${minLabels} 个），因此以 AHP 得分的三分位作为训练类别：得分最高的三分之一为好，最低的三分之一为坏${total > 0 ? `，已有的 ${total} 个判定优先` : ''}。各分类器因此学习的是 AHP 得分本身，仅用 AHP 得分自然表现最好。`,
  };
}

// ——— explanation ———

export interface RelationshipFactorContribution {
  key: RelationshipFactorKey;
  label: LocalizedText;
  /** The customer's factor as given, and normalised (0 worst … 1 best). */
  raw: number;
  normalised: number;
  /** Against the average customer; see `measure` for the unit and the sign. */
  contribution: number;
}

export interface RelationshipExplanation {
  class: RelationshipClass;
  kind: RelationshipClassifierKind;
  /** Every factor, largest |contribution| first. */
  factors: RelationshipFactorContribution[];
  /** Σ contributions: the customer's distance from the average customer in `measure`. */
  total: number;
  /** What the contributions measure, for the UI. */
  measure: LocalizedText;
}

/**
 * Why customer `i` is in its class (or in `k`, another class, to ask "why not good?"): each factor's
 * contribution, largest first.
 */
export function explainRelationshipClass(result: RelationshipClassification, i: number, k?: RelationshipClass): RelationshipExplanation {
  const { model, normalisation } = result;
  const cls = k ?? result.classes[i];
  const c = RELATIONSHIP_CLASSES.indexOf(cls);
  const x = normalisation.rows[i];
  let contributions: Float64Array;
  let measure: LocalizedText;
  if (model.kind === 'softmax-regression' || model.kind === 'network') {
    contributions = model.kind === 'network' ? networkContributions(model.network!, x, c) : softmaxRegressionContributions(model.regression!, x, c);
    const name = RELATIONSHIP_CLASS_TEXT[cls];
    measure = {
      en: `Contribution to the log-odds of “${name.en}” against the other classes (relative to their geometric mean), compared with the average customer; positive means towards “${name.en}”.`,
      zh: `相对于平均客户，对“${name.zh}”类对数几率（相对于各类几何平均）的贡献；正值表示更倾向于“${name.zh}”。`,
    };
  } else {
    const mean = averageCustomer(normalisation);
    contributions = Float64Array.from(x, (v, j) => model.weights[j] * (v - mean[j]));
    measure = {
      en: 'Contribution to the AHP score (weight × normalised factor) compared with the average customer; positive means towards “Good”.',
      zh: '相对于平均客户，对 AHP 得分（权重 × 标准化因子）的贡献；正值表示更倾向于“好”。',
    };
  }
  const factors = RELATIONSHIP_FACTORS.map((f, j) => ({ key: f.key, label: f.label, raw: result.rows[i][j], normalised: x[j], contribution: contributions[j] }));
  const total = factors.reduce((s, f) => s + f.contribution, 0);
  factors.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  return { class: cls, kind: model.kind, factors, total, measure };
}

/** Integrated gradients are taken on the network's own standardised inputs, baseline the mean training row. */
/** The mean normalised row, computed once per population (explaining every customer must stay linear). */
const averages = new WeakMap<FactorNormalisation, Float64Array>();
function averageCustomer(normalisation: FactorNormalisation): Float64Array {
  let mean = averages.get(normalisation);
  if (!mean) {
    const rows = normalisation.rows;
    mean = new Float64Array(rows[0]?.length ?? 0);
    for (const row of rows) for (let j = 0; j < mean.length; j++) mean[j] += row[j] / rows.length;
    averages.set(normalisation, mean);
  }
  return mean;
}

function networkContributions(net: MlpWeights, x: ArrayLike<number>, c: number): Float64Array {
  const attribution = multiclassNetworkAttributions(net, x, c);
  const out = new Float64Array(x.length);
  for (const f of attribution.factors) out[f.feature] = f.value;
  return out;
}

