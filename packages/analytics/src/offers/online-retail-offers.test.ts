// Next-best offers on the whole Online Retail file (Dec 2010 – Dec 2011), evaluated by a time split at 2011-09-01:
// fitted on what each customer (CustomerID) bought before, scored on the StockCodes they bought from then on.
// Rows kept: not cancellations (InvoiceNo starting with C) or adjustments (A), with a CustomerID, Quantity > 0,
// UnitPrice > 0, and a product StockCode (five digits first: POST, DOT, M, BANK CHARGES, AMAZONFEE … are fees).
//
// Memberships (the real k-means++/FCM groups are wired in elsewhere): a hard grouping computed here from the
// period before the cutoff only — United Kingdom or not × tercile of spend (Σ Quantity × UnitPrice) — 6 groups,
// one-hot rows.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { missingSharedData, sharedDataPath } from '../../test/shared-data.js';
import { customerProductAssociation } from './association.js';
import { evaluateOffers } from './evaluate-offers.js';
import { fitOfferModel } from './next-best-offers.js';
import { productGroups } from './product-groups.js';

const file = 'online-retail/online-retail-2010-2011.csv.gz';
const missing = missingSharedData(file);
const cutoff = '2011-09-01';

/** Fields of one CSV line (quotes only around descriptions holding commas or quotes). */
function fields(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') out.push(field), (field = '');
    else field += ch;
  }
  out.push(field);
  return out;
}

interface Data {
  before: number[][];
  after: number[][];
  memberships: Float64Array[];
  itemValues: Map<number, number>;
  descriptions: Map<number, string>;
  rows: number;
}

function readData(): Data {
  const lines = gunzipSync(readFileSync(sharedDataPath(file))).toString('utf8').split('\n');
  expect(lines[0]).toBe('InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country');
  // StockCodes are not numbers (85123A): each gets an integer product id in order of first appearance
  const productOf = new Map<string, number>();
  const customerOf = new Map<string, number>();
  const before: Set<number>[] = [];
  const after: Set<number>[] = [];
  const spend: number[] = [];
  const uk: boolean[] = [];
  const itemSpend = new Map<number, number>();
  const descriptions = new Map<number, string>();
  let rows = 0;
  for (let l = 1; l < lines.length; l++) {
    if (!lines[l]) continue;
    const [invoice, stockCode, description, quantityText, date, priceText, customerId, country] = fields(lines[l]);
    const quantity = Number(quantityText);
    const price = Number(priceText);
    if (!/^\d/.test(invoice) || !customerId || !(quantity > 0) || !(price > 0) || !/^\d{5}/.test(stockCode)) continue;
    rows++;
    let product = productOf.get(stockCode);
    if (product === undefined) productOf.set(stockCode, (product = productOf.size));
    if (!descriptions.has(product) && description) descriptions.set(product, description);
    let customer = customerOf.get(customerId);
    if (customer === undefined) {
      customerOf.set(customerId, (customer = customerOf.size));
      before.push(new Set());
      after.push(new Set());
      spend.push(0);
      uk.push(country === 'United Kingdom');
    }
    if (date < cutoff) {
      before[customer].add(product);
      spend[customer] += quantity * price;
      itemSpend.set(product, (itemSpend.get(product) ?? 0) + quantity * price);
    } else after[customer].add(product);
  }
  // each item's value: its spend before the cutoff per customer who bought it then
  const buyers = new Map<number, number>();
  for (const set of before) for (const item of set) buyers.set(item, (buyers.get(item) ?? 0) + 1);
  const itemValues = new Map([...itemSpend].map(([item, total]) => [item, total / buyers.get(item)!]));
  // spend terciles among customers who bought before the cutoff
  const spends = spend.filter((_, j) => before[j].size > 0).sort((a, b) => a - b);
  const t1 = spends[Math.floor(spends.length / 3)];
  const t2 = spends[Math.floor((2 * spends.length) / 3)];
  const memberships = spend.map((s, j) => {
    const row = new Float64Array(6);
    row[(uk[j] ? 0 : 3) + (s < t1 ? 0 : s < t2 ? 1 : 2)] = 1;
    return row;
  });
  return { before: before.map((s) => [...s]), after: after.map((s) => [...s]), memberships, itemValues, descriptions, rows };
}

describe.skipIf(missing)('next-best offers on Online Retail, time split at 2011-09-01', () => {
  const t0 = performance.now();
  const data = missing ? undefined : readData();
  const readMs = performance.now() - t0;

  it('beat the popularity baseline in hit-rate@5 and precision@5 by at least 10 %', () => {
    const d = data!;
    const t1 = performance.now();
    const result = evaluateOffers({ before: d.before, after: d.after, memberships: d.memberships, itemValues: d.itemValues }, { k: 5 });
    const evaluateMs = performance.now() - t1;
    const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
    console.log(
      `[online retail offers] ${d.rows} rows read in ${readMs.toFixed(0)} ms; fitted on ${result.trainingCustomers} customers, ` +
        `evaluated on ${result.customers} (bought before and after ${cutoff}); λ = ${result.blendWeight} chosen on ` +
        `${result.validation!.customers} validation customers (hit-rate@5 by λ: ${result.validation!.grid.map((g) => `${g.weight}: ${pct(g.hitRate)}`).join(', ')})\n` +
        `  model:    hit-rate@5 ${pct(result.model.hitRate)}, precision@5 ${pct(result.model.precision)}, value taken up £${result.model.valuePerCustomer!.toFixed(2)} per customer\n` +
        `  baseline: hit-rate@5 ${pct(result.baseline.hitRate)}, precision@5 ${pct(result.baseline.precision)}, value taken up £${result.baseline.valuePerCustomer!.toFixed(2)} per customer\n` +
        `  evaluation (rules, fit, validation, ranking) ${evaluateMs.toFixed(0)} ms`,
    );
    expect(result.customers).toBeGreaterThan(1500);
    expect(result.model.hitRate).toBeGreaterThanOrEqual(1.1 * result.baseline.hitRate);
    expect(result.model.precision).toBeGreaterThanOrEqual(1.1 * result.baseline.precision);
  });

  it('groups products, associates them with the customer groups, and explains every offer quickly', () => {
    const d = data!;
    const training = d.before.map((s, j) => j).filter((j) => d.before[j].length > 0);
    const sets = training.map((j) => d.before[j]);
    const memberships = training.map((j) => d.memberships[j]);
    const t1 = performance.now();
    const groups = productGroups(sets);
    const groupsMs = performance.now() - t1;
    const pairs = customerProductAssociation({ memberships, itemSets: sets, productGroups: groups.groups });
    const t2 = performance.now();
    const model = fitOfferModel({ memberships, itemSets: sets, itemValues: d.itemValues });
    const fitMs = performance.now() - t2;
    const t3 = performance.now();
    const label = (item: number) => d.descriptions.get(item) ?? String(item);
    let offers = 0;
    let first = '';
    for (let t = 0; t < sets.length; t++) {
      const list = model.offers(t, 5, { itemLabel: label });
      offers += list.length;
      if (t === 0) first = `${list[0].reason.text.en} | ${list[0].reason.text.zh}`;
    }
    const offersMs = performance.now() - t3;
    const best = groups.groups[0];
    console.log(
      `[online retail offers] ${groups.groups.length} product groups among the top ${groups.topItems.length} items in ${groupsMs.toFixed(0)} ms ` +
        `(largest: ${best.items.length} items, cohesion ${best.cohesion.toFixed(2)}, anchor "${label(best.anchor)}"); ` +
        `${pairs.length} CG × PSG pairs with lift > 1 (top: group ${pairs[0].customerGroup} × PSG ${pairs[0].productGroup}, lift ${pairs[0].lift.toFixed(2)}); ` +
        `${model.scorer.rules.length} rules; fit (rules + validation) ${fitMs.toFixed(0)} ms; ${offers} offers with reasons for ${sets.length} customers in ${offersMs.toFixed(0)} ms\n` +
        `  e.g. ${first}`,
    );
    expect(groups.groups.length).toBeGreaterThan(3);
    for (const g of groups.groups) expect(g.cohesion).toBeGreaterThan(0.05);
    expect(pairs.every((p) => p.lift > 1 && p.customers >= 10)).toBe(true);
    expect(offers).toBe(5 * sets.length);
  });
});
