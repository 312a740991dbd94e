// The propensity models' speed: L2 logistic regression trained on 100,000 customers × 30 features (and the network
// candidate on 10,000 of them) (simulated with
// known coefficients, which must be recovered) and scoring 1,000,000 customers. Targets: under 5 s and 2 s.
//   npx tsx bench/propensity.ts
import { cpus } from 'node:os';
import { fitLogisticRegression, predictProbabilities } from '../packages/analytics/src/propensity/index.js';
import { trainNetwork } from '../packages/analytics/src/propensity-network/index.js';
import { mulberry32, normalSampler } from '../packages/analytics/src/segments/test-helpers.js';

console.log(`${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);

const n = 100_000;
const features = 30;
const random = mulberry32(2024);
const normal = normalSampler(random);
const truth = Array.from({ length: features }, (_, j) => (j % 5 === 0 ? 0 : Math.round(80 * Math.sin(j + 1)) / 100));
const trueIntercept = -1.5;
const values = new Float64Array(n * features);
const y = new Uint8Array(n);
for (let i = 0; i < n; i++) {
  // mixed scales, as real attributes: feature j has sd 1 + j
  let eta = trueIntercept;
  for (let j = 0; j < features; j++) {
    const v = (1 + j) * normal();
    values[i * features + j] = v;
    eta += (truth[j] / (1 + j)) * v;
  }
  y[i] = random() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
}
const times: number[] = [];
let model = fitLogisticRegression({ rows: n, columns: features, values }, y);
for (let r = 0; r < 3; r++) {
  const start = performance.now();
  model = fitLogisticRegression({ rows: n, columns: features, values }, y);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
let coefficientError = 0;
truth.forEach((b, j) => (coefficientError = Math.max(coefficientError, Math.abs(model.coefficients[j] * (1 + j) - b))));
console.log(
  `\ntrain 100,000 × 30: median ${times[1].toFixed(0)} ms (3 runs, ${model.iterations} Newton steps); largest |β̂ − β| per sd of the feature ${coefficientError.toFixed(4)}, intercept ${model.intercept.toFixed(3)} (true ${trueIntercept})`,
);

const scoreRows = 1_000_000;
const scoreValues = new Float64Array(scoreRows * features);
for (let i = 0; i < scoreValues.length; i++) scoreValues[i] = (1 + (i % features)) * normal();
const scoreTimes: number[] = [];
let probabilities: Float64Array = new Float64Array(0);
for (let r = 0; r < 3; r++) {
  const start = performance.now();
  probabilities = predictProbabilities(model, { rows: scoreRows, columns: features, values: scoreValues });
  scoreTimes.push(performance.now() - start);
}
scoreTimes.sort((a, b) => a - b);
console.log(`score 1,000,000 × 30: median ${scoreTimes[1].toFixed(0)} ms (3 runs), mean probability ${(probabilities.reduce((s, p) => s + p, 0) / scoreRows).toFixed(4)}`);

// the network candidate (one hidden layer of 16, tfjs on the CPU) on the first 10,000 rows: one fit, early stopping
const netRows = Array.from({ length: 10_000 }, (_, i) => values.subarray(i * features, (i + 1) * features));
const netStart = performance.now();
const net = await trainNetwork(netRows, y.subarray(0, 10_000), { seed: 1 });
console.log(`network on 10,000 × 30: ${(performance.now() - netStart).toFixed(0)} ms for one fit (${net.epochs} epochs; the first includes loading tfjs)`);

const ok = coefficientError < 0.05 && times[1] < 5000 && scoreTimes[1] < 2000;
console.log(`\n${ok ? 'OK' : 'MISSED'}: coefficients recovered, training < 5 s, scoring < 2 s`);
if (!ok) process.exitCode = 1;
