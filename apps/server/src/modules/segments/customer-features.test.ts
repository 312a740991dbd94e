import { describe, expect, it } from 'vitest';
import { customerFeatures, linesByAccountDay } from './customer-features.js';
import type { OrderLines, ProductFacts } from './inputs.js';

/** Lines as [order, account (NaN = guest), day, product, quantity, revenue]. */
function linesOf(rows: [number, number, number, number, number, number][]): OrderLines {
  const col = (k: number) => rows.map((r) => r[k]);
  return {
    order: Int32Array.from(col(0)),
    account: Float64Array.from(col(1)),
    day: Int32Array.from(col(2)),
    product: Float64Array.from(col(3)),
    quantity: Float64Array.from(col(4)),
    revenue: Float64Array.from(col(5)),
    margin: Float64Array.from(col(5), (v) => v * 0.3),
  };
}

const products: ProductFacts = { ids: Float64Array.of(10, 20, 30), category: Int32Array.of(0, 1, -1), categories: ['paint', 'tools'], names: ['Paint', 'Roller', 'Misc'] };
const noAttributes = { ids: new Float64Array(0), names: [], values: [] };

describe('customer features', () => {
  // account 1: day 100 two paint at 10 each (avg price of paint 12), day 100 a roller at 5; day 110 one paint at 14;
  // day 120 returns one paint (−14). Account 2: day 105 two paint at 12 each. A guest buys a roller on day 101.
  // Day 200 is after the cut (beforeDay = 150) and must be ignored.
  const lines = linesOf([
    [0, 1, 100, 10, 2, 20],
    [0, 1, 100, 20, 1, 5],
    [1, NaN, 101, 20, 1, 5],
    [2, 2, 105, 10, 2, 24],
    [3, 1, 110, 10, 1, 14],
    [4, 1, 120, 10, -1, -14],
    [5, 1, 200, 30, 1, 99],
  ]);
  const f = customerFeatures(lines, linesByAccountDay(lines), products, 150, null, noAttributes, null);
  const value = (account: number, name: string) => f.raw[f.accountIds.indexOf(account)][f.names.indexOf(name)];

  it('counts purchase days, spend net of returns, recency and tenure before the cut only', () => {
    expect(f.accountIds).toEqual([1, 2]);
    expect(value(1, 'frequency')).toBe(2); // days 100 and 110; the return day is not a purchase
    expect(value(1, 'monetary')).toBeCloseTo(20 + 5 + 14 - 14, 10);
    expect(value(1, 'recencyDays')).toBe(149 - 110);
    expect(value(1, 'tenureDays')).toBe(149 - 100);
    expect(value(1, 'averageOrderValue')).toBeCloseTo(25 / 2, 10);
  });

  it('measures the price level against the average price everyone paid for the same goods', () => {
    // paint: (20 + 24 + 14) / (2 + 2 + 1) = 11.6 per unit; roller: (5 + 5) / 2 = 5
    expect(value(1, 'priceLevel')).toBeCloseTo((20 + 5 + 14) / (3 * 11.6 + 5), 10);
    expect(value(2, 'priceLevel')).toBeCloseTo(24 / (2 * 11.6), 10);
  });

  it('gives the category mix as shares of positive spend, and the products bought', () => {
    expect(value(1, 'share:paint')).toBeCloseTo(34 / 39, 10);
    expect(value(1, 'share:tools')).toBeCloseTo(5 / 39, 10);
    expect(value(2, 'share:paint')).toBe(1);
    expect(f.items).toEqual([[10, 20], [10]]);
  });

  it('clusters heavy-tailed amounts on log(1 + x), fills a missing attribute with the mean, and honours a selection', () => {
    const attributes = { ids: Float64Array.of(1), names: ['income'], values: [Float64Array.of(50_000)] };
    const g = customerFeatures(lines, linesByAccountDay(lines), products, 150, null, attributes, ['monetary', 'priceLevel', 'attr:income']);
    expect(g.names).toEqual(['monetary', 'priceLevel', 'attr:income']);
    expect(g.transformed[0][0]).toBeCloseTo(Math.log1p(25), 10);
    expect(g.raw[1][2]).toBeNaN();
    expect(g.transformed[1][2]).toBe(50_000);
  });
});
