/**
 * Frequent itemsets by FP-growth: Han, Pei & Yin (2000), "Mining frequent patterns without candidate
 * generation", Proc. ACM SIGMOD, pp. 1–12 (algorithms 1 and 2: FP-tree construction, then recursive mining of
 * conditional pattern bases, least frequent item first). Written on integer item ids with the tree in typed arrays.
 *
 * An itemset is frequent when it is in at least `minimumCount(n, minSupport)` = ⌈n · minSupport⌉ of the n baskets
 * (as R arules' apriori). Itemsets have 1 … maxLength items (default 10, arules' `maxlen`); the empty set is not listed.
 */
import { minimumCount, type BasketData } from './baskets.js';

export interface FrequentItemset {
  /** item ids, ascending */
  items: number[];
  /** number of baskets holding all of them */
  count: number;
  /** count / n */
  support: number;
}

export interface FrequentItemsets {
  basketCount: number;
  minCount: number;
  maxLength: number;
  /** every frequent itemset once; count of the set's size per position in `sizes` (sizes[k] = itemsets of k items) */
  itemsets: FrequentItemset[];
  sizes: number[];
}

export interface FpGrowthOptions {
  /** minimum support as a fraction of baskets, in [0, 1] */
  minSupport: number;
  /** largest itemset size (default 10, as arules' maxlen) */
  maxLength?: number;
}

/** An FP-tree over `k` local items (local index = rank by descending count, ties by ascending id). Node 0 is the root. */
interface FpTree {
  k: number;
  itemOf: Int32Array;
  countOf: Int32Array;
  head: Int32Array;
  nodeItem: Int32Array;
  nodeCount: Int32Array;
  nodeParent: Int32Array;
  nodeLink: Int32Array;
}

/** Work arrays of length itemCount shared by all tree builds: `scratch` all 0 and `rankOf` all −1 between builds. */
interface Work {
  scratch: Int32Array;
  rankOf: Int32Array;
}

/**
 * Builds the FP-tree of weighted paths (path p = ids[offsets[p] .. offsets[p + 1]), weight weights[p]), keeping the
 * items whose weighted count reaches minCount. Null when none does.
 */
function buildTree(ids: Int32Array, offsets: Int32Array, weights: Int32Array, minCount: number, work: Work): FpTree | null {
  const { scratch, rankOf } = work;
  const paths = offsets.length - 1;
  const touched: number[] = [];
  for (let p = 0; p < paths; p++) {
    const w = weights[p];
    for (let i = offsets[p]; i < offsets[p + 1]; i++) {
      const item = ids[i];
      if (scratch[item] === 0) touched.push(item);
      scratch[item] += w;
    }
  }
  const frequent = touched.filter((item) => scratch[item] >= minCount);
  frequent.sort((a, b) => scratch[b] - scratch[a] || a - b);
  const k = frequent.length;
  let tree: FpTree | null = null;
  if (k > 0) {
    const itemOf = Int32Array.from(frequent);
    const countOf = new Int32Array(k);
    for (let r = 0; r < k; r++) {
      countOf[r] = scratch[itemOf[r]];
      rankOf[itemOf[r]] = r;
    }
    const capacity = ids.length + 1;
    const nodeItem = new Int32Array(capacity).fill(-1);
    const nodeCount = new Int32Array(capacity);
    const nodeParent = new Int32Array(capacity).fill(-1);
    const nodeLink = new Int32Array(capacity).fill(-1);
    const firstChild = new Int32Array(capacity).fill(-1);
    const nextSibling = new Int32Array(capacity).fill(-1);
    const head = new Int32Array(k).fill(-1);
    let size = 1;
    const ranks = new Int32Array(k);
    for (let p = 0; p < paths; p++) {
      let m = 0;
      for (let i = offsets[p]; i < offsets[p + 1]; i++) {
        const r = rankOf[ids[i]];
        if (r >= 0) ranks[m++] = r;
      }
      if (m === 0) continue;
      const sorted = ranks.subarray(0, m).sort();
      const w = weights[p];
      let node = 0;
      for (let j = 0; j < m; j++) {
        const r = sorted[j];
        let child = firstChild[node];
        while (child !== -1 && nodeItem[child] !== r) child = nextSibling[child];
        if (child === -1) {
          child = size++;
          nodeItem[child] = r;
          nodeParent[child] = node;
          nextSibling[child] = firstChild[node];
          firstChild[node] = child;
          nodeLink[child] = head[r];
          head[r] = child;
        }
        nodeCount[child] += w;
        node = child;
      }
    }
    tree = { k, itemOf, countOf, head, nodeItem, nodeCount, nodeParent, nodeLink };
    for (let r = 0; r < k; r++) rankOf[itemOf[r]] = -1;
  }
  for (const item of touched) scratch[item] = 0;
  return tree;
}

function mine(tree: FpTree, suffix: number[], minCount: number, maxLength: number, n: number, work: Work, out: FrequentItemset[]): void {
  for (let r = tree.k - 1; r >= 0; r--) {
    const itemset = [tree.itemOf[r], ...suffix];
    out.push({ items: [...itemset].sort((a, b) => a - b), count: tree.countOf[r], support: tree.countOf[r] / n });
    if (itemset.length >= maxLength || r === 0) continue;
    // conditional pattern base of item r: the prefix path of each of its nodes, weighted by the node's count
    const ids: number[] = [];
    const offsets: number[] = [0];
    const weights: number[] = [];
    for (let node = tree.head[r]; node !== -1; node = tree.nodeLink[node]) {
      for (let p = tree.nodeParent[node]; p > 0; p = tree.nodeParent[p]) ids.push(tree.itemOf[tree.nodeItem[p]]);
      if (ids.length === offsets[offsets.length - 1]) continue;
      offsets.push(ids.length);
      weights.push(tree.nodeCount[node]);
    }
    if (weights.length === 0) continue;
    const conditional = buildTree(Int32Array.from(ids), Int32Array.from(offsets), Int32Array.from(weights), minCount, work);
    if (conditional) mine(conditional, itemset, minCount, maxLength, n, work, out);
  }
}

export function fpGrowth(data: BasketData, options: FpGrowthOptions): FrequentItemsets {
  const maxLength = options.maxLength ?? 10;
  if (!(Number.isInteger(maxLength) && maxLength >= 1)) throw new RangeError(`maxLength ${maxLength} is not a positive integer`);
  const n = data.basketCount;
  const minCount = minimumCount(n, options.minSupport);
  const itemsets: FrequentItemset[] = [];
  if (n > 0) {
    const work: Work = { scratch: new Int32Array(data.itemCount), rankOf: new Int32Array(data.itemCount).fill(-1) };
    const tree = buildTree(data.items, data.offsets, new Int32Array(n).fill(1), minCount, work);
    if (tree) mine(tree, [], minCount, maxLength, n, work, itemsets);
  }
  itemsets.sort((a, b) => a.items.length - b.items.length || compareIds(a.items, b.items));
  const sizes = new Array<number>(maxLength + 1).fill(0);
  for (const s of itemsets) sizes[s.items.length]++;
  while (sizes.length > 1 && sizes[sizes.length - 1] === 0) sizes.pop();
  return { basketCount: n, minCount, maxLength, itemsets, sizes };
}

export function compareIds(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
