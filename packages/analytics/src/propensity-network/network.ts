/**
 * The non-linear alternative to the propensity model's logistic regression (issue 5): a small
 * multilayer perceptron — standardised inputs → ReLU hidden layer(s) → one sigmoid output — trained
 * with @tensorflow/tfjs on binary cross-entropy by Adam (Kingma & Ba 2015), with an L2 penalty on the
 * weights and early stopping on a held-out part of the training rows (the weights of the best
 * held-out epoch are kept; Prechelt 1998, "Early stopping — but when?").
 *
 * tfjs runs on its pure-JS CPU backend (no native tfjs-node build), in float32. It is loaded on the
 * first call only (a dynamic import costs ~0.9 s), so importing @relata/analytics stays cheap.
 * After training, the weights are copied out into plain arrays (mlp.ts) and every tensor and the
 * optimiser's slots are disposed: scoring, attributions and storing the model need no tfjs.
 *
 * Reproducible from the seed: the initial weights are drawn from our seeded generator
 * (`seededRandom`) and handed to tfjs as explicit tensors (He-uniform for the ReLU layers, He et al.
 * 2015; Glorot-uniform for the output, Glorot & Bengio 2010), the held-out rows and the order of the
 * mini-batches come from the same generator, and the CPU backend computes in a fixed order, so the
 * same seed gives the same weights bit for bit. (`tf.randomUniform` with a seed is reproducible too,
 * but would tie the model to tfjs's generator; ours is the package's.)
 *
 * With `folds` (a fold id per row, e.g. the stratified folds the logistic trainer uses), the model is
 * also trained once per fold without that fold's rows and scores them: the out-of-fold
 * probabilities from which the caller computes the cross-validated AUC on the same folds as the
 * logistic regression, so the two candidates are compared on equal terms.
 */
import type * as TF from '@tensorflow/tfjs';
import { seededRandom } from '../segments/random.js';
import { standardise } from '../segments/standardise.js';
import { mlpPredict, type MlpLayer, type MlpWeights } from './mlp.js';

export interface NetworkOptions {
  /** Units per hidden layer; default [16]. */
  hidden?: number[];
  /** At most this many passes over the training rows; default 200. */
  epochs?: number;
  /** Adam's step size; default 0.01. */
  learningRate?: number;
  /** Penalty l2 · Σw² on the weights (not the biases) added to the mean cross-entropy; default 1e-4. */
  l2?: number;
  /** Rows per Adam step; default 128. */
  batchSize?: number;
  seed: number;
  /** Fold id per row (negative: in no fold, never scored out of fold); gives `outOfFold`. */
  folds?: Int32Array;
  /**
   * Share of the training rows held out (stratified by outcome) to pick the epoch; default 0.2.
   * 0 trains on every row for all `epochs`, without early stopping.
   */
  validationShare?: number;
  /** Stop after this many epochs without a better held-out loss; default 10. */
  patience?: number;
}

export interface NetworkModel {
  /** The trained weights and input standardisation: plain numbers, storable as they are. */
  weights: MlpWeights;
  /** Probabilities of the outcome for rows in the original units. */
  predict(rows: ArrayLike<number>[]): Float64Array;
  /** With `folds`: each row's probability from the model trained without its fold (NaN if in no fold). */
  outOfFold?: Float64Array;
  /** Epochs run by the final model, and the one whose weights were kept. */
  epochs: number;
  bestEpoch: number;
  /** Mean cross-entropy of the held-out rows at the kept epoch (NaN without held-out rows). */
  validationLoss: number;
}

type Tf = typeof TF;
let tfLoading: Promise<Tf> | undefined;

/** tfjs on its CPU backend, loaded once. */
async function loadTf(): Promise<Tf> {
  tfLoading ??= (async () => {
    const tf = await import('@tensorflow/tfjs');
    // silences the "install tfjs-node" banner (PROD only turns off tfjs's console warnings)
    tf.enableProdMode();
    if (tf.getBackend() !== 'cpu') await tf.setBackend('cpu');
    return tf;
  })();
  return tfLoading;
}

export async function trainNetwork(X: ArrayLike<number>[], y: ArrayLike<number>, options: NetworkOptions): Promise<NetworkModel> {
  const n = X.length;
  if (n === 0) throw new RangeError('no rows');
  if (y.length !== n) throw new RangeError(`${n} rows but ${y.length} outcomes`);
  for (let i = 0; i < n; i++) if (y[i] !== 0 && y[i] !== 1) throw new RangeError(`outcome ${i} is ${y[i]}, expected 0 or 1`);
  if (options.folds && options.folds.length !== n) throw new RangeError(`${n} rows but ${options.folds.length} fold ids`);
  const tf = await loadTf();

  const all = Int32Array.from({ length: n }, (_, i) => i);
  const final = fit(tf, X, y, all, options, options.seed);
  const model: NetworkModel = { ...final, predict: (rows) => mlpPredict(final.weights, rows) };

  if (options.folds) {
    const folds = options.folds;
    const outOfFold = new Float64Array(n).fill(Number.NaN);
    const ids = [...new Set(folds)].filter((f) => f >= 0).sort((a, b) => a - b);
    for (const f of ids) {
      const train = all.filter((i) => folds[i] !== f);
      const test = all.filter((i) => folds[i] === f);
      // a seed of its own per fold, derived from the model's seed
      const { weights } = fit(tf, X, y, train, options, (options.seed ^ Math.imul(f + 1, 0x9e3779b1)) >>> 0);
      const scores = mlpPredict(weights, Array.from(test, (i) => X[i]));
      test.forEach((row, k) => (outOfFold[row] = scores[k]));
    }
    model.outOfFold = outOfFold;
  }
  return model;
}

interface Fit {
  weights: MlpWeights;
  epochs: number;
  bestEpoch: number;
  validationLoss: number;
}

/** One network trained on the rows `use` (indices into X). */
function fit(tf: Tf, X: ArrayLike<number>[], y: ArrayLike<number>, use: Int32Array, options: NetworkOptions, seed: number): Fit {
  const hidden = options.hidden ?? [16];
  const maxEpochs = options.epochs ?? 200;
  const l2 = options.l2 ?? 1e-4;
  const batchSize = options.batchSize ?? 128;
  const patience = options.patience ?? 10;
  const validationShare = options.validationShare ?? 0.2;
  if (hidden.some((h) => !Number.isInteger(h) || h < 1)) throw new RangeError(`hidden layer sizes must be positive integers: ${hidden}`);
  if (!(validationShare >= 0 && validationShare < 1)) throw new RangeError(`validationShare must be in [0, 1), got ${validationShare}`);
  const random = seededRandom(seed);

  // standardised on the rows it is trained on (for a fold, without the fold's rows)
  const { z, mean, sd } = standardise(Array.from(use, (i) => X[i]));
  const d = mean.length;
  const { fitRows, heldOut } = splitStratified(use, y, validationShare, random);
  const position = new Map<number, number>();
  use.forEach((row, k) => position.set(row, k));
  const matrix = (rows: Int32Array) => {
    const values = new Float32Array(rows.length * d);
    rows.forEach((row, r) => values.set(z[position.get(row)!], r * d));
    return values;
  };
  const labels = (rows: Int32Array) => Float32Array.from(rows, (row) => y[row]);

  const sizes = [d, ...hidden, 1];
  const shapes = sizes.slice(1).map((outputs, l) => ({ inputs: sizes[l], outputs }));
  const initial = shapes.map(({ inputs, outputs }, l) => {
    // He-uniform for ReLU layers, Glorot-uniform for the linear output
    const limit = l < hidden.length ? Math.sqrt(6 / inputs) : Math.sqrt(6 / (inputs + outputs));
    return Float32Array.from({ length: inputs * outputs }, () => (2 * random() - 1) * limit);
  });

  const xFit = tf.tensor2d(matrix(fitRows), [fitRows.length, d]);
  const yFit = tf.tensor2d(labels(fitRows), [fitRows.length, 1]);
  const xHeld = heldOut.length > 0 ? tf.tensor2d(matrix(heldOut), [heldOut.length, d]) : undefined;
  const yHeld = heldOut.length > 0 ? tf.tensor2d(labels(heldOut), [heldOut.length, 1]) : undefined;
  // tidy disposes the initial tensors; the variables hold their own reference to the values
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
  const crossEntropy = (x: TF.Tensor2D, target: TF.Tensor2D): TF.Scalar => tf.losses.sigmoidCrossEntropy(target, logits(x)) as TF.Scalar;
  const snapshot = (): { kernels: Float32Array[]; biases: Float32Array[] } => ({
    kernels: kernels.map((k) => k.dataSync() as Float32Array).map((a) => a.slice()),
    biases: biases.map((b) => b.dataSync() as Float32Array).map((a) => a.slice()),
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
          const yb = tf.slice(ys, [start, 0], [size, 1]) as TF.Tensor2D;
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
      // a better epoch must beat the best by a hair, so that a plateau ends in `patience` epochs
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
  return { weights: { mean, sd, layers }, epochs: epoch, bestEpoch, validationLoss: xHeld ? bestLoss : Number.NaN };
}

/** Held-out rows: the same share of each outcome, chosen at random (both classes stay in the fit). */
function splitStratified(use: Int32Array, y: ArrayLike<number>, share: number, random: () => number): { fitRows: Int32Array; heldOut: Int32Array } {
  if (share === 0) return { fitRows: use, heldOut: new Int32Array(0) };
  const fitRows: number[] = [];
  const heldOut: number[] = [];
  for (const outcome of [0, 1]) {
    const rows = use.filter((i) => y[i] === outcome);
    shuffle(rows, random);
    const held = Math.round(rows.length * share);
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
