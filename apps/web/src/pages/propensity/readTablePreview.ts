/**
 * The start of an uploaded table, read in the browser before anything is sent: the header (named as the server's
 * importer names columns: blanks become "Column n", repeats get " (2)") and the first rows, so the analyst picks
 * the target and id columns from the file itself. A .gz file is unpacked on the fly (DecompressionStream).
 */

export interface TablePreview {
  header: string[];
  rows: string[][];
}

const PREVIEW_BYTES = 256 * 1024;
const PREVIEW_ROWS = 500;

async function readStart(file: File): Promise<string> {
  const gzip = /\.gz$/i.test(file.name) || file.type === 'application/gzip' || file.type === 'application/x-gzip';
  let stream: ReadableStream<Uint8Array> = file.stream();
  if (gzip) {
    if (typeof DecompressionStream === 'undefined') throw new Error('gzip');
    stream = stream.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
  }
  const reader = stream.getReader();
  const decoder = new TextDecoder('utf-8');
  let text = '';
  let bytes = 0;
  try {
    while (bytes < PREVIEW_BYTES) {
      const { value, done } = await reader.read();
      if (done) {
        text += decoder.decode();
        return text;
      }
      bytes += value.byteLength;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    void reader.cancel().catch(() => {});
  }
  // cut at the last line break: the rest is a partial row
  const end = text.lastIndexOf('\n');
  return end >= 0 ? text.slice(0, end + 1) : text;
}

/** Splits comma-separated text into records (quotes, doubled quotes and line breaks inside quotes). */
export function parseCsv(text: string, limit = Infinity): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length && records.length < limit; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
    } else cell += ch;
  }
  if (records.length < limit && (cell !== '' || record.length > 0)) {
    record.push(cell);
    records.push(record);
  }
  return records;
}

export function columnNames(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const base = raw.trim() || `Column ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

export async function readTablePreview(file: File): Promise<TablePreview> {
  const records = parseCsv(await readStart(file), PREVIEW_ROWS + 1).filter((r) => r.some((c) => c.trim() !== ''));
  if (records.length === 0) return { header: [], rows: [] };
  return { header: columnNames(records[0]), rows: records.slice(1) };
}

/** The distinct values of a column among the preview rows, most frequent first (the target's labels). */
export function columnValues(preview: TablePreview, column: string, max = 12): { value: string; count: number }[] {
  const index = preview.header.indexOf(column);
  if (index < 0) return [];
  const counts = new Map<string, number>();
  for (const row of preview.rows) {
    const v = (row[index] ?? '').trim();
    if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([value, count]) => ({ value, count }));
}

/** A guess at the yes/no outcome column: named like one, or the last column with two values. */
export function guessTarget(preview: TablePreview): string | undefined {
  const named = preview.header.find((h) => /^(exited|churn(ed)?|target|label|outcome|y|bought|purchased|converted|responded|left)$/i.test(h.trim()));
  if (named) return named;
  for (let i = preview.header.length - 1; i >= 0; i--) {
    if (columnValues(preview, preview.header[i], 3).length === 2) return preview.header[i];
  }
  return undefined;
}

/** A guess at the id column: named like an identifier. */
export function guessId(preview: TablePreview): string | undefined {
  return preview.header.find((h) => /(^|[_\s.-])id$|[a-z0-9]Id$|^id$/i.test(h.trim()) || /^(customer|client|account)[\s_-]?(id|no|number)$/i.test(h.trim()));
}
