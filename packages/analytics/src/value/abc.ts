/**
 * ABC (Pareto) analysis of customers by contribution — revenue or margin — and the Pareto and
 * Lorenz curves behind it (the 80/20 rule after V. Pareto; ABC classes as in inventory practice,
 * H. F. Dickie 1951, "ABC inventory analysis shoots for dollars").
 *
 * Rules (stated because each has alternatives):
 * - customers are ranked by contribution, largest first;
 * - shares are of the total *positive* contribution; customers contributing ≤ 0 (e.g. negative
 *   margin) are always class C and come last;
 * - a customer's class is set by the cumulative share of everyone ranked strictly above it:
 *   below `cutA` → A, below `cutB` → B, else C. So the customer who crosses the 80 % line is still
 *   A, and the A class always holds at least 80 % of the contribution (the Pareto statement "these
 *   customers bring 80 %"); the top customer is always A;
 * - customers with equal contributions form one group and share the class of its first member,
 *   so the result does not depend on input order (with everyone equal, everyone is A).
 */

export type AbcClass = 'A' | 'B' | 'C';

export interface Contribution<Id = string | number> {
  id: Id;
  value: number;
}

export interface AbcOptions {
  /** Cumulative share closing class A. Default 0.8. */
  cutA?: number;
  /** Cumulative share closing class B. Default 0.95. */
  cutB?: number;
}

export interface AbcRow<Id = string | number> {
  id: Id;
  value: number;
  /** 1 = largest contribution; equal contributions share the rank of the group's first member. */
  rank: number;
  /** value / total positive contribution. */
  share: number;
  /** Share of all customers ranked at or above this one (including it). */
  cumulativeShare: number;
  abcClass: AbcClass;
}

export interface AbcClassSummary {
  customers: number;
  value: number;
  customerShare: number;
  valueShare: number;
}

export interface AbcResult<Id = string | number> {
  rows: AbcRow<Id>[];
  total: number;
  classes: Record<AbcClass, AbcClassSummary>;
}

export function abcAnalysis<Id>(items: readonly Contribution<Id>[], options: AbcOptions = {}): AbcResult<Id> {
  const cutA = options.cutA ?? 0.8;
  const cutB = options.cutB ?? 0.95;
  if (!(cutA > 0 && cutA <= cutB && cutB <= 1)) throw new RangeError('ABC cuts need 0 < cutA ≤ cutB ≤ 1');
  for (const item of items) if (!Number.isFinite(item.value)) throw new RangeError(`contribution of ${String(item.id)} is not finite`);

  const order = items.map((_, i) => i).sort((i, j) => items[j].value - items[i].value || i - j);
  let total = 0;
  for (const item of items) if (item.value > 0) total += item.value;

  const rows: AbcRow<Id>[] = [];
  let cumulative = 0;
  let groupClass: AbcClass = 'A';
  let groupRank = 1;
  for (let k = 0; k < order.length; k++) {
    const item = items[order[k]];
    const newGroup = k === 0 || item.value !== items[order[k - 1]].value;
    if (newGroup) {
      groupRank = k + 1;
      const before = total > 0 ? cumulative / total : 1;
      groupClass = item.value <= 0 ? 'C' : before < cutA ? 'A' : before < cutB ? 'B' : 'C';
    }
    if (item.value > 0) cumulative += item.value;
    rows.push({
      id: item.id,
      value: item.value,
      rank: groupRank,
      share: total > 0 ? item.value / total : 0,
      cumulativeShare: total > 0 ? cumulative / total : 0,
      abcClass: groupClass,
    });
  }

  const classes = {
    A: { customers: 0, value: 0, customerShare: 0, valueShare: 0 },
    B: { customers: 0, value: 0, customerShare: 0, valueShare: 0 },
    C: { customers: 0, value: 0, customerShare: 0, valueShare: 0 },
  };
  for (const row of rows) {
    classes[row.abcClass].customers++;
    classes[row.abcClass].value += row.value;
  }
  for (const c of Object.values(classes)) {
    c.customerShare = rows.length > 0 ? c.customers / rows.length : 0;
    c.valueShare = total > 0 ? c.value / total : 0;
  }
  return { rows, total, classes };
}

export interface Curve {
  /** x: cumulative share of customers, 0 … 1. */
  customerShare: Float64Array;
  /** y: cumulative share of contribution, 0 … 1. */
  valueShare: Float64Array;
}

/** Negative contributions are counted as 0 in the curves (a Lorenz curve needs non-negative values). */
function cumulativeCurve(values: ArrayLike<number>, descending: boolean): Curve {
  const n = values.length;
  const sorted = Float64Array.from(values, (v) => Math.max(0, v)).sort();
  if (descending) sorted.reverse();
  let total = 0;
  for (const v of sorted) total += v;
  const customerShare = new Float64Array(n + 1);
  const valueShare = new Float64Array(n + 1);
  let cumulative = 0;
  for (let i = 0; i < n; i++) {
    cumulative += sorted[i];
    customerShare[i + 1] = (i + 1) / n;
    valueShare[i + 1] = total > 0 ? cumulative / total : (i + 1) / n;
  }
  return { customerShare, valueShare };
}

/** Pareto curve: the share of contribution brought by the top x of customers (concave, from (0,0) to (1,1)). */
export function paretoCurve(values: ArrayLike<number>): Curve {
  return cumulativeCurve(values, true);
}

/** Lorenz curve: the share held by the bottom x of customers (convex, below the diagonal). */
export function lorenzCurve(values: ArrayLike<number>): Curve {
  return cumulativeCurve(values, false);
}

/** Gini coefficient = 1 − 2 × (area under the Lorenz curve), by the trapezoid rule on its vertices. */
export function giniCoefficient(values: ArrayLike<number>): number {
  const { customerShare, valueShare } = lorenzCurve(values);
  let area = 0;
  for (let i = 1; i < customerShare.length; i++) {
    area += ((customerShare[i] - customerShare[i - 1]) * (valueShare[i] + valueShare[i - 1])) / 2;
  }
  return 1 - 2 * area;
}

/** Value of a curve at customer share x (linear between vertices), e.g. the top-20 % share. */
export function curveAt(curve: Curve, x: number): number {
  const { customerShare, valueShare } = curve;
  const n = customerShare.length - 1;
  if (n <= 0) return 0;
  const position = Math.min(Math.max(x, 0), 1) * n;
  const i = Math.min(Math.floor(position), n - 1);
  const fraction = position - i;
  return valueShare[i] + fraction * (valueShare[i + 1] - valueShare[i]);
}
