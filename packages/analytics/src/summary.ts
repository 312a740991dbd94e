/**
 * Repeat-buying summary per customer, the input of BG/NBD and Gamma-Gamma, built from raw
 * transactions exactly as `lifetimes.utils.summary_data_from_transaction_data` does with its
 * defaults (freq "D", include_first_transaction = False), the recipe behind the published CDNOW
 * summaries (Fader, Hardie & Lee 2005, Marketing Science 24(2), §4: "repeat transactions",
 * calibration period of 39 weeks ending 1997-09-30):
 *
 * - transactions after the calibration end are ignored; the end date itself is included;
 * - all purchases of a customer on one calendar day count as one transaction (their values add up);
 * - x   = number of distinct purchase days − 1 (repeat transactions);
 * - t_x = last purchase day − first purchase day;
 * - T   = calibration end − first purchase day;
 * - z̄  = mean value of the repeat days (the first day excluded), 0 when x = 0
 *   (lifetimes' monetary_value).
 *
 * Times are whole days, or days / 7 for weeks (lifetimes' freq_multiplier = 7 on daily data): a
 * week is not a calendar bucket here.
 */

import { dayNumber, type CalendarDate } from './calendar/day-number.js';
import type { Transaction } from './transaction.js';

export type TimeUnit = 'days' | 'weeks';

export interface RepeatBuyingSummaryOptions {
  calibrationEnd: CalendarDate;
  /** Default 'days'. */
  unit?: TimeUnit;
}

export interface CustomerRepeatSummary {
  customerId: string | number;
  x: number;
  tx: number;
  T: number;
  /** Mean value of the repeat purchase days; 0 when x = 0. */
  zbar: number;
  /** Value of the first purchase day (kept apart: the models use repeat purchases only). */
  firstDayValue: number;
  /** First purchase as a day number (days since 1970-01-01). */
  firstDay: number;
}

export function summarizeRepeatBuying(
  transactions: Iterable<Transaction>,
  options: RepeatBuyingSummaryOptions,
): CustomerRepeatSummary[] {
  const end = dayNumber(options.calibrationEnd);
  const scale = (options.unit ?? 'days') === 'weeks' ? 1 / 7 : 1;

  // customer → (day → value of that day)
  const byCustomer = new Map<string | number, Map<number, number>>();
  for (const t of transactions) {
    const day = dayNumber(t.date);
    if (day > end) continue;
    let days = byCustomer.get(t.customerId);
    if (!days) byCustomer.set(t.customerId, (days = new Map()));
    days.set(day, (days.get(day) ?? 0) + t.amount);
  }

  const out: CustomerRepeatSummary[] = [];
  for (const [customerId, days] of byCustomer) {
    let first = Infinity;
    let last = -Infinity;
    for (const day of days.keys()) {
      if (day < first) first = day;
      if (day > last) last = day;
    }
    let repeatValue = 0;
    for (const [day, value] of days) if (day !== first) repeatValue += value;
    const firstDayValue = days.get(first)!;
    const x = days.size - 1;
    out.push({
      customerId,
      x,
      tx: (last - first) * scale,
      T: (end - first) * scale,
      zbar: x > 0 ? repeatValue / x : 0,
      firstDayValue,
      firstDay: first,
    });
  }
  return out;
}
