// Worker-thread side of a customer-value refresh (started by jobs/run-in-worker.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { computeCustomerValue, type AccountFacts, type PurchaseDays, type ValueParams } from './customer-value.js';

const { input } = workerData as { input: { history: PurchaseDays; facts: AccountFacts; asOfDay: number; params: ValueParams } };
try {
  const result = computeCustomerValue(input.history, input.facts, input.asOfDay, input.params, (percent, stage) =>
    parentPort!.postMessage({ type: 'progress', percent, stage }),
  );
  parentPort!.postMessage({ type: 'result', result });
} catch (err) {
  parentPort!.postMessage({ type: 'error', message: (err as Error).message });
}
