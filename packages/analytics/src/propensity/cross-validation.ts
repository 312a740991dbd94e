/**
 * Cross-validated quality of a propensity model: stratified k-fold assignment, and the measures scikit-learn
 * reports (`roc_auc_score`, `accuracy_score`, `log_loss`, `brier_score_loss`) computed per held-out fold.
 *
 * Stratified folds (Kohavi 1995, "A study of cross-validation and bootstrap for accuracy estimation and model
 * selection", IJCAI) keep each fold's share of positives as the whole table's, which lowers the variance of the
 * estimate when positives are few. The assignment is exported so that another implementation (the scikit-learn
 * bench) can be given exactly the same folds.
 */
import { seededRandom } from '../segments/random.js';

/**
 * Fold (0 … k−1) of every row. Each class is shuffled with the seed, and the shuffled negatives then the shuffled
 * positives are dealt round-robin: every fold gets ⌊n_c/k⌋ or ⌈n_c/k⌉ rows of each class c, and fold sizes differ
 * by at most one.
 */
export function stratifiedFolds(y: ArrayLike<number>, k = 5, seed = 1): Int32Array {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`k must be a whole number ≥ 2, got ${k}`);
  const random = seededRandom(seed);
  const folds = new Int32Array(y.length);
  let dealt = 0;
  for (const label of [0, 1]) {
    const members: number[] = [];
    for (let i = 0; i < y.length; i++) if (y[i] === label) members.push(i);
    if (members.length < k) throw new RangeError(`only ${members.length} rows of class ${label}, fewer than ${k} folds`);
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = members[i];
      members[i] = members[j];
      members[j] = t;
    }
    for (const i of members) folds[i] = dealt++ % k;
  }
  return folds;
}

/**
 * Area under the ROC curve by the Mann–Whitney U statistic (Hanley & McNeil 1982, *Radiology* 143: the AUC is the
 * probability that a random positive scores above a random negative, ties counting ½): ranks with ties given their
 * mid-rank, AUC = (R₊ − n₊(n₊+1)/2) / (n₊ n₋). O(n log n). NaN when one class is absent.
 */
export function rocAuc(y: ArrayLike<number>, score: ArrayLike<number>): number {
  const n = y.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => score[a] - score[b]);
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && score[order[end]] === score[order[start]]) end++;
    // ranks start+1 … end share their mean
    const midRank = (start + 1 + end) / 2;
    for (let r = start; r < end; r++) {
      if (y[order[r]] === 1) {
        positives++;
        rankSum += midRank;
      }
    }
    start = end;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Share of rows where (p > threshold) matches the label, as scikit-learn's `predict` (decision value > 0, i.e. p > 0.5). */
export function accuracy(y: ArrayLike<number>, p: ArrayLike<number>, threshold = 0.5): number {
  let right = 0;
  for (let i = 0; i < y.length; i++) if ((p[i] > threshold ? 1 : 0) === y[i]) right++;
  return right / y.length;
}

/** Mean negative log-likelihood, probabilities clipped to [1e-15, 1 − 1e-15] as scikit-learn's `log_loss` did. */
export function logLoss(y: ArrayLike<number>, p: ArrayLike<number>): number {
  const eps = 1e-15;
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(1 - eps, Math.max(eps, p[i]));
    sum -= y[i] === 1 ? Math.log(q) : Math.log(1 - q);
  }
  return sum / y.length;
}

/** Mean squared difference between probability and outcome (Brier 1950). */
export function brierScore(y: ArrayLike<number>, p: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += (p[i] - y[i]) ** 2;
  return sum / y.length;
}

/** 1 + the largest fold number. */
export function foldCount(folds: ArrayLike<number>): number {
  let max = -1;
  for (let i = 0; i < folds.length; i++) if (folds[i] > max) max = folds[i];
  return max + 1;
}

export interface FoldMetrics {
  fold: number;
  rows: number;
  positives: number;
  auc: number;
  accuracy: number;
  logLoss: number;
  brier: number;
}

export interface CrossValidation {
  folds: FoldMetrics[];
  /** means over the folds (as scikit-learn's `cross_val_score(...).mean()`) */
  auc: number;
  accuracy: number;
  logLoss: number;
  brier: number;
  /** each row's probability from the model that did not see it */
  outOfFold: Float64Array;
}

/** The measures of held-out probabilities, fold by fold. */
export function foldMetrics(y: ArrayLike<number>, probabilities: ArrayLike<number>, folds: Int32Array): CrossValidation {
  const k = foldCount(folds);
  const perFold: FoldMetrics[] = [];
  for (let f = 0; f < k; f++) {
    const ys: number[] = [];
    const ps: number[] = [];
    for (let i = 0; i < folds.length; i++) {
      if (folds[i] !== f) continue;
      ys.push(y[i]);
      ps.push(probabilities[i]);
    }
    perFold.push({
      fold: f,
      rows: ys.length,
      positives: ys.reduce((s, v) => s + v, 0),
      auc: rocAuc(ys, ps),
      accuracy: accuracy(ys, ps),
      logLoss: logLoss(ys, ps),
      brier: brierScore(ys, ps),
    });
  }
  const mean = (key: 'auc' | 'accuracy' | 'logLoss' | 'brier') => perFold.reduce((s, m) => s + m[key], 0) / k;
  return { folds: perFold, auc: mean('auc'), accuracy: mean('accuracy'), logLoss: mean('logLoss'), brier: mean('brier'), outOfFold: Float64Array.from(probabilities) };
}

/**
 * Out-of-fold probabilities from any model: `fitPredict(train, test)` fits on the training rows and returns the
 * probabilities of the test rows, in order.
 */
export function crossValidate(
  y: ArrayLike<number>,
  folds: Int32Array,
  fitPredict: (train: Int32Array, test: Int32Array, fold: number) => ArrayLike<number>,
): CrossValidation {
  const k = foldCount(folds);
  const outOfFold = new Float64Array(y.length);
  for (let f = 0; f < k; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < folds.length; i++) (folds[i] === f ? test : train).push(i);
    const testRows = Int32Array.from(test);
    const p = fitPredict(Int32Array.from(train), testRows, f);
    if (p.length !== test.length) throw new RangeError(`fold ${f}: ${p.length} probabilities for ${test.length} rows`);
    for (let r = 0; r < test.length; r++) outOfFold[test[r]] = p[r];
  }
  return foldMetrics(y, outOfFold, folds);
}
