/**
 * L2-regularised logistic regression, parameterised as scikit-learn's `LogisticRegression(penalty='l2', C)` on
 * `StandardScaler`-ed features, so that results can be compared number for number:
 *
 *   minimise over (b, β):  C · Σᵢ [log(1 + e^{ηᵢ}) − yᵢ ηᵢ] + ½ Σⱼ βⱼ²,   ηᵢ = b + Σⱼ βⱼ zᵢⱼ
 *
 * with zᵢⱼ = (xᵢⱼ − meanⱼ) / sdⱼ (population sd, as StandardScaler) and the intercept b not penalised (the
 * scikit-learn documentation, "Logistic regression", user guide §1.1.11, states this objective). Dividing by C,
 * the penalty is β²/(2C): C = 1 shrinks each coefficient as one extra observation's worth of curvature would,
 * which is negligible for thousands of rows.
 *
 * Fitted by Newton's method (= iteratively reweighted least squares, McCullagh & Nelder 1989, *Generalized Linear
 * Models*, §4.4; the iterations are newton.ts, shared with the softmax regression): the objective is strictly convex (penalty) and twice differentiable, Newton converges
 * quadratically in a handful of steps, and with d ≈ 30 the d × d Hessian is cheap next to the n·d² pass that
 * builds it. A backtracking line search (Armijo) keeps every step downhill when the data are nearly separable.
 * Standardising also makes the Hessian well conditioned and makes the penalty treat features alike.
 *
 * Coefficients are reported per standard deviation (comparable between features: the "importance") and per
 * original unit (βⱼ / sdⱼ, with the intercept moved accordingly) for scoring raw rows.
 */
import type { FeatureMatrix } from '../segments/feature-matrix.js';
import { toDenseMatrix } from '../segments/feature-matrix.js';
import { newtonMinimise } from './newton.js';

export interface LogisticOptions {
  /** inverse regularisation strength, as scikit-learn (default 1.0) */
  C?: number;
  /** fit on these rows only (indices into X), e.g. a cross-validation training fold */
  rows?: ArrayLike<number>;
  /** stop when the Newton decrement gᵀH⁻¹g / 2 falls below this (default 1e-10, in log-likelihood units) */
  tolerance?: number;
  maxIterations?: number;
}

export interface LogisticModel {
  C: number;
  /** per original unit: log-odds = intercept + Σ coefficients[j] · x[j] */
  intercept: number;
  coefficients: Float64Array;
  /** per standard deviation: log-odds = standardisedIntercept + Σ standardisedCoefficients[j] · z[j] */
  standardisedIntercept: number;
  standardisedCoefficients: Float64Array;
  /** the scaling of the training rows (a constant column has sd 1, so its z is 0 and its coefficient 0) */
  mean: Float64Array;
  sd: Float64Array;
  iterations: number;
  converged: boolean;
  /** the penalised objective at the solution, C · log-loss sum + ½‖β‖² (scikit-learn's scale) */
  objective: number;
  trainingRows: number;
}

/** log(1 + e^η) without overflow. */
export function softplus(eta: number): number {
  return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
}

export function sigmoid(eta: number): number {
  if (eta >= 0) return 1 / (1 + Math.exp(-eta));
  const e = Math.exp(eta);
  return e / (1 + e);
}

export function fitLogisticRegression(X: FeatureMatrix, y: ArrayLike<number>, options: LogisticOptions = {}): LogisticModel {
  const C = options.C ?? 1;
  if (!(C > 0) || !Number.isFinite(C)) throw new RangeError(`C must be a positive number, got ${C}`);
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 100;
  const data = toDenseMatrix(X);
  if (y.length !== data.rows) throw new RangeError(`${y.length} labels for ${data.rows} rows`);
  const d = data.columns;
  const rows = options.rows ?? Int32Array.from({ length: data.rows }, (_, i) => i);
  const n = rows.length;
  if (n === 0) throw new RangeError('no training rows');

  // scaling from the training rows only (as a StandardScaler fitted inside each fold)
  const mean = new Float64Array(d);
  const sd = new Float64Array(d);
  for (let r = 0; r < n; r++) {
    const offset = rows[r] * d;
    for (let j = 0; j < d; j++) mean[j] += data.values[offset + j];
  }
  for (let j = 0; j < d; j++) mean[j] /= n;
  for (let r = 0; r < n; r++) {
    const offset = rows[r] * d;
    for (let j = 0; j < d; j++) sd[j] += (data.values[offset + j] - mean[j]) ** 2;
  }
  for (let j = 0; j < d; j++) {
    sd[j] = Math.sqrt(sd[j] / n);
    // constant within these rows (relative to its size): z = 0, as StandardScaler does
    if (!(sd[j] > 1e-12 * Math.max(1, Math.abs(mean[j])))) sd[j] = 1;
  }

  // design with a leading 1 for the intercept: p = d + 1 columns, row-major
  const p = d + 1;
  const z = new Float64Array(n * p);
  const target = new Float64Array(n);
  let positives = 0;
  for (let r = 0; r < n; r++) {
    const i = rows[r];
    const offset = i * d;
    z[r * p] = 1;
    for (let j = 0; j < d; j++) z[r * p + 1 + j] = (data.values[offset + j] - mean[j]) / sd[j];
    const label = y[i];
    if (label !== 0 && label !== 1) throw new RangeError(`label of row ${i} is ${label}, not 0 or 1`);
    target[r] = label;
    positives += label;
  }

  const theta = new Float64Array(p);
  // start from the base rate: the intercept-only optimum when all β = 0
  if (positives > 0 && positives < n) theta[0] = Math.log(positives / (n - positives));
  // what the objective leaves for the derivatives: each row's linear predictor η
  const { iterations, converged, objective } = newtonMinimise(
    {
      parameters: p,
      stateLength: n,
      objective(params, eta) {
        for (let r = 0; r < n; r++) {
          let s = 0;
          const offset = r * p;
          for (let j = 0; j < p; j++) s += z[offset + j] * params[j];
          eta[r] = s;
        }
        let loss = 0;
        for (let r = 0; r < n; r++) loss += softplus(eta[r]) - target[r] * eta[r];
        let penalty = 0;
        for (let j = 1; j < p; j++) penalty += params[j] * params[j];
        return C * loss + penalty / 2;
      },
      derivatives(params, eta, gradient, hessian) {
        for (let r = 0; r < n; r++) {
          const prob = sigmoid(eta[r]);
          const residual = C * (prob - target[r]);
          const weight = C * prob * (1 - prob);
          const offset = r * p;
          for (let j = 0; j < p; j++) {
            const zj = z[offset + j];
            gradient[j] += residual * zj;
            const wz = weight * zj;
            const rowOffset = j * p;
            // lower triangle only
            for (let k = 0; k <= j; k++) hessian[rowOffset + k] += wz * z[offset + k];
          }
        }
        for (let j = 1; j < p; j++) {
          gradient[j] += params[j];
          hessian[j * p + j] += 1;
        }
      },
    },
    theta,
    { tolerance: tolerance * C, maxIterations },
  );

  const standardisedCoefficients = theta.slice(1);
  const coefficients = new Float64Array(d);
  let intercept = theta[0];
  for (let j = 0; j < d; j++) {
    coefficients[j] = standardisedCoefficients[j] / sd[j];
    intercept -= coefficients[j] * mean[j];
  }
  return {
    C,
    intercept,
    coefficients,
    standardisedIntercept: theta[0],
    standardisedCoefficients,
    mean,
    sd,
    iterations,
    converged,
    objective,
    trainingRows: n,
  };
}

/** The log-odds of one row in original units. */
export function logOdds(model: Pick<LogisticModel, 'intercept' | 'coefficients'>, x: ArrayLike<number>, offset = 0): number {
  let s = model.intercept;
  const c = model.coefficients;
  for (let j = 0; j < c.length; j++) s += c[j] * x[offset + j];
  return s;
}

/**
 * P(positive) for every row (or the `rows` given), as one pass over the data: rows as arrays, or a row-major
 * DenseMatrix (no copy either way — scoring a million customers must not allocate a million arrays).
 */
export function predictProbabilities(model: Pick<LogisticModel, 'intercept' | 'coefficients'>, X: FeatureMatrix, rows?: ArrayLike<number>): Float64Array {
  const d = model.coefficients.length;
  const dense = !Array.isArray(X) ? (X as { rows: number; columns: number; values: Float64Array }) : null;
  if (dense && dense.columns !== d) throw new RangeError(`${dense.columns} features, the model has ${d}`);
  const count = rows ? rows.length : dense ? dense.rows : (X as readonly ArrayLike<number>[]).length;
  const out = new Float64Array(count);
  for (let r = 0; r < count; r++) {
    const i = rows ? rows[r] : r;
    out[r] = sigmoid(dense ? logOdds(model, dense.values, i * d) : logOdds(model, (X as readonly ArrayLike<number>[])[i]));
  }
  return out;
}
