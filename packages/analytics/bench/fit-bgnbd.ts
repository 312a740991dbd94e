// Speed of the BG/NBD and Gamma-Gamma fits on the whole CDNOW cohort (23,570 customers, from
// CDNOW_master.txt.gz in ../shared/data) and on simulated cohorts with continuous times (no two
// customers alike, the worst case for the row compression).
// Run from the repository root:  npx tsx packages/analytics/bench/fit-bgnbd.ts

import { cpus } from 'node:os';
import { fitBgNbd } from '../src/clv/bgnbd.js';
import { fitGammaGamma } from '../src/clv/gamma-gamma.js';
import { summarizeRepeatBuying } from '../src/summary.js';
import { compressRepeatBuying, toRepeatBuyingArrays } from '../src/clv/repeat-buying-data.js';
import { missingSharedData, readCdnowMaster } from '../test/shared-data.js';
import { simulateBgNbd } from '../test/simulate-bgnbd.js';

const time = <T>(label: string, f: () => T, repeat = 5): T => {
  let result!: T;
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    result = f();
    times.push(performance.now() - t0);
  }
  times.sort((u, v) => u - v);
  console.log(`${label}: median ${times[Math.floor(repeat / 2)].toFixed(0)} ms, min ${times[0].toFixed(0)} ms (${repeat} runs)`);
  return result;
};

console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${new Date().toISOString().slice(0, 10)}`);

if (missingSharedData('cdnow/CDNOW_master.txt.gz') === undefined) {
  const transactions = readCdnowMaster();
  const summary = time('summary of 69,659 CDNOW transactions', () =>
    summarizeRepeatBuying(transactions, { calibrationEnd: '1997-09-30', unit: 'weeks' }),
  );
  const distinct = compressRepeatBuying(toRepeatBuyingArrays(summary)).x.length;
  const fit = time(`BG/NBD fit, CDNOW master, ${summary.length} customers (${distinct} distinct rows)`, () => fitBgNbd(summary));
  console.log('  ', fit.params, `LL ${fit.logLikelihood.toFixed(3)}, ${fit.evaluations} evaluations`);
  const gg = time(`Gamma-Gamma fit, ${summary.filter((c) => c.x > 0 && c.zbar > 0).length} repeat buyers`, () => fitGammaGamma(summary));
  console.log('  ', gg.params, `${gg.evaluations} evaluations, ${gg.excluded} excluded`);
}

for (const n of [23_570, 100_000]) {
  const data = simulateBgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, n, 7, { minDays: 182, maxDays: 273 });
  const fit = time(`BG/NBD fit, ${n} simulated customers, continuous t_x`, () => fitBgNbd(data), 3);
  console.log('  ', fit.params, `${fit.evaluations} evaluations`);
}
