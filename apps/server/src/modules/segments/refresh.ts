/**
 * The predictive-model step of an analytics refresh: read order lines, products, the run's scores and the
 * accounts' attributes; compute in a worker thread (groups, product groups, their association, rules, offers
 * and the offers' holdout evaluation); store it all under the run. Returns the summary kept with the run.
 */
import type { Database } from '../../db/connection.js';
import { runInWorker } from '../../jobs/run-in-worker.js';
import type { ValueParams } from '../analytics/customer-value.js';
import { loadSegmentInputs, type SegmentInputs } from './inputs.js';
import { defaultSegmentParams, type SegmentParams } from './params.js';
import type { SegmentResult } from './result.js';
import { storeSegments } from './store.js';

const DAY_MS = 86_400_000;

export async function refreshSegments(
  database: Database,
  runId: number,
  asOf: Date,
  valueParams: ValueParams,
  progress: (percent: number, stage: string) => void,
): Promise<Record<string, unknown> | null> {
  const t0 = performance.now();
  const inputs = await loadSegmentInputs(database, runId, asOf);
  const readMs = Math.round(performance.now() - t0);
  // the model needs products bought by known customers (CDNOW-like data with amounts only has none)
  if (inputs.lines.day.length === 0 || inputs.scores.ids.length < 10) return null;
  const params: SegmentParams = { ...defaultSegmentParams, ...valueParams.segments };
  const l = inputs.lines;
  const result = await runInWorker<unknown, SegmentResult>(
    new URL('./segment-worker.ts', import.meta.url),
    { inputs, asOfDay: Math.floor(asOf.getTime() / DAY_MS) + 1, params, valueParams } satisfies SegmentWorkerInput,
    progress,
    [l.order, l.account, l.day, l.product, l.quantity, l.revenue, l.margin].map((a) => a.buffer as ArrayBuffer),
  );
  const t1 = performance.now();
  await storeSegments(database, runId, result);
  const timingsMs = { read: readMs, ...(result.summary.timingsMs as Record<string, number>), save: Math.round(performance.now() - t1) };
  return { ...result.summary, params, timingsMs };
}

export interface SegmentWorkerInput {
  inputs: SegmentInputs;
  /** purchases on days before this one count (the day after asOf) */
  asOfDay: number;
  params: SegmentParams;
  valueParams: ValueParams;
}
