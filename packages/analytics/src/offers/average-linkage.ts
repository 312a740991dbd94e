/**
 * Average-linkage agglomerative clustering (UPGMA; Sokal & Michener 1958) on a similarity matrix, here a phi
 * correlation r with distance 1 − r: the mean distance between two clusters is 1 − their mean r, so merging the
 * pair of largest mean r is merging the pair of smallest mean distance. Cluster similarities are updated by the
 * Lance–Williams rule for average linkage, s(a ∪ b, k) = (|a| s(a, k) + |b| s(b, k)) / (|a| + |b|).
 *
 * Merging stops when the best mean r is below `minSimilarity` (the cut of the dendrogram) — or sooner for a pair:
 * a merge that would make a cluster larger than `maxSize` is never made. Each row caches its best partner, so a
 * merge rescans only the rows that pointed at a merged cluster (O(N²) per run in practice, not O(N³)).
 * Ties are broken by a fixed scan order (lower index first), so the result depends only on the input.
 */

export interface AverageLinkageOptions {
  minSimilarity: number;
  maxSize: number;
}

/** Clusters as arrays of row indices (each ascending), in order of their smallest index; singletons included. */
export function averageLinkage(similarity: Float64Array, size: number, options: AverageLinkageOptions): number[][] {
  const { minSimilarity, maxSize } = options;
  const s = Float64Array.from(similarity);
  const count = new Int32Array(size).fill(1);
  const active = new Uint8Array(size).fill(1);
  const members: number[][] = Array.from({ length: size }, (_, i) => [i]);
  const best = new Int32Array(size).fill(-1);
  const bestValue = new Float64Array(size).fill(-Infinity);

  const rescan = (i: number) => {
    best[i] = -1;
    bestValue[i] = -Infinity;
    for (let j = 0; j < size; j++) {
      if (j === i || !active[j] || count[i] + count[j] > maxSize) continue;
      const v = s[i * size + j];
      if (v > bestValue[i]) {
        bestValue[i] = v;
        best[i] = j;
      }
    }
  };
  for (let i = 0; i < size; i++) rescan(i);

  for (;;) {
    let a = -1;
    for (let i = 0; i < size; i++) if (active[i] && best[i] >= 0 && (a < 0 || bestValue[i] > bestValue[a])) a = i;
    if (a < 0 || !(bestValue[a] >= minSimilarity)) break;
    let b = best[a];
    if (b < a) [a, b] = [b, a];
    // a absorbs b
    for (let k = 0; k < size; k++) {
      if (!active[k] || k === a || k === b) continue;
      const v = (count[a] * s[a * size + k] + count[b] * s[b * size + k]) / (count[a] + count[b]);
      s[a * size + k] = v;
      s[k * size + a] = v;
    }
    count[a] += count[b];
    active[b] = 0;
    members[a].push(...members[b]);
    members[a].sort((x, y) => x - y);
    for (let k = 0; k < size; k++) {
      if (!active[k]) continue;
      if (k === a || best[k] === a || best[k] === b) rescan(k);
      else if (count[k] + count[a] <= maxSize && s[k * size + a] > bestValue[k]) {
        bestValue[k] = s[k * size + a];
        best[k] = a;
      }
    }
  }
  const clusters: number[][] = [];
  for (let i = 0; i < size; i++) if (active[i]) clusters.push(members[i]);
  return clusters;
}
