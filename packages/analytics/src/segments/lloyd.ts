/**
 * Lloyd's algorithm (Lloyd 1982) with Hamerly's bounds (Hamerly 2010, "Making k-means even
 * faster", SDM): the same groups and centres, step for step, as plain Lloyd (up to the rounding
 * of the group sums, which are updated row by row rather than re-added every step), but a row is measured
 * against every centre only when its bounds cannot prove that its nearest centre stayed the same.
 * Per row: `upper` ≥ distance to its own centre, `lower` ≤ distance to any other centre. If
 * upper ≤ max(lower, half the distance from its centre to the nearest other centre) the row keeps
 * its group. After each step the bounds widen by how far the centres moved. Once most rows have
 * settled a step costs O(n) instead of O(n·k·d), which matters in the long tail of steps that
 * customer data (rarely well-separated groups) needs.
 */
import { squaredDistance, type DenseMatrix } from './feature-matrix.js';

export interface LloydResult {
  centres: Float64Array;
  assignments: Int32Array;
  inertia: number;
  iterations: number;
  converged: boolean;
}

/**
 * `centres` (k × columns, row-major) are the seeds and are updated in place. Stops when no row
 * changes group, when Σ‖Δcentre‖² ≤ shiftTolerance, or after maxIterations; in every case the
 * rows are assigned to the returned centres.
 */
export function lloyd(data: DenseMatrix, centres: Float64Array, maxIterations: number, shiftTolerance: number): LloydResult {
  const { rows: n, columns: d, values } = data;
  const k = centres.length / d;
  const assignments = new Int32Array(n);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const previous = new Float64Array(centres.length);
  const moved = new Float64Array(k);
  const halfGap = new Float64Array(k);

  for (let i = 0; i < n; i++) nearestTwo(values, i, centres, d, k, assignments, upper, lower);
  // group sums kept up to date row by row, so a step does not re-add all n rows
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  for (let i = 0; i < n; i++) moveRow(values, i, d, -1, assignments[i], sums, counts);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    previous.set(centres);
    updateCentres(data, sums, counts, upper, lower, centres);

    let shift = 0;
    let largest = 0;
    let secondLargest = 0;
    for (let c = 0; c < k; c++) {
      const s = squaredDistance(previous, c * d, centres, c * d, d);
      shift += s;
      moved[c] = Math.sqrt(s);
      if (moved[c] > moved[largest]) largest = c;
    }
    for (let c = 0; c < k; c++) if (c !== largest && moved[c] > secondLargest) secondLargest = moved[c];
    for (let c = 0; c < k; c++) {
      let gap = Infinity;
      for (let o = 0; o < k; o++) if (o !== c) gap = Math.min(gap, squaredDistance(centres, c * d, centres, o * d, d));
      halfGap[c] = Math.sqrt(gap) / 2;
    }

    let changed = 0;
    for (let i = 0; i < n; i++) {
      const a = assignments[i];
      upper[i] += moved[a];
      lower[i] -= a === largest ? secondLargest : moved[largest];
      const bound = Math.max(halfGap[a], lower[i]);
      if (upper[i] <= bound) continue;
      upper[i] = Math.sqrt(squaredDistance(values, i * d, centres, a * d, d));
      if (upper[i] <= bound) continue;
      nearestTwo(values, i, centres, d, k, assignments, upper, lower);
      if (assignments[i] !== a) {
        changed++;
        moveRow(values, i, d, a, assignments[i], sums, counts);
      }
    }
    converged = changed === 0 || shift <= shiftTolerance;
  }

  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += squaredDistance(values, i * d, centres, assignments[i] * d, d);
  return { centres, assignments, inertia, iterations, converged };
}

/** Full scan of row i: its nearest centre (ties to the lower number) and exact bounds. */
function nearestTwo(
  values: Float64Array,
  i: number,
  centres: Float64Array,
  d: number,
  k: number,
  assignments: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
): void {
  let best = 0;
  let first = Infinity;
  let second = Infinity;
  for (let c = 0; c < k; c++) {
    const s = squaredDistance(values, i * d, centres, c * d, d);
    if (s < first) {
      second = first;
      first = s;
      best = c;
    } else if (s < second) {
      second = s;
    }
  }
  assignments[i] = best;
  upper[i] = Math.sqrt(first);
  lower[i] = Math.sqrt(second);
}

/** Moves row i's values from group `from` (−1: none) to group `to` in the group sums. */
function moveRow(values: Float64Array, i: number, d: number, from: number, to: number, sums: Float64Array, counts: Float64Array): void {
  if (from >= 0) {
    counts[from]--;
    for (let j = 0; j < d; j++) sums[from * d + j] -= values[i * d + j];
  }
  counts[to]++;
  for (let j = 0; j < d; j++) sums[to * d + j] += values[i * d + j];
}

/** Centres ← group means; an empty group takes the row that may be farthest from its centre. */
function updateCentres(
  data: DenseMatrix,
  sums: Float64Array,
  counts: Float64Array,
  upper: Float64Array,
  lower: Float64Array,
  centres: Float64Array,
): void {
  const { rows: n, columns: d, values } = data;
  const taken: number[] = [];
  for (let c = 0; c < counts.length; c++) {
    if (counts[c] > 0) {
      for (let j = 0; j < d; j++) centres[c * d + j] = sums[c * d + j] / counts[c];
      continue;
    }
    let farthest = -1;
    for (let i = 0; i < n; i++) if ((farthest < 0 || upper[i] > upper[farthest]) && !taken.includes(i)) farthest = i;
    taken.push(farthest);
    centres.set(values.subarray(farthest * d, farthest * d + d), c * d);
    // the row now lies on centre c: 0 is its valid lower bound, so the next step re-examines it
    lower[farthest] = 0;
  }
}
