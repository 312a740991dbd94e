/**
 * Mean silhouette coefficient (Rousseeuw 1987, J. Comput. Appl. Math. 20): for customer i in group A,
 * a(i) = mean distance to the other members of A, b(i) = the smallest mean distance to the members
 * of another group, s(i) = (b − a) / max(a, b) ∈ [−1, 1]; s(i) = 0 when i is alone in A. Near 1:
 * compact, well-separated groups; near 0: overlapping ones. Euclidean distances.
 *
 * Exact needs all n² distances, so above `sampleSize` rows (default 2,000) it is computed exactly on
 * a seeded uniform sample of rows, as scikit-learn's `silhouette_score(sample_size=…)`. The sample
 * depends only on n, the sample size and the seed, so one seed compares several groupings of the
 * same customers on the same sample (`chooseK`).
 */
import { squaredDistance, type FeatureRows } from './feature-matrix.js';
import { sampleRows, seededRandom } from './random.js';

export interface SilhouetteOptions {
  /** Rows used at most; default 2,000. */
  sampleSize?: number;
  /** Default 1. */
  seed?: number;
}

export function silhouette(rows: FeatureRows, assignments: ArrayLike<number>, options: SilhouetteOptions = {}): number {
  if (rows.length !== assignments.length) throw new RangeError(`${rows.length} rows but ${assignments.length} assignments`);
  const sample = sampleRows(rows.length, options.sampleSize ?? 2000, seededRandom(options.seed ?? 1));
  const s = sample.length;
  let groups = 0;
  for (const i of sample) {
    const g = assignments[i];
    if (!Number.isInteger(g) || g < 0) throw new RangeError(`assignment of row ${i} is not a group number: ${g}`);
    groups = Math.max(groups, g + 1);
  }
  const counts = new Float64Array(groups);
  for (const i of sample) counts[assignments[i]]++;
  if (counts.filter((count) => count > 0).length < 2) throw new RangeError('the silhouette needs at least two groups');

  // the sampled rows copied into one typed array: the O(s²) loop below then reads contiguous memory
  const d = rows[0].length;
  const points = new Float64Array(s * d);
  const labels = new Int32Array(s);
  sample.forEach((i, p) => {
    if (rows[i].length !== d) throw new RangeError(`row ${i} has ${rows[i].length} features, expected ${d}`);
    for (let j = 0; j < d; j++) points[p * d + j] = rows[i][j];
    labels[p] = assignments[i];
  });
  // distanceSums[p * groups + g]: Σ distances from sampled row p to the sampled rows of group g
  const distanceSums = new Float64Array(s * groups);
  for (let p = 0; p < s; p++) {
    for (let q = p + 1; q < s; q++) {
      const distance = Math.sqrt(squaredDistance(points, p * d, points, q * d, d));
      distanceSums[p * groups + labels[q]] += distance;
      distanceSums[q * groups + labels[p]] += distance;
    }
  }

  let total = 0;
  for (let p = 0; p < s; p++) {
    const own = labels[p];
    if (counts[own] === 1) continue;
    const a = distanceSums[p * groups + own] / (counts[own] - 1);
    let b = Infinity;
    for (let g = 0; g < groups; g++) if (g !== own && counts[g] > 0) b = Math.min(b, distanceSums[p * groups + g] / counts[g]);
    const denominator = Math.max(a, b);
    if (denominator > 0) total += (b - a) / denominator;
  }
  return total / s;
}
