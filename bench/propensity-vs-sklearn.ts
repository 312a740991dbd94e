// Relata's propensity trainer (L2 logistic regression, Newton) against scikit-learn's LogisticRegression on the
// same encoded matrix and the same stratified folds. Run from the repository root:
//   npx tsx bench/propensity-vs-sklearn.ts
// Needs python3 with scikit-learn (Debian: apt-get install -y python3-sklearn). Exits 1 when scikit-learn is
// missing or the mean AUCs differ by 0.01 or more (the requirement).
//
// 1. The bank-churn table (../shared/data/bank-churn): Relata encodes it (target Exited, id CustomerId) and deals
//    the folds; the encoded matrix, labels and folds go to a temporary CSV; bench/propensity_sklearn.py fits
//    StandardScaler + LogisticRegression(C=1.0, penalty='l2', solver='lbfgs', max_iter=1000) per fold.

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_SEED,
  encodeTable,
  fitLogisticRegression,
  trainPropensityModel,
} from '../packages/analytics/src/propensity/index.js';
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

const ok = Math.abs(difference) < 0.01;
console.log(`\n${ok ? 'OK' : 'FAILED'}: |mean AUC difference| ${Math.abs(difference).toExponential(2)} < 0.01 (speed: bench/propensity.ts)`);
if (!ok) process.exitCode = 1;
