// The whole predictive-model computation (the worker's: features, k by silhouette, fuzzy c-means, product groups,
// rules, offers, holdout evaluation) on the Online Retail file, Dec 2010 – Dec 2011: the offers must beat offering
// the most popular products on what customers bought in the last 14 weeks (from 2011-09-03; fitted on the weeks before).
// Rows: with a CustomerID, a product StockCode (five digits first; POST, M, BANK CHARGES … are fees) and a price;
// cancellations stay in as negative lines, as the importer keeps them.
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedData } from '../../../test/shared-data.js';
import { defaultValueParams } from '../analytics/customer-value.js';
import { readRecords } from '../imports/record-reader.js';
import { computeSegments } from './compute.js';
import type { SegmentInputs } from './inputs.js';
import { defaultSegmentParams } from './params.js';

const file = 'online-retail/online-retail-2010-2011.csv.gz';
const DAY_MS = 86_400_000;

/** Read with the importer's own CSV reader (RFC 4180, gzip). */
async function readOnlineRetail(): Promise<{ inputs: SegmentInputs; lastDay: number }> {
  const orders = new Map<string, number>();
  const productIds = new Map<string, number>();
  const names: string[] = [];
  const cols = { order: [] as number[], account: [] as number[], day: [] as number[], product: [] as number[], quantity: [] as number[], revenue: [] as number[] };
  let lastDay = 0;
  let header = true;
  for await (const record of await readRecords(sharedData(file), 'comma')) {
    if (header || record.length < 7) {
      header = false;
      continue;
    }
    const [invoice, stockCode, description, quantity, date, price, customer] = record;
    if (!customer || !/^\d{5}/.test(stockCode) || !(Number(price) > 0)) continue;
    let order = orders.get(invoice);
    if (order === undefined) orders.set(invoice, (order = orders.size));
    let product = productIds.get(stockCode);
    if (product === undefined) productIds.set(stockCode, (product = productIds.size + 1)), names.push(description);
    const day = Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS);
    lastDay = Math.max(lastDay, day);
    cols.order.push(order);
    cols.account.push(Number(customer));
    cols.day.push(day);
    cols.product.push(product);
    cols.quantity.push(Number(quantity));
    cols.revenue.push(Number(quantity) * Number(price));
  }
  const n = productIds.size;
  return {
    lastDay,
    inputs: {
      lines: {
        order: Int32Array.from(cols.order),
        account: Float64Array.from(cols.account),
        day: Int32Array.from(cols.day),
        product: Float64Array.from(cols.product),
        quantity: Float64Array.from(cols.quantity),
        revenue: Float64Array.from(cols.revenue),
        margin: Float64Array.from(cols.revenue),
      },
      products: { ids: Float64Array.from({ length: n }, (_, i) => i + 1), category: new Int32Array(n).fill(-1), categories: [], names },
      scores: { ids: new Float64Array(0), clv: new Float64Array(0), pAlive: new Float64Array(0) },
      attributes: { ids: new Float64Array(0), names: [], values: [] },
    },
  };
}

describe.skipIf(!hasSharedData(file))('the predictive model on Online Retail', () => {
  it('offers beat the popularity baseline on the last 14 weeks, by a material margin', async () => {
    const { inputs, lastDay } = await readOnlineRetail();
    const t0 = performance.now();
    const result = computeSegments({
      inputs,
      asOfDay: lastDay + 1,
      params: { ...defaultSegmentParams, features: ['recencyDays', 'frequency', 'monetary', 'averageOrderValue', 'tenureDays', 'priceLevel'] },
      valueParams: { ...defaultValueParams, holdoutWeeks: 14 },
    });
    const s = result.summary as Record<string, any>;
    const e = s.evaluation;
    console.log(`Online Retail: ${s.customers} customers, k = ${s.k}, ${s.rules.rules} rules; evaluation ${JSON.stringify(e)}; ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    expect(e.cutoff).toBe('2011-09-03');
    expect(e.customers).toBeGreaterThan(1500);
    expect(e.model.hitRate).toBeGreaterThan(e.popularity.hitRate * 1.2);
    expect(e.model.precision).toBeGreaterThan(e.popularity.precision * 1.2);
    // every customer gets offers of products they have not bought
    const bought = new Map<number, Set<number>>();
    for (let i = 0; i < inputs.lines.day.length; i++) {
      if (!(inputs.lines.quantity[i] > 0)) continue;
      const a = inputs.lines.account[i];
      if (!bought.has(a)) bought.set(a, new Set());
      bought.get(a)!.add(inputs.lines.product[i]);
    }
    expect(result.offers.every((o) => !bought.get(o.accountId)!.has(o.productId))).toBe(true);
    expect(new Set(result.offers.map((o) => o.accountId)).size).toBe(s.customers);
  }, 120_000);
});
