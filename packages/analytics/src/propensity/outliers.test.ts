import { describe, expect, it } from 'vitest';
import { attributeOutliers, devianceResidual, robustRange } from './outliers.js';

describe('the robust box', () => {
  it('median ± 3 · 1.4826 · MAD, worked by hand', () => {
    // median 5; |x − 5| = 4 3 2 1 0 1 2 3 95 → MAD 2
    const range = robustRange([1, 2, 3, 4, 5, 6, 7, 8, 100]);
    expect(range).toEqual({ median: 5, mad: 2, low: 5 - 3 * 1.4826 * 2, high: 5 + 3 * 1.4826 * 2 });
    // an outlier does not widen it as it would mean ± 3 sd
    expect(robustRange([1, 2, 3, 4, 5, 6, 7, 8, 1e6]).high).toBe(range.high);
  });

  it('deviance residuals: sign of y − p, size √(−2 log P(observed))', () => {
    expect(devianceResidual(1, 0.5)).toBeCloseTo(Math.sqrt(2 * Math.log(2)), 14);
    expect(devianceResidual(0, 0.9)).toBeCloseTo(-Math.sqrt(-2 * Math.log(0.1)), 14);
    // |d| > 3 ⇔ P(observed) < e^{-4.5}
    expect(Math.abs(devianceResidual(1, Math.exp(-4.5) * 0.99))).toBeGreaterThan(3);
    expect(Math.abs(devianceResidual(1, Math.exp(-4.5) * 1.01))).toBeLessThan(3);
  });

  it('flags the planted values, skips counts and flags, and reports per attribute', () => {
    const rows = Array.from({ length: 200 }, (_, i) => Float64Array.from([30 + (i % 21), i % 3, i % 2 ? 1 : 0]));
    rows[7][0] = 95;
    rows[150][0] = -40;
    const result = attributeOutliers(rows, [
      { feature: 0, name: 'Age' },
      { feature: 1, name: 'Products' },
      { feature: 2, name: 'Flag' },
    ]);
    expect(result.boxes.map((b) => [b.name, b.outside])).toEqual([['Age', 2]]);
    expect(result.skipped.map((s) => [s.name, s.reason])).toEqual([
      ['Products', 'few-values'],
      ['Flag', 'few-values'],
    ]);
    expect(result.outside[7]).toEqual(['Age']);
    expect(result.outside[150]).toEqual(['Age']);
    expect(result.outside.filter((o) => o.length).length).toBe(2);
    // over half the rows equal: MAD 0, no box
    const spiky = Array.from({ length: 100 }, (_, i) => Float64Array.from([i < 60 ? 0 : i]));
    expect(attributeOutliers(spiky, [{ feature: 0, name: 'Balance' }]).skipped).toEqual([{ feature: 0, name: 'Balance', reason: 'no-spread' }]);
  });
});

describe('a box that would leave out many rows', () => {
  it('is not applied: a zero-inflated share is skewed, not full of outliers', () => {
    // 45 % of customers spend nothing on the category; the others' shares pile up near 0.05 with a long tail to 0.9
    const rows = Array.from({ length: 1000 }, (_, i) => [i < 450 ? 0 : 0.05 * Math.exp(((i - 450) / 550) * Math.log(18)), (i % 37) + 0.5 * (i % 3)]);
    const result = attributeOutliers(rows, [
      { feature: 0, name: 'share' },
      { feature: 1, name: 'plain' },
    ]);
    expect(result.skipped).toEqual([{ feature: 0, name: 'share', reason: 'not-outliers' }]);
    expect(result.boxes.map((b) => b.name)).toEqual(['plain']);
    expect(result.outside.every((names) => !names.includes('share'))).toBe(true);
  });
});
