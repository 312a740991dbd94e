/**
 * Import speed: the CDNOW master file (69,659 purchases) and the whole UCI Online Retail file (541,909 order
 * lines) imported through the same code path as `relata import`, into a fresh embedded PGlite and a fresh
 * PostgreSQL database, then imported again (the second import must change nothing).
 *
 *   npx tsx bench/import.ts [--only cdnow|retail] [--skip pglite|postgres]
 *
 * PostgreSQL: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) names a server where a throwaway
 * database is created and dropped. Figures are order lines per second for the whole import (reading, checking
 * and writing), with the read and write phases shown separately, and the rows the write phase inserted or
 * updated per second of writing (accounts, products, orders and lines together).
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../apps/server/src/db/connection.js';
import { migrateDatabase } from '../apps/server/src/db/migrate.js';
import { openScratchPostgres } from '../apps/server/test/scratch-database.js';
import { runImport, type ImportRequest } from '../apps/server/src/modules/imports/import-run.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const data = process.env.RELATA_SHARED_DATA ?? path.resolve(root, '..', 'shared', 'data');
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const skip = args.includes('--skip') ? args[args.indexOf('--skip') + 1] : null;

const files: (Omit<ImportRequest, 'userId' | 'skipInvalid' | 'dryRun'> & { name: string })[] = [
  {
    name: 'cdnow',
    kind: 'orders',
    filePath: path.join(data, 'cdnow', 'CDNOW_master.txt.gz'),
    fileName: 'CDNOW_master.txt.gz',
    delimiter: 'whitespace',
    dateFormat: 'YYYYMMDD',
    currency: 'USD',
    mapping: { account: 'customer_id', date: 'date', quantity: 'number_of_cds', amount: 'dollar_value' },
  },
  {
    name: 'retail',
    kind: 'orders',
    filePath: path.join(data, 'online-retail', 'online-retail-2010-2011.csv.gz'),
    fileName: 'online-retail-2010-2011.csv.gz',
    delimiter: 'comma',
    dateFormat: 'YYYY-MM-DD HH:mm:ss',
    currency: 'GBP',
    mapping: {
      order: 'InvoiceNo',
      sku: 'StockCode',
      product_name: 'Description',
      quantity: 'Quantity',
      date: 'InvoiceDate',
      unit_price: 'UnitPrice',
      account: 'CustomerID',
      country: 'Country',
    },
  },
].filter((f) => !only || f.name === only) as never;

const freshPostgres = () => openScratchPostgres(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test', 'relata_bench');

const rows: string[][] = [];
const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en-US');

for (const kind of ['pglite', 'postgres'] as const) {
  if (skip === kind) continue;
  // Each file into its own fresh database, so that figures do not depend on what was imported before.
  for (const file of files) {
    const database = kind === 'pglite' ? await openDatabase({ dataDir: 'memory://' }) : await freshPostgres();
    try {
      await migrateDatabase(database);
      for (const pass of ['first', 'again'] as const) {
        const t0 = Date.now();
        const { report } = await runImport(database, { ...file, skipInvalid: false, dryRun: false, userId: null });
        const ms = Date.now() - t0;
        if (report.outcome !== 'imported') throw new Error(`${file.name}: ${report.message}`);
        const lines = report.lines!;
        // rows the database inserted or updated (accounts, products, orders, lines): CDNOW writes ~2.3 per line
        const written = (['accounts', 'products', 'orders', 'lines'] as const).reduce((n, k) => n + report[k]!.inserted + report[k]!.updated, 0);
        rows.push([
          kind,
          file.name,
          pass,
          String(report.totalRows),
          `${(ms / 1000).toFixed(2)} s`,
          perSecond(report.totalRows, ms),
          perSecond(written, report.writeMs),
          `${(report.readMs / 1000).toFixed(2)} s`,
          `${(report.writeMs / 1000).toFixed(2)} s`,
          `${lines.inserted}/${lines.updated}/${lines.unchanged}`,
        ]);
        console.error(rows.at(-1)!.join('  '));
      }
    } finally {
      await database.close();
    }
  }
}

const header = ['database', 'file', 'import', 'lines', 'time', 'lines/s', 'rows written/s', 'read', 'write', 'lines ins/upd/same'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(`\nImport benchmark — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}`);
console.log(line(header));
for (const r of rows) console.log(line(r));
