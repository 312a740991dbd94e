/**
 * Association rules X → Y from frequent itemsets (Agrawal, Imieliński & Swami 1993, "Mining association rules
 * between sets of items in large databases", Proc. ACM SIGMOD; Agrawal & Srikant 1994 for the rule step), with the
 * measures as R arules defines them (Hahsler, Grün & Hornik 2005, *J. Statistical Software* 14(15)):
 *
 *   count = #baskets ⊇ X ∪ Y,  support = count / n,  confidence = count / #baskets ⊇ X,
 *   lift = confidence / support(Y)            (#baskets ⊇ {} = n)
 *
 * Which rules (default = arules' `apriori(..., parameter = list(support, confidence))`, target "rules"):
 * - every frequent itemset Z (support ≥ minimum, |Z| ≤ maxLength of the mining) gives the rules Z \ {y} → {y},
 *   one per y ∈ Z — a single item on the right-hand side (`consequents: 'single'`, arules' only kind);
 * - kept when confidence ≥ minConfidence and minLength ≤ |Z| (arules' `minlen`, the rule length |X| + |Y|);
 * - with `emptyAntecedent` (default true, as arules with its default minlen = 1) Z = {y} gives {} → {y}, whose
 *   confidence is support(y), so it appears only when support(y) ≥ minConfidence; `emptyAntecedent: false` is
 *   arules' `minlen = 2`.
 * `consequents: 'all'` instead gives Z \ Y → Y for every non-empty Y ⊆ Z (Y = Z only with emptyAntecedent).
 */
import { compareIds, type FrequentItemsets } from './fp-growth.js';

export interface AssociationRule {
  /** antecedent X, item ids ascending (empty for {} → Y) */
  lhs: number[];
  /** consequent Y, item ids ascending */
  rhs: number[];
  count: number;
  support: number;
  confidence: number;
  lift: number;
}

export interface RuleOptions {
  minConfidence: number;
  /** smallest rule length |X| + |Y| (default 1, as arules' minlen) */
  minLength?: number;
  /** include {} → Y (default true, as arules) */
  emptyAntecedent?: boolean;
  /** 'single' (default, as arules): one item on the right-hand side; 'all': every non-empty consequent */
  consequents?: 'single' | 'all';
}

const keyOf = (items: readonly number[]) => items.join(',');

export function associationRules(frequent: FrequentItemsets, options: RuleOptions): AssociationRule[] {
  const { minConfidence } = options;
  if (!(minConfidence >= 0 && minConfidence <= 1)) throw new RangeError(`minimum confidence ${minConfidence} is not in [0, 1]`);
  const minLength = options.minLength ?? 1;
  const emptyAntecedent = options.emptyAntecedent ?? true;
  const all = (options.consequents ?? 'single') === 'all';
  const n = frequent.basketCount;
  const counts = new Map<string, number>();
  for (const s of frequent.itemsets) counts.set(keyOf(s.items), s.count);
  counts.set('', n);
  const countOf = (items: number[]) => {
    const c = counts.get(keyOf(items));
    if (c === undefined) throw new Error(`itemset {${items}} missing: the frequent itemsets are not closed under subsets`);
    return c;
  };
  const rules: AssociationRule[] = [];
  const consider = (lhs: number[], rhs: number[], count: number) => {
    if (lhs.length === 0 && !emptyAntecedent) return;
    const confidence = count / countOf(lhs);
    if (!(confidence >= minConfidence)) return;
    const lift = confidence / (countOf(rhs) / n);
    rules.push({ lhs, rhs, count, support: count / n, confidence, lift });
  };
  for (const { items, count } of frequent.itemsets) {
    const k = items.length;
    if (k < minLength) continue;
    if (!all || k === 1) {
      for (let j = 0; j < k; j++) consider([...items.slice(0, j), ...items.slice(j + 1)], [items[j]], count);
      continue;
    }
    // every non-empty consequent: bit masks over the k (≤ maxLength) items
    for (let mask = 1; mask < 1 << k; mask++) {
      const lhs: number[] = [];
      const rhs: number[] = [];
      for (let j = 0; j < k; j++) ((mask >> j) & 1 ? rhs : lhs).push(items[j]);
      consider(lhs, rhs, count);
    }
  }
  rules.sort((a, b) => compareIds(a.lhs, b.lhs) || compareIds(a.rhs, b.rhs));
  return rules;
}

/** The `top` rules by lift, descending (ties: confidence, then support, descending, then item ids). */
export function topRulesByLift(rules: readonly AssociationRule[], top: number): AssociationRule[] {
  return [...rules]
    .sort((a, b) => b.lift - a.lift || b.confidence - a.confidence || b.support - a.support || compareIds(a.lhs, b.lhs) || compareIds(a.rhs, b.rhs))
    .slice(0, Math.max(0, top));
}
