/**
 * Calendar days as integers (days since 1970-01-01), so recency and customer age are whole-day
 * differences that do not depend on the machine's time zone or on daylight-saving shifts.
 *
 * - a string starting with YYYY-MM-DD is that calendar date (any time part is ignored: an order
 *   placed "2024-03-05T23:30" belongs to 5 March as written);
 * - a Date, or a number (epoch milliseconds), is taken at its UTC calendar date.
 */

export type CalendarDate = Date | string | number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

export function dayNumber(date: CalendarDate): number {
  if (typeof date === 'string') {
    const m = ISO_DATE.exec(date);
    if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
    const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
    if (Number.isNaN(day) || new Date(day * MS_PER_DAY).getUTCDate() !== Number(m[3])) {
      throw new RangeError(`not a calendar date: ${JSON.stringify(date)}`);
    }
    return day;
  }
  const ms = typeof date === 'number' ? date : date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`invalid date: ${String(date)}`);
  return Math.floor(ms / MS_PER_DAY);
}

/** The YYYY-MM-DD form of a day number. */
export function dayNumberToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
