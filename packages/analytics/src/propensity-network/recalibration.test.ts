import { describe, expect, it } from 'vitest';
import { applyCorrection, learnCorrections, type LedgerPrediction } from './recalibration.js';
import { logistic, logit, mulberry32, normalSampler } from './test-helpers.js';
import { applyValueCorrection, learnValueCorrections, type LedgerValue } from './value-correction.js';

/** Outcomes drawn from σ(a + b·logit(p)) for model probabilities p spread over (0.02, 0.9). */
function miscalibratedLedger(n: number, a: number, b: number, segment: string, period: number, seed: number): LedgerPrediction[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => {
    const probability = 0.02 + 0.88 * random();
    return { probability, outcome: random() < logistic(a + b * logit(probability)) ? 1 : 0, segment, period };
  });
}

describe('learnCorrections (probabilities)', () => {
  it('recovers the recalibration a + b·logit(p) that generated the outcomes', () => {
    const ledger = miscalibratedLedger(40_000, 0.5, 0.7, 'all', 0, 1);
    const { pooled, segments, target } = learnCorrections(ledger, { trend: false });
    expect(pooled.intercept).toBeCloseTo(0.5, 1);
    expect(pooled.slope).toBeCloseTo(0.7, 1);
    expect(pooled.predictions).toBe(40_000);
    expect(segments.all.predictions).toBe(40_000);
    expect(target).toBe(1);
    expect(applyCorrection(0.3, 'all', { ...learnCorrections(ledger, { trend: false }) })).toBeCloseTo(logistic(0.5 + 0.7 * logit(0.3)), 1);
  });

  it('leaves calibrated probabilities alone, and projects no drift that the ledger does not show', () => {
    const { pooled } = learnCorrections(miscalibratedLedger(20_000, 0, 1, 'all', 0, 2));
    for (const p of [0.05, 0.3, 0.7]) expect(Math.abs(applyCorrection(p, 'x', { now: 0, target: 1, pooled, segments: {} }) - p)).toBeLessThan(0.02);
    // six stable periods: whatever slope the noise suggests is kept only as far as it stands out of it
    const stable = learnCorrections([0, 1, 2, 3, 4, 5].flatMap((t) => miscalibratedLedger(3000, 0, 1, t % 2 ? 'a' : 'b', t, 20 + t)));
    for (const c of [stable.pooled, stable.segments.a, stable.segments.b]) expect(Math.abs(c.drift)).toBeLessThan(0.03);
  });

  it('shrinks a segment with few outcomes toward the pooled correction, and lets a large one follow its own', () => {
    const ledger = [
      ...miscalibratedLedger(20_000, 1, 1, 'large', 0, 3),
      ...miscalibratedLedger(20_000, -1, 1, 'other', 0, 4),
      // a tiny segment, truly calibrated, with 8 outcomes
      ...miscalibratedLedger(8, 0, 1, 'tiny', 0, 5),
    ];
    const corrections = learnCorrections(ledger, { trend: false });
    expect(corrections.segments.large.intercept).toBeCloseTo(1, 1);
    expect(corrections.segments.other.intercept).toBeCloseTo(-1, 1);
    expect(Math.abs(corrections.segments.tiny.intercept - corrections.pooled.intercept)).toBeLessThan(0.15);
    expect(corrections.segments.tiny.predictions).toBe(8);
    // an unseen segment gets the pooled correction
    expect(applyCorrection(0.2, 'new', corrections)).toBe(applyCorrection(0.2, '\u0000', { ...corrections, segments: {} }));
  });

  it('follows a drift and extrapolates it to the target period', () => {
    // the truth moves by +0.25 on the logit scale per period
    const ledger = [0, 1, 2, 3, 4].flatMap((t) => miscalibratedLedger(6000, 0.25 * t, 1, 'all', t, 10 + t));
    const corrections = learnCorrections(ledger, { target: 5 });
    expect(corrections.now).toBe(4);
    expect(corrections.pooled.drift).toBeCloseTo(0.25, 1);
    expect(corrections.pooled.intercept).toBeCloseTo(1.25, 1);
    // without the trend, the decay-weighted level lags behind
    expect(learnCorrections(ledger, { target: 5, trend: false }).pooled.intercept).toBeLessThan(1);
  });

  it('returns no correction for an empty ledger and rejects bad entries', () => {
    const empty = learnCorrections([]);
    expect(empty.pooled).toMatchObject({ intercept: 0, slope: 1, predictions: 0 });
    expect(applyCorrection(0.37, 'a', empty)).toBeCloseTo(0.37, 12);
    expect(() => learnCorrections([{ probability: 1.2, outcome: 1, segment: 'a', period: 0 }])).toThrow(RangeError);
    expect(() => learnCorrections([{ probability: 0.2, outcome: 2, segment: 'a', period: 0 }])).toThrow(RangeError);
  });
});

describe('learnValueCorrections (counts and values)', () => {
  // two periods, two segments; predicted amounts and what happened
  const ledger: LedgerValue[] = [
    { predicted: 2, actual: 3, segment: 'a', period: 0 },
    { predicted: 4, actual: 5, segment: 'a', period: 1 },
    { predicted: 1, actual: 0, segment: 'b', period: 1 },
    { predicted: 3, actual: 2, segment: 'b', period: 1 },
    { predicted: 0, actual: 1, segment: 'b', period: 1 }, // no information on a factor: left out
  ];

  it('is the decay-weighted ratio Σactual / Σpredicted, and the credibility blend per segment', () => {
    // half-life 1: period 0 weighs ½ at now = 1
    const c = learnValueCorrections(ledger, { trend: false, halfLife: 1, prior: 0, shrinkage: 4 });
    const pooled = (0.5 * 3 + 5 + 0 + 2) / (0.5 * 2 + 4 + 1 + 3);
    expect(c.pooled.factor).toBeCloseTo(pooled, 8);
    // the mean prediction p̄ = Σw·pred / Σw; m = 4 pseudo-predictions of that size at the pooled factor
    const meanPredicted = (0.5 * 2 + 4 + 1 + 3) / 3.5;
    const blend = (actual: number, predicted: number) => (actual + 4 * meanPredicted * pooled) / (predicted + 4 * meanPredicted);
    expect(c.segments.a.factor).toBeCloseTo(blend(0.5 * 3 + 5, 0.5 * 2 + 4), 8);
    expect(c.segments.b.factor).toBeCloseTo(blend(2, 4), 8);
    expect(c.segments.b.predictions).toBe(2);
    expect(c.segments.a.effectivePredictions).toBeCloseTo(1.5, 12);
    expect(applyValueCorrection(10, 'a', c)).toBeCloseTo(10 * c.segments.a.factor, 8);
    expect(applyValueCorrection(10, 'z', c)).toBeCloseTo(10 * pooled, 8);
  });

  it('extrapolates a steady growth of the actual amounts', () => {
    const random = mulberry32(7);
    const normal = normalSampler(random);
    const growing: LedgerValue[] = [];
    for (let t = 0; t < 6; t++)
      for (let i = 0; i < 2000; i++) {
        const predicted = Math.exp(normal());
        growing.push({ predicted, actual: predicted * Math.exp(0.1 * t) * (0.5 + random()), segment: 's', period: t });
      }
    const c = learnValueCorrections(growing);
    expect(c.pooled.drift).toBeCloseTo(0.1, 1);
    expect(Math.log(c.pooled.factor)).toBeCloseTo(0.6, 1);
  });
});
