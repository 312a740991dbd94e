/**
 * The feedback loop for predicted amounts — expected purchases, CLV, expected spend: a
 * multiplicative correction factor learned from the ledger, corrected = factor × predicted.
 *
 * Without drift the pooled factor is the ratio estimator Σw·actual / Σw·predicted (w: decay
 * weights) — pulled toward 1 by `prior` pseudo-predictions — and a segment's is the
 * credibility-weighted blend (Σw·actual_s + m·p̄·f_pooled) / (Σw·predicted_s + m·p̄), m = `shrinkage`
 * pseudo-predictions of the mean predicted size p̄ (segment-shrinkage.ts). It is fitted as the log-linear quasi-likelihood model
 * actual ≈ predicted · exp(a + c·(period − now)) (penalised-glm.ts), whose estimating equation is
 * exactly that ratio when c = 0, and with the drift c extrapolated to the target period as for the
 * probabilities (recalibration.ts). Amounts are divided by the mean prediction first, so that the
 * priors count predictions whatever the currency.
 *
 * Predictions of 0 carry no information on a factor (0 × anything is 0) and are left out.
 */
import { decayWeights } from './ledger-decay.js';
import type { CorrectionOptions } from './recalibration.js';
import { fitPooledAndSegments, type SegmentFit } from './segment-shrinkage.js';

export interface LedgerValue {
  /** The model's prediction (≥ 0), before correction. */
  predicted: number;
  /** What happened (≥ 0), e.g. purchases counted or revenue over the horizon. */
  actual: number;
  segment: string;
  period: number;
}

export interface ValueCorrection {
  /** corrected = factor × predicted, at the target period. */
  factor: number;
  /** Learned change of log(factor) per period (0 without trend); already in `factor`. */
  drift: number;
  predictions: number;
  effectivePredictions: number;
}

export interface ValueCorrections {
  now: number;
  target: number;
  pooled: ValueCorrection;
  segments: Record<string, ValueCorrection>;
}

export function learnValueCorrections(ledger: readonly LedgerValue[], options: CorrectionOptions = {}): ValueCorrections {
  const trend = options.trend ?? true;
  ledger.forEach((e, i) => {
    if (!(e.predicted >= 0 && Number.isFinite(e.predicted))) throw new RangeError(`prediction ${i}: predicted ${e.predicted} is not a number ≥ 0`);
    if (!(e.actual >= 0 && Number.isFinite(e.actual))) throw new RangeError(`prediction ${i}: actual ${e.actual} is not a number ≥ 0`);
  });
  const usable = ledger.filter((e) => e.predicted > 0);
  const { weight, now } = decayWeights(
    usable.map((e) => e.period),
    // `now` from the whole ledger, zero predictions included
    { ...options, now: options.now ?? ledger.reduce((m, e) => Math.max(m, e.period), -Infinity) },
  );
  const target = options.target ?? now + 1;
  const identity: ValueCorrection = { factor: 1, drift: 0, predictions: 0, effectivePredictions: 0 };
  if (usable.length === 0 || weight.every((w) => w === 0)) return { now, target, pooled: identity, segments: {} };

  const n = usable.length;
  let weightedPredicted = 0;
  let totalWeight = 0;
  for (let i = 0; i < n; i++) {
    weightedPredicted += weight[i] * usable[i].predicted;
    totalWeight += weight[i];
  }
  const scale = weightedPredicted / totalWeight;
  const one = new Float64Array(n).fill(1);
  const age = Float64Array.from(usable, (e) => e.period - now);
  const y = Float64Array.from(usable, (e) => e.actual / scale);
  const offset = Float64Array.from(usable, (e) => Math.log(e.predicted / scale));
  const columns = trend ? [one, age] : [one];
  const p = columns.length;

  const trendPrecision = new Float64Array(p * p);
  if (trend) trendPrecision[3] = (options.trendPriorSd ?? 0.25) ** -2;
  const fits = fitPooledAndSegments(
    'log-linear',
    { columns, y, weight, offset },
    usable.map((e) => e.segment),
    { identity: trend ? [0, 0] : [0], prior: options.prior ?? 10, shrinkage: options.shrinkage ?? 100, trendPrecision, trendIndex: trend ? 1 : undefined },
  );
  const describe = (fit: SegmentFit): ValueCorrection => {
    const drift = trend ? fit.theta[1] : 0;
    return { factor: Math.exp(fit.theta[0] + drift * (target - now)), drift, predictions: fit.predictions, effectivePredictions: fit.effectivePredictions };
  };
  const segments: Record<string, ValueCorrection> = {};
  for (const [segment, fit] of fits.segments) segments[segment] = describe(fit);
  return { now, target, pooled: describe(fits.pooled), segments };
}

/** The corrected amount: the segment's factor, or the pooled one for a segment not in the ledger. */
export function applyValueCorrection(predicted: number, segment: string, corrections: ValueCorrections): number {
  const c = Object.hasOwn(corrections.segments, segment) ? corrections.segments[segment] : corrections.pooled;
  return predicted * c.factor;
}
