import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { DelimiterName } from './delimiter.js';
import { asStructureProblem, columnNames, CsvStructureProblem, quotedColumns, readRecords, type SourceRecord } from './record-reader.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relata-records-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (content: string | Buffer, gzip = false) => {
  const p = path.join(dir, `f${n++}.dat`);
  fs.writeFileSync(p, gzip ? zlib.gzipSync(content) : content);
  return p;
};
const all = async (p: string, delimiter: DelimiterName) => {
  const out: string[][] = [];
  for await (const r of await readRecords(p, delimiter)) out.push(r);
  return out;
};

describe('reading records', () => {
  it('splits whitespace layouts on runs of blanks, CRLF included, leading blanks ignored', async () => {
    const text = ' customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n\r\n 00002\t19970112  1   12.00\r\n';
    expect(await all(file(text), 'whitespace')).toEqual([
      ['customer_id', 'date', 'number_of_cds', 'dollar_value'],
      ['00001', '19970101', '1', '11.77'],
      [''],
      ['00002', '19970112', '1', '12.00'],
    ]);
  });

  it('does not leave a carriage return behind when CR and LF arrive in different chunks', async () => {
    // 256 KiB chunks: put a CRLF across the boundary
    const line = 'a b\r\n';
    const filler = 'x'.repeat(256 * 1024 - 1) + '\r\n1 2';
    const records = await all(file(line + filler.slice(line.length)), 'whitespace');
    expect(records.every((r) => r.every((c) => !c.includes('\r')))).toBe(true);
    expect(records.at(-1)).toEqual(['1', '2']);
  });

  it('gunzips by magic number, whatever the name', async () => {
    expect(await all(file('a,b\n1,2', true), 'comma')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads RFC 4180 CSV: BOM, quotes, doubled quotes, line breaks in values, blanks kept', async () => {
    const text = '\uFEFFa,b\r\n" x ","say ""hi"""\r\n  y  ,"two\r\nlines"\r\n';
    const records = await all(file(text), 'comma');
    expect(records).toEqual([
      ['a', 'b'],
      [' x ', 'say "hi"'],
      ['  y  ', 'two\r\nlines'],
    ]);
    // which values were quoted: blanks inside quotes are data
    expect(records.map((r) => [...((r as SourceRecord).quoted ?? [])])).toEqual([[], [0, 1], [1]]);
  });

  it('finds the quoted columns of a raw record', () => {
    expect([...quotedColumns('1;"a;b";"x""y";4;""\r\n', ';')]).toEqual([1, 2, 4]);
    expect([...quotedColumns('\uFEFF"id",name', ',')]).toEqual([0]);
    expect([...quotedColumns('a,b"c,d', ',')]).toEqual([]);
  });

  it('reports where the CSV stops making sense', async () => {
    const p = file('a,b\n1,2\n\n3,"4\n5,6\n');
    try {
      await all(p, 'comma');
      expect.unreachable();
    } catch (err) {
      const problem = asStructureProblem(err);
      expect(problem).toBeInstanceOf(CsvStructureProblem);
      expect((problem as CsvStructureProblem).row).toBe(4);
    }
  });

  it('names columns uniquely', () => {
    expect(columnNames([' id ', '', 'name', 'name', 'id'])).toEqual(['id', 'Column 2', 'name', 'name (2)', 'id (2)']);
  });
});
