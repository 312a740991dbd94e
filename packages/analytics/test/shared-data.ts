// Locates the shared public data sets (../shared/data beside the repository; see
// shared/data/README.md) and parses the CDNOW files. Tests that need them skip, with the
// message below, when the folder is missing.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Transaction } from '../src/transaction.js';

const here = dirname(fileURLToPath(import.meta.url));
/** packages/analytics/test → repository root. */
export const repoRoot = resolve(here, '../../..');
export const sharedDataDir = resolve(repoRoot, '../shared/data');

export function sharedDataPath(relative: string): string {
  return resolve(sharedDataDir, relative);
}

/** undefined when all files exist, else the reason to skip (and it is printed once). */
export function missingSharedData(...relatives: string[]): string | undefined {
  const missing = relatives.filter((r) => !existsSync(sharedDataPath(r)));
  if (missing.length === 0) return undefined;
  const reason = `shared data not found (${missing.join(', ')} under ${sharedDataDir}); data tests skipped`;
  console.warn(`[analytics tests] ${reason}`);
  return reason;
}

function csvRows(relative: string): number[][] {
  return readFileSync(sharedDataPath(relative), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.length > 0)
    .map((line) => line.split(',').map(Number));
}

/** cdnow_customers_summary.csv: ID, frequency, recency, T (weeks, 2 decimals). */
export function readCdnowSummary(): { id: number; x: number; tx: number; T: number }[] {
  return csvRows('cdnow/cdnow_customers_summary.csv').map(([id, x, tx, T]) => ({ id, x, tx, T }));
}

/** cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T, zbar. */
export function readCdnowSummaryWithSpend(): { id: number; x: number; tx: number; T: number; zbar: number }[] {
  return csvRows('cdnow/cdnow_customers_summary_with_transactions.csv').map(([id, x, tx, T, zbar]) => ({
    id,
    x,
    tx,
    T,
    zbar,
  }));
}

const isoDate = (yyyymmdd: string): string => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;

/** CDNOW_sample.txt (CRLF; blanks-separated master_id sample_id date cds dollars), keyed by sample id. */
export function readCdnowSample(): Transaction[] {
  return readFileSync(sharedDataPath('cdnow/CDNOW_sample.txt'), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const [, sampleId, date, , dollars] = line.trim().split(/\s+/);
      return { customerId: Number(sampleId), date: isoDate(date), amount: Number(dollars) };
    });
}

/** CDNOW_master.txt.gz (a header line, then customer_id date cds dollars). */
export function readCdnowMaster(): Transaction[] {
  const text = gunzipSync(readFileSync(sharedDataPath('cdnow/CDNOW_master.txt.gz'))).toString('utf8');
  const lines = text.split(/\r?\n/).filter((line) => line.trim().length > 0);
  const rows = /^\s*\d/.test(lines[0]) ? lines : lines.slice(1);
  return rows.map((line) => {
    const [id, date, , dollars] = line.trim().split(/\s+/);
    return { customerId: Number(id), date: isoDate(date), amount: Number(dollars) };
  });
}
