import { describe, expect, it } from 'vitest';
import { mlpLogit, sigmoid } from './mlp.js';
import { trainNetwork } from './network.js';
import { auc, linearLogistic, simulate } from './test-helpers.js';

// Small data and few epochs: tfjs's CPU backend is slow, and the point is the comparison.
const interaction = (row: Float64Array) => 2 * row[0] * row[1];
const linear = (row: Float64Array) => row[0] - 0.5 * row[1] + 0.8 * row[2];

// tfjs's CPU backend shares two cores with the rest of the suite: generous timeouts
describe('trainNetwork', { timeout: 60_000 }, () => {
  it('learns a non-linear truth that a linear logistic regression cannot (logit = 2·x1·x2)', async () => {
    const train = simulate(2000, 5, interaction, 1);
    const test = simulate(2000, 5, interaction, 2);
    const network = await trainNetwork(train.X, train.y, { seed: 3 });
    const networkAuc = auc(network.predict(test.X), test.y);
    const linearAuc = auc(test.X.map(linearLogistic(train.X, train.y)), test.y);
    const oracleAuc = auc(test.p, test.y);
    console.log(`x1·x2 truth: network AUC ${networkAuc.toFixed(3)}, linear ${linearAuc.toFixed(3)}, true probabilities ${oracleAuc.toFixed(3)}; ${network.epochs} epochs, kept ${network.bestEpoch}`);
    // the product is symmetric in each sign: no linear score separates it (AUC ≈ 0.5)
    expect(linearAuc).toBeLessThan(0.56);
    expect(networkAuc).toBeGreaterThan(linearAuc + 0.15);
    expect(networkAuc).toBeGreaterThan(oracleAuc - 0.03);
  });

  it('does about as well as the linear model on a linear truth', async () => {
    const train = simulate(2000, 5, linear, 4);
    const test = simulate(2000, 5, linear, 5);
    const network = await trainNetwork(train.X, train.y, { seed: 3 });
    const networkAuc = auc(network.predict(test.X), test.y);
    const linearAuc = auc(test.X.map(linearLogistic(train.X, train.y)), test.y);
    console.log(`linear truth: network AUC ${networkAuc.toFixed(3)}, linear ${linearAuc.toFixed(3)}, true probabilities ${auc(test.p, test.y).toFixed(3)}`);
    expect(Math.abs(networkAuc - linearAuc)).toBeLessThan(0.015);
  });

  it('is reproducible from its seed and leaves no tensors behind', async () => {
    const tf = await import('@tensorflow/tfjs');
    const { X, y } = simulate(400, 4, interaction, 6);
    await trainNetwork(X.slice(0, 20), y.slice(0, 20), { seed: 1, epochs: 1 }); // loads tfjs and picks the backend
    const before = tf.memory().numTensors;
    const a = await trainNetwork(X, y, { seed: 7, epochs: 15 });
    const b = await trainNetwork(X, y, { seed: 7, epochs: 15 });
    const c = await trainNetwork(X, y, { seed: 8, epochs: 15 });
    expect(tf.memory().numTensors).toBe(before);
    expect(tf.getBackend()).toBe('cpu');
    expect(a.weights).toEqual(b.weights);
    expect([...a.predict(X)]).toEqual([...b.predict(X)]);
    // the buffered scoring path agrees with the plain forward pass
    a.predict(X).forEach((p, i) => expect(p).toBeCloseTo(sigmoid(mlpLogit(a.weights, X[i])), 12));
    expect(a.weights.layers[0].weights).not.toEqual(c.weights.layers[0].weights);
    expect(a.weights.layers.map((l) => [l.inputs, l.outputs])).toEqual([
      [4, 16],
      [16, 1],
    ]);
  });

  it('scores each fold with a model trained without it', async () => {
    const { X, y } = simulate(600, 3, interaction, 9);
    const folds = Int32Array.from({ length: X.length }, (_, i) => (i < 30 ? -1 : i % 3));
    const tf = await import('@tensorflow/tfjs');
    const before = tf.memory().numTensors;
    const model = await trainNetwork(X, y, { seed: 2, folds, hidden: [8, 8], epochs: 40 });
    expect(tf.memory().numTensors).toBe(before);
    const oof = model.outOfFold!;
    expect(oof.subarray(0, 30).every(Number.isNaN)).toBe(true);
    expect(oof.subarray(30).every((p) => p > 0 && p < 1)).toBe(true);
    // out of fold is an honest estimate: no better than scoring the rows the final model saw
    const inSample = auc(model.predict(X.slice(30)), y.slice(30));
    const outOfFold = auc(oof.subarray(30), y.slice(30));
    expect(outOfFold).toBeGreaterThan(0.6);
    expect(outOfFold).toBeLessThan(inSample + 0.02);
  });

  it('trains every epoch without early stopping when nothing is held out', async () => {
    const { X, y } = simulate(200, 2, linear, 10);
    const model = await trainNetwork(X, y, { seed: 1, epochs: 7, validationShare: 0 });
    expect(model.epochs).toBe(7);
    expect(model.bestEpoch).toBe(7);
    expect(model.validationLoss).toBeNaN();
  });

  it('rejects outcomes other than 0/1 and mismatched lengths', async () => {
    await expect(trainNetwork([[1], [2]], [0, 2], { seed: 1 })).rejects.toThrow(RangeError);
    await expect(trainNetwork([[1], [2]], [0], { seed: 1 })).rejects.toThrow(RangeError);
    await expect(trainNetwork([[1], [2]], [0, 1], { seed: 1, folds: new Int32Array(1) })).rejects.toThrow(RangeError);
  });
});
