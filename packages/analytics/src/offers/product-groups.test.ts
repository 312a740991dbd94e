import { describe, expect, it } from 'vitest';
import { phiFromCounts } from '../bundles/phi.js';
import { productGroups } from './product-groups.js';

/** mulberry32: a small seeded generator, so the planted data are the same on every run */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Three planted product groups; each customer has one or two "tastes" and buys each item of a taste's group with
// probability 0.8, plus every noise item independently with probability 0.08.
const planted = [
  [101, 102, 103, 104, 105],
  [201, 202, 203, 204, 205, 206],
  [301, 302, 303, 304],
];
const noise = Array.from({ length: 30 }, (_, i) => 900 + i);

function plantedSets(n: number, seed: number): number[][] {
  const next = random(seed);
  return Array.from({ length: n }, () => {
    const set: number[] = [];
    const tastes = new Set([Math.floor(next() * 3)]);
    if (next() < 0.3) tastes.add(Math.floor(next() * 3));
    for (const t of tastes) for (const item of planted[t]) if (next() < 0.8) set.push(item);
    for (const item of noise) if (next() < 0.08) set.push(item);
    return set;
  });
}

describe('product groups from phi correlation and average linkage', () => {
  const sets = plantedSets(1500, 7);
  // the noise pairs have r ≈ N(0, 1/√1500), up to about 0.09 over 435 pairs: the cut sits above that
  const result = productGroups(sets, { minCorrelation: 0.15 });

  it('recovers the planted groups and leaves the noise items ungrouped', () => {
    const found = result.groups.map((g) => [...g.items].sort((a, b) => a - b));
    expect(found).toEqual([planted[1], planted[0], planted[2]]);
    for (const item of noise) expect(result.groupOf.has(item)).toBe(false);
    expect(result.groupOf.get(204)).toBe(0);
    expect(result.groupOf.get(303)).toBe(2);
    expect(result.topItems.length).toBe(planted.flat().length + noise.length);
  });

  it('has r equal to phiFromCounts of counts taken directly from the sets', () => {
    const size = result.topItems.length;
    const has = (item: number) => sets.map((s) => s.includes(item));
    for (let a = 0; a < size; a++) {
      const ha = has(result.topItems[a]);
      expect(result.topItemCounts[a]).toBe(ha.filter(Boolean).length);
      for (let b = 0; b < size; b++) {
        const hb = has(result.topItems[b]);
        const both = ha.filter((x, i) => x && hb[i]).length;
        const expected = a === b ? 1 : phiFromCounts(sets.length, ha.filter(Boolean).length, hb.filter(Boolean).length, both);
        expect(result.correlation[a * size + b]).toBeCloseTo(expected, 12);
      }
    }
  });

  it('reports cohesion as the mean within-group r and the anchor as the most connected item', () => {
    const size = result.topItems.length;
    const r = (x: number, y: number) => result.correlation[result.topItems.indexOf(x) * size + result.topItems.indexOf(y)];
    for (const g of result.groups) {
      let sum = 0;
      let pairs = 0;
      for (let i = 0; i < g.items.length; i++) for (let j = i + 1; j < g.items.length; j++, pairs++) sum += r(g.items[i], g.items[j]);
      expect(g.cohesion).toBeCloseTo(sum / pairs, 12);
      expect(g.cohesion).toBeGreaterThan(0.3);
      const connected = (x: number) => g.items.reduce((s, y) => s + (y === x ? 0 : r(x, y)), 0);
      const strongest = Math.max(...g.items.map(connected));
      expect(connected(g.anchor)).toBe(strongest);
    }
  });

  it('caps group size and count, limits the grouped items to the top N, and is deterministic', () => {
    const capped = productGroups(sets, { minCorrelation: 0.15, maxGroupSize: 3 });
    expect(Math.max(...capped.groups.map((g) => g.items.length))).toBe(3);
    for (const g of capped.groups) expect(planted.some((p) => g.items.every((item) => p.includes(item)))).toBe(true);
    expect(productGroups(sets, { minCorrelation: 0.15, maxGroups: 1 }).groups.map((g) => g.items.length)).toEqual([6]);
    const top = productGroups(sets, { topItems: 8, minCorrelation: 0.15 });
    expect(top.topItems.length).toBe(8);
    expect(top.correlation.length).toBe(64);
    expect(productGroups(sets, { minCorrelation: 0.15 })).toEqual(result);
    // an item every set holds has no variance: its r is taken as 0, not NaN
    const always = productGroups([[1, 2], [1, 2], [1]], { minCorrelation: 0.5 });
    expect(always.correlation[1]).toBe(0);
    expect(always.groups).toEqual([]);
  });
});
