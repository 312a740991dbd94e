/**
 * RFM analysis (recency, frequency, monetary — Hughes 1994, "Strategic Database Marketing") per
 * customer at a reference date, with quintile scores and named segments.
 *
 * - recency   = whole days from the customer's last purchase to the reference date (0 = bought that day);
 * - frequency = number of transactions (each input row is one purchase: pass orders, not order lines);
 * - monetary  = total value of those transactions (or their mean, with `monetary: 'mean'`).
 * Transactions after the reference date are ignored, so an analysis can be rerun "as of" a past day.
 *
 * Scores: R, F and M each 1–5 by `quintileScores` (mid-rank tie rule, see there); a recent purchase
 * scores high on R. FM = ⌈(F + M) / 2⌉ (halves round up).
 *
 * Segments: the 5 × 5 grid of R against FM below, every cell belonging to exactly one of the eleven
 * segments. It is the widely used R×F segment map of RFM practice (champions … hibernating) with
 * "lost" split off the bottom corner, giving the eleven names of the common "RFM segments" list
 * (Putler and others), made non-overlapping:
 *
 *   R \ FM   1                2                    3                    4                 5
 *   5        new customers    potential loyalists  potential loyalists  champions         champions
 *   4        promising        potential loyalists  potential loyalists  loyal             loyal
 *   3        about to sleep   about to sleep       need attention       loyal             loyal
 *   2        hibernating      hibernating          at risk              at risk           cannot lose them
 *   1        lost             hibernating          at risk              at risk           cannot lose them
 *
 * Another grid can be passed as `segmentGrid` (rows R = 1…5, columns FM = 1…5).
 */

import { dayNumber, type CalendarDate } from '../calendar/day-number.js';
import type { Transaction } from '../transaction.js';
import { quintileScores } from './quintile-score.js';

export type RfmSegment =
  | 'champions'
  | 'loyal'
  | 'potential-loyalists'
  | 'new-customers'
  | 'promising'
  | 'need-attention'
  | 'about-to-sleep'
  | 'at-risk'
  | 'cannot-lose-them'
  | 'hibernating'
  | 'lost';

/** segmentGrid[R − 1][FM − 1]. */
export type RfmSegmentGrid = readonly (readonly RfmSegment[])[];

export const RFM_SEGMENT_GRID: RfmSegmentGrid = [
  /* R=1 */ ['lost', 'hibernating', 'at-risk', 'at-risk', 'cannot-lose-them'],
  /* R=2 */ ['hibernating', 'hibernating', 'at-risk', 'at-risk', 'cannot-lose-them'],
  /* R=3 */ ['about-to-sleep', 'about-to-sleep', 'need-attention', 'loyal', 'loyal'],
  /* R=4 */ ['promising', 'potential-loyalists', 'potential-loyalists', 'loyal', 'loyal'],
  /* R=5 */ ['new-customers', 'potential-loyalists', 'potential-loyalists', 'champions', 'champions'],
];

export interface RfmOptions {
  referenceDate: CalendarDate;
  /** 'total' (default) or 'mean' value per transaction. */
  monetary?: 'total' | 'mean';
  segmentGrid?: RfmSegmentGrid;
}

export interface CustomerRfm {
  customerId: string | number;
  recencyDays: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
  fm: number;
  segment: RfmSegment;
}

/** R×FM segment of a pair of scores (1–5 each). */
export function rfmSegment(r: number, fm: number, grid: RfmSegmentGrid = RFM_SEGMENT_GRID): RfmSegment {
  const segment = grid[r - 1]?.[fm - 1];
  if (!segment) throw new RangeError(`no RFM segment for R=${r}, FM=${fm}`);
  return segment;
}

/** Customers in first-seen order of the transactions. */
export function rfmAnalysis(transactions: Iterable<Transaction>, options: RfmOptions): CustomerRfm[] {
  const reference = dayNumber(options.referenceDate);
  const stats = new Map<string | number, { last: number; count: number; total: number }>();
  for (const t of transactions) {
    const day = dayNumber(t.date);
    if (day > reference) continue;
    const s = stats.get(t.customerId);
    if (s) {
      if (day > s.last) s.last = day;
      s.count++;
      s.total += t.amount;
    } else {
      stats.set(t.customerId, { last: day, count: 1, total: t.amount });
    }
  }
  const ids = Array.from(stats.keys());
  const n = ids.length;
  const recency = new Float64Array(n);
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  ids.forEach((id, i) => {
    const s = stats.get(id)!;
    recency[i] = reference - s.last;
    frequency[i] = s.count;
    monetary[i] = options.monetary === 'mean' ? s.total / s.count : s.total;
  });
  const r = quintileScores(recency, 'lower-is-better');
  const f = quintileScores(frequency, 'higher-is-better');
  const m = quintileScores(monetary, 'higher-is-better');
  const grid = options.segmentGrid ?? RFM_SEGMENT_GRID;
  return ids.map((customerId, i) => {
    const fm = Math.ceil((f[i] + m[i]) / 2);
    return {
      customerId,
      recencyDays: recency[i],
      frequency: frequency[i],
      monetary: monetary[i],
      r: r[i],
      f: f[i],
      m: m[i],
      fm,
      segment: rfmSegment(r[i], fm, grid),
    };
  });
}
