/**
 * The number of customer groups from the data: k-means for every k in kMin … kMax, scored by the mean
 * silhouette (silhouette.ts; on one seeded sample of rows for every k, so the scores compare). The
 * best k has the highest silhouette, the smaller k on a tie. The whole curve is returned for the
 * analyst, with the inertia (within-group sum of squares) beside it for the "elbow" reading — the
 * silhouette decides because inertia always falls as k grows.
 */
import { toDenseMatrix, type FeatureRows } from './feature-matrix.js';
import { kMeans, type KMeansOptions } from './kmeans.js';
import { silhouette } from './silhouette.js';

export interface ChooseKOptions extends Omit<KMeansOptions, 'seed'> {
  /** Default 2. */
  kMin?: number;
  /** Default 8. */
  kMax?: number;
  /** Seeds both the clustering and the silhouette sample; default 1. */
  seed?: number;
  /** Rows the silhouette is computed on, default 2,000. */
  sampleSize?: number;
}

export interface ChooseKPoint {
  k: number;
  silhouette: number;
  inertia: number;
}

export interface ChooseKResult {
  k: number;
  curve: ChooseKPoint[];
}

export function chooseK(rows: FeatureRows, options: ChooseKOptions = {}): ChooseKResult {
  const { kMin = 2, kMax = 8, seed = 1, sampleSize, ...kMeansOptions } = options;
  if (!Number.isInteger(kMin) || !Number.isInteger(kMax) || kMin < 2 || kMax < kMin || kMax > rows.length) {
    throw new RangeError(`need integers 2 ≤ kMin ≤ kMax ≤ ${rows.length}, got ${kMin} … ${kMax}`);
  }
  const matrix = toDenseMatrix(rows);
  const curve: ChooseKPoint[] = [];
  for (let k = kMin; k <= kMax; k++) {
    const { assignments, inertia } = kMeans(matrix, k, { ...kMeansOptions, seed });
    curve.push({ k, silhouette: silhouette(rows, assignments, { sampleSize, seed }), inertia });
  }
  const best = curve.reduce((a, b) => (b.silhouette > a.silhouette ? b : a));
  return { k: best.k, curve };
}
