/**
 * Association rules X → y for offers, mined with the bundles code (FP-growth, then one-item consequents) on
 * customers' item sets — what each customer ever bought, not single baskets, since an offer is about the customer.
 * Items are product ids here. The counts are kept because the offer model re-estimates each rule's confidence
 * without the customer being scored (see `offer-scorer.ts`): that needs #sets ⊇ X and #sets ⊇ X ∪ {y}, so the
 * rules must be mined on the same item sets the model is fitted on.
 */
import { encodeBaskets } from '../bundles/baskets.js';
import { fpGrowth } from '../bundles/fp-growth.js';
import { associationRules } from '../bundles/rules.js';

export interface OfferRule {
  /** antecedent X: product ids, ascending, not empty */
  lhs: number[];
  /** consequent y: a product id */
  rhs: number;
  /** #sets ⊇ X ∪ {y} */
  count: number;
  /** #sets ⊇ X */
  antecedentCount: number;
  confidence: number;
  lift: number;
}

export interface OfferRuleOptions {
  /** minimum support as a fraction of customers (default 0.02) */
  minSupport?: number;
  /** default 0.1 */
  minConfidence?: number;
  /** longest rule |X| + 1 (default 3: antecedents of one or two items) */
  maxLength?: number;
}

export function mineOfferRules(itemSets: readonly ArrayLike<number>[], options: OfferRuleOptions = {}): OfferRule[] {
  const { data, labels } = encodeBaskets(itemSets.map((s) => Array.from(s)));
  const frequent = fpGrowth(data, { minSupport: options.minSupport ?? 0.02, maxLength: options.maxLength ?? 3 });
  const rules = associationRules(frequent, { minConfidence: options.minConfidence ?? 0.1, emptyAntecedent: false });
  return rules.map((r) => ({
    lhs: r.lhs.map((i) => labels[i]).sort((a, b) => a - b),
    rhs: labels[r.rhs[0]],
    count: r.count,
    // confidence = count / #sets ⊇ X exactly, so the quotient rounds back to that integer
    antecedentCount: Math.round(r.count / r.confidence),
    confidence: r.confidence,
    lift: r.lift,
  }));
}
