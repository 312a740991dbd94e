// Worker-thread side of the trainer page: the network candidate trains for seconds, the API keeps answering.
import { parentPort, workerData } from 'node:worker_threads';
import { trainFromFile, type TrainFileOptions } from '../analytics/train-files.js';
import { UsageProblem } from '../imports/import-command.js';

const { input } = workerData as { input: TrainFileOptions };
try {
  parentPort!.postMessage({ type: 'result', result: { ok: true, training: await trainFromFile(input) } });
} catch (err) {
  if (err instanceof UsageProblem) parentPort!.postMessage({ type: 'result', result: { ok: false, problem: err.message } });
  else parentPort!.postMessage({ type: 'error', message: (err as Error).stack ?? (err as Error).message });
}
