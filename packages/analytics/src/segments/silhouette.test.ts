import { describe, expect, it } from 'vitest';
import { chooseK } from './choose-k.js';
import { kMeans } from './kmeans.js';
import { silhouette } from './silhouette.js';
import { euclidean, gaussianBlobs } from './test-helpers.js';

/** Rousseeuw's definition, written out directly: every row against every other row (labels 0 … k − 1). */
function bruteForceSilhouette(rows: number[][], labels: ArrayLike<number>): number {
  const k = Math.max(...Array.from(labels)) + 1;
  let total = 0;
  rows.forEach((x, i) => {
    const sums = new Array<number>(k).fill(0);
    const counts = new Array<number>(k).fill(0);
    rows.forEach((y, j) => {
      if (j === i) return;
      sums[labels[j]] += euclidean(x, y);
      counts[labels[j]]++;
    });
    const own = labels[i];
    if (counts[own] === 0) return; // alone in its group: s = 0
    const a = sums[own] / counts[own];
    let b = Infinity;
    for (let g = 0; g < k; g++) if (g !== own && counts[g] > 0) b = Math.min(b, sums[g] / counts[g]);
    total += (b - a) / Math.max(a, b);
  });
  return total / rows.length;
}

describe('mean silhouette', () => {
  it('is exact on a small data set, singletons counting 0', () => {
    const { rows, labels } = gaussianBlobs([[0, 0], [3, 0], [0, 3]], 20, 1.2, 3);
    const withSingleton = [...rows, [10, 10]];
    const singletonLabels = [...labels, 3];
    expect(silhouette(rows, labels)).toBeCloseTo(bruteForceSilhouette(rows, labels), 12);
    expect(silhouette(withSingleton, singletonLabels)).toBeCloseTo(bruteForceSilhouette(withSingleton, singletonLabels), 12);
  });

  it('on a sample of 2,000 rows is within 0.02 of the exact value on 3,000', () => {
    const { rows } = gaussianBlobs([[0, 0, 0], [4, 0, 0], [0, 4, 0]], 1000, 1.5, 5);
    const { assignments } = kMeans(rows, 3, { seed: 1 });
    const exact = bruteForceSilhouette(rows, assignments);
    expect(silhouette(rows, assignments, { sampleSize: rows.length })).toBeCloseTo(exact, 10);
    for (const seed of [1, 2, 3]) expect(Math.abs(silhouette(rows, assignments, { seed }) - exact)).toBeLessThan(0.02);
  });

  it('needs two groups', () => {
    expect(() => silhouette([[0], [1]], [0, 0])).toThrow(RangeError);
  });
});

describe('chooseK', () => {
  it('picks the true number of well-separated blobs and returns the curve', () => {
    const truth = [
      [0, 0, 0, 0],
      [6, 0, 0, 0],
      [0, 6, 0, 0],
      [0, 0, 6, 6],
    ];
    const { rows } = gaussianBlobs(truth, 300, 1, 9);
    const { k, curve } = chooseK(rows, { seed: 4 });
    expect(k).toBe(4);
    expect(curve.map((p) => p.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const best = curve.find((p) => p.k === 4)!;
    for (const p of curve) expect(p.silhouette).toBeLessThanOrEqual(best.silhouette);
    // within-group sum of squares: k = 4 removes the between-blob spread, more groups add little
    expect(curve[2].inertia).toBeLessThan(curve[1].inertia / 2);
    expect(curve[3].inertia).toBeGreaterThan(curve[2].inertia * 0.9);
  });
});
