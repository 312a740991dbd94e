/**
 * Fitting the lifetime-value models on a file, without the database (`relata analytics bgnbd|gammagamma`):
 * a summary table (one row per customer) or raw transactions that are summarised first (repeat purchases
 * counted per distinct day, times in weeks, as lifetimes' summary_data_from_transaction_data).
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { fitBgNbd, fitGammaGamma, summarizeRepeatBuying, type Transaction } from '@relata/analytics';
import { compileDateFormat } from '../imports/date-format.js';
import { UsageProblem } from '../imports/import-command.js';

type Table = { columns: string[]; rows: Record<string, string>[] };

function readTable(file: string): Table {
  if (!fs.existsSync(file)) throw new UsageProblem(`No file ${file}`);
  const rows = parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  if (!rows.length) throw new UsageProblem(`${file} has no rows`);
  return { columns: Object.keys(rows[0]), rows };
}

/** The first of `candidates` (or the one asked for) that the file has. */
function column(table: Table, asked: string | undefined, candidates: string[], role: string): string {
  const wanted = asked ? [asked] : candidates;
  const found = wanted.find((c) => table.columns.includes(c));
  if (!found) throw new UsageProblem(`No ${role} column (${wanted.join(' or ')}) in the file; it has: ${table.columns.join(', ')}`);
  return found;
}

function numbers(table: Table, name: string): number[] {
  return table.rows.map((r, i) => {
    const v = Number(r[name]);
    if (!Number.isFinite(v)) throw new UsageProblem(`Row ${i + 2}, column ${name}: "${r[name]}" is not a number`);
    return v;
  });
}

const timed = <T>(work: () => T) => {
  const t0 = performance.now();
  const result = work();
  return { result, seconds: Number(((performance.now() - t0) / 1000).toFixed(4)) };
};

export interface BgNbdFileOptions {
  summary?: string;
  transactions?: string;
  frequency?: string;
  recency?: string;
  T?: string;
  customer?: string;
  date?: string;
  dateFormat?: string;
  amount?: string;
  calibrationEnd?: string;
}

export function fitBgNbdFile(o: BgNbdFileOptions) {
  if (!o.summary === !o.transactions) throw new UsageProblem('Give either --summary FILE or --transactions FILE');
  let customers: { x: number; tx: number; T: number }[];
  if (o.summary) {
    const table = readTable(o.summary);
    const x = numbers(table, column(table, o.frequency, ['frequency', 'x'], 'frequency'));
    const tx = numbers(table, column(table, o.recency, ['recency', 't_x'], 'recency'));
    const T = numbers(table, column(table, o.T, ['T'], 'T'));
    customers = x.map((xi, i) => ({ x: xi, tx: tx[i], T: T[i] }));
  } else {
    customers = summariseTransactions(o);
  }
  const { result, seconds } = timed(() => fitBgNbd(customers));
  return { model: 'BG/NBD', customers: result.customers, params: result.params, logLikelihood: result.logLikelihood, converged: result.converged, fitSeconds: seconds };
}

function summariseTransactions(o: BgNbdFileOptions) {
  if (!o.customer || !o.date || !o.calibrationEnd) throw new UsageProblem('--transactions needs --customer COL, --date COL and --calibration-end DATE');
  const table = readTable(o.transactions!);
  const customer = column(table, o.customer, [], 'customer');
  const date = column(table, o.date, [], 'date');
  const amount = o.amount ? column(table, o.amount, [], 'amount') : undefined;
  const format = compileDateFormat(o.dateFormat ?? 'ISO');
  const end = format.parse(o.calibrationEnd);
  if (typeof end !== 'number') throw new UsageProblem(`--calibration-end ${o.calibrationEnd}: ${end.message}`);
  const transactions: Transaction[] = table.rows.map((r, i) => {
    const at = format.parse(r[date]);
    if (typeof at !== 'number') throw new UsageProblem(`Row ${i + 2}, column ${date}: ${at.message}`);
    return { customerId: r[customer], date: at, amount: amount ? Number(r[amount]) : 0 };
  });
  return summarizeRepeatBuying(transactions, { calibrationEnd: end, unit: 'weeks' });
}

export function fitGammaGammaFile(o: { summary?: string; frequency?: string; monetary?: string }) {
  if (!o.summary) throw new UsageProblem('Give --summary FILE');
  const table = readTable(o.summary);
  const x = numbers(table, column(table, o.frequency, ['frequency', 'x'], 'frequency'));
  const zbar = numbers(table, column(table, o.monetary, ['monetary_value', 'zbar', 'monetary'], 'average spend'));
  const { result, seconds } = timed(() => fitGammaGamma(x.map((xi, i) => ({ x: xi, zbar: zbar[i] }))));
  return { model: 'Gamma-Gamma', customers: result.customers, excluded: result.excluded, params: result.params, logLikelihood: result.logLikelihood, converged: result.converged, fitSeconds: seconds };
}
