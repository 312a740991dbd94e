import { describe, expect, it } from 'vitest';
import { bgNbdLogLikelihood, fitBgNbd, type BgNbdParams } from './bgnbd.js';
import { simulateBgNbd } from '../../test/simulate-bgnbd.js';
import { standardErrorsOnLogScale } from '../../test/observed-information.js';

// Parameter recovery: simulate customers from the BG/NBD process with known parameters (seeded,
// so every run sees the same data), fit, and compare.
//
// Tolerance: each estimate must lie within 4 standard errors of the truth, the standard errors
// coming from the observed information of that very sample (inverse negative Hessian of the
// log-likelihood at the estimate). A correct MLE misses a 4-SE band with probability ≈ 6e-5 per
// parameter (asymptotic normality), ≈ 1e-3 over the 12 checks; a wrong likelihood or a stalled
// optimiser is off by many SEs. The band is also required to be narrow — every SE under 15 % of
// its parameter (25 % for b of the low-churn set, where few customers ever drop out) — so that the
// test has teeth. And the fitted log-likelihood must be at least that of the true parameters: a
// maximiser that stops early fails that.
const SETS: { name: string; truth: BgNbdParams; n: number; seed: number; days: [number, number]; seBound: Partial<Record<keyof BgNbdParams, number>> }[] = [
  { name: 'CDNOW-like', truth: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, n: 20_000, seed: 1, days: [182, 273], seBound: {} },
  { name: 'frequent, low churn', truth: { r: 1.5, alpha: 10, a: 0.5, b: 5 }, n: 20_000, seed: 2, days: [365, 730], seBound: { b: 0.25 } },
  { name: 'churny', truth: { r: 0.6, alpha: 2, a: 2, b: 6 }, n: 20_000, seed: 3, days: [90, 365], seBound: {} },
];
const KEYS = ['r', 'alpha', 'a', 'b'] as const;

describe('BG/NBD recovers the parameters of simulated customers', () => {
  it.each(SETS)('$name: r=$truth.r α=$truth.alpha a=$truth.a b=$truth.b, n=$n', ({ truth, n, seed, days, seBound }) => {
    const data = simulateBgNbd(truth, n, seed, { minDays: days[0], maxDays: days[1] });
    const fit = fitBgNbd(data);
    expect(fit.converged).toBe(true);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(bgNbdLogLikelihood(truth, data));

    const theta = Float64Array.from(KEYS, (k) => Math.log(fit.params[k]));
    const ll = (t: Float64Array): number =>
      bgNbdLogLikelihood({ r: Math.exp(t[0]), alpha: Math.exp(t[1]), a: Math.exp(t[2]), b: Math.exp(t[3]) }, data);
    const seLog = standardErrorsOnLogScale(ll, theta);
    KEYS.forEach((k, i) => {
      const se = fit.params[k] * seLog[i];
      expect(se / fit.params[k], `relative SE of ${k}`).toBeLessThan(seBound[k] ?? 0.15);
      expect(Math.abs(fit.params[k] - truth[k]), `${k}: ${fit.params[k].toFixed(4)} vs ${truth[k]} (SE ${se.toFixed(4)})`).toBeLessThan(4 * se);
    });
  });
});
