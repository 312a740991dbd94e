import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Database } from '../../db/connection.js';
import { HttpError } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { writeAccounts } from './account-writer.js';
import type { WriteCounts } from './bulk-writes.js';
import { timeZoneNote } from './date-format.js';
import { readImportFile, type FileReading, type ImportPlan, type ReadingOptions } from './import-reading.js';
import { newProgress, type ImportProgress } from './import-progress.js';
import { writeOrders } from './order-writer.js';
import { writeProducts } from './product-writer.js';
import { recordKinds, type RecordKindName } from './record-kinds.js';
import { upsertRecords } from './record-upsert.js';
import type { RowError } from './row-errors.js';

export interface ImportRequest extends ReadingOptions {
  filePath: string;
  fileName: string;
  fileSha256?: string | null;
  /** import the valid rows and list the invalid ones, instead of importing nothing */
  skipInvalid: boolean;
  /** read and check only */
  dryRun: boolean;
  /** ISO 4217 code for the orders of an orders file */
  currency?: string;
  userId: number | null;
  /** the import_jobs row to complete; without one (CLI) a row is added when the import is written */
  jobId?: number;
}

/** Errors listed in a stored report and an API response; the count and the skipped rows are always complete. */
export const REPORT_ERRORS = 1000;

/** What an import wrote, per table it writes (an orders file writes four). */
export type WrittenCounts = Partial<Record<'accounts' | 'products' | 'orders' | 'lines' | RecordKindName, WriteCounts>>;

export interface ImportReport extends WrittenCounts {
  /** imported: written; dry_run: checked only; rejected: nothing written (invalid rows without skipInvalid, or unreadable CSV) */
  outcome: 'imported' | 'dry_run' | 'rejected';
  message: string;
  kind: ReadingOptions['kind'];
  fileName: string;
  options: { mapping: ReadingOptions['mapping']; delimiter: string; dateFormat: string; skipInvalid: boolean; dryRun: boolean; currency: string | null };
  timeZone: string;
  /** row numbers are spreadsheet rows: the header is row 1, the first data row is row 2 */
  totalRows: number;
  validRows: number;
  invalidRows: number;
  blankRows: number;
  errorCount: number;
  errors: RowError[];
  /** the problem that stopped the reading (an unreadable CSV), if one did */
  fatal: RowError | null;
  /** rows left out because they are invalid (imported with skipInvalid) */
  skippedRows: number[];
  /** what the valid rows hold */
  file: Record<string, number>;
  suggestedDateFormat: string | null;
  readMs: number;
  writeMs: number;
  durationMs: number;
}

export interface ImportResult {
  report: ImportReport;
  /** every error kept in memory (the report lists the first REPORT_ERRORS) */
  allErrors: RowError[];
  /** the import_jobs row written with the import, if it was written */
  jobId: number | null;
}

/**
 * One import, start to end. First pass: stream the file, check every row, plan the writes — outside any
 * transaction, since on the embedded database a transaction holds the only connection. Then, unless rows are
 * invalid (and not to be skipped) or this is a dry run, write everything in one transaction together with the
 * job's report and one audit entry: either all of it is there afterwards or none of it.
 */
export async function runImport(database: Database, request: ImportRequest, progress: ImportProgress = newProgress()): Promise<ImportResult> {
  const started = Date.now();
  progress.phase = 'reading';
  const reading = await readImportFile(request.filePath, request, database.pool, { onRows: (rows) => (progress.rowsRead = rows) });
  progress.totalRows = reading.totalRows;
  const readMs = Date.now() - started;
  const invalidRows = reading.errors.invalidRows.length;
  const report = (outcome: ImportReport['outcome'], message: string, writeMs = 0): ImportReport => ({
    outcome,
    message,
    kind: request.kind,
    fileName: request.fileName,
    options: {
      mapping: request.mapping,
      delimiter: request.delimiter,
      dateFormat: reading.dateFormat.pattern,
      skipInvalid: request.skipInvalid,
      dryRun: request.dryRun,
      currency: request.currency ?? null,
    },
    timeZone: timeZoneNote(reading.dateFormat),
    totalRows: reading.totalRows,
    validRows: reading.validRows,
    invalidRows,
    fatal: reading.errors.fatal,
    blankRows: reading.blankRows,
    errorCount: reading.errors.errorCount,
    errors: reading.errors.errors.slice(0, REPORT_ERRORS),
    skippedRows: outcome === 'imported' ? reading.errors.invalidRows : [],
    file: reading.plan.plan.summary,
    suggestedDateFormat: reading.suggestedDateFormat,
    readMs,
    writeMs,
    durationMs: Date.now() - started,
  });
  const result = (r: ImportReport, jobId: number | null = null): ImportResult => ({ report: r, allErrors: reading.errors.errors, jobId });

  if (reading.errors.fatal) {
    return result(report('rejected', `Row ${reading.errors.fatal.row}: ${reading.errors.fatal.message}. Nothing was imported.`));
  }
  if (invalidRows > 0 && !request.skipInvalid) {
    return result(
      report('rejected', `${invalidRows} of ${reading.totalRows} rows are invalid, so nothing was imported: fix them, or import with skipInvalid to leave them out.`),
    );
  }
  if (request.dryRun) {
    return result(report('dry_run', `Dry run: ${reading.validRows} of ${reading.totalRows} rows would be imported; nothing was written.`));
  }

  progress.phase = 'writing';
  progress.rowsToWrite = rowsToWrite(reading.plan);
  const writeStarted = Date.now();
  let final: ImportReport | null = null;
  let jobId: number | null = null;
  await inTransaction(database.pool, async (client) => {
    const counts = await writePlan(client, reading, request, (rows) => (progress.rowsWritten += rows));
    const skipped = invalidRows ? `, skipped ${invalidRows} invalid row${invalidRows === 1 ? '' : 's'}` : '';
    final = { ...report('imported', `Imported ${reading.validRows} rows${skipped}.`, Date.now() - writeStarted), ...counts };
    jobId = await completeJob(client, request, final);
    await recordAudit(drizzle(client), {
      userId: request.userId,
      entityType: 'import',
      entityId: jobId,
      action: 'import',
      changes: {
        kind: [null, request.kind],
        fileName: [null, request.fileName],
        rows: [null, reading.totalRows],
        skippedRows: [null, invalidRows],
        ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, [null, v]])),
      },
    });
  });
  progress.phase = 'finished';
  return { report: final!, allErrors: reading.errors.errors, jobId };
}

function rowsToWrite(plan: ImportPlan) {
  if (plan.kind === 'orders') return plan.plan.lines.orderNo.length;
  if (plan.kind === 'accounts') return plan.plan.externalId.length;
  if (plan.kind === 'products') return plan.plan.sku.length;
  return plan.plan.rows.length;
}

async function writePlan(client: pg.PoolClient, reading: FileReading, request: ImportRequest, onRows: (rows: number) => void): Promise<WrittenCounts> {
  const { plan } = reading;
  const { userId } = request;
  switch (plan.kind) {
    case 'orders':
      return writeOrders(client, plan.plan, { userId, currency: request.currency, onLines: onRows });
    case 'accounts':
      return writeAccounts(client, plan.plan, userId, onRows);
    case 'products':
      return writeProducts(client, plan.plan, userId, onRows);
    default:
      return { [plan.kind]: await upsertRecords(client, recordKinds[plan.kind], plan.plan, userId, onRows) };
  }
}

/** Marks the job done with its report, in the import's own transaction; creates the row for CLI imports. */
async function completeJob(client: pg.PoolClient, request: ImportRequest, report: ImportReport): Promise<number> {
  const options = { ...report.options };
  if (request.jobId !== undefined) {
    await client.query(
      `UPDATE import_jobs SET status = 'done', options = $2::jsonb, progress = $3, total_rows = $3, report = $4::jsonb, error = NULL, file_path = NULL, finished_at = now()
       WHERE id = $1`,
      [request.jobId, JSON.stringify(options), report.totalRows, JSON.stringify(report)],
    );
    return request.jobId;
  }
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO import_jobs (kind, file_name, file_sha256, status, options, progress, total_rows, report, created_by, finished_at)
     VALUES ($1, $2, $3, 'done', $4::jsonb, $5, $5, $6::jsonb, $7, now()) RETURNING id`,
    [request.kind, request.fileName, request.fileSha256 ?? null, JSON.stringify(options), report.totalRows, JSON.stringify(report), request.userId],
  );
  return Number(rows[0].id);
}

async function inTransaction(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>) {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    // Bulk statements over big tables have plan costs that trigger PostgreSQL's JIT, which then spends longer
    // compiling (~160 ms per statement, measured) than the statement takes to run.
    await client.query('SET LOCAL jit = off');
    await work(client);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch((e: Error) => (broken = e));
    throw asConcurrentChange(err);
  } finally {
    // a connection that could not even roll back is not given to anyone else
    client.release(broken);
  }
}

/**
 * New accounts, products and orders are inserted without ON CONFLICT after looking their keys up (see
 * ensureRows): a key created by someone else during the import surfaces here as a unique violation.
 */
function asConcurrentChange(err: unknown) {
  const e = err as { code?: string; detail?: string };
  if (e?.code !== '23505') return err;
  return new HttpError(409, 'conflict', `${e.detail ?? 'A record'} was created by someone else while this import ran; nothing was written. Run the import again.`);
}
