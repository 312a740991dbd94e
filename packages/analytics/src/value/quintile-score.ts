/**
 * Quintile scores 1–5 for RFM analysis (Hughes 1994, "Strategic Database Marketing": each of R, F
 * and M is scored in five equal-count groups, 5 = best).
 *
 * Tie rule — mid-rank: values are ranked from worst to best; customers with equal values share the
 * average of the ranks they occupy (m), and the score is
 *     score = min(5, 1 + floor(5 · (m − ½) / n)).
 * So equal values always get equal scores (unlike SQL NTILE, which splits a tie arbitrarily
 * across groups); with n distinct values each score holds n/5 customers; a lone customer, or a
 * population where everyone has the same value, scores 3 — the middle, since nothing sets them apart.
 */

export type ScoreDirection = 'higher-is-better' | 'lower-is-better';

export function quintileScores(values: ArrayLike<number>, direction: ScoreDirection): Uint8Array {
  const n = values.length;
  const scores = new Uint8Array(n);
  if (n === 0) return scores;
  const sign = direction === 'higher-is-better' ? 1 : -1;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(values[i])) throw new RangeError(`quintileScores: value ${i} is NaN`);
    order[i] = i;
  }
  order.sort((i, j) => sign * (values[i] - values[j])); // worst first
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && values[order[end]] === values[order[start]]) end++;
    // 1-based ranks start+1 … end; their mean:
    const midRank = (start + 1 + end) / 2;
    const score = Math.min(5, 1 + Math.floor((5 * (midRank - 0.5)) / n));
    for (let k = start; k < end; k++) scores[order[k]] = score;
    start = end;
  }
  return scores;
}
