import { CellProblem, isProblem } from './cell-problem.js';
import { choiceValue, decimalValue, integerValue, keyValue, roundCents, withinNumeric } from './cell-values.js';
import { isoDay, type ReadingContext } from './row-reading.js';

/** A value as the bulk SQL carries it: one of these per row in a column's array. */
export type CellValue = string | number | boolean | null;

/**
 * How a field reads a cell that is not blank, as the value its column stores, or why it cannot. (A blank cell
 * never gets here: the record reader decides what blank means for the field.) The whitespace rules are those
 * of cell-values.ts: identifiers lose unquoted blanks, free text is kept as written.
 */
export type FieldType = (cell: string, quoted: boolean, ctx: ReadingContext) => CellValue | CellProblem;

/** A code: customer number, ticket number, SKU. */
export const identifier: FieldType = (cell, quoted) => keyValue(cell, quoted);

/** A user's email, compared as the users table keeps them: lower case. */
export const email: FieldType = (cell, quoted) => keyValue(cell, quoted)?.toLowerCase() ?? null;

/** Free text, exactly as written. */
export const freeText: FieldType = (cell) => cell;

/** A moment (timestamptz column) in the file's date format; without an offset, UTC. */
export const instant: FieldType = (cell, _quoted, ctx) => {
  const at = ctx.dateFormat.parse(cell);
  return isProblem(at) ? at : new Date(at).toISOString();
};

/** A calendar day (date column) in the file's date format. */
export const day: FieldType = (cell, _quoted, ctx) => {
  const at = ctx.dateFormat.parse(cell);
  return isProblem(at) ? at : isoDay(at);
};

/** Money, not negative, as a numeric(precision, 2) column holds it, rounded to cents. */
export const money =
  (precision: number): FieldType =>
  (cell) => {
    const value = decimalValue(cell);
    const fits = isProblem(value) ? value : withinNumeric(value, precision, 2);
    if (isProblem(fits)) return fits;
    return fits < 0 ? new CellProblem('negative', `${fits} is negative`, { value: fits }) : roundCents(fits);
  };

/** A whole number from min to max (minutes, a score). */
export const wholeNumber =
  (min: number, max: number): FieldType =>
  (cell) => {
    const value = integerValue(cell);
    if (isProblem(value)) return value;
    return value < min || value > max ? new CellProblem('notBetween', `${value} is not between ${min} and ${max}`, { value, min, max }) : value;
  };

/** One of the column's fixed values, as an English word in any case ("In progress" is in_progress); `aliases` take other words. */
export const oneOf =
  <T extends string>(allowed: readonly T[], aliases: Record<string, T> = {}): FieldType =>
  (cell) =>
    choiceValue(cell, allowed, aliases);
