// Entry of every worker thread: Node 20 cannot start a worker from a .ts file even when the parent runs under
// tsx, so the worker registers tsx itself and then imports the TypeScript module named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
