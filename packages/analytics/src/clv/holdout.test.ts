import { describe, expect, it } from 'vitest';
import { bgNbdHoldoutTest, holdoutTableMarkdown, type HoldoutResult } from './holdout.js';
import { expectedPurchasesConditional, expectedPurchasesUnconditional } from './bgnbd.js';
import { missingSharedData, readCdnowSample } from '../../test/shared-data.js';

const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('BG/NBD holdout test: the mechanics on a hand-made example', () => {
  const transactions = [
    { customerId: 'a', date: '2024-01-01', amount: 10 },
    { customerId: 'a', date: '2024-01-15', amount: 10 },
    { customerId: 'a', date: '2024-02-05', amount: 10 }, // holdout
    { customerId: 'a', date: '2024-02-05T20:00', amount: 5 }, // same holdout day: one purchase
    { customerId: 'a', date: '2024-02-20', amount: 10 }, // holdout
    { customerId: 'b', date: '2024-01-10', amount: 10 },
    { customerId: 'b', date: '2024-03-05', amount: 10 }, // after the holdout end: ignored
    { customerId: 'c', date: '2024-01-20', amount: 10 },
    { customerId: 'c', date: '2024-01-25', amount: 10 },
    { customerId: 'c', date: '2024-01-30', amount: 10 },
    { customerId: 'c', date: '2024-01-31', amount: 10 }, // calibration end day: calibration
    { customerId: 'c', date: '2024-02-10', amount: 10 }, // holdout
    { customerId: 'd', date: '2024-02-10', amount: 10 }, // first purchase in the holdout: not in the test
  ];
  const result = bgNbdHoldoutTest(transactions, {
    calibrationEnd: '2024-01-31',
    holdoutEnd: '2024-02-29',
    unit: 'weeks',
    params: PUBLISHED,
    maxFrequencyGroup: 2,
  });

  it('builds the calibration summary and counts distinct holdout purchase days', () => {
    expect(result.holdoutLength).toBeCloseTo(29 / 7, 14);
    expect(result.fit).toBeUndefined();
    expect(result.customers.map(({ customerId, x, actual }) => ({ customerId, x, actual }))).toEqual([
      { customerId: 'a', x: 1, actual: 2 },
      { customerId: 'b', x: 0, actual: 0 },
      { customerId: 'c', x: 3, actual: 1 },
    ]);
    for (const c of result.customers) {
      expect(c.predicted).toBeCloseTo(expectedPurchasesConditional(PUBLISHED, 29 / 7, c.x, c.tx, c.T), 14);
    }
  });

  it('groups by calibration frequency with the last group open ("2+"), and measures the error per customer', () => {
    const [a, b, c] = result.customers;
    expect(result.groups.map((g) => [g.label, g.customers, g.totalActual])).toEqual([
      ['0', 1, 0],
      ['1', 1, 2],
      ['2+', 1, 1],
    ]);
    expect(result.groups[2].meanPredicted).toBeCloseTo(c.predicted, 14);
    expect(result.totalActual).toBe(3);
    expect(result.totalPredicted).toBeCloseTo(a.predicted + b.predicted + c.predicted, 14);
    const errors = [a.predicted - 2, b.predicted - 0, c.predicted - 1];
    expect(result.mae).toBeCloseTo(errors.reduce((s, e) => s + Math.abs(e), 0) / 3, 14);
    expect(result.rmse).toBeCloseTo(Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / 3), 14);
    expect(result.totalRelativeError).toBeCloseTo((result.totalPredicted - 3) / 3, 14);
  });

  it('rejects a holdout end that does not follow the calibration end', () => {
    expect(() => bgNbdHoldoutTest(transactions, { calibrationEnd: '2024-01-31', holdoutEnd: '2024-01-31' })).toThrow(RangeError);
  });
});

const missing = missingSharedData('cdnow/CDNOW_sample.txt');
describe.skipIf(missing !== undefined)(`BG/NBD holdout test on CDNOW (Fader, Hardie & Lee 2005, fig. 4)${missing ? ` — SKIPPED: ${missing}` : ''}`, () => {
  // Calibration: weeks 1–39 (1997-01-01 … 1997-09-30); holdout: the next 39 weeks, to 1998-06-30.
  const result: HoldoutResult = missing
    ? (undefined as never)
    : bgNbdHoldoutTest(readCdnowSample(), { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', unit: 'weeks' });

  it('prints the table (paper fig. 4) and the error', () => {
    const p = result.params;
    console.log(
      [
        '',
        `BG/NBD holdout test, CDNOW sample: ${result.customers.length} customers, calibration to 1997-09-30, holdout ${result.holdoutLength} weeks to 1998-06-30`,
        `fit on the calibration period: r = ${p.r.toFixed(4)}, α = ${p.alpha.toFixed(4)}, a = ${p.a.toFixed(4)}, b = ${p.b.toFixed(4)}`,
        holdoutTableMarkdown(result),
        `total repeat purchases in the holdout: predicted ${result.totalPredicted.toFixed(1)}, actual ${result.totalActual} ` +
          `(${(100 * result.totalRelativeError).toFixed(2)} %); per customer MAE ${result.mae.toFixed(4)}, RMSE ${result.rmse.toFixed(4)}`,
        '',
      ].join('\n'),
    );
    expect(result.groups).toHaveLength(8);
  });

  it('fits the published parameters on the calibration period built from the raw transactions', () => {
    const p = result.params;
    expect(Math.abs(p.r - 0.243)).toBeLessThan(0.0005);
    expect(Math.abs(p.alpha - 4.414)).toBeLessThan(0.0005);
    expect(Math.abs(p.a - 0.793)).toBeLessThan(0.0005);
    expect(Math.abs(p.b - 2.426)).toBeLessThan(0.0005);
  });

  it('has the data of the paper’s figure: 2,357 customers in groups 0…7+ and their actual holdout purchases', () => {
    // Counts are facts of the data (same-day purchases merged): a change here is a data-handling change.
    expect(result.groups.map((g) => g.customers)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    expect(result.groups.map((g) => g.totalActual)).toEqual([334, 306, 298, 156, 157, 112, 112, 407]);
    expect(result.totalActual).toBe(1882);
  });

  it('predicts every group’s mean within 3 standard errors of the actual mean', () => {
    // The actual mean of a group is itself a sample mean: its standard error (sample s.d. / √n) is
    // the scale on which "tracks closely" can be judged. 3 s.e. per group keeps the chance of a
    // false alarm over the 8 groups at about 2 % (Bonferroni, normal approximation).
    for (const g of result.groups) {
      expect(Math.abs(g.meanPredicted - g.meanActual), `group ${g.label}`).toBeLessThanOrEqual(3 * g.standardErrorActual);
    }
  });

  it('the conditional total agrees with the model’s unconditional forecast for the cohort (eq. 10 against eq. 9)', () => {
    // Under the model both have the same expectation: Σ E[Y(39) | x, t_x, T] over the customers and
    // Σ (E[X(T + 39)] − E[X(T)]) over their ages (1,666.7). They differ by 0.8 %; a gap of several percent
    // would point at the conditional expectation, not at the data.
    let unconditional = 0;
    for (const c of result.customers) {
      unconditional += expectedPurchasesUnconditional(result.params, c.T + 39) - expectedPurchasesUnconditional(result.params, c.T);
    }
    expect(Math.abs(result.totalPredicted - unconditional) / unconditional).toBeLessThan(0.02);
  });

  it('pins the prediction error (a change here is a change in the model code)', () => {
    expect(result.totalPredicted).toBeCloseTo(1653.41, 1);
    expect(result.mae).toBeCloseTo(0.7855, 3);
    expect(result.rmse).toBeCloseTo(1.6080, 3);
  });

  // Known deviation: BG/NBD under-predicts CDNOW's holdout. 1,653.4 repeat purchases predicted
  // against 1,882 actual (−12.1 %), every group below its actual mean; the model's own unconditional
  // forecast for the cohort is as low (1,666.7), and so it is at the published parameters (1,653.9). The shortfall
  // is about 2.8 standard deviations of the holdout total (s.d. ≈ 83 from the within-group
  // variances), so it is not sampling noise: the holdout purchasing rate is higher than a stationary
  // model fitted on weeks 1–39 projects. Marked `it.fails` so it flips if ever fixed.
  it.fails('predicts the holdout total within 5 % of the actual', () => {
    expect(Math.abs(result.totalRelativeError)).toBeLessThanOrEqual(0.05);
  });
});
