/**
 * Honest holdout evaluation of next-best offers by a time split. The model is fitted on what customers bought before
 * a cutoff (λ chosen on a validation split inside that period, never on what follows); then, for each customer who
 * bought both before and after the cutoff, its top-k offers among items not bought before are compared with what
 * the customer bought after:
 *
 *   hit-rate@k  = share of those customers with at least one of their k offers bought after the cutoff
 *   precision@k = mean over those customers of (offers bought after) / k
 *
 * against a popularity baseline: the k items most customers bought before the cutoff, less the customer's own.
 * With item values, the mean value of the offers taken up per customer is reported too.
 *
 * Customers with nothing before the cutoff are left out of the fit (their "before" memberships describe no
 * purchases) and of the evaluation.
 */
import { fitOfferModel, type OfferModelOptions } from './next-best-offers.js';
import type { BlendValidation } from './blend-weight.js';

export interface OfferEvaluationInput {
  /** per customer, product ids bought before the cutoff */
  before: readonly ArrayLike<number>[];
  /** per customer (same order), product ids bought after it */
  after: readonly ArrayLike<number>[];
  /** per customer, memberships computed from the "before" period only */
  memberships: readonly Float64Array[];
  /** product id → mean value per purchasing customer, from the "before" period */
  itemValues?: ReadonlyMap<number, number>;
}

export interface OfferEvaluationOptions extends OfferModelOptions {
  /** offers per customer (default 5) */
  k?: number;
}

export interface OfferScore {
  hitRate: number;
  precision: number;
  /** mean value per customer of the offers bought after the cutoff (null without item values) */
  valuePerCustomer: number | null;
}

export interface OfferEvaluation {
  k: number;
  /** customers evaluated: bought before and after */
  customers: number;
  /** customers the model was fitted on: bought before */
  trainingCustomers: number;
  blendWeight: number;
  validation: BlendValidation | null;
  model: OfferScore;
  baseline: OfferScore;
}

export function evaluateOffers(input: OfferEvaluationInput, options: OfferEvaluationOptions = {}): OfferEvaluation {
  const { before, after, memberships, itemValues } = input;
  const k = options.k ?? 5;
  if (after.length !== before.length || memberships.length !== before.length) throw new RangeError('before, after and memberships must have one entry per customer');
  const training: number[] = [];
  for (let j = 0; j < before.length; j++) if (before[j].length > 0) training.push(j);
  const model = fitOfferModel(
    { memberships: training.map((j) => memberships[j]), itemSets: training.map((j) => before[j]), itemValues },
    // λ is validated at the same k as evaluated, unless told otherwise
    { ...options, validation: { k, ...options.validation } },
  );

  const popularity = new Map<number, number>();
  for (const j of training) for (const item of new Set(Array.from(before[j]))) popularity.set(item, (popularity.get(item) ?? 0) + 1);
  const popular = [...popularity.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([item]) => item);

  const tally = () => ({ hits: 0, precision: 0, value: 0 });
  const ours = tally();
  const theirs = tally();
  const score = (offered: readonly number[], bought: Set<number>, into: ReturnType<typeof tally>) => {
    let hits = 0;
    for (const item of offered) {
      if (!bought.has(item)) continue;
      hits++;
      into.value += itemValues?.get(item) ?? 0;
    }
    if (hits > 0) into.hits++;
    into.precision += hits / k;
  };
  let customers = 0;
  training.forEach((j, t) => {
    if (after[j].length === 0) return;
    customers++;
    const bought = new Set(Array.from(after[j]));
    score(model.rank(t, k).map((r) => r.item), bought, ours);
    const owned = new Set(Array.from(before[j]));
    const baseline: number[] = [];
    for (let p = 0; p < popular.length && baseline.length < k; p++) if (!owned.has(popular[p])) baseline.push(popular[p]);
    score(baseline, bought, theirs);
  });
  const summary = (s: ReturnType<typeof tally>): OfferScore => ({
    hitRate: customers ? s.hits / customers : Number.NaN,
    precision: customers ? s.precision / customers : Number.NaN,
    valuePerCustomer: itemValues && customers ? s.value / customers : null,
  });
  return { k, customers, trainingCustomers: training.length, blendWeight: model.blendWeight, validation: model.validation, model: summary(ours), baseline: summary(theirs) };
}
