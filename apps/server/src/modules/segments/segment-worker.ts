// Worker-thread side of the predictive-model step (started by jobs/run-in-worker.ts): the groups, product groups,
// rules and offers, then the propensity and churn models on the same data.
import { parentPort, workerData } from 'node:worker_threads';
import { computePropensity } from '../propensity/compute.js';
import { propensityInputOf } from '../propensity/from-segments.js';
import { computeSegments } from './compute.js';
import { linesByAccountDay } from './customer-features.js';
import type { SegmentWorkerInput } from './refresh.js';

const { input } = workerData as { input: SegmentWorkerInput };
const progress = (percent: number, stage: string) => parentPort!.postMessage({ type: 'progress', percent, stage });
try {
  const byAccountDay = linesByAccountDay(input.inputs.lines);
  const segments = computeSegments(input, (p, stage) => progress(p * 0.6, stage), byAccountDay);
  const t0 = performance.now();
  const propensity = await computePropensity(propensityInputOf(input, segments, byAccountDay), (p, stage) => progress(60 + p * 0.4, stage));
  (segments.summary.timingsMs as Record<string, number>).propensity = Math.round(performance.now() - t0);
  parentPort!.postMessage({ type: 'result', result: { segments, propensity } });
} catch (err) {
  parentPort!.postMessage({ type: 'error', message: (err as Error).stack ?? (err as Error).message });
}
