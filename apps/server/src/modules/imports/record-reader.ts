import { pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import { delimiterCharacter, type DelimiterName } from './delimiter.js';
import { openFileBytes } from './file-source.js';

/**
 * A record of a file: its cells exactly as written (quotes removed, nothing trimmed). `quoted` lists the
 * columns whose value was in double quotes, when there are any: a quoted value is kept as it is, blanks
 * included, even where blanks around an unquoted identifier are dropped.
 */
export type SourceRecord = string[] & { quoted?: ReadonlySet<number> };

/**
 * The records of a file, header first. Blank lines come through as records of blank cells so that counting
 * records gives the row number a spreadsheet shows (header = row 1); the readers skip them.
 */
export async function readRecords(filePath: string, delimiter: DelimiterName): Promise<AsyncIterable<SourceRecord>> {
  const bytes = await openFileBytes(filePath);
  if (delimiter === 'whitespace') return whitespaceRecords(bytes);
  const character = delimiterCharacter[delimiter];
  const parser = parse({
    delimiter: character,
    bom: true,
    // RFC 4180: quotes are strict; a row with too many or too few cells is reported by the row readers
    relax_column_count: true,
    skip_empty_lines: false,
    // a lost quote must not swallow the whole file into one value
    max_record_size: 1_000_000,
    // the record's text, to see which values were quoted (csv-parse's per-field cast would be ten times slower)
    raw: true,
  });
  return withQuotedColumns(pipeline(bytes, parser, () => {}) as AsyncIterable<{ record: string[]; raw: string }>, character);
}

async function* withQuotedColumns(records: AsyncIterable<{ record: string[]; raw: string }>, delimiter: string): AsyncGenerator<SourceRecord> {
  for await (const { record, raw } of records) {
    // not enumerable: the record still compares and prints as the plain array of its cells
    if (raw.includes('"')) Object.defineProperty(record, 'quoted', { value: quotedColumns(raw, delimiter) });
    yield record;
  }
}

/** Columns of a raw CSV record whose value opens with a quote (the parser has already checked the quoting). */
export function quotedColumns(raw: string, delimiter: string): Set<number> {
  const quoted = new Set<number>();
  let column = 0;
  let atStart = true;
  let inQuotes = false;
  for (let i = raw.charCodeAt(0) === 0xfeff ? 1 : 0; i < raw.length; i++) {
    const ch = raw[i];
    if (inQuotes) {
      if (ch === '"') {
        if (raw[i + 1] === '"') i++;
        else inQuotes = false;
      }
    } else if (ch === delimiter) {
      column++;
      atStart = true;
    } else if (atStart && ch === '"') {
      quoted.add(column);
      inQuotes = true;
      atStart = false;
    } else {
      atStart = false;
    }
  }
  return quoted;
}

/** A CSV the parser cannot follow past some row (a quote that never closes, ...): nothing after it can be trusted. */
export class CsvStructureProblem extends Error {
  constructor(
    readonly row: number,
    /** the parser's own words (English), which the message wraps */
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

/** Turns csv-parse's errors into the row where reading stopped; other errors pass through. */
export function asStructureProblem(err: unknown): unknown {
  const e = err as { code?: string; records?: number; message?: string };
  if (typeof e?.code !== 'string' || !e.code.startsWith('CSV_')) return err;
  const reason = (e.message ?? e.code).replace(/ at line \d+/, '').replace(/, record delimiter.*$/, '');
  return new CsvStructureProblem((e.records ?? 0) + 1, reason, `The CSV cannot be read from this row on: ${reason} (a quote inside a quoted value must be doubled: "")`);
}

/**
 * Whitespace-separated text: runs of spaces or tabs separate cells, blanks at either end of a line are ignored,
 * and CRLF, LF and CR all end a line (the CDNOW files have CRLF; splitting on LF alone would leave a carriage
 * return in the last cell). No quoting.
 */
async function* whitespaceRecords(bytes: AsyncIterable<Buffer>): AsyncGenerator<string[]> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let first = true;
  for await (const chunk of bytes) {
    let text = pending + decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    const lines = text.split(/\r\n|\n|\r(?!$)/);
    // the last piece may be an unfinished line, or a CR whose LF is in the next chunk
    pending = lines.pop() ?? '';
    for (const line of lines) yield splitOnBlanks(line);
  }
  pending += decoder.decode();
  const tail = pending.split(/\r\n|\n|\r/);
  if (tail[tail.length - 1] === '') tail.pop();
  for (const line of tail) yield splitOnBlanks(line);
}

const splitOnBlanks = (line: string) => {
  const content = line.replace(/^[ \t]+|[ \t]+$/g, '');
  return content === '' ? [''] : content.split(/[ \t]+/);
};

export function isBlankRecord(cells: string[]) {
  for (const c of cells) {
    // a visible first character settles it without trimming (this runs for every row)
    if (c.length > 0 && ((c.charCodeAt(0) > 32 && c.charCodeAt(0) < 127) || c.trim() !== '')) return false;
  }
  return true;
}

/** Column names as the mapping refers to them: trimmed, never empty, never repeated. */
export function columnNames(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const base = raw.trim() || `Column ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}
