import { describe, expect, it } from 'vitest';
import { fromZ, standardise } from './standardise.js';

describe('standardise', () => {
  it('gives z-scores with the population sd, and sd = 1, z = 0 for a constant column', () => {
    // column 0: mean 2.5, population variance ((1.5² + 0.5²) · 2) / 4 = 1.25; column 1 constant 0.1
    const { z, mean, sd } = standardise([
      [1, 0.1],
      [2, 0.1],
      [3, 0.1],
      [4, 0.1],
    ]);
    expect([...mean]).toEqual([2.5, 0.1]);
    expect(sd[0]).toBeCloseTo(Math.sqrt(1.25), 14);
    expect(sd[1]).toBe(1);
    expect(z.map((row) => row[0])).toEqual([-1.5, -0.5, 0.5, 1.5].map((x) => expect.closeTo(x / Math.sqrt(1.25), 14)));
    expect(z.map((row) => row[1])).toEqual([0, 0, 0, 0]);
  });

  it('maps a point in z units back to the original units', () => {
    const rows = [
      [10, 200],
      [20, 100],
      [60, 300],
    ];
    const s = standardise(rows);
    rows.forEach((row, i) => expect([...fromZ(s.z[i], s)].map((x) => Number(x.toFixed(10)))).toEqual(row));
  });

  it('rejects ragged rows and non-finite values', () => {
    expect(() => standardise([[1, 2], [3]])).toThrow(RangeError);
    expect(() => standardise([[1], [Number.NaN]])).toThrow(RangeError);
    expect(() => standardise([])).toThrow(RangeError);
  });
});
