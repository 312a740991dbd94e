/**
 * Feature matrices for the customer-group models: rows are customers, columns are features.
 *
 * Callers pass rows (`number[][]` or `Float64Array[]`, whichever they have) or a `DenseMatrix`. The
 * clustering loops copy rows once into one row-major Float64Array, so the hot loops index a single
 * typed array whatever the caller passed (one element type for V8, contiguous memory); building a
 * `DenseMatrix` directly skips that copy when the same data is clustered several times (`chooseK`).
 */

export type FeatureRows = readonly ArrayLike<number>[];

/** Row-major: the value of customer i, feature j is values[i * columns + j]. */
export interface DenseMatrix {
  rows: number;
  columns: number;
  values: Float64Array;
}

export type FeatureMatrix = FeatureRows | DenseMatrix;

/** Checks shape and finiteness (a NaN would silently poison every distance). */
export function toDenseMatrix(data: FeatureMatrix): DenseMatrix {
  if (!Array.isArray(data)) return data as DenseMatrix;
  const rows = data as FeatureRows;
  if (rows.length === 0) throw new RangeError('no rows');
  const columns = rows[0].length;
  if (columns === 0) throw new RangeError('no features');
  const values = new Float64Array(rows.length * columns);
  rows.forEach((row, i) => {
    if (row.length !== columns) throw new RangeError(`row ${i} has ${row.length} features, expected ${columns}`);
    for (let j = 0; j < columns; j++) {
      const v = row[j];
      if (!Number.isFinite(v)) throw new RangeError(`row ${i}, feature ${j} is not a finite number: ${v}`);
      values[i * columns + j] = v;
    }
  });
  return { rows: rows.length, columns, values };
}

/** k × columns flat centres → one Float64Array per centre (copies, so results own their memory). */
export function splitRows(flat: Float64Array, columns: number): Float64Array[] {
  const out: Float64Array[] = [];
  for (let offset = 0; offset < flat.length; offset += columns) out.push(flat.slice(offset, offset + columns));
  return out;
}

/** ‖a[aOffset …] − b[bOffset …]‖² over `length` values. */
export function squaredDistance(a: Float64Array, aOffset: number, b: Float64Array, bOffset: number, length: number): number {
  let s = 0;
  for (let j = 0; j < length; j++) {
    const diff = a[aOffset + j] - b[bOffset + j];
    s += diff * diff;
  }
  return s;
}
