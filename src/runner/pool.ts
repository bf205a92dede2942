/**
 * Runs batches of replications, in this thread or on a pool of worker threads (piscina: a
 * well-kept pool with back-pressure and clean shutdown, which a hand-written pool would have to
 * re-invent).
 *
 * Determinism: a replication's numbers depend only on (scenario, seed, replication index), never
 * on which thread ran it or when; results are put back in replication order, so the output is
 * byte-identical for any number of workers.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Piscina } from 'piscina';
import { replicationSteps, type JobResult, type ReplicationJob } from './job.js';

export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * The compiled worker script. Under the test runner this module is TypeScript source, which a
 * worker thread cannot load; the build in dist/ (made by `npm ci`) is used instead.
 */
function workerScript(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return fileURLToPath(new URL('./worker.js', import.meta.url));
  const built = fileURLToPath(new URL('../../dist/src/runner/worker.js', import.meta.url));
  if (!existsSync(built)) throw new Error(`worker threads need the build: run "npm run build" (missing ${built})`);
  return built;
}

export class ReplicationPool {
  /** Started on first use, and piscina loaded only then: most small studies never need threads. */
  private pool: Piscina | null = null;

  /**
   * @param workers threads of work in all: this thread works too, beside `workers - 1` worker
   *   threads, so K workers warm up K - 1 new JavaScript engines, not K.
   */
  constructor(readonly workers: number) {}

  private async threads(): Promise<Piscina> {
    if (!this.pool) {
      const { Piscina } = await import('piscina');
      const n = this.workers - 1;
      this.pool = new Piscina({ filename: workerScript(), minThreads: n, maxThreads: n });
    }
    return this.pool;
  }

  /** Runs the jobs; the result of job i is at index i, whoever ran it. */
  async run(jobs: ReplicationJob[], onDone?: (job: ReplicationJob) => void): Promise<JobResult[]> {
    const results: JobResult[] = new Array(jobs.length);
    let next = 0;
    const take = () => (next < jobs.length ? next++ : -1);
    const inThisThread = async (pauseEveryMs: number) => {
      let lastPause = performance.now();
      for (let i = take(); i >= 0; i = take()) {
        const steps = replicationSteps(jobs[i]);
        for (let step = steps.next(); ; step = steps.next()) {
          if (step.done) {
            results[i] = step.value;
            break;
          }
          // Let Ctrl-C, the progress bar and the worker threads' replies be served (wall time
          // decides only when to pause, never what is computed).
          if (performance.now() - lastPause > pauseEveryMs) {
            await new Promise<void>((resolve) => setImmediate(resolve));
            lastPause = performance.now();
          }
        }
        onDone?.(jobs[i]);
      }
    };
    if (this.workers <= 1) {
      await inThisThread(50);
      return results;
    }
    const pool = await this.threads();
    const onThread = async () => {
      for (let i = take(); i >= 0; i = take()) {
        results[i] = (await pool.run(jobs[i])) as JobResult;
        onDone?.(jobs[i]);
      }
    };
    // Pause often here: a worker thread that finishes waits for this thread to hand it the next job.
    await Promise.all([...Array.from({ length: this.workers - 1 }, onThread), inThisThread(2)]);
    return results;
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}

/**
 * Splits replications [first, first+count) of one alternative into batches. A study of
 * `alternatives` alternatives aims at about sixteen batches per worker in all: enough for the
 * workers to finish within a few percent of each other (eleven equal batches on two workers
 * split 6:5, so one works 55% of the time), few enough that each batch's set-up (compiling the
 * scenario, building the hall, passing results between threads) stays negligible.
 */
export function batches(first: number, count: number, workers: number, alternatives = 1): Array<[first: number, count: number]> {
  if (count <= 0) return [];
  const size = Math.min(count, Math.max(1, Math.ceil((count * alternatives) / (workers * 16))));
  const out: Array<[number, number]> = [];
  for (let r = first; r < first + count; r += size) out.push([r, Math.min(size, first + count - r)]);
  return out;
}
