import { describe, expect, it } from 'vitest';
import { normalCdf } from './normal-cdf.js';
import { profileGroups } from './profile.js';
import { standardise } from './standardise.js';

describe('profileGroups on a constructed example', () => {
  // group 0 (rows 0–2) spends more and bought more recently than group 1 (rows 3–5)
  // monetary: 500 vs 100, mean 300, population sd 200 → z = ±1
  // recencyDays: means 10 vs 50, mean 30, sd √((30² + 20² + 10²)·2 / 6) = 21.602 → z = ∓0.9258
  // frequency: constant, tenure: equal group means → z = 0, not distinguishing
  const featureNames = ['monetary', 'recencyDays', 'frequency', 'tenure'];
  const raw = [
    [500, 0, 3, 100],
    [500, 10, 3, 300],
    [500, 20, 3, 200],
    [100, 40, 3, 180],
    [100, 50, 3, 220],
    [100, 60, 3, 200],
  ];
  const labels = { monetary: { en: 'monetary value', zh: '消费金额' }, recencyDays: { en: 'recency days', zh: '最近购买天数' } };
  const recencyZ = 20 / Math.sqrt(2800 / 6);
  const [high, low] = profileGroups(featureNames, raw, standardise(raw).z, { assignments: [0, 0, 0, 1, 1, 1] }, { labels });

  it('finds the distinguishing features, their directions and degrees', () => {
    expect(high.distinguishing.map((f) => [f.feature, f.direction])).toEqual([
      ['monetary', 'high'],
      ['recencyDays', 'low'],
    ]);
    expect(low.distinguishing.map((f) => [f.feature, f.direction])).toEqual([
      ['monetary', 'low'],
      ['recencyDays', 'high'],
    ]);
    expect(high.distinguishing[0].z).toBeCloseTo(1, 12);
    expect(high.distinguishing[1].z).toBeCloseTo(-recencyZ, 12);
    // Φ(1), both for "high" at z = +1 and for "low" at z = −1
    expect(high.distinguishing[0].degree).toBeCloseTo(0.8413447460685429, 6);
    expect(low.distinguishing[0].degree).toBeCloseTo(0.8413447460685429, 6);
  });

  it('gives sizes and centres in original and z units', () => {
    expect(high.size).toBe(3);
    expect(high.fuzzySize).toBe(3);
    expect([...high.centroid]).toEqual([500, 10, 3, 200]);
    [1, -recencyZ, 0, 0].forEach((z, j) => expect(high.centroidZ[j]).toBeCloseTo(z, 12));
  });

  it('describes the group and suggests a name in both languages', () => {
    expect(high.describe).toEqual({
      en: 'High monetary value (+1.0 sd), low recency days (−0.9 sd)',
      zh: '消费金额高（+1.0 个标准差）、最近购买天数低（−0.9 个标准差）',
    });
    expect(high.suggestedName).toEqual({ en: 'High monetary value, low recency days', zh: '高消费金额、低最近购买天数' });
    expect(low.describe.en).toBe('Low monetary value (−1.0 sd), high recency days (+0.9 sd)');
  });

  it('keeps at most `top` features and falls back to the feature name', () => {
    const [first] = profileGroups(featureNames, raw, standardise(raw).z, { assignments: [0, 0, 0, 1, 1, 1] }, { top: 1 });
    expect(first.distinguishing).toHaveLength(1);
    expect(first.suggestedName).toEqual({ en: 'High monetary', zh: '高monetary' });
  });
});

describe('profileGroups with memberships and middling groups', () => {
  it('weighs customers by their degrees and counts each in their strongest group', () => {
    const raw = [[0], [3], [6]];
    const [a, b] = profileGroups(['x'], raw, standardise(raw).z, { memberships: [[1, 0], [0.5, 0.5], [0, 1]] });
    expect(a.centroid[0]).toBeCloseTo(1, 12); // (0·1 + 3·0.5) / 1.5
    expect(b.centroid[0]).toBeCloseTo(5, 12); // (3·0.5 + 6·1) / 1.5
    expect([a.fuzzySize, b.fuzzySize]).toEqual([1.5, 1.5]);
    expect([a.size, b.size]).toEqual([2, 1]); // the tie goes to the lower group
  });

  it('calls a group at the overall mean average', () => {
    const raw = [[-10], [10], [0], [0]];
    const groups = profileGroups(['x'], raw, standardise(raw).z, { assignments: [0, 1, 2, 2] });
    expect(groups[2].distinguishing).toEqual([]);
    expect(groups[2].describe).toEqual({ en: 'Close to the average on every feature', zh: '各项特征均接近平均水平' });
    expect(groups[2].suggestedName.en).toBe('Average customers');
  });
});

describe('normalCdf', () => {
  it('matches tabulated values of Φ to its 1.2e-7 relative accuracy', () => {
    const table: [number, number][] = [
      [0, 0.5],
      [1, 0.8413447460685429],
      [-1.96, 0.024997895148220435],
      [3, 0.9986501019683699],
      [-5, 2.866515718791939e-7],
    ];
    for (const [x, p] of table) expect(Math.abs(normalCdf(x) - p)).toBeLessThanOrEqual(1.2e-7 * p);
  });
});
