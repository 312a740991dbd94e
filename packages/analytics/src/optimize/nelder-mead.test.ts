import { describe, expect, it } from 'vitest';
import { nelderMead } from './nelder-mead.js';

describe('Nelder–Mead', () => {
  it('finds the minimum of the Rosenbrock function', () => {
    const rosenbrock = (p: Float64Array): number => 100 * (p[1] - p[0] ** 2) ** 2 + (1 - p[0]) ** 2;
    const result = nelderMead(rosenbrock, [-1.2, 1], { maxEvaluations: 5000, maxIterations: 5000 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });

  it('minimises a shifted, badly scaled quadratic in 5 dimensions', () => {
    const centre = [3, -2, 0.5, 10, -7];
    const scale = [1, 10, 100, 0.1, 1];
    const f = (p: Float64Array): number => p.reduce((s, v, i) => s + scale[i] * (v - centre[i]) ** 2, 0);
    let x: ArrayLike<number> = [0, 0, 0, 0, 0];
    for (let run = 0; run < 3; run++) x = nelderMead(f, x, { initialStep: 1, maxEvaluations: 20000, maxIterations: 20000 }).x;
    centre.forEach((c, i) => expect(x[i]).toBeCloseTo(c, 5));
  });

  it('treats NaN and ±Infinity as +Infinity (a forbidden region)', () => {
    const f = (p: Float64Array): number => (p[0] < 0 ? NaN : (p[0] - 2) ** 2);
    const result = nelderMead(f, [0.5], { initialStep: -1 });
    expect(result.x[0]).toBeCloseTo(2, 6);
  });

  it('stops at maxEvaluations without claiming convergence', () => {
    const result = nelderMead((p) => (p[0] - 1) ** 2 + (p[1] + 1) ** 2, [100, 100], { maxEvaluations: 10 });
    expect(result.converged).toBe(false);
    expect(result.evaluations).toBeLessThanOrEqual(12);
  });
});
