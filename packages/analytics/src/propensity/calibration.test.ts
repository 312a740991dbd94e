import { describe, expect, it } from 'vitest';
import { mulberry32, normalSampler } from '../segments/test-helpers.js';
import { applyPlatt, calibrateProbabilities, fitPlattScaling, reliabilityCurve } from './calibration.js';
import { logLoss } from './cross-validation.js';

const expit = (eta: number) => 1 / (1 + Math.exp(-eta));

describe('Platt scaling and the reliability curve', () => {
  // true log-odds t; the model reports 3t + 1: over-confident and shifted
  const random = mulberry32(21);
  const normal = normalSampler(random);
  const n = 20_000;
  const truth = Array.from({ length: n }, () => normal() - 0.5);
  const y = truth.map((t) => (random() < expit(t) ? 1 : 0));
  const score = truth.map((t) => 3 * t + 1);
  const raw = score.map(expit);

  it('undoes a deliberate miscalibration and lowers the log-loss', () => {
    const platt = fitPlattScaling(score, y);
    // σ(a·(3t + 1) + b) = σ(t) needs a = 1/3, b = −1/3
    expect(platt.a).toBeCloseTo(1 / 3, 1);
    expect(platt.b).toBeCloseTo(-1 / 3, 1);
    const calibrated = score.map((s) => applyPlatt(platt, s));
    const before = logLoss(y, raw);
    const after = logLoss(y, calibrated);
    const ideal = logLoss(y, truth.map(expit));
    expect(after).toBeLessThan(before - 0.05);
    expect(after - ideal).toBeLessThan(0.002);
    // from probabilities: the same through their log-odds
    expect(calibrateProbabilities(platt, raw.slice(0, 3))[1]).toBeCloseTo(calibrated[1], 9);
  });

  it('leaves a calibrated score almost alone', () => {
    const platt = fitPlattScaling(truth, y);
    expect(platt.a).toBeCloseTo(1, 1);
    expect(platt.b).toBeCloseTo(0, 1);
  });

  it('bins predictions into ten equal-width bins; a calibrated model lies near the diagonal', () => {
    const curve = reliabilityCurve(y, truth.map(expit));
    expect(curve).toHaveLength(10);
    expect(curve.reduce((s, b) => s + b.count, 0)).toBe(n);
    for (const bin of curve) {
      if (bin.count < 500) continue;
      expect(bin.meanPredicted!).toBeGreaterThanOrEqual(bin.lower);
      expect(bin.meanPredicted!).toBeLessThan(bin.upper);
      expect(Math.abs(bin.observedRate! - bin.meanPredicted!)).toBeLessThan(0.04);
    }
    expect(reliabilityCurve([1, 0], [1, 0])).toMatchObject([{ count: 1, observedRate: 0 }, ...Array(8).fill({ count: 0, meanPredicted: null }), { count: 1, observedRate: 1 }]);
  });
});
