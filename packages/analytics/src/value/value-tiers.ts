/**
 * Customer value tiers VIP / major / ordinary / small — the "customer pyramid" (Zeithaml, Rust &
 * Lemon 2001, "The customer pyramid: creating and serving profitable customers", California
 * Management Review 43(4)), in the four-level form common in CRM textbooks: VIP customers are the
 * top 1 % by value, major the next 4 %, ordinary the next 15 % and small the remaining 80 %.
 *
 * The rule is configurable:
 * - `customer-share` (default 0.01 / 0.05 / 0.20): cumulative shares of customers, ranked by value;
 *   a customer's tier is set by the share of customers ranked strictly above it;
 * - `value-share`: cumulative shares of value, as in ABC analysis (the share of value of the
 *   customers ranked strictly above);
 * - `minimum-value`: fixed thresholds (value ≥ vip → VIP, ≥ major → major, ≥ ordinary → ordinary).
 * Under the share rules, equal values share the tier of their group's first member and customers
 * with value ≤ 0 are small.
 */

import type { Contribution } from './abc.js';

export type ValueTier = 'vip' | 'major' | 'ordinary' | 'small';

export interface ValueTierRule {
  by: 'customer-share' | 'value-share' | 'minimum-value';
  vip: number;
  major: number;
  ordinary: number;
}

export const DEFAULT_VALUE_TIER_RULE: ValueTierRule = { by: 'customer-share', vip: 0.01, major: 0.05, ordinary: 0.2 };

export interface CustomerValueTier<Id = string | number> {
  id: Id;
  value: number;
  tier: ValueTier;
}

/** Tiers in input order. */
export function valueTiers<Id>(
  items: readonly Contribution<Id>[],
  rule: ValueTierRule = DEFAULT_VALUE_TIER_RULE,
): CustomerValueTier<Id>[] {
  const { vip, major, ordinary } = rule;
  if (rule.by === 'minimum-value') {
    if (!(vip >= major && major >= ordinary)) throw new RangeError('value tiers need vip ≥ major ≥ ordinary');
    return items.map(({ id, value }) => ({
      id,
      value,
      tier: value >= vip ? 'vip' : value >= major ? 'major' : value >= ordinary ? 'ordinary' : 'small',
    }));
  }
  if (!(vip >= 0 && vip <= major && major <= ordinary && ordinary <= 1)) {
    throw new RangeError('value tier shares need 0 ≤ vip ≤ major ≤ ordinary ≤ 1');
  }
  const n = items.length;
  const order = items.map((_, i) => i).sort((i, j) => items[j].value - items[i].value || i - j);
  let total = 0;
  for (const item of items) if (item.value > 0) total += item.value;
  const tiers = new Array<ValueTier>(n);
  let cumulativeValue = 0;
  let groupTier: ValueTier = 'small';
  for (let k = 0; k < n; k++) {
    const item = items[order[k]];
    if (k === 0 || item.value !== items[order[k - 1]].value) {
      const above = rule.by === 'customer-share' ? k / n : total > 0 ? cumulativeValue / total : 1;
      groupTier = item.value <= 0 ? 'small' : above < vip ? 'vip' : above < major ? 'major' : above < ordinary ? 'ordinary' : 'small';
    }
    if (item.value > 0) cumulativeValue += item.value;
    tiers[order[k]] = groupTier;
  }
  return items.map(({ id, value }, i) => ({ id, value, tier: tiers[i] }));
}
