// Speed of the customer-group models on 100,000 customers × 15 standardised features: k-means
// (Hamerly-accelerated Lloyd from greedy k-means++ seeds), fuzzy c-means, the sampled silhouette
// and chooseK (k = 2 … 8). Two data sets: five overlapping Gaussian groups (structured) and one
// isotropic Gaussian cloud (no groups at all — the slowest case for k-means, which then takes
// hundreds of small steps). Run from the repository root:  npx tsx bench/segments-clustering.ts

import { cpus } from 'node:os';
import { chooseK, fuzzyCMeans, kMeans, silhouette, standardise, toDenseMatrix } from '../packages/analytics/src/segments/index.js';
import { gaussianBlobs, mulberry32, normalSampler } from '../packages/analytics/src/segments/test-helpers.js';

const time = <T>(label: string, f: () => T, describe: (result: T) => string, repeat = 3): T => {
  let result!: T;
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    result = f();
    times.push(performance.now() - t0);
  }
  times.sort((u, v) => u - v);
  console.log(`${label}: median ${times[Math.floor(repeat / 2)].toFixed(0)} ms, min ${times[0].toFixed(0)} ms (${repeat} runs) — ${describe(result)}`);
  return result;
};

console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${new Date().toISOString().slice(0, 10)}`);

const n = 100_000;
const d = 15;
const normal = normalSampler(mulberry32(1));
const centres = Array.from({ length: 5 }, () => Array.from({ length: d }, () => 2 * normal()));
const datasets = {
  'five groups': standardise(gaussianBlobs(centres, n / 5, 1, 2).rows).z,
  'no groups': standardise(Array.from({ length: n }, () => Array.from({ length: d }, normal))).z,
};

for (const [name, rows] of Object.entries(datasets)) {
  console.log(`\n${name}, ${rows.length.toLocaleString('en')} × ${d}`);
  const matrix = toDenseMatrix(rows);
  let assignments: ArrayLike<number> = [];
  for (const k of [4, 8]) {
    const result = time(`  k-means k = ${k}`, () => kMeans(matrix, k, { seed: 1 }), (r) => `${r.iterations} steps`);
    assignments = result.assignments;
    time(`  fuzzy c-means c = ${k}`, () => fuzzyCMeans(matrix, k, { seed: 1 }), (r) => `${r.iterations} steps`);
  }
  time('  silhouette, sample of 2,000 (k = 8)', () => silhouette(rows, assignments), (s) => `s = ${s.toFixed(3)}`);
  time('  chooseK 2 … 8', () => chooseK(rows, { seed: 1 }), (r) => `k = ${r.k}`, 1);
}
