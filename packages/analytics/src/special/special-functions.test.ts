import { describe, expect, it } from 'vitest';
import { logBeta, logGamma } from './gamma.js';
import { hyp2f1, logHyp2f1 } from './hypergeometric.js';
import { log1pExp, logAddExp } from './log-add-exp.js';

describe('logGamma (Lanczos)', () => {
  it.each([
    [0.5, 0.5 * Math.log(Math.PI)],
    [1, 0],
    [2, 0],
    [1.5, Math.log(Math.sqrt(Math.PI) / 2)],
    [10, Math.log(362880)],
    [0.1, 2.252712651734206], // ln Γ(0.1)
    [100, 359.1342053695754], // ln 99!
    [1e-8, 18.420680738180209], // ≈ −ln(1e-8) − γ·1e-8
  ])('ln Γ(%f)', (x, expected) => {
    expect(Math.abs(logGamma(x) - expected)).toBeLessThan(1e-13 * Math.max(1, Math.abs(expected)));
  });

  it('matches ln n! for integers and the recurrence Γ(x+1) = xΓ(x)', () => {
    let logFactorial = 0;
    for (let n = 1; n <= 170; n++) {
      logFactorial += Math.log(n);
      expect(logGamma(n + 1)).toBeCloseTo(logFactorial, 9);
    }
    for (const x of [0.3, 2.7, 17.2, 450.5]) expect(logGamma(x + 1) - logGamma(x)).toBeCloseTo(Math.log(x), 11);
  });

  it('uses the reflection formula below ½ and has poles at non-positive integers', () => {
    expect(logGamma(-0.5)).toBeCloseTo(Math.log(2 * Math.sqrt(Math.PI)), 13);
    expect(logGamma(0)).toBe(Infinity);
    expect(logGamma(-3)).toBe(Infinity);
  });

  it('logBeta(a, b) = ln(Γ(a)Γ(b)/Γ(a+b))', () => {
    expect(logBeta(1, 1)).toBeCloseTo(0, 14);
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
    expect(logBeta(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 14);
  });
});

describe('hyp2f1 (Gauss series)', () => {
  it('matches closed forms', () => {
    for (const z of [0.1, 0.5, 0.9, 0.99]) {
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 11); // A&S 15.1.3
      expect(hyp2f1(0.7, 2.5, 2.5, z)).toBeCloseTo(Math.pow(1 - z, -0.7), 10); // binomial series
      const s = Math.sqrt(z);
      expect(hyp2f1(0.5, 0.5, 1.5, z)).toBeCloseTo(Math.asin(s) / s, 11); // A&S 15.1.6
    }
  });

  it('handles z < −½ by the Pfaff transformation and polynomials (negative integer a)', () => {
    expect(hyp2f1(1, 1, 2, -3)).toBeCloseTo(Math.log(4) / 3, 13);
    expect(hyp2f1(1, 1, 2, -50)).toBeCloseTo(Math.log(51) / 50, 13);
    expect(hyp2f1(-2, 1, 1, 0.3)).toBeCloseTo((1 - 0.3) ** 2, 14);
  });

  it('rejects z ≥ 1 and c = 0, −1, …', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, -1, 0.5)).toThrow(RangeError);
  });

  it('logHyp2f1 equals ln hyp2f1, and stays finite where the value overflows', () => {
    expect(logHyp2f1(500.2, 502.4, 501.2, 0.47)).toBeCloseTo(Math.log(hyp2f1(500.2, 502.4, 501.2, 0.47)), 9);
    // (1−z)^(−a) at a = 5,000, z = 0.5 is 2^5000: far past the double range.
    expect(logHyp2f1(5000, 3, 3, 0.5)).toBeCloseTo(5000 * Math.log(2), 6);
  });
});

describe('log-sum-exp', () => {
  it('is exact at the extremes', () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 12);
    expect(logAddExp(-Infinity, 3)).toBe(3);
    expect(log1pExp(800)).toBe(800);
    expect(log1pExp(-800)).toBe(0);
    expect(log1pExp(0)).toBeCloseTo(Math.log(2), 15);
  });
});
