/**
 * The (x, t_x, T) summary of each customer's repeat buying that the BG/NBD model is fitted to
 * (Fader, Hardie & Lee 2005, "Counting your customers the easy way", Marketing Science 24(2), §2):
 * x = number of repeat purchases in (0, T], t_x = time of the last one (0 when x = 0), T = time
 * since the first purchase, all measured from the first purchase in one time unit (weeks for CDNOW).
 *
 * Models take either an array of objects or struct-of-arrays typed arrays; both are converted here
 * once and validated, so the likelihood loops run over Float64Arrays.
 */

export interface RepeatBuying {
  x: number;
  tx: number;
  T: number;
}

export interface RepeatBuyingArrays {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Optional number of customers each row stands for (default 1). */
  weight?: Float64Array;
}

export type RepeatBuyingInput = readonly RepeatBuying[] | RepeatBuyingArrays;

function isArrays(input: RepeatBuyingInput): input is RepeatBuyingArrays {
  return !Array.isArray(input);
}

/** Converts and validates: x a non-negative integer, 0 ≤ t_x ≤ T, t_x = 0 when x = 0. */
export function toRepeatBuyingArrays(input: RepeatBuyingInput): RepeatBuyingArrays {
  let out: RepeatBuyingArrays;
  if (isArrays(input)) {
    if (input.tx.length !== input.x.length || input.T.length !== input.x.length) {
      throw new RangeError('repeat-buying arrays x, tx and T must have the same length');
    }
    if (input.weight && input.weight.length !== input.x.length) {
      throw new RangeError('repeat-buying weight array must have the same length as x');
    }
    out = input;
  } else {
    const rows = input as readonly RepeatBuying[];
    const n = rows.length;
    out = { x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n) };
    for (let i = 0; i < n; i++) {
      out.x[i] = rows[i].x;
      out.tx[i] = rows[i].tx;
      out.T[i] = rows[i].T;
    }
  }
  const { x, tx, T, weight } = out;
  for (let i = 0; i < x.length; i++) {
    if (!(Number.isInteger(x[i]) && x[i] >= 0)) throw new RangeError(`customer ${i}: x must be a non-negative integer (got ${x[i]})`);
    if (!(T[i] >= 0 && Number.isFinite(T[i]))) throw new RangeError(`customer ${i}: T must be ≥ 0 (got ${T[i]})`);
    if (!(tx[i] >= 0 && tx[i] <= T[i])) throw new RangeError(`customer ${i}: t_x must lie in [0, T] (got ${tx[i]}, T = ${T[i]})`);
    if (x[i] === 0 && tx[i] !== 0) throw new RangeError(`customer ${i}: t_x must be 0 when x = 0 (got ${tx[i]})`);
    if (weight && !(weight[i] >= 0)) throw new RangeError(`customer ${i}: weight must be ≥ 0 (got ${weight[i]})`);
  }
  return out;
}

/**
 * Merges identical (x, t_x, T) rows into one weighted row. Summaries of real cohorts repeat a lot
 * (every non-repeater of one acquisition day is the same row), so the likelihood, evaluated a few
 * hundred times during a fit, runs over far fewer rows.
 */
export function compressRepeatBuying(data: RepeatBuyingArrays): Required<RepeatBuyingArrays> {
  const n = data.x.length;
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) index[i] = i;
  const { x, tx, T } = data;
  index.sort((i, j) => x[i] - x[j] || tx[i] - tx[j] || T[i] - T[j]);
  const ox: number[] = [];
  const otx: number[] = [];
  const oT: number[] = [];
  const ow: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = index[k];
    const w = data.weight ? data.weight[i] : 1;
    const last = ox.length - 1;
    if (last >= 0 && ox[last] === x[i] && otx[last] === tx[i] && oT[last] === T[i]) {
      ow[last] += w;
    } else {
      ox.push(x[i]);
      otx.push(tx[i]);
      oT.push(T[i]);
      ow.push(w);
    }
  }
  return {
    x: Float64Array.from(ox),
    tx: Float64Array.from(otx),
    T: Float64Array.from(oT),
    weight: Float64Array.from(ow),
  };
}
