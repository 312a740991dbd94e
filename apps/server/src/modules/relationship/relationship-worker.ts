// Worker-thread side of the relationship-value step (started by jobs/run-in-worker.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { computeRelationship, type RelationshipInput } from './compute.js';

const { input } = workerData as { input: RelationshipInput };
try {
  parentPort!.postMessage({ type: 'result', result: await computeRelationship(input) });
} catch (err) {
  parentPort!.postMessage({ type: 'error', message: (err as Error).stack ?? (err as Error).message });
}
