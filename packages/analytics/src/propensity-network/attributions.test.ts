import { describe, expect, it } from 'vitest';
import { networkAttributions } from './attributions.js';
import type { MlpWeights } from './mlp.js';
import { trainNetwork } from './network.js';
import { simulate } from './test-helpers.js';

describe('networkAttributions (integrated gradients)', { timeout: 60_000 }, () => {
  it('equals coefficient × (x − mean) where the network is linear', () => {
    // two inputs; both hidden units stay active (bias 100), so logit = 1·h1 − 2·h2 + 0.5 with
    // h1 = 3·z1 + 100 and h2 = z2 + 100: ∂logit/∂z = (3, −2)
    const net: MlpWeights = {
      mean: Float64Array.from([10, 0]),
      sd: Float64Array.from([2, 1]),
      layers: [
        { inputs: 2, outputs: 2, weights: Float64Array.from([3, 0, 0, 1]), bias: Float64Array.from([100, 100]) },
        { inputs: 2, outputs: 1, weights: Float64Array.from([1, -2]), bias: Float64Array.from([0.5]) },
      ],
    };
    const { factors, residual } = networkAttributions(net, [14, 0.5], { names: ['income', 'children'], steps: 3 });
    // z = (2, 0.5): income 3·2 = 6, children −2·0.5 = −1
    expect(factors).toEqual([
      { feature: 0, name: 'income', value: expect.closeTo(6, 12) },
      { feature: 1, name: 'children', value: expect.closeTo(-1, 12) },
    ]);
    expect(residual).toBeCloseTo(0, 12);
  });

  it('adds up to the log-odds against the average customer and names the factors that matter', async () => {
    // only x1 and x2 matter (through their product); x3, x4 are noise
    const { X, y } = simulate(1500, 4, (row) => 2 * row[0] * row[1], 11);
    const { weights } = await trainNetwork(X, y, { seed: 5 });
    const row = [2, 1.5, 0.3, -0.2];
    const explained = networkAttributions(weights, row);
    expect(Math.abs(explained.residual)).toBeLessThan(0.02 * Math.abs(explained.logit - explained.baselineLogit) + 1e-3);
    expect(explained.logit - explained.baselineLogit).toBeGreaterThan(2);
    expect(explained.factors.slice(0, 2).map((f) => f.feature).sort()).toEqual([0, 1]);
    const values = explained.factors.map((f) => Math.abs(f.value));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    // against itself as the baseline every attribution is 0
    expect(networkAttributions(weights, row, { baseline: row }).factors.every((f) => f.value === 0)).toBe(true);
  });
});
