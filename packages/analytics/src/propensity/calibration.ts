/**
 * Making probabilities mean what they say, and showing whether they do.
 *
 * Platt scaling (Platt 1999, "Probabilistic outputs for support vector machines and comparisons to regularized
 * likelihood methods", in *Advances in Large Margin Classifiers*): a one-feature logistic regression of the
 * outcome on the model's score s (here the log-odds), P(y = 1 | s) = σ(a·s + b), fitted on out-of-fold scores
 * so it corrects what the model gets wrong on customers it has not seen. Platt's targets are smoothed —
 * (N₊ + 1)/(N₊ + 2) for positives, 1/(N₋ + 2) for negatives — so a perfectly separated score does not drive a to
 * infinity. The fit is Newton's method with backtracking, as Lin, Lin & Weng (2007, "A note on Platt's
 * probabilistic outputs for support vector machines", *Machine Learning* 68) recommend over Platt's original
 * pseudo-code. a = 1, b = 0 is "no correction"; a < 1 means the model was over-confident.
 *
 * The reliability curve (DeGroot & Fienberg 1983; Niculescu-Mizil & Caruana 2005, "Predicting good probabilities
 * with supervised learning", ICML) bins the predictions into ten equal-width bins and sets each bin's mean
 * prediction beside the share of positives in it: a calibrated model lies on the diagonal.
 */
import { sigmoid, softplus } from './logistic-regression.js';

export interface PlattScaling {
  /** P = σ(a · score + b) */
  a: number;
  b: number;
}

export const IDENTITY_CALIBRATION: PlattScaling = Object.freeze({ a: 1, b: 0 });

/** log(p / (1 − p)), probabilities clipped away from 0 and 1 so the log-odds stay finite. */
export function logit(p: number): number {
  const q = Math.min(1 - 1e-15, Math.max(1e-15, p));
  return Math.log(q / (1 - q));
}

export function fitPlattScaling(scores: ArrayLike<number>, y: ArrayLike<number>, options: { smoothTargets?: boolean } = {}): PlattScaling {
  const n = y.length;
  if (scores.length !== n) throw new RangeError(`${scores.length} scores for ${n} labels`);
  let positives = 0;
  for (let i = 0; i < n; i++) positives += y[i];
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return { ...IDENTITY_CALIBRATION };
  const smooth = options.smoothTargets ?? true;
  const hi = smooth ? (positives + 1) / (positives + 2) : 1;
  const lo = smooth ? 1 / (negatives + 2) : 0;
  const t = Float64Array.from({ length: n }, (_, i) => (y[i] === 1 ? hi : lo));
  const objective = (a: number, b: number) => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      const eta = a * scores[i] + b;
      f += softplus(eta) - t[i] * eta;
    }
    return f;
  };
  // start at "no correction"
  let a = 1;
  let b = 0;
  let f = objective(a, b);
  for (let iteration = 0; iteration < 100; iteration++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-12;
    let hab = 0;
    let hbb = 1e-12;
    for (let i = 0; i < n; i++) {
      const s = scores[i];
      const p = sigmoid(a * s + b);
      const r = p - t[i];
      const w = p * (1 - p);
      ga += r * s;
      gb += r;
      haa += w * s * s;
      hab += w * s;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    const decrement = ga * da + gb * db;
    if (!(decrement > 1e-12)) break;
    let step = 1;
    let trial = Infinity;
    while (step > 1e-10) {
      trial = objective(a - step * da, b - step * db);
      if (trial <= f - 1e-4 * step * decrement) break;
      step /= 2;
    }
    if (!(trial < f)) break;
    a -= step * da;
    b -= step * db;
    f = trial;
  }
  return { a, b };
}

export function applyPlatt(platt: PlattScaling, score: number): number {
  return sigmoid(platt.a * score + platt.b);
}

/** Calibrated probabilities of raw probabilities (their log-odds are the scores). */
export function calibrateProbabilities(platt: PlattScaling, probabilities: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: probabilities.length }, (_, i) => applyPlatt(platt, logit(probabilities[i])));
}

export interface ReliabilityBin {
  /** [lower, upper); the last bin includes 1 */
  lower: number;
  upper: number;
  count: number;
  /** null when the bin is empty */
  meanPredicted: number | null;
  observedRate: number | null;
}

export function reliabilityCurve(y: ArrayLike<number>, probabilities: ArrayLike<number>, bins = 10): ReliabilityBin[] {
  const count = new Float64Array(bins);
  const predicted = new Float64Array(bins);
  const observed = new Float64Array(bins);
  for (let i = 0; i < y.length; i++) {
    const p = probabilities[i];
    const bin = Math.min(bins - 1, Math.max(0, Math.floor(p * bins)));
    count[bin]++;
    predicted[bin] += p;
    observed[bin] += y[i];
  }
  return Array.from({ length: bins }, (_, b) => ({
    lower: b / bins,
    upper: (b + 1) / bins,
    count: count[b],
    meanPredicted: count[b] ? predicted[b] / count[b] : null,
    observedRate: count[b] ? observed[b] / count[b] : null,
  }));
}
