// FP-growth + rules against a deliberately simple, independent apriori written here (level-wise candidates by
// joining, every candidate counted by scanning all baskets as string sets; rule measures counted again from the
// baskets), on the invoices of the Online Retail extract (1–13 Dec 2010): one basket per invoice, the set of its
// StockCodes, cancellations (InvoiceNo starting with C) left out.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { missingSharedData, sharedDataPath } from '../../test/shared-data.js';
import { associationRules, encodeBaskets, fpGrowth } from '../index.js';

const file = 'online-retail/online-retail-2010-12.csv.gz';
const missing = missingSharedData(file);

function readBaskets(): string[][] {
  const lines = gunzipSync(readFileSync(sharedDataPath(file))).toString('utf8').split(/\r?\n/);
  const header = lines[0].split(',');
  expect(header.slice(0, 2)).toEqual(['InvoiceNo', 'StockCode']);
  const byInvoice = new Map<string, Set<string>>();
  for (const line of lines.slice(1)) {
    if (!line) continue;
    // the first two fields are never quoted in this file (digits and letters only)
    const first = line.indexOf(',');
    const invoice = line.slice(0, first);
    const stockCode = line.slice(first + 1, line.indexOf(',', first + 1));
    if (invoice.startsWith('C')) continue;
    let basket = byInvoice.get(invoice);
    if (!basket) byInvoice.set(invoice, (basket = new Set()));
    basket.add(stockCode);
  }
  return [...byInvoice.values()].map((s) => [...s]);
}

interface SimpleRule { count: number; support: number; confidence: number; lift: number }

/** Brute-force apriori: returns itemsets (key "a|b|c", sorted labels) → count, and rules "lhs=>rhs" → measures. */
function simpleApriori(baskets: string[][], minSupport: number, minConfidence: number, maxLength = 10) {
  const sets = baskets.map((b) => new Set(b));
  const n = sets.length;
  const countOf = (items: string[]) => sets.reduce((c, s) => c + (items.every((i) => s.has(i)) ? 1 : 0), 0);
  const frequentEnough = (count: number) => count >= Math.ceil(n * minSupport); // arules: at least ⌈n · support⌉ baskets
  const itemsets = new Map<string, number>();
  let level = [...new Set(baskets.flat())].sort().map((i) => [i]).filter((c) => frequentEnough(countOf(c)));
  for (let k = 1; level.length > 0 && k <= maxLength; k++) {
    for (const c of level) itemsets.set(c.join('|'), countOf(c));
    if (k === maxLength) break;
    const next: string[][] = [];
    for (let i = 0; i < level.length; i++) {
      for (let j = i + 1; j < level.length; j++) {
        const a = level[i];
        const b = level[j];
        if (a.slice(0, -1).join('|') !== b.slice(0, -1).join('|')) continue;
        const candidate = [...a, b[b.length - 1]].sort();
        if (frequentEnough(countOf(candidate))) next.push(candidate);
      }
    }
    level = next.sort((x, y) => x.join('|').localeCompare(y.join('|')));
  }
  const rules = new Map<string, SimpleRule>();
  for (const key of itemsets.keys()) {
    const items = key.split('|');
    for (const y of items) {
      const x = items.filter((i) => i !== y);
      const count = countOf(items);
      const confidence = count / countOf(x);
      if (confidence >= minConfidence) rules.set(`${x.join('|')}=>${y}`, { count, support: count / n, confidence, lift: confidence / (countOf([y]) / n) });
    }
  }
  return { itemsets, rules };
}

describe.skipIf(missing)('FP-growth rules on Online Retail invoices equal a brute-force apriori', () => {
  const baskets = missing ? [] : readBaskets();

  for (const [support, confidence] of [[0.02, 0.5], [0.025, 0.3]]) {
    it(`support ${support}, confidence ${confidence}`, () => {
      const t0 = performance.now();
      const { data, labels } = encodeBaskets(baskets);
      const fi = fpGrowth(data, { minSupport: support });
      const rules = associationRules(fi, { minConfidence: confidence });
      const fast = performance.now() - t0;
      const t1 = performance.now();
      const simple = simpleApriori(baskets, support, confidence);
      const slow = performance.now() - t1;
      const key = (ids: number[]) => ids.map((i) => labels[i]).sort().join('|');
      const emptyRules = rules.filter((r) => r.lhs.length === 0).length;
      console.log(
        `[online retail Dec 2010] ${data.basketCount} baskets, ${data.itemCount} items, support ${support} (≥ ${fi.minCount} baskets), ` +
          `confidence ${confidence}: ${fi.itemsets.length} frequent itemsets (by size ${fi.sizes.slice(1).join('/')}), ` +
          `${rules.length} rules (${emptyRules} with {} on the left); FP-growth + rules ${fast.toFixed(1)} ms, brute force ${slow.toFixed(0)} ms`,
      );
      expect(data.basketCount).toBe(baskets.length);
      expect(fi.itemsets.length).toBe(simple.itemsets.size);
      for (const s of fi.itemsets) expect(simple.itemsets.get(key(s.items)), key(s.items)).toBe(s.count);
      expect(rules.length).toBe(simple.rules.size);
      expect(rules.length).toBeGreaterThan(0);
      for (const r of rules) {
        const other = simple.rules.get(`${key(r.lhs)}=>${key(r.rhs)}`);
        expect(other, `${key(r.lhs)}=>${key(r.rhs)}`).toBeDefined();
        expect(r.count).toBe(other!.count);
        expect(Math.abs(r.support - other!.support)).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(r.confidence - other!.confidence)).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(r.lift - other!.lift)).toBeLessThanOrEqual(1e-12);
      }
    });
  }
});
