/**
 * Choosing the blend weight λ of rule confidence vs group rate (see `offer-scorer.ts`) on a validation split of the
 * training data itself, so the test period is never looked at: for a sample of customers with two or more items,
 * a fixed pseudo-random share of their items is hidden, the rest is what they "have", and each λ on the grid ranks
 * k offers among the items not visible. Every estimate already leaves the scored customer out, so the hidden
 * items do not help predict themselves. The λ with the best hit-rate@k wins (ties: precision@k, then the lower λ).
 */
import type { OfferScorer } from './offer-scorer.js';

export interface BlendValidationOptions {
  /** default 5 */
  k?: number;
  /** λ values tried (default 0, 0.1, …, 1) */
  grid?: readonly number[];
  /** at most this many customers, taken at an even stride (default 2000) */
  sampleSize?: number;
  /** share of each sampled customer's items hidden (default 1/3; at least one hidden, at least one kept) */
  hiddenShare?: number;
}

export interface BlendValidation {
  blendWeight: number;
  /** customers in the validation sample */
  customers: number;
  grid: { weight: number; hitRate: number; precision: number }[];
}

/** A fixed hash of (customer, item) in [0, 2³²), so the hidden items do not depend on input order. */
function hash(customer: number, item: number): number {
  let h = Math.imul(customer ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(item, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

export function chooseBlendWeight(scorer: OfferScorer, options: BlendValidationOptions = {}): BlendValidation {
  const k = options.k ?? 5;
  const grid = options.grid ?? [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
  const sampleSize = options.sampleSize ?? 2000;
  const hiddenShare = options.hiddenShare ?? 1 / 3;
  if (grid.length === 0 || grid.some((w) => !(w >= 0 && w <= 1))) throw new RangeError('blend weights must lie in [0, 1]');

  const eligible: number[] = [];
  for (let j = 0; j < scorer.customerCount; j++) if (scorer.itemsOf(j).length >= 2) eligible.push(j);
  const stride = Math.max(1, eligible.length / sampleSize);
  const splits: { customer: number; visible: number[]; hidden: Set<number> }[] = [];
  for (let s = 0; s < Math.min(sampleSize, eligible.length); s++) {
    const customer = eligible[Math.floor(s * stride)];
    const items = scorer.itemsOf(customer).sort((a, b) => hash(customer, a) - hash(customer, b) || a - b);
    const hiddenCount = Math.min(items.length - 1, Math.max(1, Math.round(items.length * hiddenShare)));
    splits.push({ customer, visible: items.slice(hiddenCount), hidden: new Set(items.slice(0, hiddenCount)) });
  }

  const results = grid.map((weight) => {
    let hitCustomers = 0;
    let precisionSum = 0;
    for (const { customer, visible, hidden } of splits) {
      const hits = scorer.rank(customer, k, weight, visible).filter((r) => hidden.has(r.item)).length;
      if (hits > 0) hitCustomers++;
      precisionSum += hits / k;
    }
    const count = Math.max(1, splits.length);
    return { weight, hitRate: hitCustomers / count, precision: precisionSum / count };
  });
  let best = results[0];
  for (const r of results) {
    if (r.hitRate > best.hitRate || (r.hitRate === best.hitRate && (r.precision > best.precision || (r.precision === best.precision && r.weight < best.weight)))) best = r;
  }
  return { blendWeight: best.weight, customers: splits.length, grid: results };
}
