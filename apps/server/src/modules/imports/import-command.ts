import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../db/connection.js';
import { HttpError } from '../../http/errors.js';
import { suggestMapping } from './column-matching.js';
import { compileDateFormat, DateFormatError, ISO_DATE_FORMAT } from './date-format.js';
import { delimiterNames, detectDelimiter, parseDelimiter } from './delimiter.js';
import { FileProblem, readFileHead } from './file-source.js';
import { readColumns } from './import-reading.js';
import { runImport, type ImportRequest } from './import-run.js';
import { parseMapArgument, resolveMapping, type ColumnMapping } from './mapping.js';
import { importKinds, type ImportKind } from './schema.js';

export interface ImportCommandOptions {
  map?: string[];
  delimiter?: string;
  dateFormat?: string;
  skipInvalid?: boolean;
  dryRun?: boolean;
  currency?: string;
  as?: string;
}

/** A mistake in the command line or the file: told to the user on stderr, exit code 2. */
export class UsageProblem extends Error {}

/**
 * `relata import <kind> <file>`, first half: everything that can be checked without the database (the file,
 * the delimiter, the date format, the mapping), so that a mistake is reported at once.
 */
export async function prepareImportCommand(kind: string, file: string, options: ImportCommandOptions): Promise<Omit<ImportRequest, 'userId'>> {
  if (!(importKinds as readonly string[]).includes(kind)) throw new UsageProblem(`Unknown kind "${kind}": use ${importKinds.join(', ')}`);
  const filePath = path.resolve(file);
  if (!fs.existsSync(filePath) || !fs.statSync(filePath).isFile()) throw new UsageProblem(`No file ${filePath}`);
  try {
    const head = await readFileHead(filePath);
    const delimiter = options.delimiter === undefined ? detectDelimiter(head.text, head.complete) : parseDelimiter(options.delimiter);
    if (!delimiter) throw new UsageProblem(`Unknown delimiter "${options.delimiter}": use one of ${delimiterNames.join(', ')} (or , ;)`);
    const dateFormat = options.dateFormat ?? ISO_DATE_FORMAT;
    compileDateFormat(dateFormat);
    if (options.currency !== undefined && !/^[A-Z]{3}$/.test(options.currency)) throw new UsageProblem('--currency is a three-letter ISO 4217 code, e.g. GBP');
    const columns = await readColumns(filePath, delimiter);
    // Without --map, the columns the web wizard would propose; the report shows which were used.
    const mapping: ColumnMapping = options.map?.length
      ? parseMapArgument(options.map)
      : Object.fromEntries(Object.entries(suggestMapping(kind as ImportKind, columns)).filter(([, column]) => column !== null));
    resolveMapping(kind as ImportKind, mapping, columns);
    return {
      kind: kind as ImportKind,
      mapping,
      delimiter,
      dateFormat,
      filePath,
      fileName: path.basename(filePath),
      fileSha256: options.dryRun ? null : await sha256Of(filePath),
      skipInvalid: options.skipInvalid ?? false,
      dryRun: options.dryRun ?? false,
      currency: options.currency,
    };
  } catch (err) {
    if (err instanceof FileProblem || err instanceof DateFormatError) throw new UsageProblem(err.message);
    if (err instanceof HttpError) {
      const details = Array.isArray(err.details) ? (err.details as { path: string; message: string }[]).map((d) => `\n  ${d.path}: ${d.message}`).join('') : '';
      throw new UsageProblem(`${err.message}${details}`);
    }
    throw err;
  }
}

/**
 * Second half: the import itself, the same as the web wizard's. Prints the JSON report on stdout (every
 * invalid row, not only the first thousand) and returns the exit code: 0 imported (or dry run), 1 nothing
 * imported because rows are invalid or the CSV is unreadable.
 */
export async function runImportCommand(database: Database, request: Omit<ImportRequest, 'userId'>, importer: string | undefined, print: (text: string) => void) {
  const userId = importer ? await userIdOf(database, importer) : null;
  const { report, allErrors, jobId } = await runImport(database, { ...request, userId });
  print(JSON.stringify({ ...report, errors: allErrors, jobId, database: database.kind }, null, 2));
  return report.outcome === 'rejected' ? 1 : 0;
}

async function userIdOf(database: Database, email: string) {
  const { rows } = await database.pool.query<{ id: number }>('SELECT id FROM users WHERE email = lower($1)', [email.trim()]);
  if (!rows[0]) throw new UsageProblem(`--as: there is no user with the email ${email}`);
  return Number(rows[0].id);
}

async function sha256Of(filePath: string) {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
