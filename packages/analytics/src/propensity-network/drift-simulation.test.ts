// The proof that issue 5 asks for ("the more it is used, the more accurate it gets", seed 000
// point 5): a simulated world whose buying behaviour drifts period after period, a base model fitted
// once in period 0 and never refitted, and the prediction ledger feeding its errors back as
// corrections. Each period: issue predictions (the base model's, and the same corrected by what the
// ledger has taught so far), observe the outcomes, record the errors, add the period to the ledger
// and learn the corrections for the next period.
//
// Errors are shown raw (log-loss, Brier) and as excess over the true probabilities of the world
// (log-loss of the model − log-loss of the truth on the same outcomes): the raw figures move with the
// base rate as the world drifts, the excess is what a better model can remove. For purchase counts,
// the mean absolute relative error of the expected count against the true expected count.
import { describe, expect, it } from 'vitest';
import { applyCorrection, learnCorrections, type CorrectionOptions, type LedgerPrediction, type ProbabilityCorrections } from './recalibration.js';
import { linearLogistic, logistic, mulberry32, normalSampler } from './test-helpers.js';
import { applyValueCorrection, learnValueCorrections, type LedgerValue, type ValueCorrections } from './value-correction.js';

const PERIODS = 12;
const CUSTOMERS = 4000;
const SEGMENTS = ['new', 'regular', 'lapsing'] as const;

interface World {
  /** Per period and segment: the shift of the true purchase logit, and of log(expected purchases). */
  logitDrift: Record<(typeof SEGMENTS)[number], number>;
  countDrift: Record<(typeof SEGMENTS)[number], number>;
}

const drifting: World = {
  logitDrift: { new: 0.3, regular: 0.3, lapsing: -0.3 },
  countDrift: { new: 0.08, regular: 0.08, lapsing: -0.12 },
};
const stable: World = { logitDrift: { new: 0, regular: 0, lapsing: 0 }, countDrift: { new: 0, regular: 0, lapsing: 0 } };

interface PeriodErrors {
  period: number;
  logLoss: { truth: number; base: number; corrected: number; levelOnly: number };
  brier: { base: number; corrected: number };
  countError: { base: number; corrected: number };
}

function simulate(world: World, seed: number, options: CorrectionOptions & { levelOnly?: boolean; periods?: number } = {}): PeriodErrors[] {
  const random = mulberry32(seed);
  const normal = normalSampler(random);
  // the customers: two attributes and a segment, fixed over the periods
  const customers = Array.from({ length: CUSTOMERS }, () => {
    const u = random();
    const segment = u < 0.4 ? 'new' : u < 0.8 ? 'regular' : 'lapsing';
    return { x1: normal(), x2: normal(), segment: segment as (typeof SEGMENTS)[number] };
  });
  const offset = { new: 0, regular: 0.5, lapsing: -0.5 };
  const trueLogit = (c: (typeof customers)[number], t: number) => -1.2 + c.x1 - 0.6 * c.x2 + offset[c.segment] + world.logitDrift[c.segment] * t;
  const trueCount = (c: (typeof customers)[number], t: number) => Math.exp(0.2 + 0.3 * c.x1 + world.countDrift[c.segment] * t);
  const poisson = (mean: number) => {
    // Knuth's product of uniforms: fine for means of a few
    let k = 0;
    for (let product = random(); product > Math.exp(-mean); product *= random()) k++;
    return k;
  };
  const features = (c: (typeof customers)[number]) => Float64Array.from([c.x1, c.x2, c.segment === 'regular' ? 1 : 0, c.segment === 'lapsing' ? 1 : 0]);

  // the base model, fitted once on period 0's outcomes and never refitted; its count model is the
  // period-0 truth
  const period0 = customers.map((c) => (random() < logistic(trueLogit(c, 0)) ? 1 : 0));
  const base = linearLogistic(customers.map(features), period0);
  const baseProbability = customers.map((c) => base(features(c)));
  // its count model: the true shape, with each segment's level estimated from period 0's purchases
  const purchases0 = customers.map((c) => poisson(trueCount(c, 0)));
  const level = Object.fromEntries(
    SEGMENTS.map((s) => {
      const members = customers.map((c, i) => i).filter((i) => customers[i].segment === s);
      return [s, members.reduce((sum, i) => sum + purchases0[i], 0) / members.reduce((sum, i) => sum + trueCount(customers[i], 0), 0)];
    }),
  );
  const baseCount = customers.map((c) => trueCount(c, 0) * level[c.segment]);

  const ledger: LedgerPrediction[] = [];
  const valueLedger: LedgerValue[] = [];
  let corrections: ProbabilityCorrections | undefined;
  let levelOnly: ProbabilityCorrections | undefined;
  let countCorrections: ValueCorrections | undefined;
  const rows: PeriodErrors[] = [];
  for (let t = 0; t < (options.periods ?? PERIODS); t++) {
    const sums = { truth: 0, base: 0, corrected: 0, levelOnly: 0, brierBase: 0, brierCorrected: 0, countBase: 0, countCorrected: 0 };
    customers.forEach((c, i) => {
      const p = baseProbability[i];
      const corrected = corrections ? applyCorrection(p, c.segment, corrections) : p;
      const levelOnlyP = !options.levelOnly ? Number.NaN : levelOnly ? applyCorrection(p, c.segment, levelOnly) : p;
      const truth = logistic(trueLogit(c, t));
      const y = random() < truth ? 1 : 0;
      const loss = (q: number) => -Math.log(y ? q : 1 - q);
      sums.truth += loss(truth);
      sums.base += loss(p);
      sums.corrected += loss(corrected);
      sums.levelOnly += loss(levelOnlyP);
      sums.brierBase += (p - y) ** 2;
      sums.brierCorrected += (corrected - y) ** 2;
      ledger.push({ probability: p, outcome: y, segment: c.segment, period: t });

      const expected = trueCount(c, t);
      const predicted = baseCount[i];
      const correctedCount = countCorrections ? applyValueCorrection(predicted, c.segment, countCorrections) : predicted;
      sums.countBase += Math.abs(predicted - expected) / expected;
      sums.countCorrected += Math.abs(correctedCount - expected) / expected;
      valueLedger.push({ predicted, actual: poisson(expected), segment: c.segment, period: t });
    });
    const mean = (s: number) => s / CUSTOMERS;
    rows.push({
      period: t,
      logLoss: { truth: mean(sums.truth), base: mean(sums.base), corrected: mean(sums.corrected), levelOnly: mean(sums.levelOnly) },
      brier: { base: mean(sums.brierBase), corrected: mean(sums.brierCorrected) },
      countError: { base: mean(sums.countBase), corrected: mean(sums.countCorrected) },
    });
    // what the ledger has taught so far, for the next period's predictions
    corrections = learnCorrections(ledger, options);
    if (options.levelOnly) levelOnly = learnCorrections(ledger, { ...options, trend: false });
    countCorrections = learnValueCorrections(valueLedger, options);
  }
  return rows;
}

function table(title: string, rows: PeriodErrors[]): void {
  const f = (x: number) => (Number.isNaN(x) ? '—' : x.toFixed(4));
  console.log(title);
  console.table(
    rows.map((r) => ({
      period: r.period,
      'log-loss truth': f(r.logLoss.truth),
      'log-loss base': f(r.logLoss.base),
      'log-loss corrected': f(r.logLoss.corrected),
      'excess base': f(r.logLoss.base - r.logLoss.truth),
      'excess corrected': f(r.logLoss.corrected - r.logLoss.truth),
      'excess level-only': f(r.logLoss.levelOnly - r.logLoss.truth),
      'Brier base': f(r.brier.base),
      'Brier corrected': f(r.brier.corrected),
      'count MARE base': f(r.countError.base),
      'count MARE corrected': f(r.countError.corrected),
    })),
  );
}

const excess = (r: PeriodErrors, which: 'base' | 'corrected' | 'levelOnly') => r.logLoss[which] - r.logLoss.truth;
const average = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const third = PERIODS / 3;

describe('the prediction ledger feeding errors back (simulation)', () => {
  it('in a drifting world, the corrected predictions get better with use and beat the fixed model', () => {
    const rows = simulate(drifting, 2024, { levelOnly: true });
    table('drifting world: true logit +0.3 per period (lapsing −0.3), expected purchases ×e^0.08 (lapsing ×e^−0.12); default corrections', rows);
    for (const r of rows.slice(2)) {
      expect(excess(r, 'corrected')).toBeLessThan(excess(r, 'base'));
      expect(r.brier.corrected).toBeLessThan(r.brier.base);
      expect(r.countError.corrected).toBeLessThan(r.countError.base);
    }
    // better with use: the last third of the periods against the first third
    const first = rows.slice(0, third);
    const last = rows.slice(-third);
    expect(average(last.map((r) => excess(r, 'corrected')))).toBeLessThan(average(first.map((r) => excess(r, 'corrected'))) / 2);
    expect(average(last.map((r) => r.countError.corrected))).toBeLessThan(average(first.map((r) => r.countError.corrected)));
    // close to the truth at the end, while the fixed model drifts away
    expect(average(last.map((r) => excess(r, 'corrected')))).toBeLessThan(0.005);
    expect(average(last.map((r) => excess(r, 'base')))).toBeGreaterThan(0.2);
    expect(average(last.map((r) => r.countError.corrected))).toBeLessThan(average(last.map((r) => r.countError.base)) / 5);
    // a level-only correction (no drift term) helps too, but lags a steady drift
    for (const r of rows.slice(3)) expect(excess(r, 'levelOnly')).toBeLessThan(excess(r, 'base'));
    expect(average(last.map((r) => excess(r, 'levelOnly')))).toBeGreaterThan(average(last.map((r) => excess(r, 'corrected'))));
  }, 60_000);

  it('in a stable world, the corrections do no harm beyond the noise of estimating them', () => {
    // averaged over three worlds: in any one, the base model's own period-0 noise and the
    // correction's noise (a couple of per cent on a segment's purchase level) are of a size
    const runs = [7, 8, 9].map((seed) => simulate(stable, seed, { periods: 8 }));
    table('stable world (seed 7): no drift; default corrections', runs[0]);
    const all = runs.flat();
    for (const r of all) expect(excess(r, 'corrected')).toBeLessThan(excess(r, 'base') + 0.005);
    expect(average(all.map((r) => excess(r, 'corrected')))).toBeLessThan(average(all.map((r) => excess(r, 'base'))) + 0.0005);
    expect(average(all.map((r) => r.countError.corrected))).toBeLessThan(average(all.map((r) => r.countError.base)) + 0.005);
    console.log(
      `stable worlds 7–9, 8 periods each, mean: excess log-loss base ${average(all.map((r) => excess(r, 'base'))).toFixed(5)}, corrected ${average(all.map((r) => excess(r, 'corrected'))).toFixed(5)}; ` +
        `count MARE base ${average(all.map((r) => r.countError.base)).toFixed(4)}, corrected ${average(all.map((r) => r.countError.corrected)).toFixed(4)}`,
    );
  }, 60_000);
});
