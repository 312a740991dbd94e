import { describe, expect, it } from 'vitest';
import { kMeans } from './kmeans.js';
import { adjustedRandIndex, centreErrors, euclidean, gaussianBlobs } from './test-helpers.js';

// Four blobs of 500 points, sd 1, centres 8 sd apart: a point is nearer another blob's centre with
// probability P(N(0,1) > 4) ≈ 3e-5, so the true grouping is essentially unambiguous.
const truth = [
  [0, 0, 0, 0, 0],
  [8, 0, 0, 0, 0],
  [0, 8, 0, 0, 0],
  [0, 0, 8, 8, 0],
];
const blobs = gaussianBlobs(truth, 500, 1, 7);

describe('k-means on Gaussian blobs with known centres', () => {
  const result = kMeans(blobs.rows, 4, { seed: 3 });

  it('recovers the generating centres', () => {
    // a blob mean has standard error 1/√500 ≈ 0.045 per coordinate; its distance from the true
    // centre is 0.045·χ₅, below 0.045·√25.7 ≈ 0.23 with probability 0.9999
    for (const error of centreErrors(truth, result.centroids)) expect(error).toBeLessThan(0.25);
  });

  it('agrees with the true labels (adjusted Rand index > 0.95)', () => {
    expect(adjustedRandIndex(result.assignments, blobs.labels)).toBeGreaterThan(0.95);
    expect(result.converged).toBe(true);
  });

  it('is reproducible from its seed', () => {
    const again = kMeans(blobs.rows, 4, { seed: 3 });
    expect(again.assignments).toEqual(result.assignments);
    expect(again.centroids).toEqual(result.centroids);
    expect(again.inertia).toBe(result.inertia);
  });
});

describe('k-means run to a fixed point on overlapping data', () => {
  // overlapping blobs and more groups than blobs: many steps, rows change group late
  const { rows } = gaussianBlobs([[0, 0, 0], [4, 0, 0], [0, 4, 0]], 1000, 2, 11);
  const result = kMeans(rows, 5, { seed: 5, tolerance: 0, maxIterations: 1000 });

  it('returns a Lloyd fixed point: every centre is its group mean, every row nearest its own centre', () => {
    expect(result.converged).toBe(true);
    const sums = result.centroids.map(() => [0, 0, 0]);
    const counts = result.centroids.map(() => 0);
    let inertia = 0;
    rows.forEach((row, i) => {
      const a = result.assignments[i];
      counts[a]++;
      row.forEach((x, j) => (sums[a][j] += x));
      const own = euclidean(row, result.centroids[a]);
      inertia += own ** 2;
      for (const centre of result.centroids) expect(own).toBeLessThanOrEqual(euclidean(row, centre) + 1e-12);
    });
    result.centroids.forEach((centre, c) => {
      expect(counts[c]).toBeGreaterThan(0);
      centre.forEach((x, j) => expect(x).toBeCloseTo(sums[c][j] / counts[c], 10));
    });
    expect(result.inertia).toBeCloseTo(inertia, 6);
  });

  it('stops earlier with the default tolerance, at nearly the same inertia', () => {
    const loose = kMeans(rows, 5, { seed: 5 });
    expect(loose.iterations).toBeLessThanOrEqual(result.iterations);
    expect(loose.inertia / result.inertia).toBeLessThan(1.001);
  });
});

describe('k-means edge cases', () => {
  it('puts repeated points in groups of their own with zero inertia', () => {
    const result = kMeans([[0, 0], [0, 0], [1, 1], [1, 1], [5, 5]], 3, { seed: 2 });
    expect(result.inertia).toBe(0);
    const a = result.assignments;
    expect(a[0]).toBe(a[1]);
    expect(a[2]).toBe(a[3]);
    expect(new Set(a).size).toBe(3);
  });

  it('rejects k outside 1 … n', () => {
    expect(() => kMeans([[0], [1]], 3)).toThrow(RangeError);
    expect(() => kMeans([[0], [1]], 0)).toThrow(RangeError);
  });
});
