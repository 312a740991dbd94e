/**
 * The fitting engine of the ledger corrections: a generalised linear model with two to three
 * coefficients, weighted rows and a Gaussian prior on the coefficients, fitted by Newton's method
 * (maximum a posteriori). Two families:
 * - logistic: P(y = 1) = σ(offset + x·θ) — Platt's recalibration on the logit scale;
 * - log-linear: E[y] = exp(offset + x·θ) — a multiplicative factor on predicted counts or values,
 *   fitted as a Poisson quasi-likelihood (McCullagh & Nelder 1989, ch. 9): its estimating equation
 *   Σ w (y − μ) x = 0 only needs the mean to be right, so it serves for money as well as counts, and
 *   with an intercept alone it gives exactly Σ w·actual / Σ w·predicted.
 *
 * Both have the score Σ w (y − μ) x and the information Σ w v x xᵀ (v = μ(1 − μ), resp. μ); the
 * prior adds −P(θ − θ₀) and P. The penalised log-likelihood is concave, so Newton's steps, halved
 * when one would lower it, converge from θ₀.
 */

export type GlmFamily = 'logistic' | 'log-linear';

export interface GlmData {
  /** Columns of the design, one Float64Array per coefficient. */
  columns: Float64Array[];
  y: Float64Array;
  weight: Float64Array;
  /** Added to the linear predictor (e.g. the model's logit, or log of the predicted value). */
  offset: Float64Array;
}

export interface GlmFit {
  theta: Float64Array;
  /** Σ w v x xᵀ at θ (without the prior), row-major p × p: what the data know about θ. */
  information: Float64Array;
  /**
   * Pearson's Σ w (y − μ)² / v over Σ w − p: 1 when the data vary as the family says (always 1 for
   * the logistic family); for money it is the quasi-likelihood's scale, by which the standard
   * errors from `information` are to be stretched.
   */
  dispersion: number;
  iterations: number;
}

export function fitPenalisedGlm(family: GlmFamily, data: GlmData, priorMean: ArrayLike<number>, priorPrecision: Float64Array, maxIterations = 50): GlmFit {
  const p = data.columns.length;
  let theta = Float64Array.from(priorMean);
  // the last accepted point, its objective and the Newton step taken from it
  let accepted: { theta: Float64Array; value: number; step: Float64Array } | undefined;
  let scale = 1;
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const { value, score, information, pearson, weightSum } = evaluate(family, data, theta, priorMean, priorPrecision);
    const dispersion = family === 'logistic' ? 1 : Math.max(1, pearson / Math.max(weightSum - p, 1));
    if (accepted && !(value >= accepted.value)) {
      // the step overshot (or left the domain): halve it, from the last accepted point
      scale /= 2;
      if (scale < 1e-6) return { theta: accepted.theta, information, dispersion, iterations };
      theta = accepted.theta.map((t, j) => t + scale * accepted!.step[j]);
      continue;
    }
    const hessian = information.map((v, j) => v + priorPrecision[j]);
    const step = solveSymmetric(hessian, score, p);
    if (Math.max(...step.map(Math.abs)) < 1e-9) return { theta, information, dispersion, iterations };
    accepted = { theta, value, step };
    scale = 1;
    theta = theta.map((t, j) => t + step[j]);
  }
  const last = evaluate(family, data, theta, priorMean, priorPrecision);
  const dispersion = family === 'logistic' ? 1 : Math.max(1, last.pearson / Math.max(last.weightSum - p, 1));
  return { theta, information: last.information, dispersion, iterations };
}

/** One pass over the rows: the penalised log-likelihood, its gradient, and the data's information Σ w v x xᵀ. */
function evaluate(
  family: GlmFamily,
  data: GlmData,
  theta: Float64Array,
  priorMean: ArrayLike<number>,
  priorPrecision: Float64Array,
): { value: number; score: Float64Array; information: Float64Array; pearson: number; weightSum: number } {
  const p = theta.length;
  const score = new Float64Array(p);
  const information = new Float64Array(p * p);
  let value = 0;
  let pearson = 0;
  let weightSum = 0;
  const { columns, y, weight, offset } = data;
  const logisticFamily = family === 'logistic';
  for (let i = 0; i < y.length; i++) {
    const w = weight[i];
    if (w === 0) continue;
    let eta = offset[i];
    for (let j = 0; j < p; j++) eta += theta[j] * columns[j][i];
    let mu: number;
    let v: number;
    if (logisticFamily) {
      // one exponential for σ(η) and log(1 + e^η), both computed without overflow
      const e = Math.exp(-Math.abs(eta));
      mu = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
      v = mu * (1 - mu);
      value += w * (y[i] * eta - (Math.max(eta, 0) + Math.log1p(e)));
    } else {
      mu = Math.exp(eta);
      v = mu;
      value += w * (y[i] * eta - mu);
    }
    const r = w * (y[i] - mu);
    const wv = w * v;
    if (v > 0) pearson += (r * (y[i] - mu)) / v;
    weightSum += w;
    for (let j = 0; j < p; j++) {
      const xj = columns[j][i];
      score[j] += r * xj;
      for (let k = 0; k <= j; k++) information[j * p + k] += wv * xj * columns[k][i];
    }
  }
  for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) information[k * p + j] = information[j * p + k];
  value -= quadratic(priorPrecision, theta, priorMean) / 2;
  for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) score[j] -= priorPrecision[j * p + k] * (theta[k] - priorMean[k]);
  return { value, score, information, pearson, weightSum };
}

function quadratic(matrix: Float64Array, t: ArrayLike<number>, centre: ArrayLike<number>): number {
  const p = t.length;
  let s = 0;
  for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) s += (t[j] - centre[j]) * matrix[j * p + k] * (t[k] - centre[k]);
  return s;
}

/** A p × p symmetric positive-definite system by Cholesky. */
export function solveSymmetric(a: Float64Array, b: Float64Array, p: number): Float64Array {
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    for (let k = 0; k <= j; k++) {
      let s = a[j * p + k];
      for (let m = 0; m < k; m++) s -= l[j * p + m] * l[k * p + m];
      if (j === k) {
        if (!(s > 0)) throw new RangeError('the correction is not identified: give the prior some weight');
        l[j * p + j] = Math.sqrt(s);
      } else l[j * p + k] = s / l[k * p + k];
    }
  }
  const z = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = b[j];
    for (let m = 0; m < j; m++) s -= l[j * p + m] * z[m];
    z[j] = s / l[j * p + j];
  }
  const x = new Float64Array(p);
  for (let j = p - 1; j >= 0; j--) {
    let s = z[j];
    for (let m = j + 1; m < p; m++) s -= l[m * p + j] * x[m];
    x[j] = s / l[j * p + j];
  }
  return x;
}

export function logistic(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}
