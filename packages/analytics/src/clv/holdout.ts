/**
 * Calibration / holdout test of the BG/NBD model: the validation of Fader, Hardie & Lee 2005,
 * "'Counting your customers' the easy way", Marketing Science 24(2), §4 and Figure 4 ("conditional
 * expectations"): fit the model on a calibration period, predict each customer's repeat purchases in
 * the holdout period that follows from E[Y(t) | x, t_x, T] (eq. 10), and compare with what the
 * customers actually bought, averaged over the customers with the same number of calibration
 * purchases (0, 1, …, 6, 7+ in the paper). It is what `lifetimes` does with
 * `calibration_and_holdout_data` + `plot_calibration_purchases_vs_holdout_purchases`, and BTYD with
 * `bgnbd.PlotFreqVsConditionalExpectedFrequency(…, censor = 7)`.
 *
 * Data rules (the same as `summarizeRepeatBuying`, i.e. lifetimes' with freq "D"):
 * - the calibration summary (x, t_x, T) uses the transactions up to and including the calibration
 *   end; customers whose first purchase falls after it are not part of the test;
 * - holdout purchases are the distinct purchase days in (calibration end, holdout end]: several
 *   orders on one day are one purchase, as in the calibration counts;
 * - the holdout length t = holdout end − calibration end, in the summary's unit.
 */

import { dayNumber, type CalendarDate } from '../calendar/day-number.js';
import { summarizeRepeatBuying, type TimeUnit } from '../summary.js';
import type { Transaction } from '../transaction.js';
import { expectedPurchasesConditional, fitBgNbd, type BgNbdFit, type BgNbdFitOptions, type BgNbdParams } from './bgnbd.js';

export interface HoldoutTestOptions {
  calibrationEnd: CalendarDate;
  holdoutEnd: CalendarDate;
  /** Default 'weeks' (as the CDNOW papers). The holdout length is in this unit too. */
  unit?: TimeUnit;
  /** Calibration frequencies from this one up share the last group ("7+"). Default 7. */
  maxFrequencyGroup?: number;
  /** Use these parameters instead of fitting on the calibration summary (e.g. published ones). */
  params?: BgNbdParams;
  fitOptions?: BgNbdFitOptions;
}

export interface HoldoutCustomer {
  customerId: string | number;
  x: number;
  tx: number;
  T: number;
  /** E[Y(t) | x, t_x, T] over the holdout length t. */
  predicted: number;
  /** Distinct purchase days in the holdout. */
  actual: number;
}

export interface HoldoutGroup {
  /** Lowest calibration frequency of the group (the last group holds this and more). */
  frequency: number;
  /** "0", "1", …, "7+". */
  label: string;
  customers: number;
  meanPredicted: number;
  meanActual: number;
  totalPredicted: number;
  totalActual: number;
  /** Standard error of meanActual: sample standard deviation / √customers (0 for one customer). */
  standardErrorActual: number;
}

export interface HoldoutResult {
  params: BgNbdParams;
  /** The calibration fit; undefined when `params` were given. */
  fit?: BgNbdFit;
  /** Holdout length in the unit. */
  holdoutLength: number;
  unit: TimeUnit;
  customers: HoldoutCustomer[];
  groups: HoldoutGroup[];
  totalPredicted: number;
  totalActual: number;
  /** (totalPredicted − totalActual) / totalActual. */
  totalRelativeError: number;
  /** Mean over customers of |predicted − actual|. */
  mae: number;
  /** √(mean over customers of (predicted − actual)²). */
  rmse: number;
}

export function bgNbdHoldoutTest(transactions: Iterable<Transaction>, options: HoldoutTestOptions): HoldoutResult {
  const unit = options.unit ?? 'weeks';
  const maxGroup = options.maxFrequencyGroup ?? 7;
  if (!(Number.isInteger(maxGroup) && maxGroup >= 0)) throw new RangeError('maxFrequencyGroup must be a non-negative integer');
  const calibrationEnd = dayNumber(options.calibrationEnd);
  const holdoutEnd = dayNumber(options.holdoutEnd);
  if (!(holdoutEnd > calibrationEnd)) throw new RangeError('the holdout end must come after the calibration end');
  const holdoutLength = (holdoutEnd - calibrationEnd) / (unit === 'weeks' ? 7 : 1);

  const list = Array.isArray(transactions) ? (transactions as Transaction[]) : [...transactions];
  const summary = summarizeRepeatBuying(list, { calibrationEnd: options.calibrationEnd, unit });
  if (summary.length === 0) throw new RangeError('no customer bought in the calibration period');

  const holdoutDays = new Map<string | number, Set<number>>();
  for (const t of list) {
    const day = dayNumber(t.date);
    if (day <= calibrationEnd || day > holdoutEnd) continue;
    let days = holdoutDays.get(t.customerId);
    if (!days) holdoutDays.set(t.customerId, (days = new Set()));
    days.add(day);
  }

  let fit: BgNbdFit | undefined;
  let params = options.params;
  if (!params) {
    fit = fitBgNbd(summary, options.fitOptions);
    params = fit.params;
  }

  const customers: HoldoutCustomer[] = summary.map((c) => ({
    customerId: c.customerId,
    x: c.x,
    tx: c.tx,
    T: c.T,
    predicted: expectedPurchasesConditional(params, holdoutLength, c.x, c.tx, c.T),
    actual: holdoutDays.get(c.customerId)?.size ?? 0,
  }));

  const count = new Float64Array(maxGroup + 1);
  const sumPredicted = new Float64Array(maxGroup + 1);
  const sumActual = new Float64Array(maxGroup + 1);
  const sumActualSquared = new Float64Array(maxGroup + 1);
  let totalPredicted = 0;
  let totalActual = 0;
  let absolute = 0;
  let squared = 0;
  for (const c of customers) {
    const g = Math.min(c.x, maxGroup);
    count[g]++;
    sumPredicted[g] += c.predicted;
    sumActual[g] += c.actual;
    sumActualSquared[g] += c.actual * c.actual;
    totalPredicted += c.predicted;
    totalActual += c.actual;
    absolute += Math.abs(c.predicted - c.actual);
    squared += (c.predicted - c.actual) ** 2;
  }

  const groups: HoldoutGroup[] = [];
  for (let g = 0; g <= maxGroup; g++) {
    const n = count[g];
    const mean = n > 0 ? sumActual[g] / n : NaN;
    const variance = n > 1 ? Math.max(0, (sumActualSquared[g] - n * mean * mean) / (n - 1)) : 0;
    groups.push({
      frequency: g,
      label: g === maxGroup ? `${g}+` : String(g),
      customers: n,
      meanPredicted: n > 0 ? sumPredicted[g] / n : NaN,
      meanActual: mean,
      totalPredicted: sumPredicted[g],
      totalActual: sumActual[g],
      standardErrorActual: n > 1 ? Math.sqrt(variance / n) : 0,
    });
  }

  const n = customers.length;
  return {
    params,
    fit,
    holdoutLength,
    unit,
    customers,
    groups,
    totalPredicted,
    totalActual,
    totalRelativeError: totalActual > 0 ? (totalPredicted - totalActual) / totalActual : NaN,
    mae: absolute / n,
    rmse: Math.sqrt(squared / n),
  };
}

/** The per-group table as Markdown (for BENCHMARKS.md and test output). */
export function holdoutTableMarkdown(result: HoldoutResult, digits = 3): string {
  const f = (v: number): string => (Number.isFinite(v) ? v.toFixed(digits) : '—');
  const lines = [
    '| calibration repeat purchases | customers | mean predicted | mean actual | predicted − actual | s.e. of actual mean |',
    '|---:|---:|---:|---:|---:|---:|',
  ];
  for (const g of result.groups) {
    lines.push(
      `| ${g.label} | ${g.customers} | ${f(g.meanPredicted)} | ${f(g.meanActual)} | ${f(g.meanPredicted - g.meanActual)} | ${f(g.standardErrorActual)} |`,
    );
  }
  const n = result.customers.length;
  lines.push(
    `| all | ${n} | ${f(result.totalPredicted / n)} | ${f(result.totalActual / n)} | ${f((result.totalPredicted - result.totalActual) / n)} | |`,
  );
  return lines.join('\n');
}
