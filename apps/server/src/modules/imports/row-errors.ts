import type { Problem } from './problem.js';

/** One problem with one row: the spreadsheet row number (header = row 1), the file's column, and why. */
export interface RowError extends Problem {
  row: number;
  column: string | null;
  field: string | null;
}

/** Detailed errors kept in memory; beyond this only the rows are counted (a wrong date format fails every row). */
export const MAX_KEPT_ERRORS = 100_000;

/**
 * Collects the problems of a reading pass, and answers them in row order whatever order they came in: most come
 * row by row, but what the rows name in the database is checked once the whole file is read (references.ts), and
 * those problems arrive late. They are put in order when next read, once, not on every add.
 */
export class RowErrors {
  private kept: RowError[] = [];
  private rows: number[] = [];
  private inOrder = true;
  errorCount = 0;
  /** a problem that stops the whole file (unreadable CSV structure); set at most once */
  fatal: RowError | null = null;

  /** the problems kept (the first MAX_KEPT_ERRORS found), by row; a row's problems in the order found */
  get errors(): RowError[] {
    this.order();
    return this.kept;
  }

  /** every invalid row, once, in order (these are the rows skipped by skipInvalid) */
  get invalidRows(): number[] {
    this.order();
    return this.rows;
  }

  add(row: number, column: string | null, field: string | null, problem: Problem) {
    this.errorCount++;
    if (this.kept.length < MAX_KEPT_ERRORS) this.kept.push({ row, column, field, code: problem.code, params: problem.params, message: problem.message });
    const last = this.rows[this.rows.length - 1];
    if (last === row) return;
    if (last !== undefined && row < last) this.inOrder = false;
    this.rows.push(row);
  }

  stop(row: number, problem: Problem) {
    this.add(row, null, null, problem);
    this.fatal = { row, column: null, field: null, code: problem.code, params: problem.params, message: problem.message };
  }

  private order() {
    if (this.inOrder) return;
    this.kept.sort((a, b) => a.row - b.row); // stable: a row's problems keep their order
    this.rows = [...new Set(this.rows)].sort((a, b) => a - b);
    this.inOrder = true;
  }
}
