/**
 * The neural-network candidate of the relationship classifier (seed 003: input layer of the nine
 * factors → hidden layer → output layer of the classes good / medium / bad): the propensity
 * network's multilayer perceptron (propensity-network/network.ts) with a K-way softmax output instead
 * of one sigmoid unit, trained on the softmax cross-entropy.
 *
 * Everything but the output is the propensity network's, on purpose, and reused where it is exported:
 * inputs standardised on the training rows (segments/standardise), ReLU hidden layers, He-uniform /
 * Glorot-uniform initial weights drawn from the package's seeded generator, Adam (Kingma & Ba 2015)
 * with an L2 penalty on the weights, early stopping on a stratified held-out share of the training rows
 * keeping the best epoch's weights (Prechelt 1998), tfjs's CPU backend loaded on first use, and the
 * trained weights copied out as plain numbers in the propensity network's `MlpWeights` layout — the
 * output layer simply has K units — so that scoring is plain TypeScript (mlp.ts `forward`, whose last
 * pre-activations are the K logits) and every tensor is disposed.
 *
 * Explanations reuse the propensity network's integrated gradients (propensity-network/attributions):
 * the class-k centred logit ηₖ − η̄ is itself a network with one linear output (the output layer's
 * column k minus the mean column), so `networkAttributions` on that network gives each factor's share
 * of how far this customer's ηₖ − η̄ lies from the average customer's — the same quantity the softmax
 * regression's contributions explain.
 */
import type * as TF from '@tensorflow/tfjs';
import { seededRandom } from '../segments/random.js';
import { standardise } from '../segments/standardise.js';
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

type Tf = typeof TF;
let tfLoading: Promise<Tf> | undefined;

/** tfjs on its CPU backend, loaded once (as propensity-network/network.ts does). */
async function loadTf(): Promise<Tf> {
  tfLoading ??= (async () => {
    const tf = await import('@tensorflow/tfjs');
    tf.enableProdMode();
    if (tf.getBackend() !== 'cpu') await tf.setBackend('cpu');
    return tf;
  })();
  return tfLoading;
}

export async function trainMulticlassNetwork(X: readonly ArrayLike<number>[], y: ArrayLike<number>, options: MulticlassNetworkOptions): Promise<MulticlassNetwork> {
  const n = X.length;
  const K = options.classes;
  if (n === 0) throw new RangeError('no rows');
  if (y.length !== n) throw new RangeError(`${n} rows but ${y.length} labels`);
  for (let i = 0; i < n; i++) if (!Number.isInteger(y[i]) || y[i] < 0 || y[i] >= K) throw new RangeError(`label ${i} is ${y[i]}, expected 0 … ${K - 1}`);
  const hidden = options.hidden ?? [8];
  const maxEpochs = options.epochs ?? 200;
  const l2 = options.l2 ?? 1e-4;
  const batchSize = options.batchSize ?? 64;
  const patience = options.patience ?? 15;
  const validationShare = options.validationShare ?? 0.2;
  if (hidden.some((h) => !Number.isInteger(h) || h < 1)) throw new RangeError(`hidden layer sizes must be positive integers: ${hidden}`);
  if (!(validationShare >= 0 && validationShare < 1)) throw new RangeError(`validationShare must be in [0, 1), got ${validationShare}`);
  const tf = await loadTf();
  const random = seededRandom(options.seed);

  const { z, mean, sd } = standardise(X);
  const d = mean.length;
  const { fitRows, heldOut } = splitStratified(y, K, validationShare, random);
  const matrix = (rows: Int32Array) => {
    const values = new Float32Array(rows.length * d);
    rows.forEach((row, r) => values.set(z[row], r * d));
    return values;
  };
  const oneHot = (rows: Int32Array) => {
    const values = new Float32Array(rows.length * K);
    rows.forEach((row, r) => (values[r * K + y[row]] = 1));
    return values;
  };

  const sizes = [d, ...hidden, K];
  const shapes = sizes.slice(1).map((outputs, l) => ({ inputs: sizes[l], outputs }));
  const initial = shapes.map(({ inputs, outputs }, l) => {
    const limit = l < hidden.length ? Math.sqrt(6 / inputs) : Math.sqrt(6 / (inputs + outputs));
    return Float32Array.from({ length: inputs * outputs }, () => (2 * random() - 1) * limit);
  });

  const xFit = tf.tensor2d(matrix(fitRows), [fitRows.length, d]);
  const yFit = tf.tensor2d(oneHot(fitRows), [fitRows.length, K]);
  const xHeld = heldOut.length > 0 ? tf.tensor2d(matrix(heldOut), [heldOut.length, d]) : undefined;
  const yHeld = heldOut.length > 0 ? tf.tensor2d(oneHot(heldOut), [heldOut.length, K]) : undefined;
  const kernels = shapes.map(({ inputs, outputs }, l) => tf.tidy(() => tf.variable(tf.tensor2d(initial[l], [inputs, outputs]))));
  const biases = shapes.map(({ outputs }) => tf.tidy(() => tf.variable(tf.zeros([outputs]))));
  const optimizer = tf.train.adam(options.learningRate ?? 0.01);

  const logits = (x: TF.Tensor2D): TF.Tensor2D => {
    let h = x;
    for (let l = 0; l < kernels.length; l++) {
      const pre = tf.add(tf.matMul(h, kernels[l]), biases[l]) as TF.Tensor2D;
      h = l < kernels.length - 1 ? tf.relu(pre) : pre;
    }
    return h;
  };
  const crossEntropy = (x: TF.Tensor2D, target: TF.Tensor2D): TF.Scalar => tf.losses.softmaxCrossEntropy(target, logits(x)) as TF.Scalar;
  const snapshot = () => ({
    kernels: kernels.map((k) => (k.dataSync() as Float32Array).slice()),
    biases: biases.map((b) => (b.dataSync() as Float32Array).slice()),
  });

  let best = snapshot();
  let bestLoss = Infinity;
  let bestEpoch = 0;
  let epoch = 0;
  try {
    const order = Int32Array.from({ length: fitRows.length }, (_, i) => i);
    while (epoch < maxEpochs) {
      epoch++;
      shuffle(order, random);
      tf.tidy(() => {
        const permutation = tf.tensor1d(order, 'int32');
        const xs = tf.gather(xFit, permutation);
        const ys = tf.gather(yFit, permutation);
        for (let start = 0; start < order.length; start += batchSize) {
          const size = Math.min(batchSize, order.length - start);
          const xb = tf.slice(xs, [start, 0], [size, d]) as TF.Tensor2D;
          const yb = tf.slice(ys, [start, 0], [size, K]) as TF.Tensor2D;
          optimizer.minimize(() => {
            const penalty = kernels.reduce<TF.Scalar>((s, k) => tf.add(s, tf.sum(tf.square(k))), tf.scalar(0));
            return tf.add(crossEntropy(xb, yb), tf.mul(l2, penalty)) as TF.Scalar;
          }, false);
          xb.dispose();
          yb.dispose();
        }
      });
      if (!xHeld || !yHeld) continue;
      const loss = tf.tidy(() => crossEntropy(xHeld, yHeld).dataSync()[0]);
      if (loss < bestLoss - 1e-6) {
        bestLoss = loss;
        bestEpoch = epoch;
        best = snapshot();
      } else if (epoch - bestEpoch >= patience) break;
    }
    if (!xHeld) {
      best = snapshot();
      bestEpoch = epoch;
    }
  } finally {
    optimizer.dispose();
    for (const t of [xFit, yFit, xHeld, yHeld, ...kernels, ...biases]) t?.dispose();
  }
  const layers: MlpLayer[] = shapes.map(({ inputs, outputs }, l) => ({
    inputs,
    outputs,
    weights: Float64Array.from(best.kernels[l]),
    bias: Float64Array.from(best.biases[l]),
  }));
  return { weights: { mean, sd, layers }, classes: K, epochs: epoch, bestEpoch, validationLoss: xHeld ? bestLoss : Number.NaN };
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

function splitStratified(y: ArrayLike<number>, K: number, share: number, random: () => number): { fitRows: Int32Array; heldOut: Int32Array } {
  const all = Int32Array.from({ length: y.length }, (_, i) => i);
  if (share === 0) return { fitRows: all, heldOut: new Int32Array(0) };
  const fitRows: number[] = [];
  const heldOut: number[] = [];
  for (let k = 0; k < K; k++) {
    const rows = all.filter((i) => y[i] === k);
    shuffle(rows, random);
    // a class with a single row stays in the fit
    const held = rows.length > 1 ? Math.round(rows.length * share) : 0;
    heldOut.push(...rows.subarray(0, held));
    fitRows.push(...rows.subarray(held));
  }
  const sorted = (a: number[]) => Int32Array.from(a).sort();
  return { fitRows: sorted(fitRows), heldOut: sorted(heldOut) };
}

function shuffle(a: Int32Array, random: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
