/**
 * Why an item is offered, in words (English and Chinese), from the structured reason: the customer's strongest
 * group and, when one applies, the rule X → item. The caller names items and groups; by default items are their
 * product ids and groups are numbered from 1 ("group 3" is index 2).
 */
import type { LocalizedText } from '../localized-text.js';

export interface OfferReasonFacts {
  /** the customer group contributing most to the group estimate */
  group: { index: number; membership: number; rate: number };
  /** the rule used (antecedent product ids), with confidence and lift estimated without this customer */
  rule: { antecedent: number[]; confidence: number; lift: number } | null;
}

export interface OfferWording {
  itemLabel?: (item: number) => string | LocalizedText;
  groupName?: (group: number) => LocalizedText;
}

function localized(label: string | LocalizedText): LocalizedText {
  return typeof label === 'string' ? { en: label, zh: label } : label;
}

export function describeOfferReason(item: number, facts: OfferReasonFacts, wording: OfferWording = {}): LocalizedText {
  const label = (id: number) => localized(wording.itemLabel ? wording.itemLabel(id) : String(id));
  const group = wording.groupName ? wording.groupName(facts.group.index) : { en: `group ${facts.group.index + 1}`, zh: `第 ${facts.group.index + 1} 组` };
  const membership = facts.group.membership.toFixed(2);
  const offered = label(item);
  if (facts.rule) {
    const antecedent = facts.rule.antecedent.map(label);
    const confidence = facts.rule.confidence.toFixed(2);
    const lift = facts.rule.lift.toFixed(1);
    return {
      en: `Customers like this (${group.en}, membership ${membership}) buy ${offered.en} with ${antecedent.map((a) => a.en).join(' + ')}: confidence ${confidence}, lift ${lift}`,
      zh: `同类客户（${group.zh}，隶属度 ${membership}）购买 ${antecedent.map((a) => a.zh).join(' + ')} 时也买 ${offered.zh}：置信度 ${confidence}，提升度 ${lift}`,
    };
  }
  const percent = Math.round(facts.group.rate * 100);
  return {
    en: `Customers like this (${group.en}, membership ${membership}) buy ${offered.en}: ${percent}% of the group bought it`,
    zh: `同类客户（${group.zh}，隶属度 ${membership}）中 ${percent}% 购买了 ${offered.zh}`,
  };
}
