// Relata's propensity trainer (L2 logistic regression, Newton) against scikit-learn's LogisticRegression on the
// same encoded matrix and the same stratified folds, then its speed. Run from the repository root:
//   npx tsx bench/propensity-vs-sklearn.ts
// Needs python3 with scikit-learn (Debian: apt-get install -y python3-sklearn). Exits 1 when scikit-learn is
// missing or the mean AUCs differ by 0.01 or more (the requirement).
//
// 1. The bank-churn table (../shared/data/bank-churn): Relata encodes it (target Exited, id CustomerId) and deals
//    the folds; the encoded matrix, labels and folds go to a temporary CSV; bench/propensity_sklearn.py fits
//    StandardScaler + LogisticRegression(C=1.0, penalty='l2', solver='lbfgs', max_iter=1000) per fold.
// 2. Training on 100,000 × 30 synthetic rows with known coefficients (and how well they are recovered), and
//    scoring 1,000,000 rows.

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_SEED,
  encodeTable,
  fitLogisticRegression,
  predictProbabilities,
  trainPropensityModel,
} from '../packages/analytics/src/propensity/index.js';
import { mulberry32, normalSampler } from '../packages/analytics/src/segments/test-helpers.js';
import { readTableFile } from '../apps/server/src/modules/analytics/train-files.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const bankFile = path.resolve(here, '../../shared/data/bank-churn/churn-modelling.csv.gz');
const script = path.join(here, 'propensity_sklearn.py');

/** The first python3 that can import scikit-learn (a pyenv python3 may shadow Debian's /usr/bin/python3). */
function findPython(): string | null {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    const probe = spawnSync(candidate, ['-c', 'import sklearn'], { stdio: 'ignore' });
    if (probe.status === 0) return candidate;
  }
  return null;
}

const python = findPython();
if (!python) {
  console.error('python3 with scikit-learn is needed for the comparison. On Debian/Ubuntu:\n  apt-get install -y python3-sklearn\n(or: python3 -m pip install scikit-learn)');
  process.exit(1);
}
if (!fs.existsSync(bankFile)) {
  console.error(`The bank-churn table is missing: ${bankFile} (see ../shared/data/bank-churn/README.md)`);
  process.exit(1);
}

console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${new Date().toISOString().slice(0, 10)}`);

// 1. Same matrix, same folds
const table = await readTableFile(bankFile);
const options = { target: 'Exited', id: 'CustomerId' };
const t0 = performance.now();
const ours = await trainPropensityModel(table, options);
const trainSeconds = (performance.now() - t0) / 1000;
const encoded = encodeTable(table, options);
const d = encoded.featureNames.length;
const csv = path.join(fs.mkdtempSync(path.join(tmpdir(), 'relata-propensity-')), 'encoded.csv');
const lines = [[...encoded.featureNames.map((_, j) => `x${j}`), 'y', 'fold'].join(',')];
encoded.X.forEach((x, i) => lines.push([...Array.from(x, (v) => String(v)), String(encoded.y[i]), String(ours.folds[i])].join(',')));
fs.writeFileSync(csv, lines.join('\n') + '\n');
const sk = JSON.parse(execFileSync(python, [script, csv], { encoding: 'utf8' })) as {
  sklearn: string;
  folds: { fold: number; auc: number; accuracy: number }[];
  auc: number;
  accuracy: number;
  cvSeconds: number;
  standardisedIntercept: number;
  standardisedCoefficients: number[];
};
fs.rmSync(path.dirname(csv), { recursive: true });

const logistic = ours.candidates[0];
console.log(`\nbank churn (${encoded.X.length.toLocaleString('en')} customers × ${d} features, stratified 5-fold, seed ${DEFAULT_SEED}); scikit-learn ${sk.sklearn} via ${python}`);
console.log('fold   relata AUC   sklearn AUC   difference   relata acc   sklearn acc');
logistic.folds.forEach((f, k) => {
  const s = sk.folds[k];
  console.log(`${String(f.fold).padStart(4)}   ${f.auc.toFixed(5).padStart(10)}   ${s.auc.toFixed(5).padStart(11)}   ${(f.auc - s.auc).toExponential(2).padStart(10)}   ${f.accuracy.toFixed(4).padStart(10)}   ${s.accuracy.toFixed(4).padStart(11)}`);
});
const difference = logistic.auc - sk.auc;
console.log(`mean   ${logistic.auc.toFixed(5).padStart(10)}   ${sk.auc.toFixed(5).padStart(11)}   ${difference.toExponential(2).padStart(10)}   ${logistic.accuracy.toFixed(4).padStart(10)}   ${sk.accuracy.toFixed(4).padStart(11)}`);

// the same model fitted on every row: coefficients per standard deviation side by side
const full = fitLogisticRegression(encoded.X, encoded.y);
let worst = Math.abs(full.standardisedIntercept - sk.standardisedIntercept);
full.standardisedCoefficients.forEach((c, j) => (worst = Math.max(worst, Math.abs(c - sk.standardisedCoefficients[j]))));
console.log(`all rows, coefficients per sd: largest |relata − sklearn| = ${worst.toExponential(2)} (intercept and ${d} coefficients)`);
console.log(`whole trainer (encode, 5-fold CV, Platt, outlier box, final fit): ${(trainSeconds * 1000).toFixed(0)} ms; sklearn's 5-fold CV alone: ${(sk.cvSeconds * 1000).toFixed(0)} ms`);

// 2. Speed, and recovery of known coefficients
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

const ok = Math.abs(difference) < 0.01 && coefficientError < 0.05 && times[1] < 5000 && scoreTimes[1] < 2000;
console.log(`\n${ok ? 'OK' : 'FAILED'}: |mean AUC difference| ${Math.abs(difference).toExponential(2)} < 0.01, coefficients recovered, training < 5 s, scoring < 2 s`);
if (!ok) process.exitCode = 1;
