import fs from 'node:fs';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';

/** The file cannot be imported at all (empty, binary, not UTF-8, broken gzip): the message says why. */
export class FileProblem extends Error {}

const GZIP_MAGIC = [0x1f, 0x8b];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

async function firstBytes(filePath: string, n: number) {
  const handle = await fs.promises.open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buffer, 0, n, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * The file's bytes, gunzipped when they start with the gzip magic number — whatever the file is called, since
 * uploads keep their name only as a label.
 */
export async function openFileBytes(filePath: string): Promise<Readable> {
  const gzipped = startsWith(await firstBytes(filePath, 2), GZIP_MAGIC);
  const raw = fs.createReadStream(filePath, { highWaterMark: 256 * 1024 });
  if (!gzipped) return raw;
  const gunzip = zlib.createGunzip({ chunkSize: 256 * 1024 });
  raw.on('error', (err) => gunzip.destroy(err));
  gunzip.on('error', () => raw.destroy());
  return raw.pipe(gunzip);
}

/**
 * The beginning of the file as text, for headers, sample rows and delimiter detection; refuses files that are
 * not text in a way the user can act on.
 */
export async function readFileHead(filePath: string, maxBytes = 256 * 1024): Promise<{ text: string; complete: boolean }> {
  const magic = await firstBytes(filePath, 4);
  if (magic.length === 0) throw new FileProblem('The file is empty');
  if (startsWith(magic, ZIP_MAGIC)) {
    throw new FileProblem('This is a ZIP archive or an Excel workbook (.xlsx), not a CSV file: save the sheet as "CSV UTF-8" and upload that');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let complete = true;
  const bytes = await openFileBytes(filePath);
  try {
    for await (const chunk of bytes as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= maxBytes) {
        complete = false;
        break;
      }
    }
  } catch {
    throw new FileProblem('The file starts like a gzip archive but cannot be decompressed');
  } finally {
    bytes.destroy();
  }
  const head = Buffer.concat(chunks).subarray(0, maxBytes);
  if (head.length === 0 || head.toString('utf8').trim() === '') throw new FileProblem('The file is empty');
  if (head.includes(0)) throw new FileProblem('This is a binary file, not CSV text');
  let text: string;
  try {
    // stream: true tolerates a character cut in two at the end of the sample
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
  } catch {
    throw new FileProblem('The file is not UTF-8 text: save it as "CSV UTF-8" and upload it again');
  }
  return { text: text.replace(/^\uFEFF/, ''), complete };
}
