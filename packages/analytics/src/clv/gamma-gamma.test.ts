import { describe, expect, it } from 'vitest';
import { expectedAverageValue, fitGammaGamma, gammaGammaCustomerLogLikelihood, gammaGammaLogLikelihood } from './gamma-gamma.js';
import { logGamma } from '../special/gamma.js';
import { summarizeRepeatBuying } from '../summary.js';
import { missingSharedData, readCdnowSample, readCdnowSummaryWithSpend } from '../../test/shared-data.js';

const within = (actual: number, expected: number, decimals: number): void => {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-12);
};

describe('Gamma-Gamma spend model', () => {
  it('the density of z̄ integrates to 1 and follows from Gamma(px, νx) mixed over ν ~ Gamma(q, γ)', () => {
    const params = { p: 6.25, q: 3.74, gamma: 15.44 };
    for (const x of [1, 3, 10]) {
      let integral = 0;
      const h = 0.01;
      for (let z = h / 2; z < 2000; z += h) integral += Math.exp(gammaGammaCustomerLogLikelihood(params, x, z)) * h;
      expect(integral).toBeCloseTo(1, 4);
    }
    // Literal form at one point.
    const { p, q, gamma } = params;
    const x = 2;
    const z = 30;
    const literal =
      logGamma(p * x + q) - logGamma(p * x) - logGamma(q) + q * Math.log(gamma) + p * x * Math.log(x) + (p * x - 1) * Math.log(z) - (p * x + q) * Math.log(gamma + x * z);
    expect(gammaGammaCustomerLogLikelihood(params, x, z)).toBeCloseTo(literal, 12);
  });

  it('expected value per purchase is a weighted mean of the population mean and the customer mean', () => {
    const params = { p: 6.25, q: 3.74, gamma: 15.44 };
    const population = (params.p * params.gamma) / (params.q - 1);
    expect(expectedAverageValue(params, 0, 0)).toBeCloseTo(population, 12);
    const w = (params.p * 4) / (params.p * 4 + params.q - 1);
    expect(expectedAverageValue(params, 4, 50)).toBeCloseTo((1 - w) * population + w * 50, 12);
    expect(() => expectedAverageValue({ p: 1, q: 0.9, gamma: 1 }, 1, 1)).toThrow(RangeError);
  });

  it('fitting skips customers without repeat purchases or with zero spend, and says so', () => {
    const fit = fitGammaGamma([
      { x: 0, zbar: 0 },
      { x: 2, zbar: 0 },
      { x: 1, zbar: 10 },
      { x: 3, zbar: 20 },
      { x: 2, zbar: 35 },
      { x: 5, zbar: 12 },
    ]);
    expect(fit.customers).toBe(4);
    expect(fit.excluded).toBe(2);
    expect(() => fitGammaGamma([{ x: 0, zbar: 0 }])).toThrow(RangeError);
  });
});

const missingCsv = missingSharedData('cdnow/cdnow_customers_summary_with_transactions.csv');
describe.skipIf(missingCsv !== undefined)(`Gamma-Gamma on the CDNOW summary CSV${missingCsv ? ` — SKIPPED: ${missingCsv}` : ''}`, () => {
  const customers = missingCsv ? [] : readCdnowSummaryWithSpend();
  const fit = missingCsv ? undefined : fitGammaGamma(customers);

  it('fits on the 946 repeat buyers; p = 6.25 and q = 3.74 (2 decimals)', () => {
    expect(fit!.customers).toBe(946);
    expect(fit!.converged).toBe(true);
    within(fit!.params.p, 6.25, 2);
    within(fit!.params.q, 3.74, 2);
    expect(fit!.logLikelihood).toBeGreaterThan(gammaGammaLogLikelihood({ p: 6.25, q: 3.74, gamma: 15.44 }, customers));
  });

  // Known deviation, reported rather than hidden: on this CSV, whose z̄ are rounded to cents, the
  // maximum-likelihood γ is 15.4478 (15.45). From the raw transactions (unrounded z̄, next block)
  // it is 15.4435, the published 15.44. lifetimes' own test checks 2 decimals as |Δ| < 0.015.
  it.fails('γ = 15.44 (2 decimals) on the CSV — KNOWN DEVIATION: 15.4478 here, 15.44 from raw data', () => {
    within(fit!.params.gamma, 15.44, 2);
  });

  it('γ on the CSV is 15.4478 (the MLE of these rounded data)', () => {
    expect(fit!.params.gamma).toBeCloseTo(15.4478, 3);
  });
});

const missingRaw = missingSharedData('cdnow/CDNOW_sample.txt');
describe.skipIf(missingRaw !== undefined)(`Gamma-Gamma on z̄ computed from the raw CDNOW sample${missingRaw ? ` — SKIPPED: ${missingRaw}` : ''}`, () => {
  it('reproduces p = 6.25, q = 3.74, γ = 15.44 (2 decimals)', () => {
    const summary = summarizeRepeatBuying(readCdnowSample(), { calibrationEnd: '1997-09-30', unit: 'weeks' });
    const fit = fitGammaGamma(summary);
    expect(fit.customers).toBe(946);
    within(fit.params.p, 6.25, 2);
    within(fit.params.q, 3.74, 2);
    within(fit.params.gamma, 15.44, 2);
  });
});
