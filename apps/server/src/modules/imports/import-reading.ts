import { AccountRows, type AccountPlan } from './account-rows.js';
import type { Executor } from './bulk-writes.js';
import { compileDateFormat, suggestDateFormat, type DateFormat } from './date-format.js';
import type { DelimiterName } from './delimiter.js';
import { sampleDateField } from './fields.js';
import { FileProblem } from './file-source.js';
import { resolveMapping, type ColumnMapping, type ResolvedMapping } from './mapping.js';
import { OrderRows, type OrderPlan } from './order-rows.js';
import { userIdsByEmail } from './owner-lookup.js';
import { ProductRows, type ProductPlan } from './product-rows.js';
import { recordKinds, type RecordKindName } from './record-kinds.js';
import { RecordRows, type RecordPlan } from './record-rows.js';
import { asStructureProblem, columnNames, CsvStructureProblem, isBlankRecord, readRecords } from './record-reader.js';
import { problemOf } from './problem.js';
import { References } from './references.js';
import { RowErrors } from './row-errors.js';
import type { ReadingContext, RowReader } from './row-reading.js';
import type { ImportKind } from './schema.js';

export interface ReadingOptions {
  kind: ImportKind;
  mapping: ColumnMapping;
  delimiter: DelimiterName;
  /** a format of date-format.ts, e.g. "M/D/YY H:mm", "YYYYMMDD" or "ISO" */
  dateFormat: string;
}

export type ImportPlan =
  | { kind: 'orders'; plan: OrderPlan }
  | { kind: 'accounts'; plan: AccountPlan }
  | { kind: 'products'; plan: ProductPlan }
  | { kind: RecordKindName; plan: RecordPlan<string> };

/** The row reader of each kind of file. */
function rowReader(kind: ImportKind, ctx: ReadingContext): RowReader<unknown> {
  switch (kind) {
    case 'orders':
      return new OrderRows(ctx);
    case 'accounts':
      return new AccountRows(ctx);
    case 'products':
      return new ProductRows(ctx);
    default:
      return new RecordRows(ctx, recordKinds[kind].spec);
  }
}

/** The outcome of the first pass over a file: every row read and checked, nothing written. */
export interface FileReading {
  columns: string[];
  dateFormat: DateFormat;
  /** data rows, blank lines not counted */
  totalRows: number;
  validRows: number;
  blankRows: number;
  errors: RowErrors;
  preview: Record<string, unknown>[];
  plan: ImportPlan;
  /** a format that reads the first date values, when the date column is mapped */
  suggestedDateFormat: string | null;
}

export interface ReadingHooks {
  /** called every few thousand rows with the rows read so far */
  onRows?: (rows: number) => void;
}

/** The header of a file as the mapping names its columns. */
export async function readColumns(filePath: string, delimiter: DelimiterName): Promise<string[]> {
  const records = await readRecords(filePath, delimiter);
  try {
    for await (const header of records) return columnNames(header);
  } catch (err) {
    const problem = asStructureProblem(err);
    throw problem instanceof CsvStructureProblem ? new FileProblem(`Row ${problem.row}: ${problem.message}`) : problem;
  }
  throw new FileProblem('The file is empty');
}

/**
 * Reads the whole file as a stream, checks every row against the mapping and the date format, and plans the
 * writes. Throws (400 material) when the date format or the mapping itself is wrong; problems of single rows
 * go to `errors` with their row number. `db` is only read: the users, customers and products the rows name.
 */
export async function readImportFile(filePath: string, options: ReadingOptions, db: Executor, hooks: ReadingHooks = {}): Promise<FileReading> {
  const dateFormat = compileDateFormat(options.dateFormat);
  // what the rows name in the database: the owners of an accounts file (few: all users at once), and the
  // customers, products and users of record files (looked up once the file is read, in batches)
  const userIds = options.kind === 'accounts' && options.mapping.owner_email ? await userIdsByEmail(db) : undefined;
  const references = new References(db);
  const errors = new RowErrors();
  const records = await readRecords(filePath, options.delimiter);
  let columns: string[] | null = null;
  let mapping: ResolvedMapping | null = null;
  let reader: RowReader<unknown> | null = null;
  let dateIndex: number | undefined;
  const dateSample: string[] = [];
  let row = 0;
  let totalRows = 0;
  let blankRows = 0;
  try {
    for await (const cells of records) {
      row++;
      if (columns === null) {
        columns = columnNames(cells);
        mapping = resolveMapping(options.kind, options.mapping, columns);
        const ctx: ReadingContext = { mapping, dateFormat, errors, userIds, references };
        reader = rowReader(options.kind, ctx);
        const dateField = sampleDateField[options.kind];
        dateIndex = dateField === undefined ? undefined : mapping.index[dateField];
        continue;
      }
      if (isBlankRecord(cells)) {
        blankRows++;
        continue;
      }
      totalRows++;
      if (cells.length !== columns.length && !(cells.length > columns.length && isBlankRecord(cells.slice(columns.length)))) {
        errors.add(row, null, null, problemOf('cellCount', `expected ${columns.length} cells as in the header, found ${cells.length}`, { expected: columns.length, found: cells.length }));
      } else {
        reader!.readRow(row, cells, cells.quoted);
      }
      if (dateIndex !== undefined && dateSample.length < 200 && cells[dateIndex] !== undefined && cells[dateIndex].trim() !== '') {
        dateSample.push(cells[dateIndex]);
      }
      if (hooks.onRows && totalRows % 4096 === 0) hooks.onRows(totalRows);
    }
  } catch (err) {
    const problem = asStructureProblem(err);
    if (!(problem instanceof CsvStructureProblem)) throw problem;
    if (columns === null) throw new FileProblem(`Row ${problem.row}: ${problem.message}`);
    errors.stop(problem.row, problemOf('unreadableCsv', problem.message, { reason: problem.reason }));
    totalRows++; // the row it could not read
  }
  if (columns === null || reader === null) throw new FileProblem('The file is empty');
  // A file that cannot be read to its end is refused whole: no need to look up what its rows name.
  if (reader.resolve && !errors.fatal) await reader.resolve();
  hooks.onRows?.(totalRows);
  const plan = { kind: options.kind, plan: reader.finish() } as ImportPlan;
  return {
    columns,
    dateFormat,
    totalRows,
    validRows: totalRows - errors.invalidRows.length,
    blankRows,
    errors,
    preview: reader.preview,
    plan,
    suggestedDateFormat: suggestDateFormat(dateSample),
  };
}
