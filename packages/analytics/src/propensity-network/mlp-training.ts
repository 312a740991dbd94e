/**
 * The one training routine of the package's multilayer perceptrons: the propensity network
 * (network.ts, one sigmoid output on binary cross-entropy) and the relationship classifier's network
 * (relationship-value/multiclass-network.ts, a K-way softmax output on categorical cross-entropy).
 * Only the output layer and its loss differ; everything else is shared:
 *
 * - inputs standardised on the rows trained on (segments/standardise);
 * - ReLU hidden layers; initial weights drawn from the package's seeded generator and handed to tfjs
 *   as explicit tensors, He-uniform for the ReLU layers (He et al. 2015) and Glorot-uniform for the
 *   output (Glorot & Bengio 2010);
 * - Adam (Kingma & Ba 2015) on mini-batches in a seeded order, with an L2 penalty l2 · Σw² on the
 *   weights (not the biases) added to the mean cross-entropy;
 * - early stopping on a held-out share of the rows, stratified by class, keeping the weights of the
 *   best held-out epoch (Prechelt 1998, "Early stopping — but when?");
 * - the trained weights copied out as plain numbers (mlp.ts `MlpWeights`; the output layer has one
 *   unit for the sigmoid, K for the softmax), and every tensor and the optimiser's slots disposed.
 *
 * tfjs runs on its pure-JS CPU backend (no native tfjs-node build), in float32, loaded on the first
 * call only (a dynamic import costs ~0.9 s), so importing @relata/analytics stays cheap. The CPU
 * backend computes in a fixed order and every random draw (held-out rows, initial weights, batch
 * order) comes from `seededRandom(seed)`, so the same seed gives the same weights bit for bit.
 */
import type * as TF from '@tensorflow/tfjs';
import { seededRandom } from '../segments/random.js';
import { standardise } from '../segments/standardise.js';
import type { MlpLayer, MlpWeights } from './mlp.js';

export type Tf = typeof TF;
let tfLoading: Promise<Tf> | undefined;

/** tfjs on its CPU backend, loaded once. */
export async function loadTf(): Promise<Tf> {
  tfLoading ??= (async () => {
    const tf = await import('@tensorflow/tfjs');
    // silences the "install tfjs-node" banner (PROD only turns off tfjs's console warnings)
    tf.enableProdMode();
    if (tf.getBackend() !== 'cpu') await tf.setBackend('cpu');
    return tf;
  })();
  return tfLoading;
}

/**
 * The output layer and its loss:
 * - 'sigmoid': one unit, binary cross-entropy; labels 0 / 1 (`classes` is 2).
 * - 'softmax': `classes` units, categorical cross-entropy on one-hot targets; labels 0 … classes − 1.
 */
export type MlpOutput = 'sigmoid' | 'softmax';

/** Everything `fitMlp` needs, defaults resolved (`mlpTraining`). */
export interface MlpTraining {
  output: MlpOutput;
  /** Number of classes (labels 0 … classes − 1); also the strata of the held-out rows. */
  classes: number;
  hidden: number[];
  epochs: number;
  learningRate: number;
  l2: number;
  batchSize: number;
  /** Share of the rows held out (stratified by class) to pick the epoch; 0: no early stopping. */
  validationShare: number;
  patience: number;
}

/**
 * The training settings from a model's options: those both networks default alike (200 epochs, step
 * 0.01, l2 1e-4, a fifth held out) here, the ones each sizes to its problem from `defaults`.
 */
export function mlpTraining(
  output: MlpOutput,
  classes: number,
  options: Partial<Omit<MlpTraining, 'output' | 'classes'>>,
  defaults: Pick<MlpTraining, 'hidden' | 'batchSize' | 'patience'>,
): MlpTraining {
  return {
    output,
    classes,
    hidden: options.hidden ?? defaults.hidden,
    epochs: options.epochs ?? 200,
    learningRate: options.learningRate ?? 0.01,
    l2: options.l2 ?? 1e-4,
    batchSize: options.batchSize ?? defaults.batchSize,
    validationShare: options.validationShare ?? 0.2,
    patience: options.patience ?? defaults.patience,
  };
}

export interface MlpFit {
  weights: MlpWeights;
  /** Epochs run, and the one whose weights were kept. */
  epochs: number;
  bestEpoch: number;
  /** Mean cross-entropy of the held-out rows at the kept epoch (NaN without held-out rows). */
  validationLoss: number;
}

/** One network trained on the rows `use` (indices into X; labels checked by the caller). */
export function fitMlp(tf: Tf, X: readonly ArrayLike<number>[], y: ArrayLike<number>, use: Int32Array, training: MlpTraining, seed: number): MlpFit {
  const { output, classes, hidden, l2, batchSize, patience, validationShare } = training;
  if (hidden.some((h) => !Number.isInteger(h) || h < 1)) throw new RangeError(`hidden layer sizes must be positive integers: ${hidden}`);
  if (!(validationShare >= 0 && validationShare < 1)) throw new RangeError(`validationShare must be in [0, 1), got ${validationShare}`);
  const units = output === 'sigmoid' ? 1 : classes;
  const random = seededRandom(seed);

  // standardised on the rows it is trained on (for a fold, without the fold's rows)
  const { z, mean, sd } = standardise(Array.from(use, (i) => X[i]));
  const d = mean.length;
  const { fitRows, heldOut } = splitStratified(use, y, classes, validationShare, random);
  const position = new Map<number, number>();
  use.forEach((row, k) => position.set(row, k));
  const matrix = (rows: Int32Array) => {
    const values = new Float32Array(rows.length * d);
    rows.forEach((row, r) => values.set(z[position.get(row)!], r * d));
    return values;
  };
  // the label itself for the sigmoid, one-hot for the softmax
  const targets = (rows: Int32Array) => {
    if (output === 'sigmoid') return Float32Array.from(rows, (row) => y[row]);
    const values = new Float32Array(rows.length * units);
    rows.forEach((row, r) => (values[r * units + y[row]] = 1));
    return values;
  };

  const sizes = [d, ...hidden, units];
  const shapes = sizes.slice(1).map((outputs, l) => ({ inputs: sizes[l], outputs }));
  const initial = shapes.map(({ inputs, outputs }, l) => {
    // He-uniform for ReLU layers, Glorot-uniform for the linear output
    const limit = l < hidden.length ? Math.sqrt(6 / inputs) : Math.sqrt(6 / (inputs + outputs));
    return Float32Array.from({ length: inputs * outputs }, () => (2 * random() - 1) * limit);
  });

  const xFit = tf.tensor2d(matrix(fitRows), [fitRows.length, d]);
  const yFit = tf.tensor2d(targets(fitRows), [fitRows.length, units]);
  const xHeld = heldOut.length > 0 ? tf.tensor2d(matrix(heldOut), [heldOut.length, d]) : undefined;
  const yHeld = heldOut.length > 0 ? tf.tensor2d(targets(heldOut), [heldOut.length, units]) : undefined;
  // tidy disposes the initial tensors; the variables hold their own reference to the values
  const kernels = shapes.map(({ inputs, outputs }, l) => tf.tidy(() => tf.variable(tf.tensor2d(initial[l], [inputs, outputs]))));
  const biases = shapes.map(({ outputs }) => tf.tidy(() => tf.variable(tf.zeros([outputs]))));
  const optimizer = tf.train.adam(training.learningRate);

  const logits = (x: TF.Tensor2D): TF.Tensor2D => {
    let h = x;
    for (let l = 0; l < kernels.length; l++) {
      const pre = tf.add(tf.matMul(h, kernels[l]), biases[l]) as TF.Tensor2D;
      h = l < kernels.length - 1 ? tf.relu(pre) : pre;
    }
    return h;
  };
  const loss = output === 'sigmoid' ? tf.losses.sigmoidCrossEntropy : tf.losses.softmaxCrossEntropy;
  const crossEntropy = (x: TF.Tensor2D, target: TF.Tensor2D): TF.Scalar => loss(target, logits(x)) as TF.Scalar;
  const snapshot = (): { kernels: Float32Array[]; biases: Float32Array[] } => ({
    kernels: kernels.map((k) => (k.dataSync() as Float32Array).slice()),
    biases: biases.map((b) => (b.dataSync() as Float32Array).slice()),
  });

  let best = snapshot();
  let bestLoss = Infinity;
  let bestEpoch = 0;
  let epoch = 0;
  try {
    const order = Int32Array.from({ length: fitRows.length }, (_, i) => i);
    while (epoch < training.epochs) {
      epoch++;
      shuffle(order, random);
      tf.tidy(() => {
        const permutation = tf.tensor1d(order, 'int32');
        const xs = tf.gather(xFit, permutation);
        const ys = tf.gather(yFit, permutation);
        for (let start = 0; start < order.length; start += batchSize) {
          const size = Math.min(batchSize, order.length - start);
          const xb = tf.slice(xs, [start, 0], [size, d]) as TF.Tensor2D;
          const yb = tf.slice(ys, [start, 0], [size, units]) as TF.Tensor2D;
          optimizer.minimize(() => {
            const penalty = kernels.reduce<TF.Scalar>((s, k) => tf.add(s, tf.sum(tf.square(k))), tf.scalar(0));
            return tf.add(crossEntropy(xb, yb), tf.mul(l2, penalty)) as TF.Scalar;
          }, false);
          xb.dispose();
          yb.dispose();
        }
      });
      if (!xHeld || !yHeld) continue;
      const heldLoss = tf.tidy(() => crossEntropy(xHeld, yHeld).dataSync()[0]);
      // a better epoch must beat the best by a hair, so that a plateau ends in `patience` epochs
      if (heldLoss < bestLoss - 1e-6) {
        bestLoss = heldLoss;
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

/**
 * Held-out rows: the same share of each class, chosen at random. A class with a single row stays
 * in the fit, so that every class present is trained on.
 */
function splitStratified(use: Int32Array, y: ArrayLike<number>, classes: number, share: number, random: () => number): { fitRows: Int32Array; heldOut: Int32Array } {
  if (share === 0) return { fitRows: use, heldOut: new Int32Array(0) };
  const fitRows: number[] = [];
  const heldOut: number[] = [];
  for (let k = 0; k < classes; k++) {
    const rows = use.filter((i) => y[i] === k);
    shuffle(rows, random);
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
