// Worker-thread side of the predictive-model step (started by jobs/run-in-worker.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { computeSegments } from './compute.js';
import type { SegmentWorkerInput } from './refresh.js';

const { input } = workerData as { input: SegmentWorkerInput };
try {
  const result = computeSegments(input, (percent, stage) => parentPort!.postMessage({ type: 'progress', percent, stage }));
  parentPort!.postMessage({ type: 'result', result });
} catch (err) {
  parentPort!.postMessage({ type: 'error', message: (err as Error).stack ?? (err as Error).message });
}
