import type { DateFormat } from './date-format.js';
import { columnOf, type ResolvedMapping } from './mapping.js';
import type { References } from './references.js';
import type { Problem } from './problem.js';
import type { RowErrors } from './row-errors.js';

/** What every kind's row reader gets: where the fields are, how dates are written, where problems go. */
export interface ReadingContext {
  mapping: ResolvedMapping;
  dateFormat: DateFormat;
  errors: RowErrors;
  /** users by lower-case email, for accounts' owner_email */
  userIds?: Map<string, number>;
  /** the database, for the customers, products and users that rows name (looked up after the pass) */
  references?: References;
}

/**
 * Reads the data rows of one kind of import into a plan of what to write. Rows arrive in file order; invalid
 * rows are reported to the context's errors and left out of the plan.
 */
export interface RowReader<Plan> {
  /** `quoted`: the columns whose value was quoted in the file, if any */
  readRow(row: number, cells: string[], quoted?: ReadonlySet<number>): void;
  /** after the last row: checks what the rows name against the database; problems go to their rows */
  resolve?(): Promise<void>;
  finish(): Plan;
  /** the first valid rows as they will be imported, field name → value */
  readonly preview: Record<string, unknown>[];
}

export const PREVIEW_ROWS = 10;

export const reportProblem = (ctx: ReadingContext, row: number, field: string, problem: Problem) =>
  ctx.errors.add(row, columnOf(ctx.mapping, field), field, problem);

/** The cell of a field, or undefined when the field is not mapped. */
export const cellOf = (ctx: ReadingContext, cells: string[], field: string): string | undefined => {
  const i = ctx.mapping.index[field];
  return i === undefined ? undefined : cells[i];
};

/** Whether the field's cell was quoted in the file (then an identifier keeps its blanks). */
export const isQuoted = (ctx: ReadingContext, quoted: ReadonlySet<number> | undefined, field: string) =>
  quoted !== undefined && ctx.mapping.index[field] !== undefined && quoted.has(ctx.mapping.index[field]);

export const isoDay = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);
