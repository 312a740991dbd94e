/**
 * The predictive-model step of an analytics refresh: read order lines, products, the run's scores, the accounts'
 * attributes and contacts, and the prediction ledger (resolving what has come due); compute in a worker thread
 * (groups, product groups, their association, rules, offers and their holdout evaluation; propensity and churn
 * models); store it all under the run. Returns the summary kept with the run.
 */
import type { Database } from '../../db/connection.js';
import { runInWorker } from '../../jobs/run-in-worker.js';
import type { ValueParams } from '../analytics/customer-value.js';
import { loadSegmentInputs, type SegmentInputs } from './inputs.js';
import { defaultSegmentParams, type SegmentParams } from './params.js';
import type { SegmentResult } from './result.js';
import { storeSegments } from './store.js';
import type { LedgerPrediction } from '@relata/analytics';
import type { PropensityTargetResult } from '../propensity/compute.js';
import { loadContacts, loadLedger, resolveOutcomes, type ContactDays } from '../propensity/ledger.js';
import { defaultPropensityParams } from '../propensity/params.js';
import { storePropensity } from '../propensity/store.js';

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
  const horizonDays = { ...defaultPropensityParams, ...valueParams.propensity }.horizonDays;
  // the ledger first: predictions whose horizon has passed get their outcome, and their errors correct this run's
  const resolved = await resolveOutcomes(database, asOf);
  const ledger = await loadLedger(database, asOf, horizonDays);
  const contacts = await loadContacts(database, asOf);
  const readMs = Math.round(performance.now() - t0);
  // the model needs products bought by known customers (CDNOW-like data with amounts only has none)
  if (inputs.lines.day.length === 0 || inputs.scores.ids.length < 10) return null;
  const params: SegmentParams = { ...defaultSegmentParams, ...valueParams.segments };
  const l = inputs.lines;
  const { segments, propensity } = await runInWorker<unknown, { segments: SegmentResult; propensity: PropensityTargetResult[] }>(
    new URL('./segment-worker.ts', import.meta.url),
    { inputs, contacts, ledger, asOfDay: Math.floor(asOf.getTime() / DAY_MS) + 1, params, valueParams } satisfies SegmentWorkerInput,
    progress,
    [l.order, l.account, l.day, l.product, l.quantity, l.revenue, l.margin].map((a) => a.buffer as ArrayBuffer),
  );
  const t1 = performance.now();
  await storeSegments(database, runId, segments);
  await storePropensity(database, runId, asOf, horizonDays, propensity);
  const timingsMs = { read: readMs, ...(segments.summary.timingsMs as Record<string, number>), save: Math.round(performance.now() - t1) };
  return { ...segments.summary, params, timingsMs, propensity: { targets: propensity.map((p) => p.target), resolvedPredictions: resolved, horizonDays } };
}

/** What the groups, rules and offers are computed from. */
export interface SegmentComputeInput {
  inputs: SegmentInputs;
  /** purchases on days before this one count (the day after asOf) */
  asOfDay: number;
  params: SegmentParams;
  valueParams: ValueParams;
}

/** and, for the propensity models, the days of contact per account and the resolved predictions of earlier runs */
export interface SegmentWorkerInput extends SegmentComputeInput {
  contacts: ContactDays;
  ledger: Record<string, LedgerPrediction[]>;
}
