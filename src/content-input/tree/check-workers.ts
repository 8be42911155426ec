/**
 * The per-file checks of many files, optionally on several cores: a first run reads thousands of
 * stories, and parsing them (MDX, YAML, schemas) does not depend on any other file. With worker
 * threads, this thread checks its share while the workers (check-worker.ts) check theirs; the
 * results come back in the files' order, as if checked one after another. Off by default: on
 * this project's shared two-core machine a worker did not make a first run of 1,000 stories
 * faster (BENCHMARKS.md, “Content check”), and it costs about 1.5 s of CPU (loading the parsers
 * again) and 170 MB; `npm run bench:check` times both ways.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LoadedMdx } from '../entry/mdx-entry.ts';
import { checkFile, type FileResult } from './check-file.ts';
import type { ContentFile } from './content-tree.ts';
import { keepRenderedEntry } from './rendered-entries.ts';

/** One file to check, with its text. */
export interface FileJob {
  entry: ContentFile;
  source: string;
}

/** What every job shares; `keepVersion`: keep rendered entries for the MDX loader, keyed by this rules version. */
export interface JobOptions {
  allowedEmails: readonly string[];
  keepVersion: string | undefined;
}

/** What a worker is given. */
export interface WorkerInput extends JobOptions {
  jobs: FileJob[];
}

/** Below this many files, all are checked on this thread. */
export const MIN_FILES_PER_WORKER = 150;

/** Checks `jobs` here alone, keeping rendered entries when asked; resolves when they are kept. */
export async function checkFilesHere(jobs: readonly FileJob[], { allowedEmails, keepVersion }: JobOptions): Promise<FileResult[]> {
  const kept: Promise<void>[] = [];
  const keep = keepVersion
    ? (absolute: string, source: string, loaded: LoadedMdx) => kept.push(keepRenderedEntry(keepVersion, absolute, source, loaded))
    : undefined;
  const results = jobs.map((job) => checkFile(job.entry, job.source, allowedEmails, keep));
  await Promise.all(kept);
  return results;
}

/**
 * Checks every job, on this thread and `workers` others; `'auto'`: one per further core, at most
 * three, none for fewer than MIN_FILES_PER_WORKER files each. Results are in the jobs' order.
 */
export async function checkFiles(jobs: readonly FileJob[], options: JobOptions, workers: number | 'auto' = 0): Promise<FileResult[]> {
  const count = workers === 'auto' ? autoWorkers(jobs.length) : workers;
  if (count <= 0) return checkFilesHere(jobs, options);
  // Every (count + 1)-th job to each thread: neighbouring files are alike in size.
  const shares: FileJob[][] = Array.from({ length: count + 1 }, () => []);
  jobs.forEach((job, i) => shares[i % shares.length]?.push(job));
  const [own = [], ...others] = shares;
  const started = others.map((share) => runWorker({ ...options, jobs: share }));
  // A worker that fails is a bug of ours: its error (with its stack) stops the check.
  const settled = Promise.all(started);
  const mine = await checkFilesHere(own, options);
  const theirs = await settled;
  const results: FileResult[] = [];
  jobs.forEach((_, i) => {
    const share = i % shares.length;
    const list = share === 0 ? mine : theirs[share - 1];
    const result = list?.[Math.floor(i / shares.length)];
    if (!result) throw new Error(`content check: no result for ${jobs[i]?.entry.file}`);
    results.push(result);
  });
  return results;
}

function autoWorkers(files: number): number {
  return Math.max(0, Math.min(availableParallelism() - 1, 3, Math.floor(files / MIN_FILES_PER_WORKER) - 1));
}

function runWorker(input: WorkerInput): Promise<FileResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./check-worker.ts', import.meta.url), { workerData: input });
    let done = false;
    worker.once('message', (results: FileResult[]) => {
      done = true;
      resolve(results);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`content check: a worker thread stopped (exit code ${code}) before it answered`));
    });
  });
}
