/**
 * Why the network scored a customer as it did: per-factor contributions to the log-odds, like the
 * coefficient × value contributions of the logistic regression, so the account page can show the
 * same "top factors" whichever model was chosen.
 *
 * Integrated gradients (Sundararajan, Taly & Yan 2017, "Axiomatic attribution for deep networks"):
 * attribution_j = (x_j − baseline_j) · ∫₀¹ ∂logit/∂x_j (baseline + t·(x − baseline)) dt.
 * Unlike plain gradient × input it is "complete": the attributions add up to
 * logit(x) − logit(baseline), so each number is a share of how far this customer's log-odds lie
 * from the average customer's. On a linear model it is exactly coefficient × (x − baseline). The
 * integral is taken by the midpoint rule; `residual` reports what the attributions miss of the
 * total (0 with infinitely many steps; the network is piecewise linear, so a few dozen suffice).
 *
 * The baseline is the mean training row (z = 0 after standardisation) unless one is given; the
 * attributions are computed on the standardised inputs, where (z − z₀)·∂/∂z equals (x − x₀)·∂/∂x.
 */
import { forward, logitGradient, standardiseRow, type MlpWeights } from './mlp.js';

export interface NetworkFactor {
  /** Column index of the feature. */
  feature: number;
  /** Its name, when names were given. */
  name?: string;
  /** Contribution to the log-odds against the baseline. */
  value: number;
}

export interface NetworkAttribution {
  /** Every feature, largest |value| first (ties: lower column first). */
  factors: NetworkFactor[];
  /** logit of the row and of the baseline; Σ values ≈ logit − baselineLogit. */
  logit: number;
  baselineLogit: number;
  /** logit − baselineLogit − Σ values: the integration error. */
  residual: number;
}

export interface NetworkAttributionOptions {
  /** A row in the original units to explain against; default the mean training row. */
  baseline?: ArrayLike<number>;
  /** Midpoint-rule steps along the path; default 64. */
  steps?: number;
  names?: readonly string[];
}

export function networkAttributions(net: MlpWeights, row: ArrayLike<number>, options: NetworkAttributionOptions = {}): NetworkAttribution {
  const steps = options.steps ?? 64;
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`steps must be a positive integer, got ${steps}`);
  const z = standardiseRow(net, row);
  const z0 = options.baseline ? standardiseRow(net, options.baseline) : new Float64Array(z.length);
  const d = z.length;
  const integral = new Float64Array(d);
  const point = new Float64Array(d);
  for (let s = 0; s < steps; s++) {
    const t = (s + 0.5) / steps;
    for (let j = 0; j < d; j++) point[j] = z0[j] + t * (z[j] - z0[j]);
    const gradient = logitGradient(net, point);
    for (let j = 0; j < d; j++) integral[j] += gradient[j] / steps;
  }
  const factors: NetworkFactor[] = Array.from({ length: d }, (_, j) => ({
    feature: j,
    ...(options.names ? { name: options.names[j] } : {}),
    value: (z[j] - z0[j]) * integral[j],
  }));
  factors.sort((a, b) => Math.abs(b.value) - Math.abs(a.value) || a.feature - b.feature);
  const logit = forward(net, z).logit;
  const baselineLogit = forward(net, z0).logit;
  const total = factors.reduce((s, f) => s + f.value, 0);
  return { factors, logit, baselineLogit, residual: logit - baselineLogit - total };
}
