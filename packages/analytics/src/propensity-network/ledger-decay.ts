/**
 * How much a past prediction counts when the corrections are learned: recent errors weigh more, so
 * the corrections follow a world that drifts. Weight 2^(−age / halfLife) with the age in periods
 * from `now` (the latest period whose outcomes are known): exponential forgetting, the weighting of
 * Brown's discounted least squares ("Smoothing, forecasting and prediction", 1963) — a half-life of
 * h periods keeps an effective memory of about h / ln 2 + ½ periods.
 */

export interface DecayOptions {
  /** Periods after which an error counts half; default 6. Infinity: every period alike. */
  halfLife?: number;
  /** The period the corrections are learned at; default the latest period in the ledger. */
  now?: number;
}

export function decayWeights(periods: ArrayLike<number>, options: DecayOptions = {}): { weight: Float64Array; now: number } {
  const halfLife = options.halfLife ?? 6;
  if (!(halfLife > 0)) throw new RangeError(`halfLife must be positive, got ${halfLife}`);
  let now = options.now ?? -Infinity;
  if (options.now === undefined) for (let i = 0; i < periods.length; i++) now = Math.max(now, periods[i]);
  const weight = new Float64Array(periods.length);
  for (let i = 0; i < periods.length; i++) {
    const age = now - periods[i];
    if (!Number.isFinite(periods[i])) throw new RangeError(`period ${i} is not a finite number: ${periods[i]}`);
    // a prediction whose outcome lies after `now` is not known yet at `now`
    weight[i] = age < 0 ? 0 : halfLife === Infinity ? 1 : 2 ** (-age / halfLife);
  }
  return { weight, now };
}
