/**
 * The non-linear alternative to the propensity model's logistic regression (issue 5): a small
 * multilayer perceptron — standardised inputs → ReLU hidden layer(s) → one sigmoid output — trained
 * with @tensorflow/tfjs on binary cross-entropy by Adam (Kingma & Ba 2015), with an L2 penalty on the
 * weights and early stopping on a held-out part of the training rows (the weights of the best
 * held-out epoch are kept; Prechelt 1998, "Early stopping — but when?").
 *
 * The training itself is mlp-training.ts `fitMlp` (shared with the relationship classifier's softmax
 * network; this model asks it for the sigmoid output). tfjs runs on its pure-JS CPU backend (no
 * native tfjs-node build), in float32, loaded on the first call only, so importing @relata/analytics
 * stays cheap. After training, the weights are copied out into plain arrays (mlp.ts) and every tensor
 * and the optimiser's slots are disposed: scoring, attributions and storing the model need no tfjs.
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
import { fitMlp, loadTf, mlpTraining } from './mlp-training.js';
import { mlpPredict, type MlpWeights } from './mlp.js';

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
   * 0 trains on every row for all `epochs`, without early stopping. An outcome seen in a single
   * training row is never held out.
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

export async function trainNetwork(X: ArrayLike<number>[], y: ArrayLike<number>, options: NetworkOptions): Promise<NetworkModel> {
  const n = X.length;
  if (n === 0) throw new RangeError('no rows');
  if (y.length !== n) throw new RangeError(`${n} rows but ${y.length} outcomes`);
  for (let i = 0; i < n; i++) if (y[i] !== 0 && y[i] !== 1) throw new RangeError(`outcome ${i} is ${y[i]}, expected 0 or 1`);
  if (options.folds && options.folds.length !== n) throw new RangeError(`${n} rows but ${options.folds.length} fold ids`);
  const training = mlpTraining('sigmoid', 2, options, { hidden: [16], batchSize: 128, patience: 10 });
  const tf = await loadTf();

  const all = Int32Array.from({ length: n }, (_, i) => i);
  const final = fitMlp(tf, X, y, all, training, options.seed);
  const model: NetworkModel = { ...final, predict: (rows) => mlpPredict(final.weights, rows) };

  if (options.folds) {
    const folds = options.folds;
    const outOfFold = new Float64Array(n).fill(Number.NaN);
    const ids = [...new Set(folds)].filter((f) => f >= 0).sort((a, b) => a - b);
    for (const f of ids) {
      const train = all.filter((i) => folds[i] !== f);
      const test = all.filter((i) => folds[i] === f);
      // a seed of its own per fold, derived from the model's seed
      const { weights } = fitMlp(tf, X, y, train, training, (options.seed ^ Math.imul(f + 1, 0x9e3779b1)) >>> 0);
      const scores = mlpPredict(weights, Array.from(test, (i) => X[i]));
      test.forEach((row, k) => (outOfFold[row] = scores[k]));
    }
    model.outOfFold = outOfFold;
  }
  return model;
}
