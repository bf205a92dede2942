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

  constructor(readonly workers: number) {}

  private async threads(): Promise<Piscina> {
    if (!this.pool) {
      const { Piscina } = await import('piscina');
      this.pool = new Piscina({ filename: workerScript(), minThreads: this.workers, maxThreads: this.workers });
    }
    return this.pool;
  }

  /** Runs the jobs; the result of job i is at index i. */
  async run(jobs: ReplicationJob[], onDone?: (job: ReplicationJob) => void): Promise<JobResult[]> {
    if (this.workers <= 1) {
      const out: JobResult[] = [];
      let lastPause = performance.now();
      for (const job of jobs) {
        const steps = replicationSteps(job);
        for (let step = steps.next(); ; step = steps.next()) {
          if (step.done) {
            out.push(step.value);
            break;
          }
          // Every 50 ms, let Ctrl-C and the progress bar be served (wall time decides only when
          // to pause, never what is computed).
          if (performance.now() - lastPause > 50) {
            await new Promise<void>((resolve) => setImmediate(resolve));
            lastPause = performance.now();
          }
        }
        onDone?.(job);
      }
      return out;
    }
    const pool = await this.threads();
    return Promise.all(
      jobs.map(async (job) => {
        const result = (await pool.run(job)) as JobResult;
        onDone?.(job);
        return result;
      }),
    );
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
