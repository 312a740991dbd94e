import { CellProblem } from './cell-problem.js';

/**
 * Dates are read with the format the user states, never guessed per value: "3/4/10" is March or April
 * depending on the source, and a silent guess would scatter orders over the wrong months.
 *
 * Tokens: YYYY (4-digit year), YY (2-digit year), M / MM (month, 1–2 digits / exactly 2), D / DD (day),
 * H / HH (hour 0–23), mm (minutes), ss (seconds), SSS (milliseconds), Z (offset: Z, +01:00, +0100, +01).
 * Every other character must appear literally, except ASCII letters, which are refused as unknown tokens
 * (a lower-case "hh" or "yyyy" would otherwise never match and fail every row), the letter T excepted.
 * "ISO" means ISO 8601 / RFC 3339: YYYY-MM-DD, optionally followed by T or a space, HH:mm[:ss[.fraction]]
 * and an offset.
 *
 * Two-digit years pivot as POSIX strptime does: 69–99 are 1969–1999, 00–68 are 2000–2068.
 * Time zone: a value without an offset is taken as UTC.
 */
export const ISO_DATE_FORMAT = 'ISO';

export interface DateFormat {
  readonly pattern: string;
  /** whether values carry their own offset (otherwise they are UTC) */
  readonly offset: 'none' | 'required' | 'optional';
  /** milliseconds since the epoch, or why the text is not a date in this format */
  parse(text: string): number | CellProblem;
}

export class DateFormatError extends Error {}

export const twoDigitYear = (yy: number) => (yy >= 69 ? 1900 + yy : 2000 + yy);

type Part = 'year' | 'year2' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'millisecond' | 'offset';
const tokens: [string, Part, string][] = [
  ['YYYY', 'year', '(\\d{4})'],
  ['SSS', 'millisecond', '(\\d{3})'],
  ['YY', 'year2', '(\\d{2})'],
  ['MM', 'month', '(\\d{2})'],
  ['DD', 'day', '(\\d{2})'],
  ['HH', 'hour', '(\\d{2})'],
  ['mm', 'minute', '(\\d{2})'],
  ['ss', 'second', '(\\d{2})'],
  ['M', 'month', '(\\d{1,2})'],
  ['D', 'day', '(\\d{1,2})'],
  ['H', 'hour', '(\\d{1,2})'],
  ['Z', 'offset', '(Z|[+-]\\d{2}(?::?\\d{2})?)'],
];

const tokenHelp = 'YYYY YY M MM D DD H HH mm ss SSS Z, or ISO';

export function compileDateFormat(pattern: string): DateFormat {
  const trimmed = pattern.trim();
  if (trimmed.toUpperCase() === ISO_DATE_FORMAT) return isoFormat;
  if (trimmed === '') throw new DateFormatError(`The date format is empty (tokens: ${tokenHelp})`);
  const parts: Part[] = [];
  let regex = '^';
  for (let i = 0; i < trimmed.length; ) {
    const token = tokens.find(([t]) => trimmed.startsWith(t, i));
    if (token) {
      const [text, part, group] = token;
      if (parts.includes(part) || (part === 'year' && parts.includes('year2')) || (part === 'year2' && parts.includes('year'))) {
        throw new DateFormatError(`The date format "${pattern}" has ${text} twice`);
      }
      parts.push(part);
      regex += group;
      i += text.length;
      continue;
    }
    const ch = trimmed[i];
    if (/[A-Za-z]/.test(ch) && ch !== 'T') {
      const run = trimmed.slice(i).match(/^[A-Za-z]+/)![0];
      const hint = /^h+$/.test(run) ? ' (use H or HH for hours 0–23)' : /^[yd]+$/.test(run) ? ' (years and days are upper case: YYYY, DD)' : '';
      throw new DateFormatError(`Unknown token "${run}" in the date format "${pattern}"${hint}; tokens: ${tokenHelp}`);
    }
    regex += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    i++;
  }
  regex += '$';
  const missing = [
    parts.includes('year') || parts.includes('year2') ? null : 'a year (YYYY or YY)',
    parts.includes('month') ? null : 'a month (M or MM)',
    parts.includes('day') ? null : 'a day (D or DD)',
  ].filter(Boolean);
  if (missing.length) throw new DateFormatError(`The date format "${pattern}" needs ${missing.join(', ')}`);
  if (parts.includes('minute') && !parts.includes('hour')) throw new DateFormatError(`The date format "${pattern}" has minutes (mm) but no hour (H or HH)`);

  const matcher = new RegExp(regex);
  return {
    pattern: trimmed,
    offset: parts.includes('offset') ? 'required' : 'none',
    parse(text) {
      const value = text.trim();
      const m = matcher.exec(value);
      if (!m) return new CellProblem('dateFormatMismatch', `"${value}" does not match the date format ${trimmed}`, { value, format: trimmed });
      const f: Partial<Record<Part, string>> = {};
      parts.forEach((part, k) => (f[part] = m[k + 1]));
      return toEpoch(
        value,
        f.year !== undefined ? Number(f.year) : twoDigitYear(Number(f.year2)),
        Number(f.month),
        Number(f.day),
        Number(f.hour ?? 0),
        Number(f.minute ?? 0),
        Number(f.second ?? 0),
        Number(f.millisecond ?? 0),
        f.offset,
      );
    },
  };
}

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const isoFormat: DateFormat = {
  pattern: ISO_DATE_FORMAT,
  offset: 'optional',
  parse(text) {
    const value = text.trim();
    const m = isoPattern.exec(value);
    if (!m) return new CellProblem('notIsoDate', `"${value}" is not an ISO 8601 date (YYYY-MM-DD, optionally with THH:mm:ss and an offset)`, { value });
    const millis = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
    return toEpoch(value, Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), millis, m[8]?.toUpperCase());
  },
};

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const daysInMonth = (y: number, m: number) => (m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

function toEpoch(text: string, y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offset?: string): number | CellProblem {
  if (y < 1) return new CellProblem('noYear', `"${text}": there is no year ${y}`, { value: text, year: y });
  if (mo < 1 || mo > 12) return new CellProblem('noMonth', `"${text}": there is no month ${mo}`, { value: text, month: mo });
  if (d < 1 || d > daysInMonth(y, mo)) return new CellProblem('noDay', `"${text}": ${monthNames[mo - 1]} ${y} has no day ${d} (it has ${daysInMonth(y, mo)} days)`, { value: text, year: y, month: mo, day: d, days: daysInMonth(y, mo) });
  if (h > 23) return new CellProblem('hourOutOfRange', `"${text}": hour ${h} is out of range (0–23)`, { value: text, hour: h });
  if (mi > 59) return new CellProblem('minuteOutOfRange', `"${text}": minute ${mi} is out of range (0–59)`, { value: text, minute: mi });
  if (s > 59) return new CellProblem('secondOutOfRange', `"${text}": second ${s} is out of range (0–59)`, { value: text, second: s });
  let offsetMinutes = 0;
  if (offset && offset !== 'Z') {
    const digits = offset.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2) || 0);
    if (oh > 23 || om > 59) return new CellProblem('badOffset', `"${text}": ${offset} is not a time zone offset`, { value: text, offset });
    offsetMinutes = (offset[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const date = new Date(Date.UTC(2000, mo - 1, d, h, mi, s, ms));
  date.setUTCFullYear(y); // Date.UTC reads years 0–99 as 1900–1999
  return date.getTime() - offsetMinutes * 60_000;
}

/** Formats commonly found in exports, most specific first; the first that reads every sample value wins. */
const candidates = [
  ISO_DATE_FORMAT,
  'YYYYMMDD',
  'M/D/YY H:mm',
  'M/D/YY H:mm:ss',
  'M/D/YYYY H:mm',
  'M/D/YYYY H:mm:ss',
  'M/D/YY',
  'M/D/YYYY',
  'D/M/YYYY H:mm',
  'D/M/YYYY H:mm:ss',
  'D/M/YY H:mm',
  'D/M/YYYY',
  'D/M/YY',
  'D.M.YYYY H:mm',
  'D.M.YYYY H:mm:ss',
  'D.M.YYYY',
  'D-M-YYYY',
  'YYYY/M/D H:mm:ss',
  'YYYY/M/D H:mm',
  'YYYY/M/D',
  'YYYY.M.D',
].map(compileDateFormat);

/**
 * A format that reads every one of the sample values, for the client to propose (never applied silently).
 * M/D is tried before D/M: when both read every value the data cannot tell them apart and the user decides.
 */
export function suggestDateFormat(values: string[]): string | null {
  const sample = values.filter((v) => v.trim() !== '').slice(0, 500);
  if (sample.length === 0) return null;
  return candidates.find((f) => sample.every((v) => typeof f.parse(v) === 'number'))?.pattern ?? null;
}

/** What the report says about time zones for a format. */
export const timeZoneNote = (format: DateFormat) =>
  format.offset === 'required'
    ? 'times carry their own UTC offset'
    : format.offset === 'optional'
      ? 'times without an offset are taken as UTC'
      : 'times are taken as UTC (the date format has no offset)';
