/**
 * Where a running import is, kept in memory: while the write transaction holds the embedded database's only
 * connection, nothing can be read from the import_jobs row, but this can still be answered.
 */
export interface ImportProgress {
  phase: 'queued' | 'reading' | 'writing' | 'finished';
  rowsRead: number;
  /** rows to write (the valid ones) and written so far */
  rowsToWrite: number;
  rowsWritten: number;
  /** data rows of the file, once known (from validation, or at the end of reading) */
  totalRows: number | null;
}

export const newProgress = (totalRows: number | null = null): ImportProgress => ({ phase: 'queued', rowsRead: 0, rowsToWrite: 0, rowsWritten: 0, totalRows });

/**
 * The job's `progress`, in rows out of `totalRows`, moving forward only: a row counts half when it has been
 * read and checked and fully when it has been written (or skipped as invalid).
 */
export function progressRows(p: ImportProgress): number {
  if (p.phase === 'finished') return p.totalRows ?? p.rowsRead;
  if (p.phase !== 'writing') return Math.floor(p.rowsRead / 2);
  const total = p.totalRows ?? p.rowsRead;
  const written = p.rowsToWrite > 0 ? p.rowsWritten / p.rowsToWrite : 1;
  return Math.min(total, Math.floor(total / 2 + (written * total) / 2));
}
