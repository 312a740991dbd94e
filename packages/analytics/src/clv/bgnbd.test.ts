import { describe, expect, it } from 'vitest';
import {
  bgNbdCustomerLogLikelihood,
  bgNbdLogLikelihood,
  bgNbdLogLikelihoods,
  expectedPurchasesConditional,
  expectedPurchasesUnconditional,
  fitBgNbd,
  probabilityAlive,
  probabilityOfPurchases,
  type BgNbdFit,
  type BgNbdParams,
} from './bgnbd.js';
import { hyp2f1 } from '../special/hypergeometric.js';
import { missingSharedData, readCdnowSummary } from '../../test/shared-data.js';

/** Published CDNOW estimates (Fader, Hardie & Lee 2005, Marketing Science 24(2), §4). */
const PUBLISHED: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/** |actual − expected| within half a unit of the last published decimal. */
const matchesTo = (actual: number, expected: number, decimals: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-12);
};

describe('BG/NBD at the published CDNOW parameters (no data needed)', () => {
  // These are lifetimes' `probability_of_n_purchases_up_to_time(t, n)` (= BTYD's bgnbd.pmf): the
  // probability of exactly n repeat purchases in (0, t] for a newly acquired customer, eq. 8, with
  // the second term only for n > 0. P(X(39)=0) is then (α/(α+39))^r alone.
  it('P(X(39) = 0) = 0.5737864', () => {
    matchesTo(probabilityOfPurchases(PUBLISHED, 0, 39), 0.5737864, 7);
    expect(probabilityOfPurchases(PUBLISHED, 0, 39)).toBeCloseTo(Math.pow(4.414 / 43.414, 0.243), 14);
  });

  it('P(X(2) = 10) = 1.07869e-07 (6 significant digits)', () => {
    const p = probabilityOfPurchases(PUBLISHED, 10, 2);
    expect(Math.abs(p - 1.07869e-7) / 1.07869e-7).toBeLessThan(0.5e-5);
  });

  it('P(X(t) = n) sums to 1 over n and its mean is E[X(t)] (eq. 8 against eq. 9)', () => {
    for (const t of [1, 39, 78]) {
      let total = 0;
      let mean = 0;
      for (let n = 0; n < 2000; n++) {
        const p = probabilityOfPurchases(PUBLISHED, n, t);
        total += p;
        mean += n * p;
      }
      expect(total).toBeCloseTo(1, 10);
      expect(mean).toBeCloseTo(expectedPurchasesUnconditional(PUBLISHED, t), 8);
    }
  });

  it('conditional expectation for x=2, t_x=30.43, T=38.86 over 39 weeks is 1.226', () => {
    matchesTo(expectedPurchasesConditional(PUBLISHED, 39, 2, 30.43, 38.86), 1.226, 3);
  });

  it('a customer with no repeat purchase is alive with probability 1; the conditional expectation of a new customer is the unconditional one', () => {
    expect(probabilityAlive(PUBLISHED, 0, 0, 38.86)).toBe(1);
    expect(expectedPurchasesConditional(PUBLISHED, 52, 0, 0, 0)).toBeCloseTo(expectedPurchasesUnconditional(PUBLISHED, 52), 12);
  });

  it('the per-customer likelihood is eq. 6 taken literally (small x, where nothing overflows)', () => {
    const { r, alpha, a, b } = PUBLISHED;
    const B = (u: number, v: number): number => Math.exp(lgammaSlow(u) + lgammaSlow(v) - lgammaSlow(u + v));
    for (const [x, tx, T] of [[0, 0, 38.86], [1, 1.71, 38.86], [2, 30.43, 38.86], [7, 12.5, 30]]) {
      const common = Math.exp(lgammaSlow(r + x) - lgammaSlow(r)) * Math.pow(alpha, r);
      const literal =
        (B(a, b + x) / B(a, b)) * common / Math.pow(alpha + T, r + x) +
        (x > 0 ? ((B(a + 1, b + x - 1) / B(a, b)) * common) / Math.pow(alpha + tx, r + x) : 0);
      expect(bgNbdCustomerLogLikelihood(PUBLISHED, x, tx, T)).toBeCloseTo(Math.log(literal), 10);
    }
  });

  it('is numerically stable for a customer with x = 500 (and 5,000)', () => {
    for (const x of [500, 5000]) {
      for (const [tx, T] of [[30, 39], [1, 39], [38.9, 39]]) {
        const ll = bgNbdCustomerLogLikelihood(PUBLISHED, x, tx, T);
        expect(Number.isFinite(ll)).toBe(true);
        const alive = probabilityAlive(PUBLISHED, x, tx, T);
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
        const expected = expectedPurchasesConditional(PUBLISHED, 39, x, tx, T);
        expect(Number.isFinite(expected)).toBe(true);
        expect(expected).toBeGreaterThanOrEqual(0);
      }
    }
    // Bought 500 times up to the last day: surely alive. At t_x = T the denominator of eq. 10 is
    // 1 + a/(b+x−1) and nothing overflows at x = 500 (the ₂F₁ series peaks near e^235), so the
    // formula taken literally is an independent check of the log-scale evaluation.
    expect(probabilityAlive(PUBLISHED, 500, 39, 39)).toBeCloseTo(1, 2);
    const { r, alpha, a, b } = PUBLISHED;
    const x = 500;
    const literal =
      (((a + b + x - 1) / (a - 1)) *
        (1 - Math.pow((alpha + 39) / (alpha + 78), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, 39 / (alpha + 78)))) /
      (1 + a / (b + x - 1));
    expect(expectedPurchasesConditional(PUBLISHED, 39, 500, 39, 39)).toBeCloseTo(literal, 8);
    // …and below the pace of an immortal buyer, (r+x)/(α+T) per week.
    expect(literal).toBeLessThan(((r + x) / (alpha + 39)) * 39);
    // Silent for 38 of 39 weeks after 500 purchases: gone.
    expect(probabilityAlive(PUBLISHED, 500, 1, 39)).toBeLessThan(1e-100);
  });

  it('accepts objects or typed arrays, with weights meaning repeated customers', () => {
    const rows = [
      { x: 0, tx: 0, T: 30 },
      { x: 3, tx: 20, T: 30 },
      { x: 3, tx: 20, T: 30 },
    ];
    const fromObjects = bgNbdLogLikelihood(PUBLISHED, rows);
    const fromArrays = bgNbdLogLikelihood(PUBLISHED, {
      x: Float64Array.of(0, 3),
      tx: Float64Array.of(0, 20),
      T: Float64Array.of(30, 30),
      weight: Float64Array.of(1, 2),
    });
    expect(fromArrays).toBeCloseTo(fromObjects, 12);
    const each = bgNbdLogLikelihoods(PUBLISHED, rows);
    expect(each[0] + each[1] + each[2]).toBeCloseTo(fromObjects, 12);
  });

  it('rejects impossible histories', () => {
    expect(() => bgNbdLogLikelihood(PUBLISHED, [{ x: 1.5, tx: 1, T: 2 }])).toThrow(RangeError);
    expect(() => bgNbdLogLikelihood(PUBLISHED, [{ x: 1, tx: 3, T: 2 }])).toThrow(RangeError);
    expect(() => bgNbdLogLikelihood(PUBLISHED, [{ x: 0, tx: 1, T: 2 }])).toThrow(RangeError);
  });
});

const missing = missingSharedData('cdnow/cdnow_customers_summary.csv');
describe.skipIf(missing !== undefined)(`BG/NBD fitted on the CDNOW summary${missing ? ` — SKIPPED: ${missing}` : ''}`, () => {
  const customers = missing ? [] : readCdnowSummary();
  const fit: BgNbdFit = missing ? (undefined as never) : fitBgNbd(customers);

  it('reads 2,357 customers', () => {
    expect(customers).toHaveLength(2357);
  });

  it('reproduces r = 0.243, α = 4.414, a = 0.793, b = 2.426 (3 decimals)', () => {
    expect(fit.converged).toBe(true);
    matchesTo(fit.params.r, 0.243, 3);
    matchesTo(fit.params.alpha, 4.414, 3);
    matchesTo(fit.params.a, 0.793, 3);
    matchesTo(fit.params.b, 2.426, 3);
    // The optimum beats every nearby point, including the published (rounded) parameters.
    expect(fit.logLikelihood).toBeGreaterThan(bgNbdLogLikelihood(PUBLISHED, customers));
    expect(fit.logLikelihood).toBeCloseTo(-9582.4256, 3);
  });

  it('gets the same optimum from a distant start', () => {
    const other = fitBgNbd(customers, { start: { r: 5, alpha: 0.2, a: 3, b: 0.3 } });
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(other.params[key]).toBeCloseTo(fit.params[key], 4);
    }
  });

  it('conditional expected purchases in 39 weeks for x=2, t_x=30.43, T=38.86: 1.226', () => {
    matchesTo(expectedPurchasesConditional(fit.params, 39, 2, 30.43, 38.86), 1.226, 3);
  });

  // Published (Hardie's spreadsheet, as quoted by lifetimes' tests) to 4 decimals.
  it.each([
    [0.1429, 0.0078],
    [1, 0.0532],
    [3, 0.1506],
    [31.8571, 1.0405],
    [32, 1.0437],
  ])('unconditional E[X(%f)] = %f (4 decimals)', (t, expected) => {
    matchesTo(expectedPurchasesUnconditional(fit.params, t), expected, 4);
  });

  // Known deviation, reported rather than hidden: at t = 78 we get 1.85797, not 1.8576. The value
  // is confirmed below by an independent route (Σ n·P(X(78)=n), eq. 8, no ₂F₁ at all), and it
  // does not move with the optimiser (lifetimes' estimates give 1.85797 too). The published
  // figure is what a ₂F₁ series cut at about 150 terms gives — a spreadsheet artefact, presumably.
  // lifetimes' own test only checks 3 decimals (|Δ| < 1.5e-3).
  it.fails('unconditional E[X(78)] = 1.8576 (4 decimals) — KNOWN DEVIATION: we get 1.8580', () => {
    matchesTo(expectedPurchasesUnconditional(fit.params, 78), 1.8576, 4);
  });

  it('E[X(78)] agrees with Σ n·P(X(78) = n) (eq. 9 against eq. 8)', () => {
    let mean = 0;
    for (let n = 1; n < 3000; n++) mean += n * probabilityOfPurchases(fit.params, n, 78);
    expect(expectedPurchasesUnconditional(fit.params, 78)).toBeCloseTo(mean, 9);
    expect(mean).toBeCloseTo(1.85797, 5);
  });

  it('P(alive) of every CDNOW customer lies in [0, 1] and falls with silence', () => {
    for (const c of customers) {
      const p = probabilityAlive(fit.params, c.x, c.tx, c.T);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
    expect(probabilityAlive(fit.params, 5, 10, 38)).toBeLessThan(probabilityAlive(fit.params, 5, 35, 38));
  });
});

/** ln Γ by Stirling with shifting — an independent reference for the literal-formula test. */
function lgammaSlow(x: number): number {
  let shift = 0;
  while (x < 30) {
    shift -= Math.log(x);
    x += 1;
  }
  const series = 1 / (12 * x) - 1 / (360 * x ** 3) + 1 / (1260 * x ** 5) - 1 / (1680 * x ** 7);
  return shift + (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series;
}
