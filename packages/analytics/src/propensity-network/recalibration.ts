/**
 * The feedback loop of seed 000, point 5, for probabilities: learn from the prediction ledger
 * (past predictions whose outcomes are known) how the model's probabilities should be corrected,
 * and apply that to the next predictions — so that "the more it is used, the more accurate it
 * gets" without refitting the model itself.
 *
 * The correction is Platt's recalibration on the logit scale (Platt 1999): logit(p') = a + b·logit(p),
 * here with a drift term, a + b·logit(p) + c·(period − now), so that a world moving steadily in one
 * direction is followed rather than chased: the corrections are extrapolated to the period they
 * will be applied to (`target`) — a local linear trend, as in Brown's double exponential smoothing.
 * Fitted by Newton (penalised-glm.ts) on the decay-weighted ledger (ledger-decay.ts):
 * - pooled over all predictions, with a weak prior toward no correction (a = 0, b = 1, c = 0):
 *   `prior` pseudo-predictions that were right, and a normal prior of sd `trendPriorSd` on c;
 * - per segment, shrunk toward the pooled fit by `shrinkage` pseudo-predictions
 *   (segment-shrinkage.ts); a segment never seen falls back to the pooled correction.
 * Newton from a = 0, b = 1 converges in a handful of steps; the cost is linear in the ledger.
 *
 * `probability` in the ledger is the model's own output, before any correction: the correction maps
 * the model's output to a calibrated probability, and is relearned from the raw outputs each time
 * (a correction of corrections would compound its own noise). Keep one ledger per model version.
 */
import { decayWeights, type DecayOptions } from './ledger-decay.js';
import { logistic } from './penalised-glm.js';
import { fitPooledAndSegments, type SegmentFit } from './segment-shrinkage.js';

export interface LedgerPrediction {
  /** The model's probability, before correction. */
  probability: number;
  /** What happened: 1 (or true) if the customer bought / churned within the horizon. */
  outcome: number | boolean;
  segment: string;
  /** Integer index of the period the outcome belongs to. */
  period: number;
}

export interface CorrectionOptions extends DecayOptions {
  /** The period the corrections will be applied to; default now + 1. */
  target?: number;
  /** Pseudo-predictions pulling a segment toward the pooled correction; default 100. */
  shrinkage?: number;
  /** Pseudo-predictions pulling the pooled correction toward none; default 10. */
  prior?: number;
  /** Learn and extrapolate a drift per period; default true. */
  trend?: boolean;
  /** Prior sd of the drift, logit per period (probabilities) or log factor per period (values); default 0.25. */
  trendPriorSd?: number;
}

export interface ProbabilityCorrection {
  /** logit(corrected) = intercept + slope · logit(probability), at the target period. */
  intercept: number;
  slope: number;
  /** Learned change of the intercept per period (0 without trend); already in `intercept`. */
  drift: number;
  /** Predictions behind the correction, and the sum of their decay weights. */
  predictions: number;
  effectivePredictions: number;
}

export interface ProbabilityCorrections {
  now: number;
  target: number;
  pooled: ProbabilityCorrection;
  segments: Record<string, ProbabilityCorrection>;
}

/** Probabilities are kept inside [ε, 1 − ε] before taking logits, so 0 and 1 stay finite. */
const EPSILON = 1e-6;

export function learnCorrections(ledger: readonly LedgerPrediction[], options: CorrectionOptions = {}): ProbabilityCorrections {
  const trend = options.trend ?? true;
  const { weight, now } = decayWeights(
    ledger.map((e) => e.period),
    options,
  );
  const target = options.target ?? now + 1;
  const identity: ProbabilityCorrection = { intercept: 0, slope: 1, drift: 0, predictions: 0, effectivePredictions: 0 };
  if (ledger.length === 0 || weight.every((w) => w === 0)) return { now, target, pooled: identity, segments: {} };

  const n = ledger.length;
  const one = new Float64Array(n).fill(1);
  const logits = new Float64Array(n);
  const age = new Float64Array(n);
  const y = new Float64Array(n);
  ledger.forEach((e, i) => {
    const p = e.probability;
    if (!(p >= 0 && p <= 1)) throw new RangeError(`prediction ${i}: probability ${p} is not in [0, 1]`);
    const outcome = Number(e.outcome);
    if (outcome !== 0 && outcome !== 1) throw new RangeError(`prediction ${i}: outcome ${e.outcome} is not 0/1`);
    logits[i] = logit(Math.min(1 - EPSILON, Math.max(EPSILON, p)));
    age[i] = e.period - now;
    y[i] = outcome;
  });
  const columns = trend ? [one, logits, age] : [one, logits];
  const p = columns.length;

  const trendPrecision = new Float64Array(p * p);
  if (trend) trendPrecision[p * p - 1] = (options.trendPriorSd ?? 0.25) ** -2;
  const fits = fitPooledAndSegments(
    'logistic',
    { columns, y, weight, offset: new Float64Array(n) },
    ledger.map((e) => e.segment),
    { identity: trend ? [0, 1, 0] : [0, 1], prior: options.prior ?? 10, shrinkage: options.shrinkage ?? 100, trendPrecision, trendIndex: trend ? 2 : undefined },
  );
  const describe = (fit: SegmentFit): ProbabilityCorrection => {
    const drift = trend ? fit.theta[2] : 0;
    return {
      intercept: fit.theta[0] + drift * (target - now),
      slope: fit.theta[1],
      drift,
      predictions: fit.predictions,
      effectivePredictions: fit.effectivePredictions,
    };
  };
  const segments: Record<string, ProbabilityCorrection> = {};
  for (const [segment, fit] of fits.segments) segments[segment] = describe(fit);
  return { now, target, pooled: describe(fits.pooled), segments };
}

/** The corrected probability: the segment's correction, or the pooled one for a segment not in the ledger. */
export function applyCorrection(probability: number, segment: string, corrections: ProbabilityCorrections): number {
  const c = Object.hasOwn(corrections.segments, segment) ? corrections.segments[segment] : corrections.pooled;
  return logistic(c.intercept + c.slope * logit(Math.min(1 - EPSILON, Math.max(EPSILON, probability))));
}

function logit(p: number): number {
  return Math.log(p / (1 - p));
}
