import { describe, expect, it } from 'vitest';
import { associationRules, encodeBaskets, fpGrowth, minimumCount, phiCorrelation, phiFromCounts, topRulesByLift } from '../index.js';

// Tan, Steinbach & Kumar, Introduction to Data Mining, table 6.1 (checked by hand below).
const market = [
  ['bread', 'milk'],
  ['bread', 'diaper', 'beer', 'eggs'],
  ['milk', 'diaper', 'beer', 'cola'],
  ['bread', 'milk', 'diaper', 'beer'],
  ['bread', 'milk', 'diaper', 'cola'],
];

function named(labels: string[]) {
  return (ids: number[]) => ids.map((i) => labels[i]).sort().join(',');
}

describe('frequent itemsets by FP-growth, rules and phi on a hand-checked example', () => {
  const { data, labels } = encodeBaskets(market);
  const name = named(labels);

  it('encodes baskets as sets and takes ⌈n·support⌉ as the minimum count', () => {
    const { data: d } = encodeBaskets([['a', 'b', 'a'], ['b']]);
    expect([...d.items]).toEqual([0, 1, 1]);
    expect(minimumCount(5, 0.6)).toBe(3);
    expect(minimumCount(5, 0.61)).toBe(4);
    expect(minimumCount(5, 0)).toBe(1);
  });

  it('finds the 8 itemsets with support ≥ 0.6 and their counts', () => {
    const fi = fpGrowth(data, { minSupport: 0.6 });
    expect(fi.minCount).toBe(3);
    const found = Object.fromEntries(fi.itemsets.map((s) => [name(s.items), s.count]));
    expect(found).toEqual({ bread: 4, milk: 4, diaper: 4, beer: 3, 'bread,milk': 3, 'bread,diaper': 3, 'diaper,milk': 3, 'beer,diaper': 3 });
    expect(fi.sizes).toEqual([0, 4, 4]);
    // support 0.4 adds cola, {bread, beer}, {milk, beer}, {bread, milk, diaper}, {milk, cola}, {diaper, cola}, {milk, diaper, cola}, {bread, diaper, beer}, {milk, diaper, beer}
    expect(fpGrowth(data, { minSupport: 0.4 }).itemsets.length).toBe(17);
    expect(fpGrowth(data, { minSupport: 0.4, maxLength: 2 }).sizes).toEqual([0, 5, 8]);
  });

  it('generates single-consequent rules, with {} → {y} as an option (arules minlen 1 vs 2)', () => {
    const fi = fpGrowth(data, { minSupport: 0.6 });
    const rules = associationRules(fi, { minConfidence: 0.7 });
    const byName = Object.fromEntries(rules.map((r) => [`${name(r.lhs)}=>${name(r.rhs)}`, r]));
    expect(Object.keys(byName).sort()).toEqual(
      ['=>bread', '=>milk', '=>diaper', 'bread=>milk', 'milk=>bread', 'bread=>diaper', 'diaper=>bread', 'milk=>diaper', 'diaper=>milk', 'diaper=>beer', 'beer=>diaper'].sort(),
    );
    expect(byName['beer=>diaper']).toMatchObject({ count: 3, support: 0.6, confidence: 1 });
    expect(byName['beer=>diaper'].lift).toBeCloseTo(1.25, 14);
    expect(byName['diaper=>beer'].confidence).toBeCloseTo(0.75, 14);
    expect(byName['diaper=>beer'].lift).toBeCloseTo(1.25, 14);
    expect(byName['bread=>milk'].lift).toBeCloseTo(0.9375, 14);
    expect(byName['=>bread']).toMatchObject({ confidence: 0.8, lift: 1, support: 0.8 });
    expect(associationRules(fi, { minConfidence: 0.7, emptyAntecedent: false }).length).toBe(8);
    expect(associationRules(fi, { minConfidence: 0.7, minLength: 2 }).length).toBe(8);
    expect(associationRules(fi, { minConfidence: 0.76 }).map((r) => `${name(r.lhs)}=>${name(r.rhs)}`).sort()).toEqual(['=>bread', '=>diaper', '=>milk', 'beer=>diaper']);
    const top = topRulesByLift(rules, 2);
    expect(top.map((r) => `${name(r.lhs)}=>${name(r.rhs)}`)).toEqual(['beer=>diaper', 'diaper=>beer']);
  });

  it('with consequents "all" lists every split of every itemset', () => {
    const { data: same } = encodeBaskets([['a', 'b', 'c'], ['a', 'b', 'c'], ['a', 'b', 'c']]);
    const fi = fpGrowth(same, { minSupport: 1 });
    expect(fi.itemsets.length).toBe(7);
    expect(associationRules(fi, { minConfidence: 1 }).length).toBe(3 + 6 + 3);
    expect(associationRules(fi, { minConfidence: 1, consequents: 'all' }).length).toBe(3 + 9 + 7);
    expect(associationRules(fi, { minConfidence: 1, consequents: 'all', emptyAntecedent: false }).length).toBe(0 + 6 + 6);
    expect(fpGrowth(same, { minSupport: 1, maxLength: 2 }).itemsets.length).toBe(6);
  });

  it('phi is Pearson r of the 0/1 indicators', () => {
    const beer = labels.indexOf('beer');
    const diaper = labels.indexOf('diaper');
    const cola = labels.indexOf('cola');
    const eggs = labels.indexOf('eggs');
    expect(phiCorrelation(data, beer, diaper)).toBeCloseTo(3 / Math.sqrt(24), 14);
    const indicator = (item: string) => market.map((b) => (b.includes(item) ? 1 : 0));
    const pearson = (x: number[], y: number[]) => {
      const mx = x.reduce((s, v) => s + v, 0) / x.length;
      const my = y.reduce((s, v) => s + v, 0) / y.length;
      let sxy = 0, sxx = 0, syy = 0;
      for (let i = 0; i < x.length; i++) { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) ** 2; syy += (y[i] - my) ** 2; }
      return sxy / Math.sqrt(sxx * syy);
    };
    for (const [a, b] of [['cola', 'eggs'], ['bread', 'cola'], ['milk', 'beer']]) {
      expect(phiCorrelation(data, labels.indexOf(a), labels.indexOf(b))).toBeCloseTo(pearson(indicator(a), indicator(b)), 14);
    }
    expect(phiCorrelation(data, cola, eggs)).toBeCloseTo(-Math.sqrt(1 / 6), 14);
    expect(phiFromCounts(10, 10, 3, 3)).toBeNaN();
    expect(phiFromCounts(4, 2, 2, 2)).toBe(1);
    expect(phiFromCounts(4, 2, 2, 0)).toBe(-1);
  });
});
