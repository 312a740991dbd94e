/**
 * The neural-network candidate of the relationship classifier (seed 003: input layer of the nine
 * factors → hidden layer → output layer of the classes good / medium / bad): the propensity
 * network's multilayer perceptron (propensity-network/network.ts) with a K-way softmax output instead
 * of one sigmoid unit, trained on the softmax cross-entropy.
 *
 * Everything but the output is the propensity network's, on purpose: both are trained by the same
 * routine, propensity-network/mlp-training.ts `fitMlp`, asked here for the softmax output — inputs
 * standardised on the training rows, ReLU hidden layers, He-uniform / Glorot-uniform initial weights
 * drawn from the package's seeded generator, Adam (Kingma & Ba 2015) with an L2 penalty on the
 * weights, early stopping on a stratified held-out share of the training rows keeping the best
 * epoch's weights (Prechelt 1998), tfjs's CPU backend loaded on first use, and the trained weights
 * copied out as plain numbers in the propensity network's `MlpWeights` layout — the output layer
 * simply has K units — so that scoring is plain TypeScript (mlp.ts `forward`, whose last
 * pre-activations are the K logits) and every tensor is disposed.
 *
 * Explanations reuse the propensity network's integrated gradients (propensity-network/attributions):
 * the class-k centred logit ηₖ − η̄ is itself a network with one linear output (the output layer's
 * column k minus the mean column), so `networkAttributions` on that network gives each factor's share
 * of how far this customer's ηₖ − η̄ lies from the average customer's — the same quantity the softmax
 * regression's contributions explain.
 */
import { fitMlp, loadTf, mlpTraining } from '../propensity-network/mlp-training.js';
import { forward, standardiseRow, type MlpLayer, type MlpWeights } from '../propensity-network/mlp.js';
import { networkAttributions, type NetworkAttribution } from '../propensity-network/attributions.js';

export interface MulticlassNetworkOptions {
  classes: number;
  seed: number;
  /** Units per hidden layer; default [8] (9 inputs, 3 outputs: a few dozen weights per class). */
  hidden?: number[];
  /** At most this many passes over the training rows; default 200. */
  epochs?: number;
  /** Adam's step size; default 0.01. */
  learningRate?: number;
  /** Penalty l2 · Σw² on the weights (not the biases); default 1e-4. */
  l2?: number;
  /** Rows per Adam step; default 64. */
  batchSize?: number;
  /** Share of the training rows held out (stratified by class) to pick the epoch; default 0.2. */
  validationShare?: number;
  /** Stop after this many epochs without a better held-out loss; default 15. */
  patience?: number;
}

export interface MulticlassNetwork {
  /** Standardisation, hidden layers and the K-unit output layer, as plain numbers. */
  weights: MlpWeights;
  classes: number;
  epochs: number;
  bestEpoch: number;
  validationLoss: number;
}

export async function trainMulticlassNetwork(X: readonly ArrayLike<number>[], y: ArrayLike<number>, options: MulticlassNetworkOptions): Promise<MulticlassNetwork> {
  const n = X.length;
  const K = options.classes;
  if (n === 0) throw new RangeError('no rows');
  if (y.length !== n) throw new RangeError(`${n} rows but ${y.length} labels`);
  for (let i = 0; i < n; i++) if (!Number.isInteger(y[i]) || y[i] < 0 || y[i] >= K) throw new RangeError(`label ${i} is ${y[i]}, expected 0 … ${K - 1}`);
  const tf = await loadTf();
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const training = mlpTraining('softmax', K, options, { hidden: [8], batchSize: 64, patience: 15 });
  const { weights, epochs, bestEpoch, validationLoss } = fitMlp(tf, X, y, all, training, options.seed);
  return { weights, classes: K, epochs, bestEpoch, validationLoss };
}

/** Class probabilities of one row (original units), in float64. */
export function multiclassNetworkProbabilities(net: MlpWeights, row: ArrayLike<number>): Float64Array {
  const { preActivations } = forward(net, standardiseRow(net, row));
  const logits = preActivations[preActivations.length - 1];
  let max = -Infinity;
  for (const v of logits) max = Math.max(max, v);
  const e = logits.map((v) => Math.exp(v - max));
  const sum = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / sum);
}

/**
 * The network whose single output is class k's centred logit ηₖ − η̄: the hidden layers as they are,
 * the output layer's column k minus the mean of its columns (weights and bias alike).
 */
export function centredLogitNetwork(net: MlpWeights, k: number): MlpWeights {
  const last = net.layers[net.layers.length - 1];
  const K = last.outputs;
  if (!(k >= 0 && k < K)) throw new RangeError(`class ${k} outside 0 … ${K - 1}`);
  const weights = new Float64Array(last.inputs);
  for (let i = 0; i < last.inputs; i++) {
    let average = 0;
    for (let l = 0; l < K; l++) average += last.weights[i * K + l] / K;
    weights[i] = last.weights[i * K + k] - average;
  }
  const average = last.bias.reduce((s, v) => s + v, 0) / K;
  const output: MlpLayer = { inputs: last.inputs, outputs: 1, weights, bias: Float64Array.of(last.bias[k] - average) };
  return { mean: net.mean, sd: net.sd, layers: [...net.layers.slice(0, -1), output] };
}

/** Integrated-gradients contributions of each input to class k's centred logit, against the mean row. */
export function multiclassNetworkAttributions(net: MlpWeights, row: ArrayLike<number>, k: number, steps = 64): NetworkAttribution {
  return networkAttributions(centredLogitNetwork(net, k), row, { steps });
}
