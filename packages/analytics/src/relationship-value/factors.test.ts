import { describe, expect, it } from 'vitest';
import { applyNormalisation, factorRow, normaliseFactors, quantileSorted, RELATIONSHIP_FACTORS, RELATIONSHIP_FACTOR_KEYS, RELATIONSHIP_HIERARCHY, type RelationshipNode } from './factors.js';

describe('the nine factors and their hierarchy', () => {
  it('are the seed’s nine, in four groups, with one cost, defined in both languages', () => {
    expect(RELATIONSHIP_FACTOR_KEYS).toEqual(['unitProfit', 'purchaseQuantity', 'serviceCost', 'pricePremium', 'repeatPurchaseRate', 'incomeGrowth', 'valueAddedPurchaseRate', 'wordOfMouth', 'innovationElasticity']);
    expect(RELATIONSHIP_FACTORS.map((f) => f.group)).toEqual(['current', 'current', 'current', 'loyalty', 'loyalty', 'development', 'development', 'elasticity', 'elasticity']);
    expect(RELATIONSHIP_FACTORS.filter((f) => f.direction === 'higher-worse').map((f) => f.key)).toEqual(['serviceCost']);
    expect(RELATIONSHIP_FACTORS.map((f) => f.label.zh)).toEqual(['单位产品利润', '总购买量', '总服务成本', '价格贴水率', '重复购买率', '收入增加率', '增值购买率', '口碑效应', '创新弹性']);
    for (const f of RELATIONSHIP_FACTORS) for (const text of [f.definition.en, f.definition.zh]) expect(text.length).toBeGreaterThan(15);
  });

  it('relationship value → current / potential → loyalty, development, elasticity → factors, leaves in factor order', () => {
    const shape = (n: RelationshipNode): unknown => (n.children ? { [n.key]: n.children.map(shape) } : n.key);
    expect(shape(RELATIONSHIP_HIERARCHY)).toEqual({
      relationshipValue: [
        { current: ['unitProfit', 'purchaseQuantity', 'serviceCost'] },
        { potential: [{ loyalty: ['pricePremium', 'repeatPurchaseRate'] }, { development: ['incomeGrowth', 'valueAddedPurchaseRate'] }, { elasticity: ['wordOfMouth', 'innovationElasticity'] }] },
      ],
    });
    expect([...factorRow({ serviceCost: 5 })].map((v) => (Number.isNaN(v) ? null : v))).toEqual([null, null, 5, null, null, null, null, null, null]);
  });
});

describe('normaliseFactors', () => {
  // 100 customers: profit 1 … 100 with one whale, a cost 1 … 100, one constant factor, one with gaps
  const rows = Array.from({ length: 100 }, (_, i) => [i === 99 ? 1e6 : i + 1, i + 1, 7, i % 10 === 0 ? Number.NaN : i]);
  const directions = ['higher-better', 'higher-worse', 'higher-better', 'higher-better'] as const;

  it('winsorised min–max: the 1st / 99th percentiles (type 7) map to 0 / 1, the whale is clipped, the cost reversed', () => {
    const { rows: z, bounds, missing, method } = normaliseFactors(rows, { directions });
    expect(method).toBe('winsorised-min-max');
    // type 7 by hand: h = 99 · 0.01 = 0.99 → 1 + 0.99 · (2 − 1); the 99th: h = 98.01 → 99 + 0.01 · (1e6 − 99)
    expect(bounds[0].low).toBeCloseTo(1.99, 12);
    expect(bounds[0].high).toBeCloseTo(99 + 0.01 * (1e6 - 99), 6);
    expect(bounds[1].low).toBeCloseTo(1.99, 12);
    expect(bounds[1].high).toBeCloseTo(99.01, 12);
    expect(z[99][0]).toBe(1);
    expect(z[0][0]).toBe(0);
    // the cost: the cheapest customer is best
    expect(z[0][1]).toBe(1);
    expect(z[99][1]).toBe(0);
    expect(z[50][1]).toBeCloseTo(1 - (51 - 1.99) / (99.01 - 1.99), 12);
    expect(z.every((row) => row[2] === 0.5)).toBe(true);
    expect([...missing]).toEqual([0, 0, 0, 10]);
    // a gap sits at the median of the known values
    expect(z[0][3]).toBeCloseTo((bounds[3].median - bounds[3].low) / (bounds[3].high - bounds[3].low), 12);
    expect(bounds[3].median).toBe(50); // the median of 1…99 without the multiples of 10
    for (const row of z) for (const v of row) expect(v >= 0 && v <= 1).toBe(true);
    // a newcomer is scaled with the same bounds
    expect([...applyNormalisation(bounds, [1e9, -5, 7, Number.NaN])]).toEqual([1, 1, 0.5, z[0][3]]);
  });

  it('percentile: mid-ranks in [0, 1], ties shared, the cost reversed', () => {
    const { rows: z } = normaliseFactors([[1, 1], [2, 2], [2, 3], [10, 4]], { method: 'percentile', directions: ['higher-better', 'higher-worse'] });
    expect(z.map((r) => r[0])).toEqual([0, 0.5, 0.5, 1]);
    [1, 2 / 3, 1 / 3, 0].forEach((v, i) => expect(z[i][1]).toBeCloseTo(v, 15));
  });

  it('quantileSorted is R / NumPy type 7', () => {
    // numpy.quantile([1, 2, 4, 8], [0, 0.25, 0.5, 0.9]) = [1, 1.75, 3, 6.8]
    expect([0, 0.25, 0.5, 0.9].map((q) => quantileSorted([1, 2, 4, 8], q))).toEqual([1, 1.75, 3, 6.800000000000001]);
  });

  it('refuses rows of the wrong width', () => {
    expect(() => normaliseFactors([[1, 2, 3]])).toThrow(/3 factors, expected 9/);
  });
});
