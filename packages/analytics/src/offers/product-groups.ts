/**
 * Product/service groups (PSG): products that sell together, from their co-occurrence across item sets (one set per
 * customer — what they ever bought — or per basket). Only the `topItems` most frequent items are grouped (the phi
 * matrix is N × N, the only dense matrix here); every other item is "ungrouped".
 *
 * 1. r = phi correlation of each pair of top items (`phiFromCounts`, Pearson r of the 0/1 indicators across sets);
 *    an item in every set has no variance and its r (NaN) is taken as 0 — it tells nothing about what goes with it.
 * 2. Average-linkage clustering on 1 − r, cut where the mean r between the two closest clusters falls below
 *    `minCorrelation`, no group above `maxGroupSize` items.
 * 3. Single items stay ungrouped; at most `maxGroups` groups are kept (largest first, then the most cohesive), so a
 *    long tail of weak pairs does not flood the screen.
 */
import { phiFromCounts } from '../bundles/phi.js';
import { averageLinkage } from './average-linkage.js';

export interface ProductGroupOptions {
  /** how many of the most frequent items are grouped (default 150) */
  topItems?: number;
  /** cut: stop merging when the mean r between the closest clusters is below this (default 0.05) */
  minCorrelation?: number;
  /** largest group (default 30 items) */
  maxGroupSize?: number;
  /** most groups kept (default 30) */
  maxGroups?: number;
}

export interface ProductGroup {
  /** product ids, most frequent first */
  items: number[];
  /** mean r over the pairs of the group's items */
  cohesion: number;
  /** the item with the largest summed r to the other members (ties: the more frequent) */
  anchor: number;
}

export interface ProductGroups {
  groups: ProductGroup[];
  /** the grouped candidates: the `topItems` most frequent product ids (ties: lower id), most frequent first */
  topItems: number[];
  /** how many sets hold each of `topItems` */
  topItemCounts: number[];
  /** r between topItems[i] and topItems[j] at i · topItems.length + j (1 on the diagonal, NaN taken as 0) */
  correlation: Float64Array;
  /** product id → index in `groups`; ungrouped items are absent */
  groupOf: Map<number, number>;
  /** number of item sets */
  setCount: number;
}

export function productGroups(itemSets: readonly ArrayLike<number>[], options: ProductGroupOptions = {}): ProductGroups {
  const topN = options.topItems ?? 150;
  const minCorrelation = options.minCorrelation ?? 0.05;
  const maxGroupSize = options.maxGroupSize ?? 30;
  const maxGroups = options.maxGroups ?? 30;
  if (!(Number.isInteger(topN) && topN >= 1)) throw new RangeError(`topItems ${topN} is not a positive integer`);
  if (!(Number.isInteger(maxGroupSize) && maxGroupSize >= 2)) throw new RangeError(`maxGroupSize ${maxGroupSize} is below 2`);
  const n = itemSets.length;

  // set counts of every item: a set may list an item twice, so count it once per set
  const counts = new Map<number, number>();
  for (const set of itemSets) {
    for (const item of new Set(Array.from(set))) counts.set(item, (counts.get(item) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, topN);
  const topItems = ranked.map(([item]) => item);
  const topItemCounts = ranked.map(([, count]) => count);
  const size = topItems.length;
  const position = new Map(topItems.map((item, i) => [item, i]));

  // pair counts over the top items only: Σ (top items per set)², sparse in the sets
  const together = new Int32Array(size * size);
  const seen = new Int32Array(size).fill(-1);
  const present: number[] = [];
  for (let t = 0; t < n; t++) {
    present.length = 0;
    const set = itemSets[t];
    for (let i = 0; i < set.length; i++) {
      const p = position.get(set[i]);
      if (p === undefined || seen[p] === t) continue;
      seen[p] = t;
      present.push(p);
    }
    for (let i = 0; i < present.length; i++) {
      for (let j = i + 1; j < present.length; j++) {
        const a = present[i];
        const b = present[j];
        together[a < b ? a * size + b : b * size + a]++;
      }
    }
  }
  const correlation = new Float64Array(size * size);
  for (let a = 0; a < size; a++) {
    correlation[a * size + a] = 1;
    for (let b = a + 1; b < size; b++) {
      const r = phiFromCounts(n, topItemCounts[a], topItemCounts[b], together[a * size + b]);
      const v = Number.isNaN(r) ? 0 : r;
      correlation[a * size + b] = v;
      correlation[b * size + a] = v;
    }
  }

  const clusters = averageLinkage(correlation, size, { minSimilarity: minCorrelation, maxSize: maxGroupSize }).filter((c) => c.length >= 2);
  const described = clusters.map((positions) => {
    let pairSum = 0;
    let anchor = positions[0];
    let anchorSum = -Infinity;
    for (const a of positions) {
      let sum = 0;
      for (const b of positions) if (b !== a) sum += correlation[a * size + b];
      pairSum += sum;
      if (sum > anchorSum) {
        anchorSum = sum;
        anchor = a;
      }
    }
    const pairs = (positions.length * (positions.length - 1)) / 2;
    return { positions, cohesion: pairSum / 2 / pairs, anchor };
  });
  described.sort((x, y) => y.positions.length - x.positions.length || y.cohesion - x.cohesion || x.positions[0] - y.positions[0]);
  const groups: ProductGroup[] = described.slice(0, maxGroups).map((g) => ({
    items: g.positions.map((p) => topItems[p]),
    cohesion: g.cohesion,
    anchor: topItems[g.anchor],
  }));
  const groupOf = new Map<number, number>();
  groups.forEach((g, index) => g.items.forEach((item) => groupOf.set(item, index)));
  return { groups, topItems, topItemCounts, correlation, groupOf, setCount: n };
}
