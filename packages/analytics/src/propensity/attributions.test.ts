import { describe, expect, it } from 'vitest';
import { contributions, globalFactors, rowFactors } from './attributions.js';
import { fitLogisticRegression, logOdds } from './logistic-regression.js';

describe('top factors', () => {
  const X = Array.from({ length: 200 }, (_, i) => [i % 10, (i * 7) % 13, i % 2, 3]);
  const y = X.map((x, i) => (x[0] + 2 * x[2] + ((i * 11) % 5) > 7 ? 1 : 0));
  const model = fitLogisticRegression(X, y);
  const names = ['visits', 'noise', 'member', 'constant'];

  it('add up to the log-odds against the average customer', () => {
    const average = X[0].map((_, j) => X.reduce((s, x) => s + x[j], 0) / X.length);
    for (const x of [X[3], X[77], [20, 1, 1, 3]]) {
      const sum = contributions(model, x).reduce((s, c) => s + c, 0);
      expect(sum).toBeCloseTo(logOdds(model, x) - logOdds(model, average), 10);
    }
  });

  it('are sorted by size, named, with their direction; zero contributions are left out', () => {
    const x = [9, 6, 0, 3];
    const factors = rowFactors(model, names, x, 3);
    const sizes = factors.map((f) => Math.abs(f.contribution));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(factors.find((f) => f.feature === 'visits')).toMatchObject({ direction: 'raises', value: 9 });
    expect(factors.find((f) => f.feature === 'member')).toMatchObject({ direction: 'lowers', value: 0 });
    expect(factors.some((f) => f.feature === 'constant')).toBe(false);
    const global = globalFactors(model, names);
    expect(global.map((g) => g.feature).slice(0, 2).sort()).toEqual(['member', 'visits']);
    expect(global.every((g) => g.feature !== 'constant')).toBe(true);
    expect(global[0].oddsRatio).toBeCloseTo(Math.exp(global[0].coefficient), 12);
  });
});
