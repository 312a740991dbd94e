import { describe, expect, it } from 'vitest';
import { mulberry32, normalSampler } from '../segments/test-helpers.js';
import { fitLogisticRegression, logOdds, predictProbabilities } from './logistic-regression.js';

const expit = (eta: number) => 1 / (1 + Math.exp(-eta));

/** Rows with features on very different scales, labels drawn from known coefficients (per original unit). */
function simulate(n: number, intercept: number, beta: number[], seed: number) {
  const random = mulberry32(seed);
  const normal = normalSampler(random);
  const X: Float64Array[] = [];
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = Float64Array.from([normal(), 50 + 10 * normal(), random() < 0.3 ? 1 : 0, 1000 * random()]);
    X.push(x);
    const eta = intercept + beta.reduce((s, b, j) => s + b * x[j], 0);
    y[i] = random() < expit(eta) ? 1 : 0;
  }
  return { X, y };
}

describe('L2-regularised logistic regression', () => {
  it('recovers the coefficients data were simulated with (large n: the C = 1 penalty is negligible)', () => {
    const intercept = -1;
    const beta = [0.8, -0.05, 1.2, 0.002];
    const { X, y } = simulate(40_000, intercept, beta, 7);
    const model = fitLogisticRegression(X, y);
    expect(model.converged).toBe(true);
    // compared per standard deviation (sd ≈ 1, 10, 0.46, 289): standard errors there are ≈ 0.015
    beta.forEach((b, j) => expect(Math.abs(model.coefficients[j] - b) * model.sd[j]).toBeLessThan(0.06));
    expect(model.intercept).toBeCloseTo(intercept, 0);
    // the two parameterisations describe one model
    const x = X[123];
    let standardised = model.standardisedIntercept;
    for (let j = 0; j < 4; j++) standardised += model.standardisedCoefficients[j] * ((x[j] - model.mean[j]) / model.sd[j]);
    expect(logOdds(model, x)).toBeCloseTo(standardised, 10);
  });

  it('solves the penalised problem: its gradient, computed here from scratch, is zero', () => {
    const { X, y } = simulate(300, 0.3, [1, 0.02, -0.7, 0.001], 3);
    for (const C of [0.05, 1, 20]) {
      const model = fitLogisticRegression(X, y, { C });
      const n = X.length;
      const d = 4;
      // own standardisation (population sd, as StandardScaler)
      const mean = Array.from({ length: d }, (_, j) => X.reduce((s, x) => s + x[j], 0) / n);
      const sd = Array.from({ length: d }, (_, j) => Math.sqrt(X.reduce((s, x) => s + (x[j] - mean[j]) ** 2, 0) / n));
      // objective C·Σ loss + ½ Σ β̃²; β̃ = β · sd; ∂/∂b = C Σ (p − y), ∂/∂β̃ⱼ = C Σ (p − y) zⱼ + β̃ⱼ
      const gradient = new Array(d + 1).fill(0);
      X.forEach((x, i) => {
        const eta = model.intercept + x.reduce((s, v, j) => s + model.coefficients[j] * v, 0);
        const r = C * (expit(eta) - y[i]);
        gradient[0] += r;
        for (let j = 0; j < d; j++) gradient[j + 1] += r * ((x[j] - mean[j]) / sd[j]);
      });
      for (let j = 0; j < d; j++) gradient[j + 1] += model.coefficients[j] * sd[j];
      for (const g of gradient) expect(Math.abs(g)).toBeLessThan(1e-7 * Math.max(1, C));
      // and the penalty is active: a smaller C shrinks the coefficients
      if (C === 0.05) expect(Math.hypot(...model.standardisedCoefficients)).toBeLessThan(Math.hypot(...fitLogisticRegression(X, y, { C: 1 }).standardisedCoefficients));
    }
  });

  it('matches scikit-learn 1.2.1 on a small table (StandardScaler + LogisticRegression, tol 1e-12)', () => {
    // the reference numbers were printed by:
    //   X = [[i, (7i) % 11, ((i²) % 5)·10] for i in 0..19]; y = [1 if (3i) % 7 > 3 or i in (2, 17) else 0]
    //   LogisticRegression(C, penalty='l2', solver='lbfgs', tol=1e-12).fit(StandardScaler().fit_transform(X), y)
    // lbfgs and newton-cg agree to 5e-7, hence the tolerance
    const X = Array.from({ length: 20 }, (_, i) => [i, (i * 7) % 11, ((i * i) % 5) * 10]);
    const y = Array.from({ length: 20 }, (_, i) => ((i * 3) % 7 > 3 || i === 2 || i === 17 ? 1 : 0));
    const references = [
      { C: 1, intercept: -0.20960852221543813, coefficients: [0.2913305001155088, 0.009061647972452557, 0.28251154524178235] },
      { C: 0.5, intercept: -0.207304592886295, coefficients: [0.2494623982477712, 0.011615645368456454, 0.24228148687794376] },
    ];
    for (const reference of references) {
      const model = fitLogisticRegression(X, y, { C: reference.C });
      expect(Math.abs(model.standardisedIntercept - reference.intercept)).toBeLessThan(2e-6);
      reference.coefficients.forEach((c, j) => expect(Math.abs(model.standardisedCoefficients[j] - c)).toBeLessThan(2e-6));
    }
  });

  it('stays finite on separable data, fits only the given rows, and gives a constant column no weight', () => {
    const X = Array.from({ length: 40 }, (_, i) => [i, 5]);
    const y = Array.from({ length: 40 }, (_, i) => (i >= 20 ? 1 : 0));
    const model = fitLogisticRegression(X, y);
    expect(model.converged).toBe(true);
    expect(Number.isFinite(model.coefficients[0])).toBe(true);
    expect(model.coefficients[0]).toBeGreaterThan(0);
    expect(model.standardisedCoefficients[1]).toBe(0);
    const p = predictProbabilities(model, X);
    expect(p[0]).toBeLessThan(0.1);
    expect(p[39]).toBeGreaterThan(0.9);
    // rows 10 … 29 only
    const rows = Int32Array.from({ length: 20 }, (_, i) => i + 10);
    const subset = fitLogisticRegression(X, y, { rows });
    const alone = fitLogisticRegression(X.slice(10, 30), y.slice(10, 30));
    expect(subset.coefficients[0]).toBeCloseTo(alone.coefficients[0], 10);
    expect(subset.trainingRows).toBe(20);
    expect(predictProbabilities(model, X, [39, 0])).toEqual(Float64Array.from([p[39], p[0]]));
    // the same from a row-major matrix
    const dense = { rows: 40, columns: 2, values: Float64Array.from(X.flat()) };
    expect(predictProbabilities(model, dense)).toEqual(p);
  });

  it('recovers the coefficients of 100,000 × 30 simulated rows (the time it takes: bench/propensity.ts)', () => {
    const random = mulberry32(11);
    const normal = normalSampler(random);
    const n = 100_000;
    const d = 30;
    const beta = Array.from({ length: d }, (_, j) => (j % 3 === 0 ? 0 : 0.4 * Math.sin(j)));
    const values = new Float64Array(n * d);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      let eta = -1;
      for (let j = 0; j < d; j++) {
        const v = normal();
        values[i * d + j] = v;
        eta += beta[j] * v;
      }
      y[i] = random() < expit(eta) ? 1 : 0;
    }
    const model = fitLogisticRegression({ rows: n, columns: d, values }, y);
    beta.forEach((b, j) => expect(Math.abs(model.coefficients[j] - b)).toBeLessThan(0.04));
  });
});
