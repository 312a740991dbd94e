import { describe, expect, it } from 'vitest';
import { fuzzyCMeans } from './fuzzy-c-means.js';
import { centreErrors, euclidean, gaussianBlobs } from './test-helpers.js';

/** Bezdek's membership update from centres, as printed: u_ij = 1 / Σ_k (d_ij / d_ik)^(2/(m−1)). */
function closedFormMemberships(row: ArrayLike<number>, centres: ArrayLike<number>[], m: number): number[] {
  const distances = centres.map((v) => euclidean(row, v));
  return distances.map((dij) => 1 / distances.reduce((s, dik) => s + (dij / dik) ** (2 / (m - 1)), 0));
}

const truth = [
  [0, 0, 0],
  [8, 0, 0],
  [0, 8, 0],
];
const blobs = gaussianBlobs(truth, 400, 1, 21);

describe('fuzzy c-means on Gaussian blobs with known centres', () => {
  const objectives: number[] = [];
  const result = fuzzyCMeans(blobs.rows, 3, { seed: 2, onIteration: (_, j) => objectives.push(j) });

  it('recovers the generating centres', () => {
    // sampling error of a blob mean ≈ 0.05·χ₃ (< 0.2 w.p. 0.9999) plus the pull of the two other
    // blobs: their members keep degree ≈ (1/8²)/(1/8² + …) ≈ 0.015, squared (m = 2) 2e-4, 8 sd away → < 0.01
    for (const error of centreErrors(truth, result.centroids)) expect(error).toBeLessThan(0.2);
    expect(result.converged).toBe(true);
  });

  it('gives memberships that sum to 1 and are the closed-form update of the returned centres', () => {
    expect(result.memberships).toHaveLength(blobs.rows.length);
    blobs.rows.forEach((row, i) => {
      const u = result.memberships[i];
      expect(u.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
      closedFormMemberships(row, result.centroids, 2).forEach((x, j) => expect(u[j]).toBeCloseTo(x, 12));
    });
  });

  it('never increases the objective, and reports the last one', () => {
    expect(objectives).toHaveLength(result.iterations);
    for (let t = 1; t < objectives.length; t++) expect(objectives[t]).toBeLessThanOrEqual(objectives[t - 1] * (1 + 1e-12));
    expect(result.objective).toBe(objectives.at(-1));
    // J recomputed from its definition at the returned memberships and centres
    const j = blobs.rows.reduce((s, row, i) => s + result.centroids.reduce((t, v, c) => t + result.memberships[i][c] ** 2 * euclidean(row, v) ** 2, 0), 0);
    expect(result.objective).toBeCloseTo(j, 6);
  });

  it('is reproducible from its seed', () => {
    const again = fuzzyCMeans(blobs.rows, 3, { seed: 2 });
    expect(again.centroids).toEqual(result.centroids);
    expect(again.memberships).toEqual(result.memberships);
  });

  it('gives the same kind of solution when the centres are first found on a sample', () => {
    const objectives: number[] = [];
    const sampled = fuzzyCMeans(blobs.rows, 3, { seed: 2, sampleSize: 200, onIteration: (_, j) => objectives.push(j) });
    for (const error of centreErrors(truth, sampled.centroids)) expect(error).toBeLessThan(0.2);
    for (let t = 1; t < objectives.length; t++) expect(objectives[t]).toBeLessThanOrEqual(objectives[t - 1] * (1 + 1e-12));
    blobs.rows.forEach((row, i) => closedFormMemberships(row, sampled.centroids, 2).forEach((x, j) => expect(sampled.memberships[i][j]).toBeCloseTo(x, 12)));
    expect(sampled.objective / result.objective).toBeCloseTo(1, 4);
  });

  it('satisfies the fixed-point condition for another fuzzifier (m = 1.5)', () => {
    const soft = fuzzyCMeans(blobs.rows, 3, { seed: 2, m: 1.5 });
    blobs.rows.forEach((row, i) => closedFormMemberships(row, soft.centroids, 1.5).forEach((x, j) => expect(soft.memberships[i][j]).toBeCloseTo(x, 12)));
  });
});

describe('fuzzy c-means: points between and on centres', () => {
  it('gives a point midway between two mirror-image blobs 0.5 / 0.5', () => {
    // every point has its mirror image −x, so the solution is symmetric and the origin is midway
    const { rows } = gaussianBlobs([[5, 0]], 300, 1, 4);
    const data = [...rows, ...rows.map((row) => row.map((x) => -x)), [0, 0]];
    const result = fuzzyCMeans(data, 2, { seed: 1, tolerance: 1e-9 });
    const [a, b] = result.centroids;
    expect(euclidean(a, [0, 0])).toBeCloseTo(euclidean(b, [0, 0]), 6);
    const midway = result.memberships[data.length - 1];
    expect(midway[0]).toBeCloseTo(0.5, 6);
    expect(midway[1]).toBeCloseTo(0.5, 6);
  });

  it('gives a point on a centre degree 1 there and 0 elsewhere', () => {
    // three distinct points and three groups: every centre lands on a point (distance 0)
    const result = fuzzyCMeans([[0, 0], [0, 0], [1, 0], [1, 0], [0, 1]], 3, { seed: 1 });
    for (const u of result.memberships) {
      expect([...u].sort()).toEqual([0, 0, 1]);
    }
    expect(result.memberships[0]).toEqual(result.memberships[1]);
    expect(result.objective).toBe(0);
  });

  it('rejects c outside 2 … n and m ≤ 1', () => {
    expect(() => fuzzyCMeans([[0], [1]], 3)).toThrow(RangeError);
    expect(() => fuzzyCMeans([[0], [1]], 2, { m: 1 })).toThrow(RangeError);
  });
});
