/** A worker thread of the content check (check-workers.ts): checks its share of files and answers with their results, in order. */
import { parentPort, workerData } from 'node:worker_threads';
import { checkFilesHere, type WorkerInput } from './check-workers.ts';

const input = workerData as WorkerInput;
parentPort?.postMessage(await checkFilesHere(input.jobs, input));
