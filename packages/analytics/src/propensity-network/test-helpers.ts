// For the tests of this folder only (not exported): simulated data with a known truth, a plain
// logistic-regression baseline and the AUC, written here so that no test checks the models
// against the models' own code.
import { mulberry32, normalSampler } from '../segments/test-helpers.js';

export { mulberry32, normalSampler };

export const logistic = (x: number): number => 1 / (1 + Math.exp(-x));
export const logit = (p: number): number => Math.log(p / (1 - p));

/** n rows of d independent N(0, 1) features and a 0/1 outcome drawn with P = σ(truth(row)). */
export function simulate(n: number, d: number, truth: (row: Float64Array) => number, seed: number): { X: Float64Array[]; y: Uint8Array; p: Float64Array } {
  const random = mulberry32(seed);
  const normal = normalSampler(random);
  const X: Float64Array[] = [];
  const y = new Uint8Array(n);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = Float64Array.from({ length: d }, () => normal());
    X.push(row);
    p[i] = logistic(truth(row));
    y[i] = random() < p[i] ? 1 : 0;
  }
  return { X, y, p };
}

/** AUC as the Mann–Whitney statistic: P(score of a positive > score of a negative), ties ½. */
export function auc(scores: ArrayLike<number>, y: ArrayLike<number>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rankSumPositives = 0;
  let positives = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1]] === scores[order[start]]) end++;
    const midRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) if (y[order[k]] === 1) {
      rankSumPositives += midRank;
      positives++;
    }
    start = end + 1;
  }
  const negatives = scores.length - positives;
  return (rankSumPositives - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Unregularised logistic regression by full-batch gradient descent on the raw features. */
export function linearLogistic(X: Float64Array[], y: ArrayLike<number>, iterations = 500, rate = 0.5): (row: Float64Array) => number {
  const d = X[0].length;
  const w = new Float64Array(d + 1);
  for (let it = 0; it < iterations; it++) {
    const g = new Float64Array(d + 1);
    X.forEach((row, i) => {
      let eta = w[d];
      for (let j = 0; j < d; j++) eta += w[j] * row[j];
      const r = logistic(eta) - y[i];
      for (let j = 0; j < d; j++) g[j] += r * row[j];
      g[d] += r;
    });
    for (let j = 0; j <= d; j++) w[j] -= (rate * g[j]) / X.length;
  }
  return (row) => {
    let eta = w[d];
    for (let j = 0; j < d; j++) eta += w[j] * row[j];
    return logistic(eta);
  };
}
