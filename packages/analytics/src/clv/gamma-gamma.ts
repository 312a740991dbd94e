/**
 * Gamma-Gamma model of the value of a customer's transactions:
 * P. S. Fader, B. G. S. Hardie & K. L. Lee 2005, "RFM and CLV: using iso-value curves for customer
 * base analysis", Journal of Marketing Research 42(4):415–430 (§ "Spend" and appendix), and
 * P. S. Fader & B. G. S. Hardie 2013, "The Gamma-Gamma model of monetary value" (note 025,
 * brucehardie.com). Equation numbers are the 2013 note's, as the `lifetimes` package cites them
 * (likelihood eq. 1a, conditional expectation eq. 5).
 *
 * A customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, so the
 * mean z̄ of x transactions is Gamma(px, νx). Only repeat purchases are used (the CDNOW convention:
 * z̄ = mean value of the x repeat transactions), and the model assumes spend independent of the
 * purchase process.
 */

import { logGamma } from '../special/gamma.js';
import { nelderMead } from '../optimize/nelder-mead.js';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface RepeatSpend {
  /** Number of repeat transactions (x > 0 for the customer to count in the fit). */
  x: number;
  /** Mean value of those transactions. */
  zbar: number;
}

/**
 * ln f(z̄ | p, q, γ; x), the marginal density of the mean spend (note eq. 1a):
 *   Γ(px+q) / (Γ(px) Γ(q)) · γ^q · x^(px) · z̄^(px−1) / (γ + x z̄)^(px+q).
 */
export function gammaGammaCustomerLogLikelihood(params: GammaGammaParams, x: number, zbar: number): number {
  const { p, q, gamma } = params;
  const px = p * x;
  return (
    logGamma(px + q) -
    logGamma(px) -
    logGamma(q) +
    q * Math.log(gamma) +
    (px - 1) * Math.log(zbar) +
    px * Math.log(x) -
    (px + q) * Math.log(gamma + x * zbar)
  );
}

/** Σ ln f over customers with x > 0 and z̄ > 0 (the others carry no spend information). */
export function gammaGammaLogLikelihood(params: GammaGammaParams, customers: readonly RepeatSpend[]): number {
  let sum = 0;
  for (const c of customers) if (c.x > 0 && c.zbar > 0) sum += gammaGammaCustomerLogLikelihood(params, c.x, c.zbar);
  return sum;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  /** Customers used: x > 0 and z̄ > 0. */
  customers: number;
  /** Customers left out because x = 0 or z̄ ≤ 0 (a zero-value repeat purchase has no density). */
  excluded: number;
  evaluations: number;
  converged: boolean;
}

/**
 * Maximum likelihood by Nelder–Mead on (ln p, ln q, ln γ), restarted from its optimum until the
 * mean log-likelihood stops improving: q and γ lie on a long ridge (the mean spend pγ/(q−1) is well
 * determined, each separately much less), where one simplex run can stop early.
 */
export function fitGammaGamma(
  customers: readonly RepeatSpend[],
  options: { start?: GammaGammaParams; maxRestarts?: number } = {},
): GammaGammaFit {
  const xs: number[] = [];
  const zs: number[] = [];
  for (const c of customers) {
    if (c.x > 0 && c.zbar > 0 && Number.isFinite(c.zbar)) {
      xs.push(c.x);
      zs.push(c.zbar);
    }
  }
  const n = xs.length;
  if (n === 0) throw new RangeError('fitGammaGamma: no customer with x > 0 and z̄ > 0');
  const x = Float64Array.from(xs);
  const z = Float64Array.from(zs);
  // Parts that do not depend on the parameters: ln z̄, ln x. The Γ terms depend on x only, so they
  // are computed once per distinct x per evaluation (counts repeat a lot), leaving one log per customer.
  const logZ = z.map(Math.log);
  const logX = x.map(Math.log);
  const distinctX = Array.from(new Set(xs));
  const position = new Map(distinctX.map((value, k) => [value, k]));
  const xIndex = Int32Array.from(xs, (value) => position.get(value)!);
  const gammaTerms = new Float64Array(distinctX.length);
  const meanNegLogLik = (theta: Float64Array): number => {
    const p = Math.exp(theta[0]);
    const q = Math.exp(theta[1]);
    const g = Math.exp(theta[2]);
    const constant = -logGamma(q) + q * Math.log(g);
    for (let k = 0; k < distinctX.length; k++) {
      gammaTerms[k] = logGamma(p * distinctX[k] + q) - logGamma(p * distinctX[k]) + constant;
    }
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const px = p * x[i];
      sum += gammaTerms[xIndex[i]] + (px - 1) * logZ[i] + px * logX[i] - (px + q) * Math.log(g + x[i] * z[i]);
    }
    return -sum / n;
  };

  const start = options.start ?? { p: 1, q: 1, gamma: 1 };
  let theta: Float64Array = Float64Array.of(Math.log(start.p), Math.log(start.q), Math.log(start.gamma));
  let best = meanNegLogLik(theta);
  let evaluations = 1;
  let converged = false;
  const maxRestarts = options.maxRestarts ?? 8;
  for (let run = 0; run < maxRestarts; run++) {
    const result = nelderMead(meanNegLogLik, theta, {
      initialStep: run === 0 ? 0.5 : 0.02,
      xTolerance: 1e-7,
      fTolerance: 1e-12,
      maxEvaluations: 5000,
      maxIterations: 5000,
    });
    evaluations += result.evaluations;
    const improvement = best - result.fx;
    if (result.fx <= best) {
      theta = result.x;
      best = result.fx;
    }
    if (run > 0 && improvement < 1e-10 && result.converged) {
      converged = true;
      break;
    }
  }
  return {
    params: { p: Math.exp(theta[0]), q: Math.exp(theta[1]), gamma: Math.exp(theta[2]) },
    logLikelihood: -best * n,
    customers: n,
    excluded: customers.length - n,
    evaluations,
    converged,
  };
}

/**
 * E[Z | p, q, γ, z̄, x], the expected value of the customer's future transactions (note eq. 5):
 *   (γ + x z̄) p / (px + q − 1)
 * = (q−1)/(px+q−1) · pγ/(q−1) + px/(px+q−1) · z̄,
 * a weighted mean of the population mean pγ/(q−1) and the customer's own mean. With x = 0 it is
 * the population mean. Requires q > 1 (otherwise the population mean is infinite).
 */
export function expectedAverageValue(params: GammaGammaParams, x: number, zbar: number): number {
  const { p, q, gamma } = params;
  if (!(q > 1)) throw new RangeError(`Gamma-Gamma mean spend needs q > 1 (got ${q})`);
  if (x === 0) return (p * gamma) / (q - 1);
  return (p * (gamma + x * zbar)) / (p * x + q - 1);
}
