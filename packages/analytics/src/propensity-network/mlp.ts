/**
 * A trained multilayer perceptron as plain numbers, and its forward pass and input gradient in
 * plain TypeScript. tfjs is used to train it (network.ts); once trained, the weights are copied out
 * here so that scoring needs no tensors (nothing to dispose, nothing held by a backend), runs in
 * float64, and the model can be stored as JSON and scored without loading tfjs at all.
 *
 * Layout: inputs are standardised, z = (x − mean) / sd, then every hidden layer is
 * h = ReLU(W·h_prev + b) and the output is the logit w·h + b; the probability is σ(logit).
 * `weights[l]` is row-major [inputs × outputs] (tfjs's dense-kernel layout), so unit k of layer l
 * reads weights[l][i · outputs + k] from input i.
 */

export interface MlpLayer {
  inputs: number;
  outputs: number;
  /** inputs × outputs, row-major. */
  weights: Float64Array;
  bias: Float64Array;
}

export interface MlpWeights {
  /** Standardisation of the inputs, from the training rows (population sd; 1 for a constant column). */
  mean: Float64Array;
  sd: Float64Array;
  /** Hidden layers (ReLU) then the output layer (one unit, the logit). */
  layers: MlpLayer[];
}

/** The logit of one row (original units). */
export function mlpLogit(net: MlpWeights, row: ArrayLike<number>): number {
  return forward(net, standardiseRow(net, row)).logit;
}

export function standardiseRow({ mean, sd }: MlpWeights, row: ArrayLike<number>): Float64Array {
  if (row.length !== mean.length) throw new RangeError(`row has ${row.length} features, the network ${mean.length}`);
  const z = new Float64Array(mean.length);
  for (let j = 0; j < z.length; j++) z[j] = (row[j] - mean[j]) / sd[j];
  return z;
}

/** Forward pass from standardised inputs; keeps every layer's pre-activations for the gradient. */
export function forward(net: MlpWeights, z: Float64Array): { logit: number; preActivations: Float64Array[] } {
  const preActivations: Float64Array[] = [];
  let input = z;
  for (let l = 0; l < net.layers.length; l++) {
    const { inputs, outputs, weights, bias } = net.layers[l];
    const pre = Float64Array.from(bias);
    for (let i = 0; i < inputs; i++) {
      const v = input[i];
      if (v === 0) continue;
      const offset = i * outputs;
      for (let k = 0; k < outputs; k++) pre[k] += v * weights[offset + k];
    }
    preActivations.push(pre);
    if (l === net.layers.length - 1) return { logit: pre[0], preActivations };
    input = pre.map((x) => (x > 0 ? x : 0));
  }
  throw new RangeError('a network needs at least its output layer');
}

/**
 * ∂logit/∂z at z, by back-propagation through the ReLUs (the derivative of ReLU at exactly 0 taken
 * as 0, as tfjs does).
 */
export function logitGradient(net: MlpWeights, z: Float64Array): Float64Array {
  const { preActivations } = forward(net, z);
  let upstream = new Float64Array([1]);
  for (let l = net.layers.length - 1; l >= 0; l--) {
    const { inputs, outputs, weights } = net.layers[l];
    if (l < net.layers.length - 1) {
      const pre = preActivations[l];
      for (let k = 0; k < outputs; k++) if (!(pre[k] > 0)) upstream[k] = 0;
    }
    const down = new Float64Array(inputs);
    for (let i = 0; i < inputs; i++) {
      let s = 0;
      const offset = i * outputs;
      for (let k = 0; k < outputs; k++) s += weights[offset + k] * upstream[k];
      down[i] = s;
    }
    upstream = down;
  }
  return upstream;
}

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/**
 * Probabilities for many rows (original units), with buffers allocated once: the scoring path
 * (a network of 30 → 16 → 1 is ~500 multiply-adds a row).
 */
export function mlpPredict(net: MlpWeights, rows: ArrayLike<number>[]): Float64Array {
  const out = new Float64Array(rows.length);
  const width = Math.max(net.mean.length, ...net.layers.map((l) => l.outputs));
  let input = new Float64Array(width);
  let output = new Float64Array(width);
  const { mean, sd, layers } = net;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row.length !== mean.length) throw new RangeError(`row ${r} has ${row.length} features, the network ${mean.length}`);
    for (let j = 0; j < mean.length; j++) input[j] = (row[j] - mean[j]) / sd[j];
    for (let l = 0; l < layers.length; l++) {
      const { inputs, outputs, weights, bias } = layers[l];
      for (let k = 0; k < outputs; k++) output[k] = bias[k];
      for (let i = 0; i < inputs; i++) {
        const v = input[i];
        if (v === 0) continue;
        const offset = i * outputs;
        for (let k = 0; k < outputs; k++) output[k] += v * weights[offset + k];
      }
      if (l < layers.length - 1) for (let k = 0; k < outputs; k++) if (output[k] < 0) output[k] = 0;
      const t = input;
      input = output;
      output = t;
    }
    out[r] = sigmoid(input[0]);
  }
  return out;
}
