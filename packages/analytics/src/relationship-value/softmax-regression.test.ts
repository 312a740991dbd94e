import { describe, expect, it } from 'vitest';
import { fitLogisticRegression } from '../propensity/logistic-regression.js';
import { mulberry32, normalSampler } from '../segments/test-helpers.js';
import { fitSoftmaxRegression, softmaxRegressionContributions, softmaxRegressionProbabilities } from './softmax-regression.js';

/** Rows of 4 features on different scales; classes drawn from known softmax coefficients. */
function simulate(n: number, seed: number) {
  const random = mulberry32(seed);
  const normal = normalSampler(random);
  const beta = [
    [1, 0.02, -0.5, 0],
    [0, -0.03, 0.5, 0.001],
    [-1, 0.01, 0, -0.001],
  ];
  const X: Float64Array[] = [];
  const y = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const x = Float64Array.from([normal(), 50 + 20 * normal(), random() < 0.4 ? 1 : 0, 1000 * random()]);
    const eta = beta.map((b) => b.reduce((s, v, j) => s + v * x[j], 0));
    const e = eta.map(Math.exp);
    const total = e.reduce((s, v) => s + v, 0);
    let u = random() * total;
    let k = 0;
    while (k < 2 && u > e[k]) u -= e[k++];
    X.push(x);
    y[i] = k;
  }
  return { X, y };
}

describe('multinomial logistic regression', () => {
  it('solves the penalised problem: its gradient, computed here from scratch, is zero', () => {
    const { X, y } = simulate(400, 1);
    for (const C of [0.1, 1, 10]) {
      const model = fitSoftmaxRegression(X, y, { C });
      expect(model.converged).toBe(true);
      const n = X.length;
      const d = 4;
      const mean = Array.from({ length: d }, (_, j) => X.reduce((s, x) => s + x[j], 0) / n);
      const sd = Array.from({ length: d }, (_, j) => Math.sqrt(X.reduce((s, x) => s + (x[j] - mean[j]) ** 2, 0) / n));
      // ∂/∂β_kj = C Σ (p_ik − [y_i = k]) z_ij + β_kj; ∂/∂b_k = C Σ (p_ik − [y_i = k]) (+ the 1e-8 ridge)
      const gradient = Array.from({ length: 3 }, () => new Array(d + 1).fill(0));
      X.forEach((x, i) => {
        const p = softmaxRegressionProbabilities(model, x);
        for (let k = 0; k < 3; k++) {
          const r = C * (p[k] - (y[i] === k ? 1 : 0));
          gradient[k][0] += r;
          for (let j = 0; j < d; j++) gradient[k][j + 1] += r * ((x[j] - mean[j]) / sd[j]);
        }
      });
      for (let k = 0; k < 3; k++) {
        for (let j = 0; j < d; j++) gradient[k][j + 1] += model.coefficients[k][j];
        for (const g of gradient[k]) expect(Math.abs(g)).toBeLessThan(1e-6 * Math.max(1, C));
      }
      // the symmetric penalty leaves the coefficients of every feature summing to 0 over the classes
      for (let j = 0; j < d; j++) expect(Math.abs(model.coefficients.reduce((s, c) => s + c[j], 0))).toBeLessThan(1e-7);
    }
  });

  it('with two classes it is the binary logistic regression with C doubled (β₁ − β₀ = β; ½(β₀² + β₁²) = β²/4)', () => {
    const { X, y } = simulate(300, 2);
    const binary = Int8Array.from(y, (k) => (k === 0 ? 1 : 0));
    const softmax = fitSoftmaxRegression(X, binary, { C: 0.5, classes: 2 });
    const logistic = fitLogisticRegression(X, binary, { C: 1 });
    for (let j = 0; j < 4; j++) expect(softmax.coefficients[1][j] - softmax.coefficients[0][j]).toBeCloseTo(logistic.standardisedCoefficients[j], 6);
    expect(softmax.intercepts[1] - softmax.intercepts[0]).toBeCloseTo(logistic.standardisedIntercept, 6);
  });

  it('recovers simulated coefficients (differences between classes, per original unit) on a large sample', () => {
    const { X, y } = simulate(20_000, 3);
    const model = fitSoftmaxRegression(X, y, { C: 100 });
    // identifiable: class 0 − class 2 per original unit; truth [2, 0.01, −0.5, 0.001]
    const truth = [2, 0.01, -0.5, 0.001];
    truth.forEach((t, j) => expect(Math.abs((model.coefficients[0][j] - model.coefficients[2][j]) / model.sd[j] - t) * model.sd[j]).toBeLessThan(0.08));
  });

  it('probabilities sum to 1; contributions add up to the centred logit against the mean row', () => {
    const { X, y } = simulate(300, 4);
    const model = fitSoftmaxRegression(X, y);
    const centred = (p: Float64Array, k: number) => Math.log(p[k]) - p.reduce((s, v) => s + Math.log(v), 0) / p.length;
    for (const i of [0, 17, 123]) {
      const p = softmaxRegressionProbabilities(model, X[i]);
      expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
      for (let k = 0; k < 3; k++) {
        const total = softmaxRegressionContributions(model, X[i], k).reduce((s, v) => s + v, 0);
        expect(total).toBeCloseTo(centred(p, k) - centred(softmaxRegressionProbabilities(model, model.mean), k), 10);
      }
    }
  });

  it('refuses labels that are not class numbers', () => {
    expect(() => fitSoftmaxRegression([[1], [2]], [0, 1.5])).toThrow(/not a class number/);
    expect(() => fitSoftmaxRegression([[1], [2]], [0, 3], { classes: 3 })).toThrow(/labels up to 3/);
  });
});
