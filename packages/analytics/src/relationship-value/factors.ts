/**
 * The nine factors of a customer's relationship value and the hierarchy they sit in (seed 003, issue 6).
 *
 * The seed decomposes relationship value by the analytic hierarchy process into current value and
 * potential value; current value into unit product profit, total purchase quantity and total service
 * cost; potential value into loyalty (emotional: the price premium the customer accepts; behavioural:
 * repeat purchases) and development potential, the latter as the customer's own development (income
 * growth, value-added purchases) and elasticity (word of mouth, innovation). Issue 6 puts the three —
 * loyalty, development potential, elasticity — side by side under potential value; this file follows the
 * issue, so every criterion node has two or three children and the users judge at most three pairs a
 * node. (The seed's nesting is one more 2 × 2 matrix; the global weights are products of local weights
 * either way.)
 *
 * The factors are data: their order here is the column order of every factor row in this folder, and
 * their words are what the UI shows. Total service cost is the one cost: a higher value is worse, and
 * normalisation reverses it so that every normalised factor reads "higher is better".
 */
import type { LocalizedText } from '../localized-text.js';

export type RelationshipFactorKey =
  | 'unitProfit'
  | 'purchaseQuantity'
  | 'serviceCost'
  | 'pricePremium'
  | 'repeatPurchaseRate'
  | 'incomeGrowth'
  | 'valueAddedPurchaseRate'
  | 'wordOfMouth'
  | 'innovationElasticity';

/** The criterion a factor measures directly (its parent in the hierarchy). */
export type RelationshipFactorGroup = 'current' | 'loyalty' | 'development' | 'elasticity';

export type FactorDirection = 'higher-better' | 'higher-worse';

/** How the raw value is measured, for formatting. */
export type FactorUnit = 'currency' | 'count' | 'share' | 'ratio';

export interface RelationshipFactor {
  key: RelationshipFactorKey;
  group: RelationshipFactorGroup;
  direction: FactorDirection;
  unit: FactorUnit;
  label: LocalizedText;
  definition: LocalizedText;
}

export const RELATIONSHIP_FACTORS: readonly RelationshipFactor[] = Object.freeze([
  {
    key: 'unitProfit',
    group: 'current',
    direction: 'higher-better',
    unit: 'currency',
    label: { en: 'Unit product profit', zh: '单位产品利润' },
    definition: {
      en: 'Gross profit per unit the customer bought in the period: (revenue − cost of the goods) ÷ units.',
      zh: '客户在统计期内每购买一个单位产品带来的毛利：（销售收入 − 货品成本）÷ 购买数量。',
    },
  },
  {
    key: 'purchaseQuantity',
    group: 'current',
    direction: 'higher-better',
    unit: 'count',
    label: { en: 'Total purchase quantity', zh: '总购买量' },
    definition: {
      en: 'Units the customer bought in the period, over all products.',
      zh: '客户在统计期内购买的全部产品数量。',
    },
  },
  {
    key: 'serviceCost',
    group: 'current',
    direction: 'higher-worse',
    unit: 'currency',
    label: { en: 'Total service cost', zh: '总服务成本' },
    definition: {
      en: 'What serving the customer cost in the period: time spent on their service tickets at its cost rate, plus the tickets’ direct costs. A cost: the higher, the lower the value.',
      zh: '统计期内为该客户提供服务的成本：服务工单耗费的工时按成本费率折算，加上工单的直接费用。这是成本项：越高，关系价值越低。',
    },
  },
  {
    key: 'pricePremium',
    group: 'loyalty',
    direction: 'higher-better',
    unit: 'ratio',
    label: { en: 'Price premium rate', zh: '价格贴水率' },
    definition: {
      en: 'How much more the customer pays than the average price of the same products (emotional loyalty): Σ (price paid − average price) × quantity ÷ Σ average price × quantity. Negative when the customer buys below the average price.',
      zh: '客户为同样产品比平均价格多支付的比例（情感忠诚）：Σ（成交价 − 平均价）× 数量 ÷ Σ 平均价 × 数量。低于平均价购买时为负。',
    },
  },
  {
    key: 'repeatPurchaseRate',
    group: 'loyalty',
    direction: 'higher-better',
    unit: 'share',
    label: { en: 'Repeat purchase rate', zh: '重复购买率' },
    definition: {
      en: 'Share of the customer’s orders in the period that buy again a product they had bought before (behavioural loyalty).',
      zh: '统计期内客户的订单中，再次购买其以前买过的产品的订单所占比例（行为忠诚）。',
    },
  },
  {
    key: 'incomeGrowth',
    group: 'development',
    direction: 'higher-better',
    unit: 'ratio',
    label: { en: 'Income growth rate', zh: '收入增加率' },
    definition: {
      en: 'Growth of the customer’s own income (an organisation’s revenue) over the previous period: (this period − previous) ÷ previous.',
      zh: '客户自身收入（企业客户为其营业收入）较上一期的增长：（本期 − 上期）÷ 上期。',
    },
  },
  {
    key: 'valueAddedPurchaseRate',
    group: 'development',
    direction: 'higher-better',
    unit: 'share',
    label: { en: 'Value-added purchase rate', zh: '增值购买率' },
    definition: {
      en: 'Share of the customer’s spending in the period on value-added offerings: upgrades, add-ons, premium tiers and services.',
      zh: '统计期内客户支出中用于增值产品（升级、附加产品、高档版本和服务）的比例。',
    },
  },
  {
    key: 'wordOfMouth',
    group: 'elasticity',
    direction: 'higher-better',
    unit: 'currency',
    label: { en: 'Word of mouth', zh: '口碑效应' },
    definition: {
      en: 'Value of the referrals the customer made: revenue in the period from the customers they brought (the number of referrals is shown beside it).',
      zh: '客户推荐带来的价值：统计期内由其推荐而来的客户所贡献的收入（推荐人数一并显示）。',
    },
  },
  {
    key: 'innovationElasticity',
    group: 'elasticity',
    direction: 'higher-better',
    unit: 'count',
    label: { en: 'Innovation elasticity', zh: '创新弹性' },
    definition: {
      en: 'How readily the customer takes up and drives innovation: new products (launched in the period) they bought, plus product suggestions they gave.',
      zh: '客户接受并推动创新的程度：统计期内购买的新产品（本期推出）种数，加上其提出的产品建议条数。',
    },
  },
] satisfies RelationshipFactor[]);

export const RELATIONSHIP_FACTOR_KEYS: readonly RelationshipFactorKey[] = Object.freeze(RELATIONSHIP_FACTORS.map((f) => f.key));

/**
 * A node of the hierarchy. A criterion has children (its pairwise-comparison matrix is over them, in
 * this order); a leaf is a factor, keyed as in RELATIONSHIP_FACTORS.
 */
export interface RelationshipNode {
  key: string;
  label: LocalizedText;
  children?: readonly RelationshipNode[];
}

const leaf = (key: RelationshipFactorKey): RelationshipNode => ({ key, label: RELATIONSHIP_FACTORS.find((f) => f.key === key)!.label });
const group = (g: RelationshipFactorGroup): RelationshipNode[] => RELATIONSHIP_FACTORS.filter((f) => f.group === g).map((f) => leaf(f.key));

/** relationship value → current / potential; potential → loyalty, development potential, elasticity. */
export const RELATIONSHIP_HIERARCHY: RelationshipNode = Object.freeze({
  key: 'relationshipValue',
  label: { en: 'Relationship value', zh: '客户关系价值' },
  children: [
    { key: 'current', label: { en: 'Current value', zh: '当前价值' }, children: group('current') },
    {
      key: 'potential',
      label: { en: 'Potential value', zh: '潜在价值' },
      children: [
        { key: 'loyalty', label: { en: 'Loyalty', zh: '忠诚度' }, children: group('loyalty') },
        { key: 'development', label: { en: 'Development potential', zh: '发展潜力' }, children: group('development') },
        { key: 'elasticity', label: { en: 'Elasticity', zh: '客户弹性' }, children: group('elasticity') },
      ],
    },
  ],
});

/** A factor row from named values (missing keys become NaN: "not known"). */
export function factorRow(values: Partial<Record<RelationshipFactorKey, number>>): Float64Array {
  return Float64Array.from(RELATIONSHIP_FACTOR_KEYS, (key) => values[key] ?? Number.NaN);
}

/*
 * Normalisation.
 *
 * The factors are in currency, counts, shares and ratios; the AHP score adds them up with weights,
 * so each must first be put on one unit-free scale where 1 is best. Two robust choices:
 *   - percentile rank: uniform on [0, 1] whatever the distribution, but it throws away magnitudes —
 *     a customer whose service costs ten times the next one's ranks one place lower, no more;
 *   - min–max after winsorising at the 1st and 99th percentiles: keeps the proportions within the
 *     bulk of customers (twice the cost is twice as far along the scale) while the clip stops one
 *     extreme account from squeezing everyone else into a corner of [0, 1].
 * For exit management magnitudes are the point (does the relationship cost more than it brings?),
 * so the default is winsorised min–max; percentile rank is available. The bounds are returned so that
 * a customer outside the population (a new snapshot, a prospect) is scaled the same way, clipped to
 * [0, 1]. Quantiles interpolate linearly between order statistics (Hyndman & Fan 1996 type 7, the
 * default of R and NumPy).
 *
 * A non-finite value is "not known" (no income history, say): it is scored at the median of the
 * known values — neutral, neither good nor bad — and counted in `missing`. A factor nobody has, or
 * the same for everyone, carries no information: everyone gets 0.5.
 */

export type NormalisationMethod = 'winsorised-min-max' | 'percentile';

export interface FactorBounds {
  /** The 1st and 99th percentiles of the known values (winsorised min–max's 0 and 1 before reversal). */
  low: number;
  high: number;
  median: number;
  direction: FactorDirection;
}

export interface FactorNormalisation {
  method: NormalisationMethod;
  bounds: FactorBounds[];
  /** One row per customer, every factor in [0, 1], higher is better (costs reversed). */
  rows: Float64Array[];
  /** Customers whose value of each factor was not known (imputed at the median). */
  missing: Int32Array;
}

export interface NormaliseOptions {
  method?: NormalisationMethod;
  /** Share clipped at each end by winsorised min–max; default 0.01 (1 % / 99 %). */
  winsor?: number;
  /** One direction per column; default RELATIONSHIP_FACTORS' (the nine factors in their order). */
  directions?: readonly FactorDirection[];
}

/** Type-7 quantile of sorted values. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function normaliseFactors(rows: readonly ArrayLike<number>[], options: NormaliseOptions = {}): FactorNormalisation {
  const method = options.method ?? 'winsorised-min-max';
  const winsor = options.winsor ?? 0.01;
  if (!(winsor >= 0 && winsor < 0.5)) throw new RangeError(`winsor must be in [0, 0.5), got ${winsor}`);
  const directions = options.directions ?? RELATIONSHIP_FACTORS.map((f) => f.direction);
  const d = directions.length;
  rows.forEach((row, i) => {
    if (row.length !== d) throw new RangeError(`row ${i} has ${row.length} factors, expected ${d}`);
  });
  const n = rows.length;
  const bounds: FactorBounds[] = [];
  const missing = new Int32Array(d);
  const out = rows.map(() => new Float64Array(d));
  for (let j = 0; j < d; j++) {
    const known: number[] = [];
    for (let i = 0; i < n; i++) {
      const v = rows[i][j];
      if (Number.isFinite(v)) known.push(v);
      else missing[j]++;
    }
    const sorted = Float64Array.from(known).sort();
    const b: FactorBounds = {
      low: quantileSorted(sorted, winsor),
      high: quantileSorted(sorted, 1 - winsor),
      median: quantileSorted(sorted, 0.5),
      direction: directions[j],
    };
    bounds.push(b);
    for (let i = 0; i < n; i++) {
      const v = rows[i][j];
      out[i][j] = method === 'percentile' ? percentile(sorted, Number.isFinite(v) ? v : b.median, b.direction) : scaleValue(b, v);
    }
  }
  return { method, bounds, rows: out, missing };
}

/**
 * One value on the [0, 1] scale of winsorised min–max bounds (clipped; reversed for a cost; the
 * median's place when not known; 0.5 when the bounds are equal).
 */
export function scaleValue(b: FactorBounds, value: number): number {
  const v = Number.isFinite(value) ? value : b.median;
  if (!(b.high > b.low)) return 0.5;
  const t = Math.min(1, Math.max(0, (v - b.low) / (b.high - b.low)));
  return b.direction === 'higher-worse' ? 1 - t : t;
}

/** A new customer's row scaled with a population's winsorised min–max bounds. */
export function applyNormalisation(bounds: readonly FactorBounds[], row: ArrayLike<number>): Float64Array {
  if (row.length !== bounds.length) throw new RangeError(`row has ${row.length} factors, expected ${bounds.length}`);
  return Float64Array.from(bounds, (b, j) => scaleValue(b, row[j]));
}

/** Mid-rank percentile (ties share their mean rank) mapped to [0, 1]; 0.5 for a constant factor. */
function percentile(sorted: Float64Array, v: number, direction: FactorDirection): number {
  const n = sorted.length;
  if (n <= 1 || sorted[0] === sorted[n - 1]) return 0.5;
  const below = bound(sorted, v, false);
  const equal = bound(sorted, v, true) - below;
  // 0-based mid-rank; a value not in the population (equal = 0) falls half-way between its neighbours
  const midRank = below + (equal - 1) / 2;
  const t = Math.min(1, Math.max(0, midRank / (n - 1)));
  return direction === 'higher-worse' ? 1 - t : t;
}

/** Count of values < v (or ≤ v with `inclusive`), by bisection. */
function bound(sorted: Float64Array, v: number, inclusive: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v || (inclusive && sorted[mid] === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
