import { Worker } from 'node:worker_threads';

/** Messages a worker module posts: progress (0–100 with a stage name), then one result or an error. */
export type WorkerMessage<R> = { type: 'progress'; percent: number; stage: string } | { type: 'result'; result: R } | { type: 'error'; message: string };

/**
 * Runs a TypeScript module in a worker thread so heavy computation never blocks the API's event loop.
 * `input` is structured-cloned (typed arrays listed in `transfer` are moved, not copied).
 */
export function runInWorker<I, R>(module: URL, input: I, onProgress: (percent: number, stage: string) => void = () => {}, transfer: ArrayBuffer[] = []): Promise<R> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./typescript-worker.mjs', import.meta.url), {
      workerData: { module: module.href, input },
      transferList: transfer,
    });
    let settled = false;
    worker.on('message', (m: WorkerMessage<R>) => {
      if (m.type === 'progress') onProgress(m.percent, m.stage);
      else {
        settled = true;
        void worker.terminate();
        if (m.type === 'result') resolve(m.result);
        else reject(new Error(m.message));
      }
    });
    worker.on('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`worker stopped with code ${code} before answering`));
    });
  });
}
