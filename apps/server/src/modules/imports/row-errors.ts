/** One problem with one row: the spreadsheet row number (header = row 1), the file's column, and why. */
export interface RowError {
  row: number;
  column: string | null;
  field: string | null;
  message: string;
}

/** Detailed errors kept in memory; beyond this only the rows are counted (a wrong date format fails every row). */
export const MAX_KEPT_ERRORS = 100_000;

/** Collects the problems of a reading pass, in row order. */
export class RowErrors {
  readonly errors: RowError[] = [];
  /** every invalid row, in order (these are the rows skipped by skipInvalid) */
  readonly invalidRows: number[] = [];
  errorCount = 0;
  /** a problem that stops the whole file (unreadable CSV structure); set at most once */
  fatal: RowError | null = null;

  add(row: number, column: string | null, field: string | null, message: string) {
    this.errorCount++;
    if (this.errors.length < MAX_KEPT_ERRORS) this.errors.push({ row, column, field, message });
    if (this.invalidRows[this.invalidRows.length - 1] !== row) this.invalidRows.push(row);
  }

  stop(row: number, message: string) {
    this.add(row, null, null, message);
    this.fatal = { row, column: null, field: null, message };
  }
}
