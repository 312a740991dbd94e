/**
 * The association entity CG × PSG (customer group × product/service group): how much more a customer group buys
 * from a product group than customers at large. With fuzzy memberships u_ig (row i sums to 1) every customer counts
 * in each group by their degree, so the counts below are "fuzzy" (sums of memberships):
 *
 *   size(g)      = Σ_i u_ig                                  fuzzy number of customers in g
 *   buyers(g, p) = Σ_{i bought anything in p} u_ig           the customers behind the pair
 *   support      = buyers(g, p) / n
 *   confidence   = buyers(g, p) / size(g)                    share of g buying from p
 *   lift         = confidence / (#customers buying from p / n)
 *
 * With one-hot rows these are the ordinary rule measures of "in g" → "bought from p". Kept: lift > `minLift` and
 * buyers(g, p) ≥ `minCustomers`. The group's non-key attributes (attribute, degree) come from the caller's group
 * profile and are copied through unchanged.
 */

export interface GroupAttribute {
  attribute: string;
  degree: number;
}

export interface CustomerProductAssociation {
  customerGroup: number;
  productGroup: number;
  support: number;
  confidence: number;
  lift: number;
  /** buyers(g, p): fuzzy number of the group's customers who bought from the product group */
  customers: number;
  /** size(g): fuzzy number of customers in the group */
  groupSize: number;
  attributes: GroupAttribute[];
}

export interface AssociationInput {
  /** n rows × c customer groups, each row summing to 1 */
  memberships: readonly Float64Array[];
  /** per customer, the product ids they bought */
  itemSets: readonly ArrayLike<number>[];
  /** product groups as lists of product ids (e.g. `productGroups(...).groups`) */
  productGroups: readonly { items: readonly number[] }[];
  /** per customer group, its attributes (absent: none) */
  attributes?: readonly (readonly GroupAttribute[])[];
}

export interface AssociationOptions {
  /** keep pairs with lift above this (default 1) */
  minLift?: number;
  /** keep pairs with at least this many (fuzzy) customers behind them (default 10) */
  minCustomers?: number;
}

/** Pairs kept, by descending lift (ties: more customers, then group indices). */
export function customerProductAssociation(input: AssociationInput, options: AssociationOptions = {}): CustomerProductAssociation[] {
  const { memberships, itemSets, productGroups } = input;
  const minLift = options.minLift ?? 1;
  const minCustomers = options.minCustomers ?? 10;
  const n = memberships.length;
  if (itemSets.length !== n) throw new RangeError(`${itemSets.length} item sets for ${n} membership rows`);
  if (n === 0) return [];
  const c = memberships[0].length;
  const q = productGroups.length;
  const groupOf = new Map<number, number>();
  productGroups.forEach((g, p) => g.items.forEach((item) => groupOf.set(item, p)));

  const size = new Float64Array(c);
  const buyers = new Float64Array(c * q);
  const buyerCount = new Float64Array(q);
  const boughtFrom = new Int32Array(q).fill(-1);
  const touched: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = memberships[i];
    if (u.length !== c) throw new RangeError(`membership row ${i} has ${u.length} groups, expected ${c}`);
    for (let g = 0; g < c; g++) size[g] += u[g];
    touched.length = 0;
    const set = itemSets[i];
    for (let k = 0; k < set.length; k++) {
      const p = groupOf.get(set[k]);
      if (p === undefined || boughtFrom[p] === i) continue;
      boughtFrom[p] = i;
      touched.push(p);
    }
    for (const p of touched) {
      buyerCount[p]++;
      for (let g = 0; g < c; g++) buyers[g * q + p] += u[g];
    }
  }

  const pairs: CustomerProductAssociation[] = [];
  for (let g = 0; g < c; g++) {
    for (let p = 0; p < q; p++) {
      const customers = buyers[g * q + p];
      if (size[g] === 0 || buyerCount[p] === 0 || !(customers >= minCustomers)) continue;
      const confidence = customers / size[g];
      const lift = confidence / (buyerCount[p] / n);
      if (!(lift > minLift)) continue;
      pairs.push({
        customerGroup: g,
        productGroup: p,
        support: customers / n,
        confidence,
        lift,
        customers,
        groupSize: size[g],
        attributes: (input.attributes?.[g] ?? []).map((a) => ({ attribute: a.attribute, degree: a.degree })),
      });
    }
  }
  pairs.sort((a, b) => b.lift - a.lift || b.customers - a.customers || a.customerGroup - b.customerGroup || a.productGroup - b.productGroup);
  return pairs;
}
