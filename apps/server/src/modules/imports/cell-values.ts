import { CellProblem } from './cell-problem.js';

/**
 * Reading cells as typed values.
 *
 * Whitespace: numbers, dates, yes/no values and fixed choices are read without the blanks around them (they
 * cannot mean anything there). Identifiers and codes (order number, customer id, SKU, phone) lose the blanks
 * around them only when they are not quoted: a quoted value is taken as written. Free text (names,
 * descriptions, notes, addresses) is always kept exactly as the file has it — "PACK OF 12 HEARTS DESIGN
 * TISSUES " with its final blank is what the source says, and trimming could merge labels that differ only by
 * it. A cell of nothing but blanks counts as empty.
 */

/** Free text as written, or null for an empty cell. */
export const textValue = (cell: string | undefined): string | null => (cell === undefined || isBlank(cell) ? null : cell);

/** An identifier or code: without surrounding blanks unless it was quoted; null for an empty cell. */
export const keyValue = (cell: string | undefined, quoted = false): string | null => {
  if (cell === undefined || isBlank(cell)) return null;
  return quoted ? cell : trimmed(cell);
};

// These run for every cell of files with millions of them: most cells have no blanks to remove, and looking at
// the first and last character avoids making a trimmed copy of them.
const visibleAscii = (code: number) => code > 32 && code < 127;
export const isBlank = (s: string) => s.length === 0 || (!visibleAscii(s.charCodeAt(0)) && s.trim() === '');
const trimmed = (s: string) => (s.length > 0 && visibleAscii(s.charCodeAt(0)) && visibleAscii(s.charCodeAt(s.length - 1)) ? s : s.trim());

const plainNumber = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const groupedNumber = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * A decimal number: digits with an optional decimal point ("1234.5", "-.5"), or with commas grouping thousands
 * ("1,234.50"). A comma anywhere else ("1,5", "12,34") is refused rather than read as a decimal comma or
 * dropped: either reading would be a guess that can be off by a factor of a thousand.
 */
export function decimalValue(cell: string): number | CellProblem {
  const v = trimmed(cell);
  if (plainNumber.test(v)) return Number(v);
  if (groupedNumber.test(v)) return Number(v.replace(/,/g, ''));
  if (/^[+-]?[\d.,]+$/.test(v) && v.includes(',')) {
    return new CellProblem('notNumberComma', `"${v}" is not a number: use a point for decimals; commas may only group thousands (1,234.50)`, { value: v });
  }
  return new CellProblem('notNumber', `"${v}" is not a number`, { value: v });
}

/** A whole number (line numbers). */
export function integerValue(cell: string): number | CellProblem {
  const v = cell.trim();
  if (!/^[+-]?\d+$/.test(v)) return new CellProblem('notWholeNumber', `"${v}" is not a whole number`, { value: v });
  return Number(v);
}

const truthy = new Set(['yes', 'true', '1']);
const falsy = new Set(['no', 'false', '0']);

export function booleanValue(cell: string): boolean | CellProblem {
  const v = cell.trim().toLowerCase();
  if (truthy.has(v)) return true;
  if (falsy.has(v)) return false;
  return new CellProblem('notYesNo', `"${cell.trim()}" is not yes/no (use yes, no, true, false, 1 or 0)`, { value: cell.trim() });
}

/** One of a fixed set of values, compared case-insensitively; `aliases` maps other spellings to them. */
export function choiceValue<T extends string>(cell: string, allowed: readonly T[], aliases: Record<string, T> = {}): T | CellProblem {
  const v = cell.trim().toLowerCase().replace(/[\s-]+/g, '_');
  const hit = allowed.find((a) => a === v) ?? aliases[v];
  return hit ?? new CellProblem('notOneOf', `"${cell.trim()}" is not one of: ${allowed.join(', ')}`, { value: cell.trim(), allowed: allowed.join(', ') });
}

/** Largest magnitude a numeric(precision, scale) column holds. */
export const numericLimit = (precision: number, scale: number) => 10 ** (precision - scale);

export function withinNumeric(value: number, precision: number, scale: number): number | CellProblem {
  if (Math.abs(value) < numericLimit(precision, scale) - 1) return value;
  // Rounding to the column's scale can carry into the next digit (99.999 at scale 2 is 100.00).
  const rounded = Math.abs(Math.round(value * 10 ** scale) / 10 ** scale);
  if (rounded >= numericLimit(precision, scale)) return new CellProblem('tooLarge', `${value} is too large (at most ${precision - scale} digits before the decimal point)`, { value, digits: precision - scale });
  return value;
}

/** Money and totals rounded to cents, halves away from zero as PostgreSQL rounds numeric. */
export function roundCents(value: number) {
  const cents = Math.round(Math.abs(value) * 100 + 1e-7);
  return Math.sign(value) * cents / 100;
}
