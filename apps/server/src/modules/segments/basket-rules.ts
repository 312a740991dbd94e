/**
 * Orders as market baskets (one basket per order: the set of products bought in it, guest sales included),
 * the association rules mined from them for the products-together page, and the phi correlation of the most
 * bought products and of the categories, for its heat-maps.
 */
import { associationRules, fpGrowth, phiFromCounts, topRulesByLift, type BasketData } from '@relata/analytics';
import type { OrderLines, ProductFacts } from './inputs.js';

/** Baskets of the orders before `beforeDay`, items encoded as indexes into `labels` (product ids). */
export function orderBaskets(lines: OrderLines, beforeDay: number, itemOf: (line: number) => number = (i) => lines.product[i]): { data: BasketData; labels: number[] } {
  let orders = 0;
  for (let i = 0; i < lines.order.length; i++) orders = Math.max(orders, lines.order[i] + 1);
  const byOrder: number[][] = Array.from({ length: orders }, () => []);
  const index = new Map<number, number>();
  const labels: number[] = [];
  for (let i = 0; i < lines.order.length; i++) {
    if (lines.day[i] >= beforeDay || !(lines.quantity[i] > 0)) continue;
    const label = itemOf(i);
    if (label < 0) continue;
    let id = index.get(label);
    if (id === undefined) index.set(label, (id = labels.push(label) - 1));
    byOrder[lines.order[i]].push(id);
  }
  const offsets = [0];
  const items: number[] = [];
  for (const basket of byOrder) {
    if (basket.length === 0) continue;
    items.push(...new Set(basket.sort((a, b) => a - b)));
    offsets.push(items.length);
  }
  return { data: { basketCount: offsets.length - 1, itemCount: labels.length, offsets: Int32Array.from(offsets), items: Int32Array.from(items) }, labels };
}

export function basketRules(baskets: { data: BasketData; labels: number[] }, minSupport: number, minConfidence: number, keep = 2000) {
  const frequent = fpGrowth(baskets.data, { minSupport, maxLength: 4 });
  const rules = associationRules(frequent, { minConfidence, minLength: 2, emptyAntecedent: false });
  return {
    itemsets: frequent.itemsets.length,
    count: rules.length,
    top: topRulesByLift(rules, keep).map((r) => ({
      antecedent: r.lhs.map((i) => baskets.labels[i]),
      consequent: baskets.labels[r.rhs[0]],
      support: r.support,
      confidence: r.confidence,
      lift: r.lift,
      count: r.count,
    })),
  };
}

/** Phi correlation between the `top` items in most baskets: labels and a symmetric matrix (1 on the diagonal). */
export function correlationMatrix(data: BasketData, top: number) {
  const counts = new Int32Array(data.itemCount);
  for (let i = 0; i < data.items.length; i++) counts[data.items[i]]++;
  const chosen = [...counts.keys()].sort((a, b) => counts[b] - counts[a] || a - b).slice(0, top);
  const position = new Map(chosen.map((item, k) => [item, k]));
  const k = chosen.length;
  const together = new Int32Array(k * k);
  for (let b = 0; b < data.basketCount; b++) {
    const inBasket: number[] = [];
    for (let j = data.offsets[b]; j < data.offsets[b + 1]; j++) {
      const p = position.get(data.items[j]);
      if (p !== undefined) inBasket.push(p);
    }
    for (const x of inBasket) for (const y of inBasket) together[x * k + y]++;
  }
  const r = chosen.map((a, x) => chosen.map((b, y) => (x === y ? 1 : round3(phiFromCounts(data.basketCount, counts[a], counts[b], together[x * k + y])))));
  return { items: chosen, r };
}

const round3 = (v: number) => (Number.isFinite(v) ? Math.round(v * 1000) / 1000 : 0);
