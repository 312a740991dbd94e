import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface SavedUpload {
  filePath: string;
  sha256: string;
  bytes: number;
}

/**
 * Streams an upload to the upload directory under a name of our own (the client's file name is only a label)
 * and hashes it on the way. A failed or oversized upload leaves no file behind.
 */
export async function saveUpload(stream: Readable, uploadDir: string): Promise<SavedUpload> {
  await fs.promises.mkdir(uploadDir, { recursive: true });
  const filePath = path.join(uploadDir, `${randomUUID()}.upload`);
  const hash = createHash('sha256');
  let bytes = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(stream, measure, fs.createWriteStream(filePath));
  } catch (err) {
    await removeUpload(filePath);
    throw err;
  }
  return { filePath, sha256: hash.digest('hex'), bytes };
}

export const removeUpload = (filePath: string | null | undefined) => (filePath ? fs.promises.rm(filePath, { force: true }) : Promise.resolve());
