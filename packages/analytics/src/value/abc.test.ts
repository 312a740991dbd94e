import { describe, expect, it } from 'vitest';
import { abcAnalysis, curveAt, giniCoefficient, lorenzCurve, paretoCurve } from './abc.js';
import { valueTiers } from './value-tiers.js';

const items = (values: Record<string, number>) => Object.entries(values).map(([id, value]) => ({ id, value }));
const classesOf = (result: ReturnType<typeof abcAnalysis<string>>) => Object.fromEntries(result.rows.map((r) => [r.id, r.abcClass]));

describe('ABC analysis', () => {
  it('cuts at 80 % and 95 % of cumulative contribution (hand-computed)', () => {
    const result = abcAnalysis(items({ d: 5, a: 50, c: 15, b: 30 }));
    expect(result.rows.map((r) => [r.id, r.rank, r.share, r.cumulativeShare, r.abcClass])).toEqual([
      ['a', 1, 0.5, 0.5, 'A'],
      ['b', 2, 0.3, 0.8, 'A'],
      ['c', 3, 0.15, 0.95, 'B'],
      ['d', 4, 0.05, 1, 'C'],
    ]);
    expect(result.classes.A).toEqual({ customers: 2, value: 80, customerShare: 0.5, valueShare: 0.8 });
    expect(result.classes.C.valueShare).toBeCloseTo(0.05, 15);
  });

  it('puts the customer who crosses a cut in the class below the line', () => {
    // 60 → 90 % crosses 80 %: still A (A then holds ≥ 80 %); 10 starts at 90 % < 95 %: B.
    expect(classesOf(abcAnalysis(items({ x: 60, y: 30, z: 10 })))).toEqual({ x: 'A', y: 'A', z: 'B' });
  });

  it('gives tied customers one class, whatever the input order', () => {
    // 40 | 20 20 20: the tie group starts at 40 % → A for all three.
    expect(classesOf(abcAnalysis(items({ p: 20, q: 40, r: 20, s: 20 })))).toEqual({ q: 'A', p: 'A', r: 'A', s: 'A' });
    const values = { a: 30, b: 10, c: 10, d: 10, e: 10, f: 10, g: 10, h: 5, i: 5 };
    const forward = classesOf(abcAnalysis(items(values)));
    const backward = classesOf(abcAnalysis(items(values).reverse()));
    expect(backward).toEqual(forward);
    // 30 | 10×6 (starts at 30 %) → A | 5 5 (start at 90 %) → B
    expect(forward).toEqual({ a: 'A', b: 'A', c: 'A', d: 'A', e: 'A', f: 'A', g: 'A', h: 'B', i: 'B' });
    expect(abcAnalysis(items(values)).rows.map((r) => r.rank)).toEqual([1, 2, 2, 2, 2, 2, 2, 8, 8]);
  });

  it('single customer; everyone equal; nothing at all', () => {
    expect(abcAnalysis(items({ solo: 12 })).rows).toEqual([{ id: 'solo', value: 12, rank: 1, share: 1, cumulativeShare: 1, abcClass: 'A' }]);
    expect(Object.values(classesOf(abcAnalysis(items({ a: 25, b: 25, c: 25, d: 25 }))))).toEqual(['A', 'A', 'A', 'A']);
    const empty = abcAnalysis([]);
    expect(empty.rows).toEqual([]);
    expect(empty.total).toBe(0);
  });

  it('puts zero and negative contributions (loss-making customers) in C, after everyone else', () => {
    const result = abcAnalysis(items({ loss: -20, none: 0, good: 100 }));
    expect(result.total).toBe(100);
    expect(result.rows.map((r) => [r.id, r.share, r.abcClass])).toEqual([
      ['good', 1, 'A'],
      ['none', 0, 'C'],
      ['loss', -0.2, 'C'],
    ]);
  });

  it('honours configurable cuts', () => {
    expect(classesOf(abcAnalysis(items({ a: 50, b: 30, c: 15, d: 5 }), { cutA: 0.5, cutB: 0.8 }))).toEqual({ a: 'A', b: 'B', c: 'C', d: 'C' });
    expect(() => abcAnalysis([], { cutA: 0.9, cutB: 0.8 })).toThrow(RangeError);
  });
});

describe('Pareto / Lorenz curves on known distributions', () => {
  // Deterministic quantiles F⁻¹((i − ½)/n) of a distribution stand in for a large sample; the
  // discretisation error of the shares is O(ln n / n) ≈ 1e-4 at n = 100,000, so 1e-3 is the tolerance.
  const n = 100_000;
  const quantiles = (inverse: (u: number) => number) => Float64Array.from({ length: n }, (_, i) => inverse((i + 0.5) / n));

  it('exponential: Gini ½, top 20 % hold 0.2·(1 − ln 0.2), class A holds the top 43.9 %', () => {
    // Lorenz curve of the exponential: L(p) = p + (1 − p) ln(1 − p).
    const values = quantiles((u) => -Math.log(1 - u));
    expect(giniCoefficient(values)).toBeCloseTo(0.5, 3);
    const top20 = curveAt(paretoCurve(values), 0.2);
    expect(Math.abs(top20 - 0.2 * (1 - Math.log(0.2)))).toBeLessThan(1e-3);
    expect(curveAt(lorenzCurve(values), 0.5)).toBeCloseTo(0.5 + 0.5 * Math.log(0.5), 3);
    // A holds 80 %: the top share s with 1 − L(1 − s) = 0.8, i.e. (1 − s) + s ln s = 0.2.
    let lo = 0.01;
    let hi = 0.99;
    for (let k = 0; k < 60; k++) {
      const s = (lo + hi) / 2;
      if (1 - s + s * Math.log(s) > 0.2) lo = s;
      else hi = s;
    }
    const result = abcAnalysis(Array.from(values, (value, id) => ({ id, value })));
    expect(Math.abs(result.classes.A.customerShare - lo)).toBeLessThan(1e-3);
    expect(result.classes.A.valueShare).toBeGreaterThanOrEqual(0.8);
    expect(result.classes.A.valueShare).toBeLessThan(0.8 + 1e-3);
    expect(result.classes.B.valueShare).toBeCloseTo(0.15, 3);
  });

  it('uniform: Lorenz p², Gini ⅓, top 20 % hold 36 %', () => {
    const values = quantiles((u) => u);
    expect(giniCoefficient(values)).toBeCloseTo(1 / 3, 3);
    expect(curveAt(paretoCurve(values), 0.2)).toBeCloseTo(0.36, 3);
    expect(curveAt(lorenzCurve(values), 0.5)).toBeCloseTo(0.25, 3);
  });

  it('equal values lie on the diagonal (Gini 0); curves run from (0,0) to (1,1)', () => {
    const curve = paretoCurve([3, 3, 3, 3]);
    expect(Array.from(curve.valueShare)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(Array.from(curve.customerShare)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(giniCoefficient([3, 3, 3, 3])).toBeCloseTo(0, 15);
    // all the value in one of n customers: Gini = 1 − 1/n
    expect(giniCoefficient([0, 0, 0, 10])).toBeCloseTo(0.75, 15);
  });
});

describe('value tiers VIP / major / ordinary / small', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => ({ id: i, value: 100 - i }));
  const count = (tiers: { tier: string }[]) => tiers.reduce<Record<string, number>>((c, t) => ((c[t.tier] = (c[t.tier] ?? 0) + 1), c), {});

  it('default: the customer pyramid 1 % / 4 % / 15 % / 80 % of customers', () => {
    const tiers = valueTiers(hundred);
    expect(count(tiers)).toEqual({ vip: 1, major: 4, ordinary: 15, small: 80 });
    expect(tiers[0].tier).toBe('vip');
    expect(tiers[1].tier).toBe('major');
    expect(tiers[5].tier).toBe('ordinary');
    expect(tiers[20].tier).toBe('small');
  });

  it('by minimum value', () => {
    const tiers = valueTiers(items({ a: 10_000, b: 2_000, c: 1_999, d: 200, e: 0 }), { by: 'minimum-value', vip: 10_000, major: 2_000, ordinary: 200 });
    expect(tiers.map((t) => t.tier)).toEqual(['vip', 'major', 'ordinary', 'ordinary', 'small']);
  });

  it('by share of value (ABC-like)', () => {
    const tiers = valueTiers(items({ a: 50, b: 30, c: 15, d: 5 }), { by: 'value-share', vip: 0.5, major: 0.8, ordinary: 0.95 });
    expect(tiers.map((t) => t.tier)).toEqual(['vip', 'major', 'ordinary', 'small']);
  });

  it('ties share a tier; a lone customer is VIP; zero value is small', () => {
    // 10 (VIP), 9 (starts at 1 % → major), then 98 customers tied at 5: the group starts at 2 %
    // → major, all of it, although it reaches far past 5 % of customers.
    const tied = valueTiers<string | number>([...hundred.slice(2).map((c) => ({ ...c, value: 5 })), { id: 'top', value: 10 }, { id: 'next', value: 9 }]);
    expect(count(tied)).toEqual({ vip: 1, major: 99 });
    expect(valueTiers([{ id: 1, value: 3 }])[0].tier).toBe('vip');
    expect(valueTiers([{ id: 1, value: 0 }])[0].tier).toBe('small');
  });
});
