/**
 * The predictive model over one company's history (pure: runs in a worker). Customer groups by fuzzy c-means on
 * standardised features (k from the best silhouette unless the analyst fixed it), product groups from the phi
 * correlation of what customers buy, the CG × PSG association, rules on order baskets, every customer's
 * next-best offers — and an honest check of those offers: the same pipeline fitted on the history up to
 * asOf − holdout, scored on what customers then bought, against offering the most popular products.
 * The models are @relata/analytics'; this file only wires them to the company's data.
 */
import {
  chooseK,
  customerProductAssociation,
  evaluateOffers,
  fitOfferModel,
  mineOfferRules,
  fuzzyCMeans,
  productGroups,
  profileGroups,
  seededRandom,
  standardise,
} from '@relata/analytics';
import { basketRules, correlationMatrix, orderBaskets } from './basket-rules.js';
import { customerFeatures, linesByAccountDay, type CustomerFeatures } from './customer-features.js';
import type { OrderLines } from './inputs.js';
import { compactReason } from './offer-reasons.js';
import type { SegmentComputeInput } from './refresh.js';
import type { SegmentResult } from './result.js';
import { scoresAt } from './scores-at.js';

type Progress = (percent: number, stage: string) => void;
const SEED = 20_260_101;

export function computeSegments(input: SegmentComputeInput, progress: Progress = () => {}, byAccountDay = linesByAccountDay(input.inputs.lines)): SegmentResult {
  const { inputs, asOfDay, params } = input;
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    timings[stage] = Math.round(now - t0);
    t0 = now;
  };

  progress(0, 'features');
  const features = customerFeatures(inputs.lines, byAccountDay, inputs.products, asOfDay, inputs.scores, inputs.attributes, params.features);
  if (features.names.length < 2) throw new Error(`the customer groups need at least two features; got ${features.names.join(', ') || 'none'}`);
  lap('features');

  progress(10, 'groups');
  const groups = customerGroups(features, params.groups, params.fuzziness);
  lap('groups');

  progress(40, 'productGroups');
  const productNames = new Map<number, string>();
  inputs.products.ids.forEach((id, i) => productNames.set(id, inputs.products.names[i]));
  const psg = productGroups(features.items, { topItems: 150 });
  const associations = customerProductAssociation({
    memberships: groups.memberships,
    itemSets: features.items,
    productGroups: psg.groups,
    attributes: groups.profiles.map((p) => p.distinguishing.map((d) => ({ attribute: `${d.direction}:${d.feature}`, degree: d.degree }))),
  });
  lap('productGroups');

  progress(50, 'rules');
  const baskets = orderBaskets(inputs.lines, asOfDay);
  const rules = basketRules(baskets, params.minSupport, params.minConfidence);
  const heat = correlationMatrix(baskets.data, 25);
  lap('rules');

  progress(60, 'offers');
  const itemValues = valuePerBuyer(inputs.lines, asOfDay);
  const { rules: customerRules, minSupport: offerSupport } = offerRules(features.items);
  const model = fitOfferModel({ memberships: groups.memberships, itemSets: features.items, itemValues, rules: customerRules });
  const wording = { itemLabel: (id: number) => productNames.get(id) ?? String(id) };
  const offers: SegmentResult['offers'] = [];
  features.accountIds.forEach((accountId, i) => {
    model.offers(i, params.offersPerCustomer, wording).forEach((o, rank) => {
      offers.push({ accountId, rank: rank + 1, productId: o.item, probability: o.probability, expectedValue: o.expectedValue ?? 0, reason: compactReason(o.reason) });
    });
  });
  lap('offers');

  progress(75, 'evaluation');
  const evaluation = evaluateHoldout(input, byAccountDay, groups.k);
  lap('evaluation');

  return {
    summary: {
      customers: features.accountIds.length,
      k: groups.k,
      kSelection: groups.kSelection,
      silhouette: groups.silhouette,
      fuzziness: params.fuzziness,
      features: features.names,
      available: Object.entries(features.labels).map(([name, label]) => ({ name, label })),
      productGroups: psg.groups.length,
      rules: { baskets: baskets.data.basketCount, itemsets: rules.itemsets, rules: rules.count, kept: rules.top.length, minSupport: params.minSupport, minConfidence: params.minConfidence },
      offers: { blendWeight: model.blendWeight, perCustomer: params.offersPerCustomer, rules: customerRules.length, minSupport: offerSupport },
      correlations: { products: heat.items.map((i) => ({ id: baskets.labels[i], name: productNames.get(baskets.labels[i]) ?? '' })), r: heat.r },
      evaluation,
      timingsMs: timings,
    },
    groups: groups.profiles.map((p, g) => ({ size: groups.sizes[g], fuzzySize: groups.fuzzySizes[g], profile: { ...p, features: features.names } })),
    members: { accountIds: features.accountIds, memberships: groups.memberships },
    productGroups: psg.groups.map((g) => ({ anchor: g.anchor, cohesion: g.cohesion, items: g.items })),
    associations: associations.map(({ customerGroup, productGroup, attributes, support, confidence, lift }) => ({ customerGroup, productGroup, attributes, support, confidence, lift })),
    rules: rules.top,
    offers,
  };
}

/**
 * Fuzzy c-means on the standardised features, groups numbered by size (group 0 the largest). With k on 'auto',
 * k-means++ for k = 2..8 and the best mean silhouette decide k; the curve is kept for the analyst to see.
 */
function customerGroups(features: CustomerFeatures, groups: number | 'auto', fuzziness: number) {
  const { z, mean, sd } = standardise(features.transformed);
  const n = z.length;
  // k is chosen on at most 20,000 customers (seeded): seven k-means runs over 100,000 cost seconds and pick the same k
  const selection = groups === 'auto' ? chooseK(sampleOf(z, 20_000), { kMin: 2, kMax: Math.min(8, n - 1), seed: SEED }) : null;
  const k = Math.min(selection?.k ?? (groups as number), n - 1);
  const fcm = fuzzyCMeans(z, k, { m: fuzziness, seed: SEED });
  const fuzzy = new Float64Array(k);
  for (const u of fcm.memberships) u.forEach((v, j) => (fuzzy[j] += v));
  const order = [...fuzzy.keys()].sort((a, b) => fuzzy[b] - fuzzy[a]);
  const memberships = fcm.memberships.map((u) => Float64Array.from(order, (j) => u[j]));
  const profiles = profileGroups(features.names, features.raw, z, { memberships }, { labels: features.labels, top: 4 }).map((p) => ({
    labels: Object.fromEntries(features.names.map((name) => [name, features.labels[name]])),
    centroid: Array.from(p.centroid, round4),
    zCentroid: Array.from(p.centroidZ, round4),
    distinguishing: p.distinguishing.map(({ feature, direction, z, degree }) => ({ feature, label: features.labels[feature], direction, z: round4(z), degree: round4(degree) })),
    description: p.describe,
    suggestedName: p.suggestedName,
  }));
  const sizes = new Array<number>(k).fill(0);
  for (const u of memberships) sizes[u.indexOf(Math.max(...u))]++;
  return {
    k,
    kSelection: selection?.curve ?? null,
    silhouette: selection ? selection.curve.find((c) => c.k === k)!.silhouette : null,
    memberships,
    profiles,
    sizes,
    fuzzySizes: order.map((j) => fuzzy[j]),
    scaling: { mean: Array.from(mean), sd: Array.from(sd) },
  };
}

/**
 * Rules for the offers, mined on customers' product sets at the lowest support of a ladder that keeps them to at
 * most 20,000: customers who buy many products (the demo's average 17 of 150) give a quarter of a million rules at
 * 2 % support, and ranking with all of them costs seconds for no better offers. The ladder is walked from the top,
 * where mining is cheap, down to the first level with too many rules.
 */
const RULE_CAP = 20_000;
function offerRules(itemSets: number[][]) {
  const ladder = [0.3, 0.2, 0.12, 0.08, 0.05, 0.03, 0.02];
  let chosen = { rules: mineOfferRules(itemSets, { minSupport: ladder[0] }), minSupport: ladder[0] };
  for (const minSupport of ladder.slice(1)) {
    const rules = mineOfferRules(itemSets, { minSupport });
    if (rules.length > RULE_CAP) break;
    chosen = { rules, minSupport };
  }
  return chosen;
}

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

/** Each product's mean revenue per customer who bought it: what an accepted offer is worth. */
function valuePerBuyer(lines: OrderLines, beforeDay: number, fromDay = -Infinity) {
  const revenue = new Map<number, number>();
  const buyers = new Map<number, Set<number>>();
  for (let i = 0; i < lines.day.length; i++) {
    const account = lines.account[i];
    if (Number.isNaN(account) || lines.day[i] >= beforeDay || lines.day[i] < fromDay || !(lines.quantity[i] > 0)) continue;
    const p = lines.product[i];
    revenue.set(p, (revenue.get(p) ?? 0) + lines.revenue[i]);
    let b = buyers.get(p);
    if (!b) buyers.set(p, (b = new Set()));
    b.add(account);
  }
  return new Map([...revenue].map(([p, v]) => [p, v / buyers.get(p)!.size]));
}

/**
 * Offers checked against the future: groups and offers fitted on purchases before asOf − holdout (CLV and
 * P(alive) refitted at that date when they are features; on a sample of 20,000 customers in larger companies), then hit-rate@5 and precision@5 on what customers bought
 * from then to asOf, against the five most popular products a customer does not have. Null when the history is
 * shorter than twice the holdout.
 */
function evaluateHoldout(input: SegmentComputeInput, byAccountDay: Int32Array, k: number) {
  const { inputs, asOfDay, params, valueParams } = input;
  const cutoff = asOfDay - valueParams.holdoutWeeks * 7;
  let first = Infinity;
  for (const d of inputs.lines.day) first = Math.min(first, d);
  if (!(cutoff - first >= valueParams.holdoutWeeks * 7)) return null;
  // beyond 20,000 customers a seeded sample of them answers the question as well, in a fraction of the time
  byAccountDay = sampleCustomers(inputs.lines, byAccountDay, 20_000);
  const usesScores = params.features === null || params.features.some((f) => f === 'clv' || f === 'pAlive');
  const scores = usesScores ? scoresAt(inputs.lines, byAccountDay, cutoff, valueParams) : null;
  const selection = params.features ?? null;
  const past = customerFeatures(inputs.lines, byAccountDay, inputs.products, cutoff, scores, inputs.attributes, selection);
  if (past.accountIds.length < 20) return null;
  const groups = customerGroups(past, Math.min(k, past.accountIds.length - 1), params.fuzziness);
  const index = new Map(past.accountIds.map((id, i) => [id, i]));
  const after: Set<number>[] = past.accountIds.map(() => new Set());
  const l = inputs.lines;
  for (let i = 0; i < l.day.length; i++) {
    if (l.day[i] < cutoff || l.day[i] >= asOfDay || !(l.quantity[i] > 0)) continue;
    const j = index.get(l.account[i]);
    if (j !== undefined) after[j].add(l.product[i]);
  }
  const result = evaluateOffers({ before: past.items, after: after.map((s) => [...s]), memberships: groups.memberships, itemValues: valuePerBuyer(l, cutoff) }, { k: 5, ruleOptions: { minSupport: offerRules(past.items).minSupport } });
  return {
    cutoff: new Date(cutoff * 86_400_000).toISOString().slice(0, 10),
    holdoutWeeks: valueParams.holdoutWeeks,
    k: result.k,
    customers: result.customers,
    trainingCustomers: result.trainingCustomers,
    groups: groups.k,
    model: result.model,
    popularity: result.baseline,
  };
}

/** At most `limit` of the rows, drawn with a fixed seed (partial Fisher–Yates). */
function sampleOf<T>(rows: T[], limit: number): T[] {
  if (rows.length <= limit) return rows;
  const random = seededRandom(SEED);
  const picked = rows.slice();
  for (let i = 0; i < limit; i++) {
    const j = i + Math.floor(random() * (picked.length - i));
    [picked[i], picked[j]] = [picked[j], picked[i]];
  }
  return picked.slice(0, limit);
}

/** The lines (in `byAccountDay`) of at most `limit` customers drawn with a fixed seed. */
function sampleCustomers(lines: OrderLines, byAccountDay: Int32Array, limit: number): Int32Array {
  const accounts: number[] = [];
  for (let k = 0; k < byAccountDay.length; k++) {
    const id = lines.account[byAccountDay[k]];
    if (id !== accounts.at(-1)) accounts.push(id);
  }
  if (accounts.length <= limit) return byAccountDay;
  const chosen = new Set(sampleOf(accounts, limit));
  return byAccountDay.filter((i) => chosen.has(lines.account[i]));
}

