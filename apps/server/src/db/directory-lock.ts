import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no lock between processes: a second process on the same directory silently loses the
 * first one's writes. We keep a pid file beside the data and refuse to open while its owner lives.
 */
export function acquireDirectoryLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'relata.pid');
  const holder = readLockHolder(dataDir);
  if (holder !== null && holder !== process.pid) {
    throw new Error(`The data directory ${dataDir} is in use by process ${holder}. Stop that Relata first.`);
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => {
    if (readLockHolder(dataDir) === process.pid) fs.rmSync(lockFile, { force: true });
  };
}

/** The pid of the live process that holds the directory, or null. */
export function readLockHolder(dataDir: string): number | null {
  const lockFile = path.join(dataDir, 'relata.pid');
  if (!fs.existsSync(lockFile)) return null;
  const pid = Number(fs.readFileSync(lockFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}
