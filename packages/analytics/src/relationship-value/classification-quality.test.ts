import { describe, expect, it } from 'vitest';
import { classificationQuality } from './classification-quality.js';

describe('classificationQuality', () => {
  it('matches a small example computed by hand', () => {
    // 10 customers, classes good 0 / medium 1 / bad 2
    const truth = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2];
    const predicted = [0, 0, 1, 2, 1, 1, 0, 2, 2, 1];
    const q = classificationQuality(truth, predicted, 3);
    expect(q.confusion).toEqual([
      [2, 1, 1],
      [1, 2, 0],
      [0, 1, 2],
    ]);
    expect(q.accuracy).toBe(0.6);
    // good: P 2/3, R 2/4 → F1 4/7; medium: P 2/4, R 2/3 → 4/7; bad: P 2/3, R 2/3 → 2/3
    expect(q.precision).toEqual([2 / 3, 2 / 4, 2 / 3]);
    expect(q.recall).toEqual([2 / 4, 2 / 3, 2 / 3]);
    expect(q.f1[0]).toBeCloseTo(4 / 7, 15);
    expect(q.f1[1]).toBeCloseTo(4 / 7, 15);
    expect(q.f1[2]).toBeCloseTo(2 / 3, 15);
    expect(q.macroF1).toBeCloseTo((4 / 7 + 4 / 7 + 2 / 3) / 3, 15);
  });

  it('a class never predicted scores F1 0, which accuracy alone would hide', () => {
    const truth = [0, 0, 0, 0, 0, 0, 0, 0, 1, 2];
    const predicted = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const q = classificationQuality(truth, predicted, 3);
    expect(q.accuracy).toBe(0.8);
    expect(q.f1).toEqual([2 * 0.8 / 1.8, 0, 0]);
    expect(q.macroF1).toBeCloseTo(0.8 / 1.8 * 2 / 3, 15);
  });
});
