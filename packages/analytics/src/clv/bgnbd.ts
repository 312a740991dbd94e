/**
 * BG/NBD ("beta-geometric / negative binomial distribution") model of repeat buying:
 * P. S. Fader, B. G. S. Hardie & K. L. Lee 2005, "'Counting your customers' the easy way: an
 * alternative to the Pareto/NBD model", Marketing Science 24(2):275–284. Equation numbers below are
 * the paper's, as cited by the `lifetimes` package (likelihood eq. 6, P(X(t) = x) eq. 8, E[X(t)]
 * eq. 9, E[Y(t) | x, t_x, T] eq. 10); P(alive) is from Fader, Hardie & Lee, "Computing P(alive)
 * using the BG/NBD model" (note 021, brucehardie.com).
 *
 * While active, a customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each purchase
 * the customer becomes inactive with probability p ~ Beta(a, b). Times are in the unit of the data
 * (t_x and T), e.g. weeks.
 *
 * Everything is computed on the log scale: ((α+T)/(α+t_x))^(r+x) overflows a double for customers
 * with a few hundred purchases, and the likelihood's two terms are combined by log-sum-exp.
 */

import { logBeta, logGamma } from '../special/gamma.js';
import { logHyp2f1 } from '../special/hypergeometric.js';
import { log1pExp } from '../special/log-add-exp.js';
import { nelderMead } from '../optimize/nelder-mead.js';
import {
  compressRepeatBuying,
  toRepeatBuyingArrays,
  type RepeatBuyingArrays,
  type RepeatBuyingInput,
} from './repeat-buying-data.js';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/**
 * ln L(r, α, a, b | x, t_x, T) of one customer, eq. 6:
 *   L = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
 *     + δ(x>0) · B(a+1, b+x−1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x)),
 * written as A₁ + A₂ + ln(e^A₃ + δ e^A₄) with B(a+1, b+x−1)/B(a, b+x) = a/(b+x−1).
 */
export function bgNbdCustomerLogLikelihood(params: BgNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = params;
  const common =
    logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + logBeta(a, b + x) - logBeta(a, b);
  const a3 = -(r + x) * Math.log(alpha + T);
  if (x === 0) return common + a3;
  const d = Math.log(a) - Math.log(b + x - 1) + (r + x) * Math.log((alpha + T) / (alpha + tx));
  return common + a3 + log1pExp(d);
}

/** Distinct values of an array and, for each element, the position of its value among them. */
function distinctIndex(values: Float64Array): { distinct: Float64Array; index: Int32Array } {
  const position = new Map<number, number>();
  const index = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    let k = position.get(values[i]);
    if (k === undefined) position.set(values[i], (k = position.size));
    index[i] = k;
  }
  return { distinct: Float64Array.from(position.keys()), index };
}

/**
 * Builds the weighted log-likelihood sum over a data set as a function of the parameters. What
 * depends on x alone (the Γ and B terms), on T alone (ln(α+T)) or on t_x alone (ln(α+t_x)) is
 * computed once per distinct value per evaluation — real data have few distinct x, and T and t_x
 * are whole days — so the loop over customers is left with one exp and one log1p per repeat buyer.
 */
function logLikelihoodSum(data: RepeatBuyingArrays): (params: BgNbdParams) => number {
  const { x } = data;
  const n = x.length;
  const weight = data.weight ?? new Float64Array(n).fill(1);
  const xs = distinctIndex(x);
  const Ts = distinctIndex(data.T);
  const txs = distinctIndex(data.tx);
  const common = new Float64Array(xs.distinct.length);
  const logRatio = new Float64Array(xs.distinct.length);
  const logAlphaT = new Float64Array(Ts.distinct.length);
  const logAlphaTx = new Float64Array(txs.distinct.length);

  return ({ r, alpha, a, b }: BgNbdParams): number => {
    const base = -logGamma(r) + r * Math.log(alpha) - logBeta(a, b);
    const logA = Math.log(a);
    const ux = xs.distinct;
    for (let k = 0; k < ux.length; k++) {
      common[k] = base + logGamma(r + ux[k]) + logBeta(a, b + ux[k]);
      logRatio[k] = ux[k] > 0 ? logA - Math.log(b + ux[k] - 1) : 0;
    }
    for (let j = 0; j < logAlphaT.length; j++) logAlphaT[j] = Math.log(alpha + Ts.distinct[j]);
    for (let j = 0; j < logAlphaTx.length; j++) logAlphaTx[j] = Math.log(alpha + txs.distinct[j]);
    const xIndex = xs.index;
    const TIndex = Ts.index;
    const txIndex = txs.index;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const k = xIndex[i];
      const rx = r + x[i];
      const lT = logAlphaT[TIndex[i]];
      let ll = common[k] - rx * lT;
      if (x[i] > 0) {
        // ln(e^A₃ + e^A₄) = A₃ + softplus(A₄ − A₃)
        const d = logRatio[k] + rx * (lT - logAlphaTx[txIndex[i]]);
        ll += d > 0 ? d + Math.log1p(Math.exp(-d)) : Math.log1p(Math.exp(d));
      }
      sum += weight[i] * ll;
    }
    return sum;
  };
}

/** Σ (weighted) ln L over the customers. */
export function bgNbdLogLikelihood(params: BgNbdParams, customers: RepeatBuyingInput): number {
  return logLikelihoodSum(toRepeatBuyingArrays(customers))(params);
}

/** ln L of every customer, in input order. */
export function bgNbdLogLikelihoods(params: BgNbdParams, customers: RepeatBuyingInput): Float64Array {
  const { x, tx, T } = toRepeatBuyingArrays(customers);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = bgNbdCustomerLogLikelihood(params, x[i], tx[i], T[i]);
  return out;
}

export interface BgNbdFitOptions {
  /** Starting point; default r = α = a = b = 1 (as `lifetimes`), refined by restarts. */
  start?: BgNbdParams;
  /** Maximum Nelder–Mead runs, each restarted from the previous optimum. Default 8. */
  maxRestarts?: number;
  /** Stop restarting when the mean log-likelihood improves by less than this. Default 1e-10. */
  tolerance?: number;
}

export interface BgNbdFit {
  params: BgNbdParams;
  /** Σ ln L at the estimate. */
  logLikelihood: number;
  /** Number of customers (sum of weights). */
  customers: number;
  evaluations: number;
  restarts: number;
  converged: boolean;
}

const toParams = (theta: ArrayLike<number>): BgNbdParams => ({
  r: Math.exp(theta[0]),
  alpha: Math.exp(theta[1]),
  a: Math.exp(theta[2]),
  b: Math.exp(theta[3]),
});

/**
 * Maximum-likelihood estimate of (r, α, a, b): Nelder–Mead on (ln r, ln α, ln a, ln b) minimising
 * the mean negative log-likelihood over (compressed) customers. The simplex is restarted from its
 * optimum until a restart no longer improves the likelihood: Nelder–Mead can stall on the long,
 * curved ridge between a and b, and a fresh simplex gets it moving again.
 */
export function fitBgNbd(customers: RepeatBuyingInput, options: BgNbdFitOptions = {}): BgNbdFit {
  const data = compressRepeatBuying(toRepeatBuyingArrays(customers));
  let total = 0;
  for (const w of data.weight) total += w;
  if (!(total > 0)) throw new RangeError('fitBgNbd: no customers');
  const sum = logLikelihoodSum(data);
  const objective = (theta: Float64Array): number => -sum(toParams(theta)) / total;

  const start = options.start ?? { r: 1, alpha: 1, a: 1, b: 1 };
  let theta: Float64Array = Float64Array.of(Math.log(start.r), Math.log(start.alpha), Math.log(start.a), Math.log(start.b));
  let best = objective(theta);
  const maxRestarts = options.maxRestarts ?? 8;
  const tolerance = options.tolerance ?? 1e-10;
  let evaluations = 1;
  let restarts = 0;
  let converged = false;
  for (let run = 0; run < maxRestarts; run++) {
    const result = nelderMead(objective, theta, {
      initialStep: run === 0 ? 0.5 : 0.02,
      xTolerance: 1e-7,
      fTolerance: 1e-12,
      maxEvaluations: 5000,
      maxIterations: 5000,
    });
    evaluations += result.evaluations;
    restarts = run;
    const improvement = best - result.fx;
    if (result.fx <= best) {
      theta = result.x;
      best = result.fx;
    }
    if (run > 0 && improvement < tolerance && result.converged) {
      converged = true;
      break;
    }
  }
  return {
    params: toParams(theta),
    logLikelihood: -best * total,
    customers: total,
    evaluations,
    restarts,
    converged,
  };
}

/**
 * (a+b−1)/(a−1) and (a+b+x−1)/(a−1) are 0/0-type at a = 1 although the expectations are smooth
 * there; near it, average the values at a ± h (error O(h²)).
 */
function smoothAtAEqualsOne(params: BgNbdParams, f: (p: BgNbdParams) => number): number {
  const h = 1e-5;
  if (Math.abs(params.a - 1) > h) return f(params);
  return 0.5 * (f({ ...params, a: 1 - h }) + f({ ...params, a: 1 + h }));
}

/**
 * E[X(t)], the expected number of repeat purchases in (0, t] of a customer acquired at 0, eq. 9:
 *   (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))].
 */
export function expectedPurchasesUnconditional(params: BgNbdParams, t: number): number {
  if (t < 0) throw new RangeError('t must be ≥ 0');
  if (t === 0) return 0;
  return smoothAtAEqualsOne(params, ({ r, alpha, a, b }) => {
    const logTerm = r * Math.log(alpha / (alpha + t)) + logHyp2f1(r, b, a + b - 1, t / (alpha + t));
    return ((a + b - 1) / (a - 1)) * -Math.expm1(logTerm);
  });
}

/**
 * E[Y(t) | x, t_x, T], the expected number of purchases in (T, T+t] of a customer with history
 * (x, t_x, T), eq. 10:
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
 *   / [1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)].
 */
export function expectedPurchasesConditional(
  params: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  if (t < 0) throw new RangeError('t must be ≥ 0');
  if (t === 0) return 0;
  return smoothAtAEqualsOne(params, ({ r, alpha, a, b }) => {
    const rx = r + x;
    const logTerm =
      rx * Math.log((alpha + T) / (alpha + T + t)) + logHyp2f1(rx, b + x, a + b + x - 1, t / (alpha + T + t));
    const numerator = ((a + b + x - 1) / (a - 1)) * -Math.expm1(logTerm);
    if (x === 0) return numerator;
    const d = Math.log(a / (b + x - 1)) + rx * Math.log((alpha + T) / (alpha + tx));
    return numerator * Math.exp(-log1pExp(d));
  });
}

/**
 * P(τ > T | x, t_x, T), the probability that the customer is still active at T (Fader, Hardie &
 * Lee, note 021 "Computing P(alive) using the BG/NBD model"; lifetimes' `conditional_probability_alive`):
 *   1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)).
 */
export function probabilityAlive(params: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const d = Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + T) / (alpha + tx));
  return Math.exp(-log1pExp(d));
}

/**
 * P(X(t) = n), the probability of exactly n repeat purchases in (0, t] for a customer acquired at
 * time 0, eq. 8:
 *   B(a, b+n)/B(a, b) · NB(n) + δ(n>0) · B(a+1, b+n−1)/B(a, b) · [1 − Σ_{j<n} NB(j)],
 * where NB(j) = Γ(r+j)/(Γ(r) j!) (α/(α+t))^r (t/(α+t))^j is the NBD probability. The bracket is the
 * NBD upper tail P(NB ≥ n); it is summed directly when small, so a tiny probability such as
 * P(X(2) = 10) ≈ 1e−7 keeps its relative precision instead of being lost in 1 − (1 − ε).
 * This is the quantity `lifetimes` calls `probability_of_n_purchases_up_to_time` and BTYD `bgnbd.pmf`.
 */
export function probabilityOfPurchases(params: BgNbdParams, n: number, t: number): number {
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError('n must be a non-negative integer');
  if (t < 0) throw new RangeError('t must be ≥ 0');
  if (t === 0) return n === 0 ? 1 : 0;
  const { r, alpha, a, b } = params;
  const logP0 = r * Math.log(alpha / (alpha + t)); // ln NB(0)
  const z = t / (alpha + t);
  const logZ = Math.log(z);
  const logNb = (j: number): number => logGamma(r + j) - logGamma(r) - logGamma(j + 1) + logP0 + j * logZ;
  const first = Math.exp(logBeta(a, b + n) - logBeta(a, b) + logNb(n));
  if (n === 0) return first;
  return first + Math.exp(logBeta(a + 1, b + n - 1) - logBeta(a, b) + logNbdUpperTail(r, z, n, logNb));
}

/** ln P(NB ≥ n) for the NBD with shape r and success ratio z = t/(α+t). */
function logNbdUpperTail(r: number, z: number, n: number, logNb: (j: number) => number): number {
  // Lower part Σ_{j<n} NB(j) by the recurrence NB(j+1) = NB(j) · (r+j)/(j+1) · z.
  let term = Math.exp(logNb(0));
  let cdf = 0;
  for (let j = 0; j < n; j++) {
    cdf += term;
    term *= ((r + j) / (j + 1)) * z;
  }
  if (cdf < 0.5) return Math.log1p(-cdf);
  // Upper tail summed relative to NB(n) (which may underflow on its own).
  let relative = 1;
  let sum = 1;
  for (let j = n; j < n + 10_000_000; j++) {
    const ratio = ((r + j) / (j + 1)) * z;
    relative *= ratio;
    sum += relative;
    if (ratio < 1 && relative <= 1e-17 * sum * (1 - z)) break;
  }
  return logNb(n) + Math.log(sum);
}
