/**
 * Per-customer features for the customer groups, from purchases before a day (so the same code serves the
 * current snapshot and the holdout evaluation's past): recency, frequency, spend, order value, tenure, the price
 * level paid, the category mix, CLV and P(alive) when given, and numeric profile attributes. Heavy-tailed counts
 * and amounts are clustered on log(1 + x) — otherwise a few very large customers would be groups of their own —
 * while profiles show them in their own units.
 */
import type { LocalizedText } from '@relata/analytics';
import type { AccountAttributes, OrderLines, ProductFacts } from './inputs.js';

export interface CustomerFeatures {
  accountIds: number[];
  names: string[];
  labels: Record<string, LocalizedText>;
  /** values in their own units (n rows × features) */
  raw: Float64Array[];
  /** what is clustered: raw, log-transformed where heavy-tailed, missing values imputed with the mean */
  transformed: Float64Array[];
  /** products each customer bought (positive quantity), sorted */
  items: number[][];
}

export const BEHAVIOUR: { name: string; label: LocalizedText; log: boolean }[] = [
  { name: 'recencyDays', label: { en: 'Days since last purchase', zh: '距上次购买天数' }, log: false },
  { name: 'frequency', label: { en: 'Purchase days', zh: '购买天数' }, log: true },
  { name: 'monetary', label: { en: 'Total spend', zh: '累计消费' }, log: true },
  { name: 'averageOrderValue', label: { en: 'Average spend per purchase', zh: '平均每次消费' }, log: true },
  { name: 'tenureDays', label: { en: 'Days since first purchase', zh: '首次购买至今天数' }, log: false },
  { name: 'priceLevel', label: { en: 'Price level paid (1 = average)', zh: '价格水平（1 = 平均）' }, log: false },
];
const CLV = { name: 'clv', label: { en: 'Predicted CLV', zh: '预测客户终身价值' } };
const P_ALIVE = { name: 'pAlive', label: { en: 'P(alive)', zh: '活跃概率' } };

export interface ScoreColumns {
  ids: ArrayLike<number>;
  clv: ArrayLike<number>;
  pAlive: ArrayLike<number>;
}

/** The features chosen (null: the defaults below); `labels` names every feature that could be chosen. */
export function customerFeatures(
  lines: OrderLines,
  /** indexes of the lines of known customers, in (account, day) order: linesByAccountDay */
  byAccountDay: Int32Array,
  products: ProductFacts,
  beforeDay: number,
  scores: ScoreColumns | null,
  attributes: AccountAttributes,
  /** feature names; null = the defaults below; 'all' = every feature the data gives */
  selection: string[] | null | 'all',
): CustomerFeatures {
  const productIndex = new Map<number, number>();
  products.ids.forEach((id, i) => productIndex.set(id, i));
  // the average price of each product over everyone (positive lines): the reference of the price level
  const productQty = new Float64Array(products.ids.length);
  const productRevenue = new Float64Array(products.ids.length);
  for (let i = 0; i < lines.day.length; i++) {
    if (lines.day[i] >= beforeDay || !(lines.quantity[i] > 0)) continue;
    const p = productIndex.get(lines.product[i])!;
    productQty[p] += lines.quantity[i];
    productRevenue[p] += lines.revenue[i];
  }

  interface Acc { first: number; last: number; days: number; revenue: number; paid: number; atAverage: number; byCategory: Float64Array; positive: number; items: number[] }
  // one sweep over the lines in (account, day) order: no per-line allocations, which at a million lines is what costs
  const byAccount = new Map<number, Acc>();
  const categoryCount = products.categories.length;
  let a: Acc | undefined;
  let current = NaN;
  let lastDay = NaN;
  for (let k = 0; k < byAccountDay.length; k++) {
    const i = byAccountDay[k];
    const day = lines.day[i];
    if (day >= beforeDay) continue;
    const id = lines.account[i];
    if (id !== current) {
      if (a) a.items = uniqueSorted(a.items);
      byAccount.set(id, (a = { first: Infinity, last: -Infinity, days: 0, revenue: 0, paid: 0, atAverage: 0, byCategory: new Float64Array(categoryCount), positive: 0, items: [] }));
      current = id;
      lastDay = NaN;
    }
    a!.revenue += lines.revenue[i];
    if (!(lines.quantity[i] > 0)) continue;
    const p = productIndex.get(lines.product[i])!;
    a!.first = Math.min(a!.first, day);
    a!.last = Math.max(a!.last, day);
    if (day !== lastDay) (a!.days++, (lastDay = day));
    a!.items.push(lines.product[i]);
    a!.paid += lines.revenue[i];
    a!.atAverage += productQty[p] > 0 ? (lines.quantity[i] * productRevenue[p]) / productQty[p] : lines.revenue[i];
    a!.positive += lines.revenue[i];
    if (products.category[p] >= 0) a!.byCategory[products.category[p]] += lines.revenue[i];
  }
  if (a) a.items = uniqueSorted(a.items);
  const accountIds = [...byAccount.keys()].filter((id) => byAccount.get(id)!.days > 0);

  // categories holding at least 1 % of spend (a cap of 12 keeps the profiles readable)
  const categoryTotals = new Float64Array(categoryCount);
  for (const id of accountIds) byAccount.get(id)!.byCategory.forEach((v, c) => (categoryTotals[c] += v));
  const grand = categoryTotals.reduce((s, v) => s + v, 0);
  const picked = (c: number) => (Array.isArray(selection) ? selection.includes(`share:${products.categories[c]}`) : false);
  const categories = [...categoryTotals.keys()]
    .filter((c) => (grand > 0 && categoryTotals[c] >= 0.01 * grand) || picked(c))
    .sort((x, y) => categoryTotals[y] - categoryTotals[x])
    .filter((c, rank) => rank < 12 || picked(c));

  const scoreIndex = new Map<number, number>();
  if (scores) for (let i = 0; i < scores.ids.length; i++) scoreIndex.set(scores.ids[i], i);
  const attributeIndex = new Map<number, number>();
  attributes.ids.forEach((id, i) => attributeIndex.set(id, i));

  const columns: { name: string; label: LocalizedText; log: boolean; value: (id: number, a: Acc) => number }[] = [];
  const behaviour: Record<string, (id: number, a: Acc) => number> = {
    recencyDays: (_, a) => beforeDay - 1 - a.last,
    frequency: (_, a) => a.days,
    monetary: (_, a) => Math.max(0, a.revenue),
    averageOrderValue: (_, a) => Math.max(0, a.revenue) / a.days,
    tenureDays: (_, a) => beforeDay - 1 - a.first,
    priceLevel: (_, a) => (a.atAverage > 0 ? a.paid / a.atAverage : 1),
  };
  for (const b of BEHAVIOUR) columns.push({ ...b, value: behaviour[b.name] });
  if (scores) {
    columns.push({ ...CLV, log: true, value: (id) => Math.max(0, at(scores.clv, scoreIndex.get(id))) });
    columns.push({ ...P_ALIVE, log: false, value: (id) => at(scores.pAlive, scoreIndex.get(id)) });
  }
  for (const c of categories) {
    const name = products.categories[c];
    columns.push({ name: `share:${name}`, label: { en: `Share of spend: ${name}`, zh: `消费占比：${name}` }, log: false, value: (_, a) => (a.positive > 0 ? a.byCategory[c] / a.positive : 0) });
  }
  attributes.names.forEach((name, k) => {
    columns.push({ name: `attr:${name}`, label: { en: name, zh: name }, log: false, value: (id) => at(attributes.values[k], attributeIndex.get(id)) });
  });

  // By default behaviour, CLV and the category mix: profile attributes are offered but opt-in, because they are
  // often filled for one kind of customer only (employees for companies, age for persons) and imputing the mean
  // for the others would make "has this attribute" a group of its own.
  const chosen =
    selection === 'all' ? columns : selection ? columns.filter((c) => selection.includes(c.name)) : columns.filter((c) => c.name !== 'pAlive' && !c.name.startsWith('attr:'));
  const n = accountIds.length;
  const raw = accountIds.map((id) => Float64Array.from(chosen, (c) => c.value(id, byAccount.get(id)!)));
  const transformed = raw.map((row) => Float64Array.from(row, (v, j) => (chosen[j].log && v >= 0 ? Math.log1p(v) : v)));
  // a customer without an attribute (or a score) sits at the mean of that feature: it then neither pulls nor pushes
  for (let j = 0; j < chosen.length; j++) {
    let sum = 0;
    let count = 0;
    for (let i = 0; i < n; i++) if (Number.isFinite(transformed[i][j])) (sum += transformed[i][j]), count++;
    const mean = count > 0 ? sum / count : 0;
    for (let i = 0; i < n; i++) if (!Number.isFinite(transformed[i][j])) transformed[i][j] = mean;
  }
  return {
    accountIds,
    names: chosen.map((c) => c.name),
    labels: Object.fromEntries(columns.map((c) => [c.name, c.label])),
    raw,
    transformed,
    items: accountIds.map((id) => byAccount.get(id)!.items),
  };
}

/** Indexes of the lines with an account, ordered by account and then day (so per-customer work is one sweep). */
export function linesByAccountDay(lines: OrderLines): Int32Array {
  const known: number[] = [];
  for (let i = 0; i < lines.account.length; i++) if (!Number.isNaN(lines.account[i])) known.push(i);
  return Int32Array.from(known).sort((x, y) => lines.account[x] - lines.account[y] || lines.day[x] - lines.day[y] || x - y);
}

function uniqueSorted(values: number[]): number[] {
  values.sort((x, y) => x - y);
  let n = 0;
  for (let i = 0; i < values.length; i++) if (i === 0 || values[i] !== values[n - 1]) values[n++] = values[i];
  values.length = n;
  return values;
}

const at = (values: ArrayLike<number>, i: number | undefined) => (i === undefined ? NaN : values[i]);
