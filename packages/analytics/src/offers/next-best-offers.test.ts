import { describe, expect, it } from 'vitest';
import { chooseBlendWeight } from './blend-weight.js';
import { fitOfferModel } from './next-best-offers.js';
import { mineOfferRules } from './offer-rules.js';
import { OfferScorer } from './offer-scorer.js';

const P = 1; // popular: customers 6 … 17
const A = 2; // customers 0 … 5
const B = 3; // customers 0 … 4, so A → B has confidence 5/6 and, without customer 5, 5/5
const itemSets: number[][] = Array.from({ length: 20 }, (_, j) => (j < 5 ? [A, B] : j === 5 ? [A] : j < 18 ? [P] : []));
const oneGroup = itemSets.map(() => Float64Array.of(1));
const labels = new Map([[P, 'P'], [A, 'A'], [B, 'B']]);
const wording = { itemLabel: (item: number) => labels.get(item)! };

describe('next-best offers', () => {
  const rules = mineOfferRules(itemSets, { minSupport: 0.2, minConfidence: 0.5 });

  it('mines customer-level rules with the counts needed to leave a customer out', () => {
    expect(rules.find((r) => r.lhs.join() === `${A}` && r.rhs === B)).toMatchObject({ count: 5, antecedentCount: 6 });
    expect(rules.find((r) => r.lhs.join() === `${A}` && r.rhs === B)!.confidence).toBeCloseTo(5 / 6, 14);
  });

  it('ranks the rule-driven offer first and says why, in English and Chinese', () => {
    // customer 5 has A. Group part (one group, α = 5): P → (12 + 5·12/19)/(20 − 1 + 5) = 12/19, B → 5/19.
    // Rule A → B without customer 5: 5/(6 − 1) = 1, lift 1/(5/19) = 3.8.
    const byRule = fitOfferModel({ memberships: oneGroup, itemSets, rules, itemValues: new Map([[B, 10]]) }, { blendWeight: 1 });
    const offers = byRule.offers(5, 2, wording);
    expect(offers.map((o) => o.item)).toEqual([B, P]);
    expect(offers[0].probability).toBeCloseTo(1, 14);
    expect(offers[0].expectedValue).toBeCloseTo(10, 14);
    expect(offers[1].probability).toBeCloseTo(12 / 19, 14);
    expect(offers[1].expectedValue).toBeNull();
    expect(offers[0].reason.rule).toEqual({ antecedent: [A], confidence: 1, lift: expect.closeTo(3.8, 12) });
    expect(offers[0].reason.group).toEqual({ index: 0, membership: 1, rate: expect.closeTo(5 / 19, 12) });
    expect(offers[0].reason.text).toEqual({
      en: 'Customers like this (group 1, membership 1.00) buy B with A: confidence 1.00, lift 3.8',
      zh: '同类客户（第 1 组，隶属度 1.00）购买 A 时也买 B：置信度 1.00，提升度 3.8',
    });
    expect(offers[1].reason.rule).toBeNull();
    expect(offers[1].reason.text).toEqual({
      en: 'Customers like this (group 1, membership 1.00) buy P: 63% of the group bought it',
      zh: '同类客户（第 1 组，隶属度 1.00）中 63% 购买了 P',
    });
    const named = byRule.offers(5, 1, { ...wording, groupName: () => ({ en: 'Homeowners', zh: '房主' }) });
    expect(named[0].reason.text.zh).toBe('同类客户（房主，隶属度 1.00）购买 A 时也买 B：置信度 1.00，提升度 3.8');

    // the blend: λ = 0.5 → 5/19 + 0.5·(1 − 5/19); λ = 0 ignores the rule and P comes first
    const half = fitOfferModel({ memberships: oneGroup, itemSets, rules }, { blendWeight: 0.5 });
    expect(half.rank(5, 1)[0].probability).toBeCloseTo(5 / 19 + 0.5 * (1 - 5 / 19), 14);
    const groupOnly = fitOfferModel({ memberships: oneGroup, itemSets, rules }, { blendWeight: 0 });
    expect(groupOnly.rank(5, 2).map((r) => r.item)).toEqual([P, B]);
    // customers with nothing get the group's best, and nobody is offered what they have
    expect(byRule.rank(18, 3).map((r) => r.item)).toEqual([P, A, B]);
    expect(byRule.rank(0, 5).map((r) => r.item)).toEqual([P]);
  });

  it('leaves the customer out: their own purchase does not raise their own score', () => {
    // two hard groups of four; item 9 is bought by customer 0 only; customer 3 is half in each group
    const u = [[1, 0], [1, 0], [1, 0], [0.5, 0.5], [0, 1], [0, 1], [0, 1], [0, 1]].map((row) => Float64Array.from(row));
    const sets = [[9, 1], [1], [1], [1], [2], [2], [2], [2]];
    const scorer = new OfferScorer({ memberships: u, itemSets: sets }, 5);
    // customer 0 without themself: nobody in the group has 9 and the prior (1 − 1)/7 is 0
    expect(scorer.groupProbability(0, 9)).toBe(0);
    // customer 1: S_0(9) = 1, W_0 = 3.5, prior 1/7 → (1 + 5/7)/(3.5 − 1 + 5)
    expect(scorer.groupProbability(1, 9)).toBeCloseTo((1 + 5 / 7) / 7.5, 14);
    // customer 3 (fuzzy): 0.5·(S_0 − 0.5 + α·prior)/(W_0 − 0.5 + α) + 0.5·(S_1 − 0.5 + α·prior)/(W_1 − 0.5 + α) for item 1,
    // S_0(1) = 3.5, S_1(1) = 0.5, prior (4 − 1)/7
    const prior = 3 / 7;
    expect(scorer.groupProbability(3, 1)).toBeCloseTo((0.5 * (3 + 5 * prior)) / 8 + (0.5 * (0 + 5 * prior)) / 9, 14);
    // hidden for validation, item 9 gets nothing from customer 0's own purchase: it ranks below item 2
    const ranked = scorer.rank(0, 2, 0, [1]);
    expect(ranked.map((r) => r.item)).toEqual([2, 9]);
    expect(ranked[1].probability).toBe(0);
  });

  it('chooses the blend weight on hidden items of the training data', () => {
    // pairs (10 + i, 20 + i) always bought together, plus a popular item 1 that most customers have
    const next = (() => {
      let s = 12345;
      return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
    })();
    const sets = Array.from({ length: 400 }, () => {
      const set = next() < 0.6 ? [1] : [];
      for (let i = 0; i < 8; i++) if (next() < 0.3) set.push(10 + i, 20 + i);
      return set;
    });
    const scorer = new OfferScorer({ memberships: sets.map(() => Float64Array.of(1)), itemSets: sets, rules: mineOfferRules(sets, { minSupport: 0.05, minConfidence: 0.3 }) }, 5);
    const validation = chooseBlendWeight(scorer, { k: 1 });
    expect(validation.customers).toBeGreaterThan(300);
    expect(validation.grid.length).toBe(11);
    const at = (w: number) => validation.grid.find((g) => g.weight === w)!.hitRate;
    expect(at(1)).toBeGreaterThan(at(0) + 0.2);
    expect(validation.blendWeight).toBeGreaterThanOrEqual(0.5);
  });

  it('rejects memberships that are not rows summing to 1', () => {
    expect(() => new OfferScorer({ memberships: [Float64Array.of(0.5, 0.4), Float64Array.of(1, 0)], itemSets: [[1], [2]] }, 5)).toThrow(/sums to/);
    expect(() => new OfferScorer({ memberships: [Float64Array.of(1), Float64Array.of(1)], itemSets: [[1]] }, 5)).toThrow(/item sets/);
  });
});
