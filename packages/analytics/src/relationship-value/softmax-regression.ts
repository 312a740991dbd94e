/**
 * Multinomial (softmax) logistic regression with an L2 penalty, the linear candidate of the
 * relationship classifier; parameterised as scikit-learn's `LogisticRegression(multi_class=
 * 'multinomial', penalty='l2', C)` on StandardScaler-ed features, like the binary model in
 * propensity/logistic-regression.ts:
 *
 *   minimise  C · Σᵢ [log Σₖ e^{ηᵢₖ} − ηᵢ,yᵢ] + ½ Σₖ Σⱼ βₖⱼ²,   ηᵢₖ = bₖ + Σⱼ βₖⱼ zᵢⱼ
 *
 * with one coefficient vector per class (the symmetric parameterisation: no reference class, so the
 * penalty treats the classes alike and, at the optimum, Σₖ βₖⱼ = 0 for every j). The intercepts are
 * unpenalised, but adding a constant to all of them changes nothing, so they get a vanishing ridge
 * (1e-8) that makes the Hessian invertible and picks the solution with Σₖ bₖ ≈ 0.
 *
 * Fitted by Newton's method with an Armijo line search, the binary model's (propensity/newton.ts,
 * shared; this file gives the objective, gradient and Hessian): the objective is strictly
 * convex, and with K = 3 classes and d = 9 factors the Hessian is 30 × 30 (Böhning 1992, "Multinomial
 * logistic regression algorithm", Ann. Inst. Statist. Math. 44, gives its form:
 * ∂²/∂θₖ∂θₗ = C Σᵢ pᵢₖ(δₖₗ − pᵢₗ) zᵢ zᵢᵀ).
 *
 * Why a class was predicted: the contribution of feature j to class k against the average customer is
 * (βₖⱼ − β̄ⱼ)·zⱼ, β̄ⱼ the mean over classes (0 at the optimum, kept for safety). They add up to the
 * class's centred logit, ηₖ − η̄ = log(pₖ / geometric mean of the p's), minus its value at the mean
 * row: as for the binary model, the exact SHAP values of a linear score with independent features
 * (Lundberg & Lee 2017).
 */
import { newtonMinimise } from '../propensity/newton.js';
import { standardise } from '../segments/standardise.js';

export interface SoftmaxRegressionOptions {
  /** Inverse regularisation strength, as scikit-learn; default 1. */
  C?: number;
  /** Number of classes (labels 0 … K − 1); default the largest label + 1. */
  classes?: number;
  /** Stop when the Newton decrement gᵀH⁻¹g / 2 falls below this × C; default 1e-10. */
  tolerance?: number;
  maxIterations?: number;
}

export interface SoftmaxRegressionModel {
  C: number;
  classes: number;
  /** Standardisation of the training rows (population sd; 1 for a constant column). */
  mean: Float64Array;
  sd: Float64Array;
  /** Per class: ηₖ = intercepts[k] + Σⱼ coefficients[k][j] · zⱼ, z standardised. */
  intercepts: Float64Array;
  coefficients: Float64Array[];
  iterations: number;
  converged: boolean;
  objective: number;
}

const INTERCEPT_RIDGE = 1e-8;

export function fitSoftmaxRegression(X: readonly ArrayLike<number>[], y: ArrayLike<number>, options: SoftmaxRegressionOptions = {}): SoftmaxRegressionModel {
  const C = options.C ?? 1;
  if (!(C > 0) || !Number.isFinite(C)) throw new RangeError(`C must be a positive number, got ${C}`);
  const n = X.length;
  if (n === 0) throw new RangeError('no training rows');
  if (y.length !== n) throw new RangeError(`${y.length} labels for ${n} rows`);
  let largest = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isInteger(y[i]) || y[i] < 0) throw new RangeError(`label of row ${i} is ${y[i]}, not a class number`);
    largest = Math.max(largest, y[i]);
  }
  const K = options.classes ?? largest + 1;
  if (K < 2 || largest >= K) throw new RangeError(`labels up to ${largest} for ${K} classes`);
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 100;

  const { z, mean, sd } = standardise(X);
  const d = mean.length;
  const q = d + 1; // per class: intercept then d coefficients
  const p = K * q;
  const theta = new Float64Array(p);
  // start at the class shares (the intercept-only optimum), centred
  const counts = new Float64Array(K);
  for (let i = 0; i < n; i++) counts[y[i]]++;
  const logShares = Array.from(counts, (c) => Math.log((c + 0.5) / (n + 0.5 * K)));
  const centre = logShares.reduce((s, v) => s + v, 0) / K;
  for (let k = 0; k < K; k++) theta[k * q] = logShares[k] - centre;

  // what the objective leaves for the derivatives: each row's class probabilities, n × K
  const { iterations, converged, objective } = newtonMinimise(
    {
      parameters: p,
      stateLength: n * K,
      objective(params, probabilities) {
        let loss = 0;
        const eta = new Float64Array(K);
        for (let i = 0; i < n; i++) {
          const zi = z[i];
          for (let k = 0; k < K; k++) {
            let s = params[k * q];
            for (let j = 0; j < d; j++) s += params[k * q + 1 + j] * zi[j];
            eta[k] = s;
          }
          const lse = logSumExp(eta);
          loss += lse - eta[y[i]];
          for (let k = 0; k < K; k++) probabilities[i * K + k] = Math.exp(eta[k] - lse);
        }
        let penalty = 0;
        for (let k = 0; k < K; k++) {
          penalty += INTERCEPT_RIDGE * params[k * q] ** 2;
          for (let j = 1; j < q; j++) penalty += params[k * q + j] ** 2;
        }
        return C * loss + penalty / 2;
      },
      derivatives(params, probabilities, gradient, hessian) {
        const x = new Float64Array(q);
        for (let i = 0; i < n; i++) {
          x[0] = 1;
          x.set(z[i], 1);
          for (let k = 0; k < K; k++) {
            const pk = probabilities[i * K + k];
            const residual = C * (pk - (y[i] === k ? 1 : 0));
            for (let j = 0; j < q; j++) gradient[k * q + j] += residual * x[j];
            // lower triangle of the block rows of class k: blocks l ≤ k
            for (let l = 0; l <= k; l++) {
              const weight = C * pk * ((k === l ? 1 : 0) - probabilities[i * K + l]);
              if (weight === 0) continue;
              for (let j = 0; j < q; j++) {
                const row = (k * q + j) * p + l * q;
                const wx = weight * x[j];
                const last = k === l ? j : q - 1;
                for (let m = 0; m <= last; m++) hessian[row + m] += wx * x[m];
              }
            }
          }
        }
        for (let k = 0; k < K; k++)
          for (let j = 0; j < q; j++) {
            const r = j === 0 ? INTERCEPT_RIDGE : 1;
            gradient[k * q + j] += r * params[k * q + j];
            hessian[(k * q + j) * p + k * q + j] += r;
          }
      },
    },
    theta,
    { tolerance: tolerance * C, maxIterations },
  );
  return {
    C,
    classes: K,
    mean,
    sd,
    intercepts: Float64Array.from({ length: K }, (_, k) => theta[k * q]),
    coefficients: Array.from({ length: K }, (_, k) => theta.slice(k * q + 1, (k + 1) * q)),
    iterations,
    converged,
    objective,
  };
}

/** Class probabilities of one row (original units). */
export function softmaxRegressionProbabilities(model: SoftmaxRegressionModel, row: ArrayLike<number>): Float64Array {
  const { mean, sd, intercepts, coefficients, classes } = model;
  if (row.length !== mean.length) throw new RangeError(`row has ${row.length} features, the model ${mean.length}`);
  const eta = Float64Array.from({ length: classes }, (_, k) => {
    let s = intercepts[k];
    for (let j = 0; j < mean.length; j++) s += coefficients[k][j] * ((row[j] - mean[j]) / sd[j]);
    return s;
  });
  const lse = logSumExp(eta);
  return eta.map((e) => Math.exp(e - lse));
}

/**
 * Each feature's contribution to class k's centred logit, against the mean training row:
 * (βₖⱼ − β̄ⱼ)·zⱼ. Their sum is log(pₖ/ḡ)(row) − log(pₖ/ḡ)(mean row), ḡ the geometric mean of the p's.
 */
export function softmaxRegressionContributions(model: SoftmaxRegressionModel, row: ArrayLike<number>, k: number): Float64Array {
  const { mean, sd, coefficients, classes } = model;
  return Float64Array.from(mean, (m, j) => {
    let average = 0;
    for (let l = 0; l < classes; l++) average += coefficients[l][j] / classes;
    return (coefficients[k][j] - average) * ((row[j] - m) / sd[j]);
  });
}

function logSumExp(v: ArrayLike<number>): number {
  let max = -Infinity;
  for (let k = 0; k < v.length; k++) max = Math.max(max, v[k]);
  let s = 0;
  for (let k = 0; k < v.length; k++) s += Math.exp(v[k] - max);
  return max + Math.log(s);
}
