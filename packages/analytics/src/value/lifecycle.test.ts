import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIFECYCLE_THRESHOLDS,
  LIFECYCLE_STAGE_NAMES,
  lifecycleFeatures,
  lifecycleRule,
  lifecycleRuleExplanation,
  lifecycleStage,
  lifecycleStages,
  purchaseTrend,
  type LifecycleInput,
} from './lifecycle.js';
import { probabilityAlive } from '../clv/bgnbd.js';

/** A long-standing, steady, active repeat buyer: stability under the default rule. */
const steady: LifecycleInput = { tenureDays: 500, repeatPurchases: 10, trend: 0, pAlive: 0.9 };
const stage = (input: Partial<LifecycleInput>) => lifecycleStage({ ...steady, ...input });

describe('lifecycle stage: one constructed customer per stage and per rule line', () => {
  it('exploration: new (tenure < 90 days), even with a low P(alive) or a falling trend', () => {
    expect(stage({ tenureDays: 30, repeatPurchases: 2, trend: -1, pAlive: 0.1 })).toMatchObject({ stage: 'exploration', ruleId: 'new' });
  });

  it('exploration: one purchase, 90–179 days ago', () => {
    expect(stage({ tenureDays: 120, repeatPurchases: 0, trend: 0, pAlive: 1 })).toMatchObject({ stage: 'exploration', ruleId: 'no-repeat-yet' });
  });

  it('formation: repeat buyer younger than a year', () => {
    expect(stage({ tenureDays: 200, repeatPurchases: 3, trend: 0.2, pAlive: 0.8 })).toMatchObject({ stage: 'formation', ruleId: 'young' });
  });

  it('formation: older customer buying markedly faster than before', () => {
    expect(stage({ tenureDays: 700, repeatPurchases: 8, trend: 0.6, pAlive: 0.95 })).toMatchObject({ stage: 'formation', ruleId: 'rising-trend' });
  });

  it('stability: over a year, steady, active', () => {
    expect(lifecycleStage(steady)).toMatchObject({ stage: 'stability', ruleId: 'steady' });
  });

  it('decline: low P(alive), falling trend, or never came back', () => {
    expect(stage({ pAlive: 0.2 })).toMatchObject({ stage: 'decline', ruleId: 'low-p-alive' });
    expect(stage({ trend: -0.8 })).toMatchObject({ stage: 'decline', ruleId: 'falling-trend' });
    expect(stage({ tenureDays: 400, repeatPurchases: 0, trend: 0, pAlive: 1 })).toMatchObject({ stage: 'decline', ruleId: 'no-repeat-lapsed' });
  });

  it('gives the reason in English and Chinese', () => {
    const { reason } = stage({ pAlive: 0.2 });
    expect(reason.en).toContain('0.5');
    expect(reason.zh).toContain('退化期');
  });
});

describe('lifecycle stage: boundaries of the default thresholds', () => {
  it('tenure 89 → exploration, 90 → judged', () => {
    expect(stage({ tenureDays: 89 }).stage).toBe('exploration');
    expect(stage({ tenureDays: 90 }).ruleId).toBe('young');
  });

  it('P(alive) 0.5 is not decline, just below is', () => {
    expect(stage({ pAlive: 0.5 }).stage).toBe('stability');
    expect(stage({ pAlive: 0.4999 }).stage).toBe('decline');
  });

  it('trend −0.5 is decline, −0.49 is not; +0.5 is formation, +0.49 is not', () => {
    expect(stage({ trend: -0.5 }).ruleId).toBe('falling-trend');
    expect(stage({ trend: -0.49 }).stage).toBe('stability');
    expect(stage({ trend: 0.5 }).ruleId).toBe('rising-trend');
    expect(stage({ trend: 0.49 }).stage).toBe('stability');
  });

  it('no repeat purchase: 179 days → exploration, 180 → decline', () => {
    const oneTime = { repeatPurchases: 0, trend: 0, pAlive: 1 };
    expect(stage({ ...oneTime, tenureDays: 179 }).stage).toBe('exploration');
    expect(stage({ ...oneTime, tenureDays: 180 }).stage).toBe('decline');
  });

  it('repeat buyer: 364 days → formation, 365 → stability', () => {
    expect(stage({ tenureDays: 364 }).stage).toBe('formation');
    expect(stage({ tenureDays: 365 }).stage).toBe('stability');
  });
});

describe('lifecycle rule as data', () => {
  it('lists the lines in evaluation order, thresholds filled in, in English and Chinese', () => {
    const rule = lifecycleRule();
    expect(rule.map((l) => [l.id, l.stage])).toEqual([
      ['new', 'exploration'],
      ['low-p-alive', 'decline'],
      ['falling-trend', 'decline'],
      ['no-repeat-lapsed', 'decline'],
      ['no-repeat-yet', 'exploration'],
      ['rising-trend', 'formation'],
      ['young', 'formation'],
      ['steady', 'stability'],
    ]);
    expect(rule[0].conditions).toEqual([{ feature: 'tenureDays', op: '<', threshold: 'explorationDays', value: 90 }]);
    expect(rule.at(-1)!.conditions).toEqual([]);
    for (const line of rule) {
      expect(line.text.en.length).toBeGreaterThan(0);
      expect(line.text.zh).toContain(LIFECYCLE_STAGE_NAMES[line.stage].zh);
    }
    expect(rule[0].text.en).toContain('90 days');
    expect(rule[0].text.zh).toContain('90 天');
    expect(lifecycleRuleExplanation.zh).toMatch(/购买趋势/);
  });

  it('configurable thresholds change both the text and the evaluation', () => {
    const rule = lifecycleRule({ explorationDays: 30, stabilityDays: 180, minPAlive: 0.3 });
    expect(rule[0].text.en).toContain('30 days');
    expect(rule[1].conditions[0].value).toBe(0.3);
    const customer = { tenureDays: 200, repeatPurchases: 3, trend: 0, pAlive: 0.4 };
    expect(lifecycleStage(customer).stage).toBe('decline');
    expect(lifecycleStage(customer, rule).stage).toBe('stability');
    expect(DEFAULT_LIFECYCLE_THRESHOLDS.explorationDays).toBe(90); // unchanged
  });

  it('evaluates an edited rule generically (e.g. reordered by an analyst)', () => {
    const rule = lifecycleRule();
    const risingFirst = [rule[5], ...rule.filter((_, i) => i !== 5)];
    const input = { tenureDays: 400, repeatPurchases: 4, trend: 0.6, pAlive: 0.3 };
    expect(lifecycleStage(input, rule).stage).toBe('decline');
    expect(lifecycleStage(input, risingFirst).stage).toBe('formation');
    expect(() => lifecycleStage(input, rule.slice(0, 1))).toThrow(/no line/);
  });

  it('rejects inconsistent thresholds and impossible inputs', () => {
    expect(() => lifecycleRule({ decliningTrend: 0.6 })).toThrow(RangeError);
    expect(() => lifecycleRule({ noRepeatDeclineDays: 30 })).toThrow(RangeError);
    expect(() => lifecycleRule({ minPAlive: 2 })).toThrow(RangeError);
    expect(() => stage({ trend: 1.5 })).toThrow(RangeError);
    expect(() => stage({ pAlive: -0.1 })).toThrow(RangeError);
    expect(() => stage({ repeatPurchases: 1.5 })).toThrow(RangeError);
  });
});

describe('lifecycle features and stages from transactions', () => {
  it('trend = (recent − earlier) / (recent + earlier), 0 without repeat purchases', () => {
    expect(purchaseTrend(0, 0)).toBe(0);
    expect(purchaseTrend(3, 1)).toBe(-0.5);
    expect(purchaseTrend(1, 3)).toBe(0.5);
    expect(purchaseTrend(2, 0)).toBe(-1);
  });

  it('splits the tenure in halves, first purchase excluded, one purchase per day, nothing after the reference date', () => {
    const [f] = lifecycleFeatures(
      [
        { customerId: 'a', date: '2024-01-01', amount: 1 }, // first purchase: not counted in the trend
        { customerId: 'a', date: '2024-01-01T15:00', amount: 1 }, // same day
        { customerId: 'a', date: '2024-01-06', amount: 1 }, // earlier half
        { customerId: 'a', date: '2024-01-11', amount: 1 }, // day 10 of 20 = the midpoint: earlier half
        { customerId: 'a', date: '2024-01-12', amount: 1 }, // recent half
        { customerId: 'a', date: '2024-02-01', amount: 1 }, // after the reference date: ignored
      ],
      { asOf: '2024-01-21' },
    );
    expect(f).toMatchObject({ customerId: 'a', tenureDays: 20, repeatPurchases: 3, earlierHalfPurchases: 2, recentHalfPurchases: 1 });
    expect(f.trend).toBeCloseTo(-1 / 3, 14);
  });

  it('assigns each constructed customer its stage with P(alive) from BG/NBD (days)', () => {
    const bgnbd = { r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426 }; // CDNOW estimates, α in days
    const asOf = '2024-12-31';
    const purchases = (customerId: string, dates: string[]) => dates.map((date) => ({ customerId, date, amount: 10 }));
    const monthly = (year: number, months: number[]) => months.map((m) => `${year}-${String(m).padStart(2, '0')}-15`);
    const result = lifecycleStages(
      [
        ...purchases('new', ['2024-11-20']),
        ...purchases('one-time-recent', ['2024-08-01']),
        ...purchases('one-time-lapsed', ['2023-06-01']),
        ...purchases('forming', ['2024-05-10', '2024-07-01', '2024-09-15', '2024-11-20', '2024-12-20']),
        ...purchases('stable', monthly(2023, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]).concat(monthly(2024, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]))),
        ...purchases('fading', monthly(2023, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]).concat(['2024-02-01'])),
      ],
      { asOf, bgnbd },
    );
    const byId = new Map(result.map((r) => [r.customerId, r]));
    expect(byId.get('new')).toMatchObject({ stage: 'exploration', ruleId: 'new' });
    expect(byId.get('one-time-recent')).toMatchObject({ stage: 'exploration', ruleId: 'no-repeat-yet', pAlive: 1 });
    expect(byId.get('one-time-lapsed')).toMatchObject({ stage: 'decline', ruleId: 'no-repeat-lapsed' });
    expect(byId.get('forming')).toMatchObject({ stage: 'formation' });
    expect(byId.get('stable')).toMatchObject({ stage: 'stability', ruleId: 'steady' });
    expect(byId.get('fading')!.stage).toBe('decline');
    expect(byId.get('fading')!.pAlive).toBeLessThan(0.5);

    const stable = byId.get('stable')!;
    expect(stable.pAlive).toBeCloseTo(probabilityAlive(bgnbd, 23, stable.lastDay - stable.firstDay, stable.tenureDays), 14);
    // the same P(alive) with parameters and times in weeks
    const inWeeks = lifecycleStages(purchases('stable', monthly(2024, [1, 6, 12])), { asOf, bgnbd: { ...bgnbd, alpha: 4.414 }, unit: 'weeks' })[0];
    const inDays = lifecycleStages(purchases('stable', monthly(2024, [1, 6, 12])), { asOf, bgnbd })[0];
    expect(inWeeks.pAlive).toBeCloseTo(inDays.pAlive, 12);
  });
});
