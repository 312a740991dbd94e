import fs from 'node:fs';
import { desc, eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/connection.js';
import { badRequest, conflict, HttpError, notFound } from '../../http/errors.js';
import type { ListQuery } from '../../http/list-query.js';
import { assertCanWrite } from '../users/access.js';
import type { CurrentUser } from '../users/service.js';
import { suggestMapping } from './column-matching.js';
import { compileDateFormat, DateFormatError, ISO_DATE_FORMAT, suggestDateFormat } from './date-format.js';
import { delimiterNames, detectDelimiter, parseDelimiter, type DelimiterName } from './delimiter.js';
import { publicFields, sampleDateField } from './fields.js';
import { FileProblem, readFileHead } from './file-source.js';
import { readColumns, readImportFile } from './import-reading.js';
import { newProgress, progressRows, type ImportProgress } from './import-progress.js';
import { REPORT_ERRORS, runImport } from './import-run.js';
import { resolveMapping, type ColumnMapping } from './mapping.js';
import { asStructureProblem, columnNames, CsvStructureProblem, isBlankRecord, readRecords } from './record-reader.js';
import { importJobs, importKinds, type ImportKind } from './schema.js';
import { removeUpload, type SavedUpload } from './upload-store.js';

export interface ImportOptionsInput {
  mapping: ColumnMapping;
  delimiter?: string;
  dateFormat?: string;
  currency?: string;
}

type JobRow = typeof importJobs.$inferSelect;
const SAMPLE_ROWS = 10;

/**
 * The import wizard's jobs: upload → validate (as often as the user likes) → run in the background → report.
 * One instance per app. Imports run one at a time per server process: on the embedded database a write
 * transaction holds the only connection anyway, and on PostgreSQL two imports touching the same accounts would
 * only wait for each other. Progress of the running import is kept in memory (see import-progress.ts).
 */
export class ImportJobs {
  /** running and queued imports of this process: their progress, and the job as it was when started */
  private readonly live = new Map<number, { progress: ImportProgress; job: ReturnType<typeof publicJob> }>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly database: Database,
    private readonly log: Pick<FastifyBaseLogger, 'error'> = console,
  ) {}

  private get db() {
    return this.database.db;
  }

  /** A job still marked running was cut short by a stop of the server; its transaction never committed. */
  async failInterrupted() {
    await this.db
      .update(importJobs)
      .set({ status: 'failed', error: 'The server stopped during this import; nothing was written. Run it again.', finishedAt: new Date() })
      .where(eq(importJobs.status, 'running'));
  }

  /** Registers an uploaded file: reads its header and first rows and proposes a mapping. */
  async upload(user: CurrentUser, kind: string | undefined, fileName: string, saved: SavedUpload) {
    assertCanWrite(user, 'imports');
    try {
      if (!kind || !isImportKind(kind)) {
        throw badRequest(`Say what the file holds: kind is one of ${importKinds.join(', ')}`, [{ path: 'kind', message: `must be one of ${importKinds.join(', ')}` }]);
      }
      const head = await readFileHead(saved.filePath);
      const delimiter = detectDelimiter(head.text, head.complete);
      const { headers, sample } = await readSample(saved.filePath, delimiter);
      const suggestedMapping = suggestMapping(kind, headers);
      const dateField = sampleDateField[kind];
      const dateColumn = dateField === undefined ? null : suggestedMapping[dateField];
      const dateIndex = dateColumn ? headers.indexOf(dateColumn) : -1;
      const suggestedDateFormat = dateIndex >= 0 ? suggestDateFormat(sample.map((r) => r[dateIndex] ?? '')) : null;
      const [job] = await this.db
        .insert(importJobs)
        .values({ kind, fileName, filePath: saved.filePath, fileSha256: saved.sha256, options: { delimiter }, createdBy: user.id })
        .returning();
      return {
        id: job.id,
        kind,
        fileName,
        status: job.status,
        bytes: saved.bytes,
        headers,
        sample: sample.map((cells) => Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? null]))),
        suggestedMapping,
        fields: publicFields(kind),
        delimiter,
        suggestedDateFormat,
      };
    } catch (err) {
      await removeUpload(saved.filePath);
      throw asHttpError(err);
    }
  }

  /** Reads the whole file with these options and says what would be imported and which rows are invalid. Writes no data. */
  async validate(user: CurrentUser, id: number, input: ImportOptionsInput) {
    assertCanWrite(user, 'imports');
    const job = await this.openJob(id);
    const options = await this.checkOptions(job, input);
    const t0 = Date.now();
    const reading = await readImportFile(job.filePath!, { kind: job.kind, ...options }, this.database.pool).catch((err) => {
      throw asHttpError(err);
    });
    await this.db
      .update(importJobs)
      .set({ status: 'validated', options: { ...options, currency: input.currency ?? null }, totalRows: reading.totalRows })
      .where(eq(importJobs.id, id));
    return {
      id,
      totalRows: reading.totalRows,
      validRows: reading.validRows,
      invalidRows: reading.errors.invalidRows.length,
      blankRows: reading.blankRows,
      errorCount: reading.errors.errorCount,
      errors: reading.errors.errors.slice(0, REPORT_ERRORS),
      errorsTruncated: reading.errors.errorCount > REPORT_ERRORS,
      fatal: reading.errors.fatal,
      preview: reading.preview,
      file: reading.plan.plan.summary,
      delimiter: options.delimiter,
      dateFormat: reading.dateFormat.pattern,
      suggestedDateFormat: reading.suggestedDateFormat,
      durationMs: Date.now() - t0,
    };
  }

  /** Starts the import in the background; the client follows it with get(). */
  async start(user: CurrentUser, id: number, input: ImportOptionsInput & { skipInvalid?: boolean }) {
    assertCanWrite(user, 'imports');
    const job = await this.openJob(id);
    const options = await this.checkOptions(job, input);
    const skipInvalid = input.skipInvalid ?? false;
    // Claim the job atomically: a second click on "import" must not start a second run.
    const claimed = await this.db
      .update(importJobs)
      .set({ status: 'running', options: { ...options, currency: input.currency ?? null, skipInvalid }, progress: 0, report: null, error: null, finishedAt: null })
      .where(sql`${importJobs.id} = ${id} AND ${importJobs.status} <> 'running' AND ${importJobs.status} <> 'done'`)
      .returning({ id: importJobs.id });
    if (claimed.length === 0) throw conflict('This import is already running or done');
    const progress = newProgress(job.totalRows);
    this.live.set(id, { progress, job: { ...publicJob(job), status: 'running' } });
    const request = {
      kind: job.kind,
      ...options,
      filePath: job.filePath!,
      fileName: job.fileName,
      fileSha256: job.fileSha256,
      skipInvalid,
      dryRun: false,
      currency: input.currency,
      userId: user.id,
      jobId: id,
    };
    this.queue = this.queue.then(() => this.execute(id, request, progress));
    return { id, status: 'running' as const };
  }

  private async execute(id: number, request: Parameters<typeof runImport>[1], progress: ImportProgress) {
    // Progress reaches the row while reading; during the write transaction only memory has it.
    const ticker = setInterval(() => {
      if (progress.phase !== 'reading') return;
      this.db
        .update(importJobs)
        .set({ progress: progressRows(progress), totalRows: progress.totalRows })
        .where(sql`${importJobs.id} = ${id} AND ${importJobs.status} = 'running'`)
        .catch(() => {});
    }, 1000);
    try {
      const { report } = await runImport(this.database, request, progress);
      if (report.outcome === 'imported') await removeUpload(request.filePath);
      else {
        await this.db
          .update(importJobs)
          .set({ status: 'failed', error: report.message, report: report as unknown as Record<string, unknown>, progress: report.totalRows, totalRows: report.totalRows, finishedAt: new Date() })
          .where(eq(importJobs.id, id));
      }
    } catch (err) {
      const expected = err instanceof HttpError || err instanceof FileProblem;
      if (!expected) this.log.error(err, `import ${id} failed`);
      const message = expected ? (err as Error).message : `The import failed and nothing was written: ${(err as Error).message}`;
      await this.db
        .update(importJobs)
        .set({ status: 'failed', error: message, finishedAt: new Date() })
        .where(eq(importJobs.id, id))
        .catch(() => {});
    } finally {
      clearInterval(ticker);
      this.live.delete(id);
    }
  }

  async get(user: CurrentUser, id: number) {
    assertCanWrite(user, 'imports');
    // A running import on the embedded database holds the only connection while it writes: answer from memory.
    const running = this.live.get(id);
    if (running?.progress.phase === 'writing') return withProgress(running.job, running.progress);
    const [job] = await this.db.select().from(importJobs).where(eq(importJobs.id, id));
    if (!job) throw notFound('Import');
    const now = this.live.get(id);
    return now && job.status === 'running' ? withProgress(publicJob(job), now.progress) : publicJob(job);
  }

  async list(user: CurrentUser, query: ListQuery) {
    assertCanWrite(user, 'imports');
    const rows = await this.db
      .select()
      .from(importJobs)
      .orderBy(desc(importJobs.createdAt), desc(importJobs.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    const [{ total }] = await this.db.select({ total: sql<number>`count(*)::int` }).from(importJobs);
    return {
      items: rows.map((job) => {
        const view = publicJob(job);
        const live = this.live.get(job.id);
        // the list leaves out the long parts of reports; GET /api/imports/:id has them
        const { errors: _e, skippedRows: _s, ...summary } = (view.report ?? {}) as Record<string, unknown>;
        const item = { ...view, report: view.report ? summary : null };
        return live && job.status === 'running' ? withProgress(item, live.progress) : item;
      }),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Resolves when no import is running or queued (the app waits for it before closing the database). */
  async idle() {
    let seen: Promise<void>;
    do {
      seen = this.queue;
      await seen;
    } while (seen !== this.queue);
  }

  private async openJob(id: number) {
    const [job] = await this.db.select().from(importJobs).where(eq(importJobs.id, id));
    if (!job) throw notFound('Import');
    if (job.status === 'running') throw conflict('This import is running');
    if (job.status === 'done' || !job.filePath) throw conflict('This file has been imported already; upload it again to import it again');
    if (!fs.existsSync(job.filePath)) throw conflict('The uploaded file is no longer on the server; upload it again');
    return job;
  }

  /** The options as the reading needs them, or a 400 naming the field: delimiter, dateFormat, mapping.<field>. */
  private async checkOptions(job: JobRow, input: ImportOptionsInput) {
    const stored = job.options as { delimiter?: DelimiterName };
    let delimiter = stored.delimiter ?? 'comma';
    if (input.delimiter !== undefined) {
      const parsed = parseDelimiter(input.delimiter);
      if (!parsed) throw badRequest(`Unknown delimiter "${input.delimiter}"`, [{ path: 'delimiter', message: `one of ${delimiterNames.join(', ')}` }]);
      delimiter = parsed;
    }
    const dateFormat = input.dateFormat?.trim() || ISO_DATE_FORMAT;
    try {
      compileDateFormat(dateFormat);
    } catch (err) {
      if (err instanceof DateFormatError) throw badRequest(err.message, [{ path: 'dateFormat', message: err.message }]);
      throw err;
    }
    if (input.currency !== undefined && !/^[A-Z]{3}$/.test(input.currency)) {
      throw badRequest('currency is a three-letter ISO 4217 code', [{ path: 'currency', message: 'three capital letters, e.g. GBP' }]);
    }
    const columns = await readColumns(job.filePath!, delimiter).catch((err) => {
      throw asHttpError(err);
    });
    resolveMapping(job.kind, input.mapping, columns);
    return { mapping: input.mapping, delimiter, dateFormat };
  }
}

const isImportKind = (kind: string): kind is ImportKind => (importKinds as readonly string[]).includes(kind);

/** The header and the first data rows, for the mapping step. */
async function readSample(filePath: string, delimiter: DelimiterName) {
  let headers: string[] | null = null;
  const sample: string[][] = [];
  try {
    for await (const cells of await readRecords(filePath, delimiter)) {
      if (headers === null) headers = columnNames(cells);
      else if (!isBlankRecord(cells)) sample.push(cells);
      if (sample.length >= SAMPLE_ROWS) break;
    }
  } catch (err) {
    const problem = asStructureProblem(err);
    if (problem instanceof CsvStructureProblem) throw new FileProblem(`Row ${problem.row}: ${problem.message}`);
    throw new FileProblem(`The file cannot be read: ${(err as Error).message}`);
  }
  if (headers === null) throw new FileProblem('The file is empty');
  if (sample.length === 0) throw new FileProblem('The file has a header row but no data rows');
  return { headers, sample };
}

function publicJob(job: JobRow) {
  const { filePath: _path, ...rest } = job;
  return { ...rest, phase: null as ImportProgress['phase'] | null };
}

const withProgress = <T extends { totalRows: number | null }>(job: T, progress: ImportProgress) => ({
  ...job,
  phase: progress.phase,
  progress: progressRows(progress),
  totalRows: progress.totalRows ?? job.totalRows,
});

/** File problems are the client's: a 400 on `file`. */
function asHttpError(err: unknown) {
  if (err instanceof FileProblem) return badRequest(err.message, [{ path: 'file', message: err.message }]);
  if (err instanceof DateFormatError) return badRequest(err.message, [{ path: 'dateFormat', message: err.message }]);
  return err;
}
