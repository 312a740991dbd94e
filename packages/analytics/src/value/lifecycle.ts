/**
 * Customer lifecycle stage — exploration, formation, stability, decline (考察期、形成期、稳定期、
 * 退化期: the four-stage customer-relationship lifecycle of Chinese CRM textbooks, after the
 * relationship phases of Dwyer, Schurr & Oh 1987, "Developing buyer-seller relationships",
 * J. Marketing 51(2)). Stability is the stage of highest profit; in decline, purchasing falls off.
 *
 * Features of a customer at a reference date ("as of"), from whole calendar days:
 * - tenure = days from the first purchase to the reference date;
 * - repeat purchases = distinct purchase days after the first one (as in BG/NBD's x);
 * - purchase trend = (recent − earlier) / (recent + earlier) ∈ [−1, 1], where earlier / recent are
 *   the repeat purchase days in the first / second half of the tenure, (first, first + tenure/2] and
 *   (first + tenure/2, as-of]; 0 when there are none. Halves of equal length, so the index compares
 *   purchase rates: −1 = all repeat buying in the earlier half, +1 = all in the recent half,
 *   ±0.5 = one half has three times the other's rate. The first purchase is left out: it marks when
 *   the relationship began, not how often the customer buys (which is why BG/NBD counts repeats);
 * - P(alive) from BG/NBD (`probabilityAlive`). The BG/NBD lets customers drop out only after a
 *   repeat purchase, so P(alive) = 1 for a customer who never came back: the rule has a separate line
 *   for them.
 *
 * The rule is an ordered list of lines, each an all-of list of conditions; the first line that holds
 * gives the stage. It is data (`lifecycleRule`), so the UI shows the same rule that is evaluated,
 * with its thresholds filled in, in English and Chinese. Default rule:
 *
 *   1. tenure < 90 days                                   → exploration (too new to judge)
 *   2. P(alive) < 0.5                                     → decline
 *   3. trend ≤ −0.5                                       → decline (recent rate ≤ 1/3 of earlier)
 *   4. no repeat purchase and tenure ≥ 180 days           → decline (never came back)
 *   5. no repeat purchase                                 → exploration
 *   6. trend ≥ +0.5                                       → formation (buying faster and faster)
 *   7. tenure < 365 days                                  → formation (relationship still young)
 *   8. otherwise                                          → stability
 */

import { dayNumber, type CalendarDate } from '../calendar/day-number.js';
import { probabilityAlive, type BgNbdParams } from '../clv/bgnbd.js';
import type { TimeUnit } from '../summary.js';
import type { Transaction } from '../transaction.js';
import type { LocalizedText } from '../localized-text.js';

export type LifecycleStage = 'exploration' | 'formation' | 'stability' | 'decline';

export const LIFECYCLE_STAGE_NAMES: Readonly<Record<LifecycleStage, LocalizedText>> = Object.freeze({
  exploration: { en: 'Exploration', zh: '考察期' },
  formation: { en: 'Formation', zh: '形成期' },
  stability: { en: 'Stability', zh: '稳定期' },
  decline: { en: 'Decline', zh: '退化期' },
});

export interface LifecycleThresholds {
  /** Below this tenure (days) a customer is in exploration whatever else holds. Default 90. */
  explorationDays: number;
  /** A customer with no repeat purchase this many days after the first is in decline. Default 180. */
  noRepeatDeclineDays: number;
  /** Below this tenure (days) a repeat buyer is still in formation. Default 365. */
  stabilityDays: number;
  /** P(alive) below this → decline. Default 0.5. */
  minPAlive: number;
  /** Trend at or below this → decline. Default −0.5. */
  decliningTrend: number;
  /** Trend at or above this → formation. Default 0.5. */
  risingTrend: number;
}

export const DEFAULT_LIFECYCLE_THRESHOLDS: Readonly<LifecycleThresholds> = Object.freeze({
  explorationDays: 90,
  noRepeatDeclineDays: 180,
  stabilityDays: 365,
  minPAlive: 0.5,
  decliningTrend: -0.5,
  risingTrend: 0.5,
});

export interface LifecycleInput {
  tenureDays: number;
  repeatPurchases: number;
  /** In [−1, 1]. */
  trend: number;
  /** In [0, 1]. */
  pAlive: number;
}

export type LifecycleFeature = keyof LifecycleInput;
export type LifecycleOperator = '<' | '<=' | '>=' | '>' | '=';

export interface LifecycleCondition {
  feature: LifecycleFeature;
  op: LifecycleOperator;
  /** A threshold's name, or a fixed number. */
  threshold: keyof LifecycleThresholds | number;
  /** The threshold's value under the rule's thresholds. */
  value: number;
}

export type LifecycleRuleId =
  | 'new'
  | 'low-p-alive'
  | 'falling-trend'
  | 'no-repeat-lapsed'
  | 'no-repeat-yet'
  | 'rising-trend'
  | 'young'
  | 'steady';

export interface LifecycleRuleLine {
  id: LifecycleRuleId;
  stage: LifecycleStage;
  /** All must hold; an empty list always holds. */
  conditions: readonly LifecycleCondition[];
  text: LocalizedText;
}

export const LIFECYCLE_FEATURE_NAMES: Readonly<Record<LifecycleFeature, LocalizedText>> = {
  tenureDays: { en: 'tenure (days)', zh: '客户时长（天）' },
  repeatPurchases: { en: 'repeat purchases', zh: '重复购买次数' },
  trend: { en: 'purchase trend', zh: '购买趋势' },
  pAlive: { en: 'P(alive)', zh: '存活概率 P(alive)' },
};

function validateThresholds(t: LifecycleThresholds): void {
  for (const [key, value] of Object.entries(t)) {
    if (!Number.isFinite(value)) throw new RangeError(`lifecycle threshold ${key} must be a finite number`);
  }
  if (!(t.explorationDays >= 0)) throw new RangeError('explorationDays must be ≥ 0');
  if (!(t.noRepeatDeclineDays >= t.explorationDays)) throw new RangeError('noRepeatDeclineDays must be ≥ explorationDays');
  if (!(t.stabilityDays >= t.explorationDays)) throw new RangeError('stabilityDays must be ≥ explorationDays');
  if (!(t.minPAlive >= 0 && t.minPAlive <= 1)) throw new RangeError('minPAlive must lie in [0, 1]');
  if (!(t.decliningTrend >= -1 && t.decliningTrend < t.risingTrend && t.risingTrend <= 1)) {
    throw new RangeError('trend thresholds need −1 ≤ decliningTrend < risingTrend ≤ 1');
  }
}

const fmt = (v: number): string => String(Math.round(v * 1000) / 1000);

/** The rule, with the thresholds filled in, in evaluation order. */
export function lifecycleRule(thresholds: Partial<LifecycleThresholds> = {}): LifecycleRuleLine[] {
  const t: LifecycleThresholds = { ...DEFAULT_LIFECYCLE_THRESHOLDS, ...thresholds };
  validateThresholds(t);
  const c = (feature: LifecycleFeature, op: LifecycleOperator, threshold: keyof LifecycleThresholds | number): LifecycleCondition => ({
    feature,
    op,
    threshold,
    value: typeof threshold === 'number' ? threshold : t[threshold],
  });
  return [
    {
      id: 'new',
      stage: 'exploration',
      conditions: [c('tenureDays', '<', 'explorationDays')],
      text: {
        en: `First purchase less than ${fmt(t.explorationDays)} days ago: exploration (too new to judge).`,
        zh: `首次购买不足 ${fmt(t.explorationDays)} 天：考察期（时间太短，尚无法判断）。`,
      },
    },
    {
      id: 'low-p-alive',
      stage: 'decline',
      conditions: [c('pAlive', '<', 'minPAlive')],
      text: {
        en: `Probability that the customer is still active (BG/NBD) below ${fmt(t.minPAlive)}: decline.`,
        zh: `客户仍活跃的概率（BG/NBD）低于 ${fmt(t.minPAlive)}：退化期。`,
      },
    },
    {
      id: 'falling-trend',
      stage: 'decline',
      conditions: [c('trend', '<=', 'decliningTrend')],
      text: {
        en: `Purchase trend at or below ${fmt(t.decliningTrend)} (the second half of the customer’s time bought markedly less often than the first): decline.`,
        zh: `购买趋势不高于 ${fmt(t.decliningTrend)}（客户时长的后一半购买明显少于前一半）：退化期。`,
      },
    },
    {
      id: 'no-repeat-lapsed',
      stage: 'decline',
      conditions: [c('repeatPurchases', '=', 0), c('tenureDays', '>=', 'noRepeatDeclineDays')],
      text: {
        en: `No repeat purchase ${fmt(t.noRepeatDeclineDays)} days or more after the first: decline.`,
        zh: `首次购买后 ${fmt(t.noRepeatDeclineDays)} 天及以上仍无重复购买：退化期。`,
      },
    },
    {
      id: 'no-repeat-yet',
      stage: 'exploration',
      conditions: [c('repeatPurchases', '=', 0)],
      text: {
        en: 'No repeat purchase yet: exploration.',
        zh: '尚无重复购买：考察期。',
      },
    },
    {
      id: 'rising-trend',
      stage: 'formation',
      conditions: [c('trend', '>=', 'risingTrend')],
      text: {
        en: `Purchase trend at or above ${fmt(t.risingTrend)} (buying markedly more often than before): formation.`,
        zh: `购买趋势不低于 ${fmt(t.risingTrend)}（购买频率明显上升）：形成期。`,
      },
    },
    {
      id: 'young',
      stage: 'formation',
      conditions: [c('tenureDays', '<', 'stabilityDays')],
      text: {
        en: `Repeat buyer for less than ${fmt(t.stabilityDays)} days: formation.`,
        zh: `已有重复购买，但客户时长不足 ${fmt(t.stabilityDays)} 天：形成期。`,
      },
    },
    {
      id: 'steady',
      stage: 'stability',
      conditions: [],
      text: {
        en: 'Otherwise (long-standing, still active, steady purchasing): stability.',
        zh: '其余情况（关系长久、仍活跃、购买平稳）：稳定期。',
      },
    },
  ];
}

const DEFAULT_RULE = lifecycleRule();

/** What the trend measures and how the rule works, for the UI. */
export const lifecycleRuleExplanation: LocalizedText = {
  en:
    'Tenure is the number of days since the first purchase. The purchase trend compares repeat purchases in the second half ' +
    'of the tenure with the first half: (recent − earlier) / (recent + earlier), from −1 (all earlier) to +1 (all recent). ' +
    'P(alive) is the BG/NBD probability that the customer has not dropped out. The rules are checked in order; the first ' +
    'that holds gives the stage.',
  zh:
    '客户时长为自首次购买以来的天数。购买趋势比较客户时长后一半与前一半的重复购买次数：(后 − 前) / (后 + 前)，' +
    '取值从 −1（全部在前一半）到 +1（全部在后一半）。P(alive) 为 BG/NBD 模型估计的客户尚未流失的概率。规则按顺序检查，第一条成立的规则决定阶段。',
};

function holds(c: LifecycleCondition, input: LifecycleInput): boolean {
  const v = input[c.feature];
  switch (c.op) {
    case '<':
      return v < c.value;
    case '<=':
      return v <= c.value;
    case '>=':
      return v >= c.value;
    case '>':
      return v > c.value;
    case '=':
      return v === c.value;
  }
}

export interface LifecycleAssignment {
  stage: LifecycleStage;
  /** The rule line that decided. */
  ruleId: LifecycleRuleId;
  reason: LocalizedText;
}

function validateInput(input: LifecycleInput): void {
  if (!(input.tenureDays >= 0)) throw new RangeError('tenureDays must be ≥ 0');
  if (!(Number.isInteger(input.repeatPurchases) && input.repeatPurchases >= 0)) throw new RangeError('repeatPurchases must be a non-negative integer');
  if (!(input.trend >= -1 && input.trend <= 1)) throw new RangeError('trend must lie in [−1, 1]');
  if (!(input.pAlive >= 0 && input.pAlive <= 1)) throw new RangeError('pAlive must lie in [0, 1]');
}

/** Stage of one customer under a rule (default `lifecycleRule()`). */
export function lifecycleStage(input: LifecycleInput, rule: readonly LifecycleRuleLine[] = DEFAULT_RULE): LifecycleAssignment {
  validateInput(input);
  for (const line of rule) {
    if (line.conditions.every((c) => holds(c, input))) return { stage: line.stage, ruleId: line.id, reason: line.text };
  }
  throw new RangeError('the lifecycle rule has no line that holds (the last line should have no conditions)');
}


/** (recent − earlier) / (recent + earlier), 0 when both are 0. */
export function purchaseTrend(earlier: number, recent: number): number {
  return earlier + recent > 0 ? (recent - earlier) / (recent + earlier) : 0;
}

export interface CustomerLifecycleFeatures {
  customerId: string | number;
  firstDay: number;
  lastDay: number;
  tenureDays: number;
  repeatPurchases: number;
  earlierHalfPurchases: number;
  recentHalfPurchases: number;
  trend: number;
}

/**
 * Tenure, repeat purchases and trend of every customer with a purchase on or before `asOf`
 * (later transactions are ignored; several purchases on one day count once).
 */
export function lifecycleFeatures(
  transactions: Iterable<Transaction>,
  options: { asOf: CalendarDate },
): CustomerLifecycleFeatures[] {
  const asOf = dayNumber(options.asOf);
  const days = new Map<string | number, Set<number>>();
  for (const t of transactions) {
    const day = dayNumber(t.date);
    if (day > asOf) continue;
    let set = days.get(t.customerId);
    if (!set) days.set(t.customerId, (set = new Set()));
    set.add(day);
  }
  const out: CustomerLifecycleFeatures[] = [];
  for (const [customerId, set] of days) {
    let first = Infinity;
    let last = -Infinity;
    for (const d of set) {
      if (d < first) first = d;
      if (d > last) last = d;
    }
    const tenureDays = asOf - first;
    const middle = first + tenureDays / 2;
    let earlier = 0;
    let recent = 0;
    for (const d of set) {
      if (d === first) continue;
      if (d <= middle) earlier++;
      else recent++;
    }
    out.push({
      customerId,
      firstDay: first,
      lastDay: last,
      tenureDays,
      repeatPurchases: set.size - 1,
      earlierHalfPurchases: earlier,
      recentHalfPurchases: recent,
      trend: purchaseTrend(earlier, recent),
    });
  }
  return out;
}

export interface CustomerLifecycle extends CustomerLifecycleFeatures, LifecycleAssignment {
  pAlive: number;
}

/**
 * Stage of every customer from raw transactions: the features above, and P(alive) from BG/NBD
 * parameters fitted in `unit` (default 'days', as `summarizeRepeatBuying`) on the history up to `asOf`.
 */
export function lifecycleStages(
  transactions: Iterable<Transaction>,
  options: { asOf: CalendarDate; bgnbd: BgNbdParams; unit?: TimeUnit; thresholds?: Partial<LifecycleThresholds> },
): CustomerLifecycle[] {
  const rule = options.thresholds ? lifecycleRule(options.thresholds) : DEFAULT_RULE;
  const scale = (options.unit ?? 'days') === 'weeks' ? 1 / 7 : 1;
  return lifecycleFeatures(transactions, options).map((f) => {
    const pAlive = probabilityAlive(options.bgnbd, f.repeatPurchases, (f.lastDay - f.firstDay) * scale, f.tenureDays * scale);
    return { ...f, pAlive, ...lifecycleStage({ ...f, pAlive }, rule) };
  });
}
