/**
 * Baskets as integer item ids in compressed-sparse-row form: basket b holds
 * `items[offsets[b] .. offsets[b + 1])`, ascending and without repeats (a basket is a set, as in
 * R arules' `transactions`). `encodeBaskets` maps any labels to ids 0 … itemCount − 1 in order of
 * first appearance; `labels[id]` gives the label back.
 */

export interface BasketData {
  basketCount: number;
  itemCount: number;
  offsets: Int32Array;
  items: Int32Array;
}

export function encodeBaskets<T>(baskets: Iterable<Iterable<T>>): { data: BasketData; labels: T[] } {
  const ids = new Map<T, number>();
  const labels: T[] = [];
  const offsets: number[] = [0];
  const items: number[] = [];
  for (const basket of baskets) {
    const start = items.length;
    for (const label of basket) {
      let id = ids.get(label);
      if (id === undefined) {
        id = labels.length;
        ids.set(label, id);
        labels.push(label);
      }
      items.push(id);
    }
    const unique = [...new Set(items.slice(start))].sort((a, b) => a - b);
    items.length = start;
    items.push(...unique);
    offsets.push(items.length);
  }
  return {
    data: { basketCount: offsets.length - 1, itemCount: labels.length, offsets: Int32Array.from(offsets), items: Int32Array.from(items) },
    labels,
  };
}

/** How many baskets hold each item (indexed by item id). */
export function itemCounts(data: BasketData): Int32Array {
  const counts = new Int32Array(data.itemCount);
  for (let i = 0; i < data.items.length; i++) counts[data.items[i]]++;
  return counts;
}

/**
 * The minimum absolute support (number of baskets) for a relative minimum support, as R arules'
 * apriori (Borgelt's C code) computes it: ⌈n · support⌉, so an itemset is frequent iff its count is at least that.
 */
export function minimumCount(basketCount: number, minSupport: number): number {
  if (!(minSupport >= 0 && minSupport <= 1)) throw new RangeError(`minimum support ${minSupport} is not in [0, 1]`);
  return Math.max(1, Math.ceil(basketCount * minSupport));
}
