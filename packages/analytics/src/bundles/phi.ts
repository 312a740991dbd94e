/**
 * The phi coefficient of two items across baskets: Pearson's r between their 0/1 indicator vectors, from the 2×2
 * table (Yule 1912; Pearson 1900) — r = (n·n₁₁ − n₁·n₂) / √(n₁(n − n₁) · n₂(n − n₂)), in [−1, 1].
 * NaN when an item is in every basket or in none (its indicator has no variance).
 */
import type { BasketData } from './baskets.js';

export function phiFromCounts(n: number, countA: number, countB: number, countAB: number): number {
  const denominator = Math.sqrt(countA * (n - countA) * countB * (n - countB));
  if (denominator === 0) return Number.NaN;
  const r = (n * countAB - countA * countB) / denominator;
  return Math.max(-1, Math.min(1, r));
}

/** Counts of a, b and both in the baskets, then phi. */
export function phiCorrelation(data: BasketData, a: number, b: number): number {
  let countA = 0;
  let countB = 0;
  let countAB = 0;
  const { offsets, items } = data;
  for (let t = 0; t < data.basketCount; t++) {
    let hasA = false;
    let hasB = false;
    for (let i = offsets[t]; i < offsets[t + 1]; i++) {
      const item = items[i];
      if (item === a) hasA = true;
      if (item === b) hasB = true;
    }
    if (hasA) countA++;
    if (hasB) countB++;
    if (hasA && hasB) countAB++;
  }
  return phiFromCounts(data.basketCount, countA, countB, countAB);
}
