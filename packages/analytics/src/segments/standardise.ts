/**
 * z-score standardisation of a feature matrix, so that clustering weighs every feature alike
 * (otherwise a feature in currency units would swamp one counted in orders). z = (x − mean) / sd,
 * with the population sd (divisor n, as scikit-learn's StandardScaler): the z columns then have
 * mean 0 and variance exactly 1.
 *
 * A constant column gets sd = 1 and z = 0, not NaN: it carries no information and must not break
 * the distances. `mean` and `sd` are returned so that centres found in z units can be shown in the
 * original units (`fromZ`).
 */
import type { FeatureRows } from './feature-matrix.js';

export interface Standardised {
  /** One Float64Array per input row. */
  z: Float64Array[];
  mean: Float64Array;
  sd: Float64Array;
}

export function standardise(rows: FeatureRows): Standardised {
  if (rows.length === 0) throw new RangeError('no rows');
  const n = rows.length;
  const columns = rows[0].length;
  rows.forEach((row, i) => {
    if (row.length !== columns) throw new RangeError(`row ${i} has ${row.length} features, expected ${columns}`);
  });
  const mean = new Float64Array(columns);
  const sd = new Float64Array(columns);
  for (let j = 0; j < columns; j++) {
    let sum = 0;
    let constant = true;
    const first = rows[0][j];
    for (let i = 0; i < n; i++) {
      const v = rows[i][j];
      if (!Number.isFinite(v)) throw new RangeError(`row ${i}, feature ${j} is not a finite number: ${v}`);
      sum += v;
      if (v !== first) constant = false;
    }
    // a constant column: the mean is taken as the value itself, so z is exactly 0 (sum / n may round)
    if (constant) {
      mean[j] = first;
      sd[j] = 1;
      continue;
    }
    mean[j] = sum / n;
    // two passes (mean, then squared deviations): no cancellation as in Σx² − n·mean²
    let squares = 0;
    for (let i = 0; i < n; i++) squares += (rows[i][j] - mean[j]) ** 2;
    sd[j] = Math.sqrt(squares / n);
  }
  const z = rows.map((row) => {
    const out = new Float64Array(columns);
    for (let j = 0; j < columns; j++) out[j] = (row[j] - mean[j]) / sd[j];
    return out;
  });
  return { z, mean, sd };
}

/** A point in z units (e.g. a cluster centre) in the original units. */
export function fromZ(point: ArrayLike<number>, { mean, sd }: Pick<Standardised, 'mean' | 'sd'>): Float64Array {
  const out = new Float64Array(mean.length);
  for (let j = 0; j < mean.length; j++) out[j] = mean[j] + point[j] * sd[j];
  return out;
}
