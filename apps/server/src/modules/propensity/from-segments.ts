import type { SegmentWorkerInput } from '../segments/refresh.js';
import type { SegmentResult } from '../segments/result.js';
import type { PropensityInput } from './compute.js';
import { defaultPropensityParams } from './params.js';

/**
 * The propensity models' input from the predictive-model step: its data, its product groups (the largest by number
 * of buyers get a model each, named after their anchor product) and each customer's group (the ledger's segments).
 */
export function propensityInputOf(input: SegmentWorkerInput, segments: SegmentResult, byAccountDay: Int32Array): PropensityInput {
  const params = { ...defaultPropensityParams, ...input.valueParams.propensity };
  const { lines, products } = input.inputs;
  const buyers = segments.productGroups.map((g) => {
    const items = new Set(g.items);
    const who = new Set<number>();
    for (let i = 0; i < lines.day.length; i++) if (items.has(lines.product[i]) && !Number.isNaN(lines.account[i])) who.add(lines.account[i]);
    return who.size;
  });
  const names = new Map<number, string>();
  products.ids.forEach((id, i) => names.set(id, products.names[i]));
  const productGroups = segments.productGroups
    .map((g, index) => ({ g, index, buyers: buyers[index] }))
    .sort((a, b) => b.buyers - a.buyers)
    .slice(0, params.productGroups)
    .map(({ g, index }) => ({
      key: `group:${index}`,
      label: { en: `Around ${names.get(g.anchor) ?? g.anchor}`, zh: `以「${names.get(g.anchor) ?? g.anchor}」为核心` },
      products: g.items,
    }));
  const segmentOf = new Map<number, string>();
  segments.members.accountIds.forEach((id, i) => {
    const u = segments.members.memberships[i];
    segmentOf.set(id, String(u.indexOf(Math.max(...u))));
  });
  return {
    inputs: { ...input.inputs, contacts: input.contacts },
    byAccountDay,
    asOfDay: input.asOfDay,
    horizonDays: params.horizonDays,
    valueParams: input.valueParams,
    productGroups,
    segmentOf,
    ledger: input.ledger,
  };
}
