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
import { fileURLToPath } from 'node:url';
import type { Piscina } from 'piscina';
import { MID_DAY, replicationSteps, type JobResult, type ReplicationJob } from './job.js';

export { defaultWorkers } from './cores.js';

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

  /**
   * Runs the jobs; the result of job i is at index i, whoever ran it. `onReplications(k)` is called
   * as replications finish: one at a time in this thread, a whole batch at once from a worker
   * thread. (Per batch only, the first report of a long study came after a 1/(2K) share of it:
   * a 20,000-replication run showed no progress for 15 s, and then an estimate that kept climbing.)
   */
  async run(
    jobs: ReplicationJob[],
    onReplications?: (count: number) => void,
    onResult?: (index: number, result: JobResult) => Promise<void>,
  ): Promise<JobResult[]> {
    const results: JobResult[] = new Array(jobs.length);
    // Each finished job is handed to onResult and awaited before its runner takes another: a slow
    // consumer (a trace written to disk) holds the work back instead of letting results pile up.
    const finished = async (i: number, result: JobResult) => {
      results[i] = result;
      await onResult?.(i, result);
    };
    let next = 0;
    const take = () => (next < jobs.length ? next++ : -1);
    const inThisThread = async (pauseEveryMs: number) => {
      let lastPause = performance.now();
      for (let i = take(); i >= 0; i = take()) {
        const steps = replicationSteps(jobs[i]);
        let reported = 0;
        for (let step = steps.next(); ; step = steps.next()) {
          if (step.done) {
            await finished(i, step.value);
            break;
          }
          if (step.value !== MID_DAY && reported < jobs[i].count) {
            reported++;
            onReplications?.(1);
          }
          // Let Ctrl-C, the progress bar and the worker threads' replies be served, also in the
          // middle of a long day (wall time decides only when to pause, never what is computed).
          if (performance.now() - lastPause > pauseEveryMs) {
            await new Promise<void>((resolve) => setImmediate(resolve));
            lastPause = performance.now();
          }
        }
        if (reported < jobs[i].count) onReplications?.(jobs[i].count - reported);
      }
    };
    if (this.workers <= 1) {
      await inThisThread(50);
      return results;
    }
    const pool = await this.threads();
    const onThread = async () => {
      for (let i = take(); i >= 0; i = take()) {
        const result = (await pool.run(jobs[i])) as JobResult;
        onReplications?.(jobs[i].count);
        await finished(i, result);
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

/** A batch: replications [first, first + count) of one alternative of a study. */
export interface Batch {
  alternative: number;
  first: number;
  count: number;
}

/**
 * Splits replications [first, first + count) of each of `alternatives` alternatives into batches,
 * handed out in order. Sizes follow guided self-scheduling: each batch is about a 1/(2K) share of
 * the replications still to hand out, so the first batches are large (a batch's set-up, compiling
 * the scenario and passing results between threads, is paid rarely) and the last ones small, so
 * that the K workers finish within one small batch of each other rather than one waiting for
 * another's long last batch. No batch is smaller than 1/(32K) of the whole (a tail of tiny batches
 * would cost more in hand-overs than it saves) nor spans two alternatives. None is larger than
 * `largest` (a batch that carries a trace holds it in memory until it is written).
 */
export function batches(alternatives: number, first: number, count: number, workers: number, largest = Infinity): Batch[] {
  const out: Batch[] = [];
  if (count <= 0) return out;
  const total = alternatives * count;
  const smallest = Math.min(largest, Math.max(1, Math.ceil(total / (32 * workers))));
  let remaining = total;
  for (let a = 0; a < alternatives; a++) {
    for (let r = first; r < first + count; ) {
      const size = Math.min(first + count - r, largest, Math.max(smallest, Math.ceil(remaining / (2 * workers))));
      out.push({ alternative: a, first: r, count: size });
      r += size;
      remaining -= size;
    }
  }
  return out;
}
