/**
 * Next-best offers: a model fitted on customers' memberships and item sets (and optionally item values and rules),
 * giving each customer the items they do not have yet, by probability of buying, with the expected value and the
 * reason. How the probability is estimated (group rates left-one-out, best applicable rule, blend) is in
 * `offer-scorer.ts`; the blend weight λ is fixed by the caller or chosen on a validation split of the same training
 * data (`blend-weight.ts`). Rules are mined from the item sets (`mineOfferRules`) unless given.
 */
import type { LocalizedText } from '../localized-text.js';
import { chooseBlendWeight, type BlendValidation, type BlendValidationOptions } from './blend-weight.js';
import { describeOfferReason, type OfferReasonFacts, type OfferWording } from './offer-reason.js';
import { mineOfferRules, type OfferRuleOptions } from './offer-rules.js';
import { OfferScorer, type OfferScorerInput, type RankedItem } from './offer-scorer.js';

export interface OfferModelInput extends OfferScorerInput {
  /** each item's mean value per purchasing customer (product id → value); items without one get no expected value */
  itemValues?: ReadonlyMap<number, number>;
}

export interface OfferModelOptions {
  /** α of the group rates, in pseudo-customers (default 5) */
  smoothing?: number;
  /** λ in [0, 1]; when absent it is chosen by `chooseBlendWeight` */
  blendWeight?: number;
  validation?: BlendValidationOptions;
  /** how to mine rules when `input.rules` is absent (pass `rules: []` for none) */
  ruleOptions?: OfferRuleOptions;
}

export interface OfferReason extends OfferReasonFacts {
  text: LocalizedText;
}

export interface Offer {
  /** product id */
  item: number;
  probability: number;
  /** probability × item value, null when the item has no value */
  expectedValue: number | null;
  reason: OfferReason;
}

export interface OfferModel {
  scorer: OfferScorer;
  blendWeight: number;
  /** the validation that chose λ; null when the caller fixed it */
  validation: BlendValidation | null;
  /** the k best items for a customer (no reasons: for ranking many customers fast) */
  rank(customer: number, k: number): RankedItem[];
  /** the k best offers for a customer with expected value and reason */
  offers(customer: number, k?: number, wording?: OfferWording): Offer[];
}

export function fitOfferModel(input: OfferModelInput, options: OfferModelOptions = {}): OfferModel {
  const rules = input.rules ?? mineOfferRules(input.itemSets, options.ruleOptions);
  const scorer = new OfferScorer({ memberships: input.memberships, itemSets: input.itemSets, rules }, options.smoothing ?? 5);
  if (options.blendWeight !== undefined && !(options.blendWeight >= 0 && options.blendWeight <= 1)) throw new RangeError(`blend weight ${options.blendWeight} is not in [0, 1]`);
  const validation = options.blendWeight === undefined ? chooseBlendWeight(scorer, options.validation) : null;
  const blendWeight = options.blendWeight ?? validation!.blendWeight;
  const values = input.itemValues;

  return {
    scorer,
    blendWeight,
    validation,
    rank: (customer, k) => scorer.rank(customer, k, blendWeight),
    offers(customer, k = 5, wording = {}) {
      return scorer.rank(customer, k, blendWeight).map((ranked) => {
        const rule = ranked.rule >= 0 ? { antecedent: [...scorer.rules[ranked.rule].lhs], confidence: ranked.ruleConfidence, lift: ranked.ruleLift } : null;
        const facts: OfferReasonFacts = { group: ranked.group, rule };
        const value = values?.get(ranked.item);
        return {
          item: ranked.item,
          probability: ranked.probability,
          expectedValue: value === undefined ? null : ranked.probability * value,
          reason: { ...facts, text: describeOfferReason(ranked.item, facts, wording) },
        };
      });
    },
  };
}
