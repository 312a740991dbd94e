import { describe, expect, it } from 'vitest';
import { predictClv } from './clv.js';
import { expectedPurchasesConditional } from './bgnbd.js';
import { expectedAverageValue } from './gamma-gamma.js';

const models = {
  bgnbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
  gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 },
};
const customer = { x: 2, tx: 30.43, T: 38.86, zbar: 22.35 };

describe('predicted CLV (BG/NBD × Gamma-Gamma, discounted)', () => {
  it('splits the horizon into periods whose purchases add up to E[Y(horizon)]', () => {
    const clv = predictClv(models, customer, { periods: 12, periodLength: 52 / 12, discountRate: 0.01, margin: 0.3 });
    expect(clv.purchasesPerPeriod).toHaveLength(12);
    expect(clv.expectedPurchases).toBeCloseTo(expectedPurchasesConditional(models.bgnbd, 52, 2, 30.43, 38.86), 12);
    expect(clv.valuePerPurchase).toBeCloseTo(expectedAverageValue(models.gammaGamma, 2, 22.35), 12);
    for (const purchases of clv.purchasesPerPeriod) expect(purchases).toBeGreaterThan(0);
  });

  it('discounts each period at its end: value = Σ margin · E[Z] · purchases_i / (1+d)^i', () => {
    const clv = predictClv(models, customer, { periods: 3, periodLength: 4, discountRate: 0.1, margin: 0.5 });
    let expected = 0;
    let previous = 0;
    for (let i = 1; i <= 3; i++) {
      const cumulative = expectedPurchasesConditional(models.bgnbd, 4 * i, 2, 30.43, 38.86);
      expected += (0.5 * clv.valuePerPurchase * (cumulative - previous)) / 1.1 ** i;
      previous = cumulative;
    }
    expect(clv.value).toBeCloseTo(expected, 12);
    expect(clv.discountedValuePerPeriod.reduce((s, v) => s + v, 0)).toBeCloseTo(clv.value, 12);
  });

  it('without discounting, value = margin × value per purchase × expected purchases', () => {
    const clv = predictClv(models, customer, { periods: 24, periodLength: 2 });
    expect(clv.value).toBeCloseTo(clv.undiscountedValue, 10);
    expect(clv.undiscountedValue).toBeCloseTo(clv.valuePerPurchase * clv.expectedPurchases, 10);
  });

  it('is worth less for a customer who has gone quiet, and nothing over an empty horizon', () => {
    const active = predictClv(models, customer, { periods: 12, periodLength: 4, discountRate: 0.01 });
    const quiet = predictClv(models, { ...customer, tx: 2 }, { periods: 12, periodLength: 4, discountRate: 0.01 });
    expect(quiet.value).toBeLessThan(active.value);
    expect(predictClv(models, customer, { periods: 0, periodLength: 4 }).value).toBe(0);
  });
});
