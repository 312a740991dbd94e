import type { DateFormat } from './date-format.js';
import { columnOf, type ResolvedMapping } from './mapping.js';
import type { RowErrors } from './row-errors.js';

/** What every kind's row reader gets: where the fields are, how dates are written, where problems go. */
export interface ReadingContext {
  mapping: ResolvedMapping;
  dateFormat: DateFormat;
  errors: RowErrors;
  /** users by lower-case email, for accounts' owner_email */
  userIds?: Map<string, number>;
}

/**
 * Reads the data rows of one kind of import into a plan of what to write. Rows arrive in file order; invalid
 * rows are reported to the context's errors and left out of the plan.
 */
export interface RowReader<Plan> {
  readRow(row: number, cells: string[]): void;
  finish(): Plan;
  /** the first valid rows as they will be imported, field name → value */
  readonly preview: Record<string, unknown>[];
}

export const PREVIEW_ROWS = 10;

export const reportProblem = (ctx: ReadingContext, row: number, field: string, message: string) =>
  ctx.errors.add(row, columnOf(ctx.mapping, field), field, message);

/** The cell of a field, or undefined when the field is not mapped. */
export const cellOf = (ctx: ReadingContext, cells: string[], field: string): string | undefined => {
  const i = ctx.mapping.index[field];
  return i === undefined ? undefined : cells[i];
};

export const isoDay = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);
