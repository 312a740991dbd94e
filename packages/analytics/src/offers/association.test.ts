import { describe, expect, it } from 'vitest';
import { customerProductAssociation } from './association.js';

// Six customers, two customer groups (fuzzy rows for customers 2 and 5), two product groups P0 = {10, 11}, P1 = {20}.
const memberships = [[1, 0], [1, 0], [0.5, 0.5], [0, 1], [0, 1], [0.2, 0.8]].map((row) => Float64Array.from(row));
const itemSets = [[10], [11, 20], [10], [20], [], [20, 99]];
const productGroups = [{ items: [10, 11] }, { items: [20] }];
const attributes = [[{ attribute: 'homeowner', degree: 0.9 }], [{ attribute: 'repairer', degree: 0.7 }]];

describe('CG × PSG association', () => {
  it('computes fuzzy support, confidence and lift by hand and keeps lift > 1', () => {
    // size(g0) = 1 + 1 + 0.5 + 0.2 = 2.7, size(g1) = 3.3; half of the customers buy from P0 and half from P1.
    // buyers(g0, P0) = 1 + 1 + 0.5 = 2.5 → confidence 2.5/2.7, lift (2.5/2.7)/0.5;
    // buyers(g1, P1) = 1 + 0.8 = 1.8 → confidence 1.8/3.3, lift 1.0909…;
    // buyers(g1, P0) = 0.5 (lift 0.30) and buyers(g0, P1) = 1.2 (lift 0.89) are dropped.
    const pairs = customerProductAssociation({ memberships, itemSets, productGroups, attributes }, { minCustomers: 1 });
    expect(pairs.map((p) => [p.customerGroup, p.productGroup])).toEqual([[0, 0], [1, 1]]);
    const [a, b] = pairs;
    expect(a.customers).toBeCloseTo(2.5, 14);
    expect(a.groupSize).toBeCloseTo(2.7, 14);
    expect(a.support).toBeCloseTo(2.5 / 6, 14);
    expect(a.confidence).toBeCloseTo(2.5 / 2.7, 14);
    expect(a.lift).toBeCloseTo(2.5 / 2.7 / 0.5, 14);
    expect(a.attributes).toEqual([{ attribute: 'homeowner', degree: 0.9 }]);
    expect(b.customers).toBeCloseTo(1.8, 14);
    expect(b.confidence).toBeCloseTo(1.8 / 3.3, 14);
    expect(b.lift).toBeCloseTo(1.8 / 3.3 / 0.5, 14);
    expect(b.attributes).toEqual([{ attribute: 'repairer', degree: 0.7 }]);
  });

  it('drops pairs with too few customers behind them, and gives one-hot rows the ordinary rule measures', () => {
    expect(customerProductAssociation({ memberships, itemSets, productGroups }, { minCustomers: 2 }).map((p) => p.productGroup)).toEqual([0]);
    const hard = [[1, 0], [1, 0], [0, 1], [0, 1]].map((row) => Float64Array.from(row));
    const [pair] = customerProductAssociation({ memberships: hard, itemSets: [[10], [10], [10], [20]], productGroups }, { minCustomers: 1 });
    // "in g1" → "bought from P1": 1 of the 2 customers of g1, 1 of 4 overall → confidence 0.5, lift 2
    expect(pair).toMatchObject({ customerGroup: 1, productGroup: 1, customers: 1, groupSize: 2, support: 0.25, confidence: 0.5, lift: 2, attributes: [] });
  });
});
