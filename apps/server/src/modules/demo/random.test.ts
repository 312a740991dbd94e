import { describe, expect, it } from 'vitest';
import { logGamma, Random } from './random.js';

const N = 200_000;

function moments(draw: () => number, n = N) {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / n;
  return { mean, variance: sumSq / n - mean * mean };
}

/** |actual − expected| within `rel` of the expected value. */
const near = (actual: number, expected: number, rel: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));

describe('Random (xoshiro128**)', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const xs = Array.from({ length: 20 }, () => a.nextUint32());
    expect(Array.from({ length: 20 }, () => b.nextUint32())).toEqual(xs);
    expect(Array.from({ length: 20 }, () => c.nextUint32())).not.toEqual(xs);
  });

  it('forks named streams from the key, whatever was drawn before', () => {
    const a = new Random('demo');
    const b = new Random('demo');
    for (let i = 0; i < 1000; i++) b.next();
    expect(a.fork('orders').next()).toBe(b.fork('orders').next());
    expect(a.fork('orders').next()).not.toBe(a.fork('activities').next());
  });

  it('draws uniforms on [0, 1) with mean 1/2, variance 1/12 and flat deciles', () => {
    const r = new Random(1);
    const bins = new Array(10).fill(0);
    let min = 1;
    let max = 0;
    const m = moments(() => {
      const u = r.next();
      bins[Math.floor(u * 10)]++;
      min = Math.min(min, u);
      max = Math.max(max, u);
      return u;
    });
    near(m.mean, 0.5, 0.01);
    near(m.variance, 1 / 12, 0.01);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // chi-square with 9 degrees of freedom: 27.9 is the 0.999 quantile
    const chi2 = bins.reduce((s, o) => s + (o - N / 10) ** 2 / (N / 10), 0);
    expect(chi2).toBeLessThan(27.9);
  });

  it('draws integers in the closed range, each about equally often', () => {
    const r = new Random(2);
    const counts = new Map<number, number>();
    for (let i = 0; i < 60_000; i++) {
      const k = r.int(1, 6);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    for (const c of counts.values()) near(c, 10_000, 0.05);
  });

  it('draws standard normals with mean 0 and variance 1', () => {
    const r = new Random(3);
    const m = moments(() => r.normal());
    expect(Math.abs(m.mean)).toBeLessThan(0.01);
    near(m.variance, 1, 0.02);
  });

  it.each([
    [0.3, 1],
    [0.8, 2.5],
    [1, 1],
    [2.5, 0.01],
    [9, 3],
  ])('draws Gamma(shape %f, rate %f) with mean shape/rate and variance shape/rate²', (shape, rate) => {
    const r = new Random(`gamma-${shape}-${rate}`);
    const m = moments(() => r.gamma(shape, rate));
    near(m.mean, shape / rate, 0.02);
    near(m.variance, shape / rate ** 2, 0.06);
  });

  it.each([
    [0.5, 0.5],
    [0.8, 2.4],
    [2, 5],
    [10, 3],
  ])('draws Beta(%f, %f) with the right mean and variance', (a, b) => {
    const r = new Random(`beta-${a}-${b}`);
    const m = moments(() => r.beta(a, b));
    const mean = a / (a + b);
    const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    near(m.mean, mean, 0.01);
    near(m.variance, variance, 0.03);
  });

  it.each([0.2, 3, 9.9, 10, 42, 500])('draws Poisson(%f) with mean = variance = λ', (lambda) => {
    const r = new Random(`poisson-${lambda}`);
    let integers = true;
    const m = moments(() => {
      const k = r.poisson(lambda);
      if (!Number.isInteger(k) || k < 0) integers = false;
      return k;
    });
    expect(integers).toBe(true);
    near(m.mean, lambda, 0.01 + 0.02 / Math.sqrt(lambda));
    near(m.variance, lambda, 0.03 + 0.02 / Math.sqrt(lambda));
  });

  it('gives Poisson probabilities that match the mass function at a large mean (PTRS branch)', () => {
    const r = new Random('ptrs');
    const lambda = 30;
    const counts = new Map<number, number>();
    for (let i = 0; i < N; i++) {
      const k = r.poisson(lambda);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    for (const k of [20, 25, 30, 35, 40]) {
      const p = Math.exp(-lambda + k * Math.log(lambda) - logGamma(k + 1));
      near((counts.get(k) ?? 0) / N, p, 0.1);
    }
  });

  it('draws exponentials with mean 1/rate and Dirichlet vectors that sum to 1', () => {
    const r = new Random(5);
    near(moments(() => r.exponential(4)).mean, 0.25, 0.01);
    const alphas = [1, 2, 7];
    const sums = [0, 0, 0];
    for (let i = 0; i < 20_000; i++) {
      const d = r.dirichlet(alphas);
      expect(d.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
      d.forEach((x, j) => (sums[j] += x));
    }
    sums.forEach((s, j) => near(s / 20_000, alphas[j] / 10, 0.03));
  });

  it('picks by weight in proportion', () => {
    const r = new Random(6);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 100_000; i++) counts[r.weightedIndex([1, 0, 3, 6])]++;
    expect(counts[1]).toBe(0);
    near(counts[0] / 100_000, 0.1, 0.05);
    near(counts[2] / 100_000, 0.3, 0.03);
    near(counts[3] / 100_000, 0.6, 0.02);
  });

  it('computes ln Γ accurately', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 10);
    expect(logGamma(101)).toBeCloseTo(363.73937555556347, 8);
  });
});
