/**
 * One correction for all predictions (pooled) and one per segment, shrunk toward the pooled one —
 * empirical Bayes in the manner of credibility theory (Bühlmann 1967): a segment with few outcomes
 * keeps close to the pooled correction, a segment with many follows its own errors.
 *
 * Both pulls are priors made of pseudo-predictions (the conjugate prior of a GLM, Diaconis &
 * Ylvisaker 1979): rows like those of the ledger whose outcomes are what a reference fit expects,
 * weighing as much as `count` predictions in all.
 * - The pooled correction is pulled toward no correction by `prior` pseudo-predictions whose
 *   outcomes are the model's own predictions (the model was right).
 * - A segment is pulled toward the pooled correction by `shrinkage` pseudo-predictions whose
 *   outcomes are the pooled correction's. A segment with as many (decay-weighted) predictions as
 *   `shrinkage` lands about half-way; for a multiplicative factor this is exactly the credibility
 *   blend (Σactual_s + m·p̄·f) / (Σpredicted_s + m·p̄).
 * So the strength of a pull is a number of predictions, whatever the scale of the coefficients.
 * Above 4,096 ledger rows the pseudo-rows are an evenly spaced sample of them, reweighted.
 *
 * The drift coefficient gets a normal prior besides (`trendPrecision`, toward the reference fit's
 * drift): one period alone says nothing about a drift. And a drift is extrapolated only as far as
 * the ledger shows it: its departure d from the reference (0 for the pooled fit, the pooled drift
 * for a segment) is kept in proportion d·max(0, 1 − se²/d²) — the positive-part empirical-Bayes
 * shrinkage (a normal prior whose variance is estimated as d² − se², Morris 1983) — and the other
 * coefficients are refitted with the drift held there. In a stable world the noise of a slope fitted
 * through a few periods is then not projected forward; a real drift, many standard errors wide,
 * is kept almost whole. se² is stretched by the quasi-likelihood dispersion for money amounts.
 */
import { fitPenalisedGlm, logistic, solveSymmetric, type GlmData, type GlmFamily } from './penalised-glm.js';

export interface SegmentFit {
  theta: Float64Array;
  /** Predictions in the ledger behind the fit (weight > 0), and the sum of their decay weights. */
  predictions: number;
  effectivePredictions: number;
}

const PSEUDO_ROWS = 4096;

export function fitPooledAndSegments(
  family: GlmFamily,
  data: GlmData,
  segments: readonly string[],
  settings: { identity: ArrayLike<number>; prior: number; shrinkage: number; trendPrecision: Float64Array; trendIndex?: number },
): { pooled: SegmentFit; segments: Map<string, SegmentFit> } {
  const { identity, prior, shrinkage, trendPrecision, trendIndex } = settings;
  if (!(prior >= 0)) throw new RangeError(`prior must be ≥ 0, got ${prior}`);
  if (!(shrinkage >= 0)) throw new RangeError(`shrinkage must be ≥ 0, got ${shrinkage}`);
  const p = data.columns.length;
  const used = Array.from({ length: data.y.length }, (_, i) => i).filter((i) => data.weight[i] > 0);
  const sample = used.length <= PSEUDO_ROWS ? used : Array.from({ length: PSEUDO_ROWS }, (_, k) => used[Math.floor(((k + 0.5) * used.length) / PSEUDO_ROWS)]);
  const base = pick(data, sample);
  const pseudo = (theta: ArrayLike<number>, count: number): GlmData => {
    const total = sum(base.weight);
    const y = base.y.map((_, i) => {
      let eta = base.offset[i];
      for (let j = 0; j < p; j++) eta += theta[j] * base.columns[j][i];
      return family === 'logistic' ? logistic(eta) : Math.exp(eta);
    });
    return { ...base, y, weight: base.weight.map((w) => (w * count) / total) };
  };
  // a whisper of ridge: a ledger whose probabilities are all alike cannot tell intercept from slope
  const precision = trendPrecision.map((v, j) => (j % (p + 1) === 0 ? v + 1e-9 : v));

  const fit = (rows: GlmData, centre: ArrayLike<number>): Float64Array => {
    const full = fitPenalisedGlm(family, rows, centre, precision);
    if (trendIndex === undefined) return full.theta;
    // the drift, kept in proportion to the evidence for it; the rest refitted with the drift fixed there
    const unit = new Float64Array(p);
    unit[trendIndex] = 1;
    const variance = solveSymmetric(full.information.map((v, j) => v + precision[j]), unit, p)[trendIndex] * full.dispersion;
    const drift = full.theta[trendIndex] - centre[trendIndex];
    const keep = drift * drift > variance ? 1 - variance / (drift * drift) : 0;
    if (keep > 0.999) return full.theta;
    const fixed = Float64Array.from(centre);
    fixed[trendIndex] += keep * drift;
    const pinned = precision.slice();
    pinned[trendIndex * (p + 1)] = 1e12;
    return fitPenalisedGlm(family, rows, fixed, pinned).theta;
  };
  const pooledTheta = fit(concat(data, pseudo(identity, prior)), identity);
  const pooled = { theta: pooledTheta, predictions: used.length, effectivePredictions: sum(data.weight) };

  const members = new Map<string, number[]>();
  for (const i of used) {
    const list = members.get(segments[i]);
    if (list) list.push(i);
    else members.set(segments[i], [i]);
  }
  const towardPooled = pseudo(pooledTheta, shrinkage);
  const result = new Map<string, SegmentFit>();
  for (const [segment, rows] of members) {
    const own = pick(data, rows);
    result.set(segment, { theta: fit(concat(own, towardPooled), pooledTheta), predictions: rows.length, effectivePredictions: sum(own.weight) });
  }
  return { pooled, segments: result };
}

function pick(data: GlmData, rows: number[]): GlmData {
  const take = (a: Float64Array) => Float64Array.from(rows, (i) => a[i]);
  return { columns: data.columns.map(take), y: take(data.y), weight: take(data.weight), offset: take(data.offset) };
}

function concat(a: GlmData, b: GlmData): GlmData {
  const join = (x: Float64Array, y: Float64Array) => {
    const out = new Float64Array(x.length + y.length);
    out.set(x);
    out.set(y, x.length);
    return out;
  };
  return { columns: a.columns.map((c, j) => join(c, b.columns[j])), y: join(a.y, b.y), weight: join(a.weight, b.weight), offset: join(a.offset, b.offset) };
}

function sum(a: Float64Array): number {
  let s = 0;
  for (const x of a) s += x;
  return s;
}
