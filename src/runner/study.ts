/**
 * A study: the baseline and its alternatives, each replicated with the same seed so that
 * replication r of every alternative meets the same customers (common random numbers), summarised
 * and compared pair by pair. `frontdesk run` is a study of the baseline alone.
 */
import type { Model } from '../model/model.js';
import { DAY_MINUTES, ReportPeriods } from '../model/periods.js';
import type { Scenario } from '../scenario/schema.js';
import { knownTraces } from '../scenario/trace.js';
import { clockLabel } from '../scenario/time.js';
import { halfWidth, summarize } from '../stats/summary.js';
import { compiledModel, forgetStudy, newStudyNumber } from './compiled.js';
import type { JobResult } from './job.js';
import { batches, ReplicationPool } from './pool.js';
import { MetricTable } from './metric-table.js';
import type { PeriodInfo, Result } from './result.js';
import { resultOf, type StudyFrame } from './study-result.js';
import { loadWarnings } from './warnings.js';

/** One alternative of the study, already validated. */
export interface Alternative {
  name: string;
  scenario: Scenario;
  baseDir: string;
}

export interface StudyOptions {
  /**
   * Replications per alternative (the first batch, when `precision` is set). Never more than
   * `maxReplications`: a cap given on the command line holds against a file's `replications`.
   */
  replications: number;
  seed: number;
  /** byPeriod length, minutes. */
  period: number;
  workers: number;
  /**
   * Target relative half-width of the 95% CI of the mean wait (0.05 = ±5%): replications are added
   * until every alternative reaches it, or `maxReplications`.
   */
  precision?: number;
  maxReplications?: number;
  /**
   * Index of the first replication (default 0): a shard of a study (shard.ts) runs replications
   * [firstReplication, firstReplication + replications), numbered as in the whole study.
   */
  firstReplication?: number;
  /** Common random numbers (default). Off only to show what they buy: each alternative gets its own seed. */
  commonRandomNumbers?: boolean;
  /** When given, filled with the per-customer trace rows (CSV, see visit-trace.ts), alternatives in order. */
  trace?: string[];
  /**
   * When given, the per-customer trace is streamed to it as batches finish: each alternative's rows
   * in replication order (alternatives interleave; the sink orders them). Memory stays flat in
   * the number of replications, where `trace` keeps every row.
   */
  traceSink?: TraceSink;
  /**
   * Projected seconds of work above which worker threads start (default 0.8, see below); 0 starts
   * them whenever `workers` > 1.
   */
  threadsPayOff?: number;
  /** Warnings found before the study ran (settings replaced, see common-settings.ts), reported first. */
  warnings?: string[];
  /** Called as replications finish, with the number done and the number planned so far. */
  onProgress?: (done: number, planned: number) => void;
}

/**
 * Below this projected time the rest of a study runs in this thread. A worker thread is a new
 * JavaScript engine: it starts in about 0.15 s, then runs its first replications interpreted while
 * its compiler competes with both threads for the cores. Measured on the bundled sweep (11
 * alternatives, 2 cores): threads lose below about 0.8 s of work and win above it (0.85 s of work
 * broke even; 1.6 s took 1.25-1.3 s on 2 workers).
 */
const THREADS_PAY_OFF_SECONDS = 0.8;

/**
 * Rounds (one replication of every alternative) run in this thread before projecting: the first
 * rounds run cold, many times slower than the rest, so the projection uses the latest ones once
 * this much time has gone into them.
 */
const PROBE_SECONDS = 0.25;

/** Where streamed trace rows go (see StudyOptions.traceSink). */
export interface TraceSink {
  /** Rows of `alternative` (CSV lines, each ending in a newline), following its previous ones. */
  write(alternative: number, rows: string): Promise<void>;
}

/**
 * Replications per batch when tracing: a batch's trace stays in memory until the batch is done,
 * so batches stay small enough (a few thousand rows of a branch day) to keep memory flat however
 * many replications are asked for.
 */
const TRACED_BATCH = 8;

export { resultOf, type StudyFrame } from './study-result.js';

export async function runStudy(title: string, alternatives: Alternative[], options: StudyOptions): Promise<Result> {
  return simulate(alternatives, options, (study, samples) => {
    const result = assemble(title, study, alternatives, samples, options);
    if (options.precision !== undefined) {
      const max = options.maxReplications ?? 1000;
      const have = replicationsDone(samples);
      const short = alternatives
        .filter((_, a) => replicationsForPrecision([samples[a]], options.precision!, have, Infinity) > have)
        .map((alt) => alt.name);
      result.precision = { target: options.precision, reached: short.length === 0, maxReplications: max, notReached: short };
    }
    return result;
  });
}

/**
 * Each alternative's replications, in replication order, without their summaries: what a shard
 * writes into its part (merge summarises them all at once).
 */
export async function runReplications(alternatives: Alternative[], options: StudyOptions): Promise<MetricTable[]> {
  return simulate(alternatives, options, (_, samples) => samples as MetricTable[]);
}

/** Runs the study's replications (and any --precision rounds), then `finish` while its compiled models are still known. */
async function simulate<T>(alternatives: Alternative[], options: StudyOptions, finish: (study: number, samples: Samples) => T): Promise<T> {
  const study = newStudyNumber();
  const inThread = new ReplicationPool(1);
  let pool = inThread;
  try {
    const samples: Samples = alternatives.map(() => null);
    const traces: string[][] = alternatives.map(() => []);
    const first = Math.min(options.replications, options.maxReplications ?? Infinity);
    let planned = first * alternatives.length;
    let done = 0;
    const progress = (count: number) => {
      done += count;
      options.onProgress?.(done, planned);
    };
    // Under way: said before the first replication, which may be a day of millions of customers.
    options.onProgress?.(0, planned);
    const extendBy = (on: ReplicationPool, rounds: number) => extend(on, study, alternatives, samples, traces, options, rounds, progress);
    const left = () => first - replicationsDone(samples);
    // Rounds in this thread say how long the rest will take. Which thread runs a replication
    // never changes its numbers, so this decides speed only.
    const payOff = options.threadsPayOff ?? THREADS_PAY_OFF_SECONDS;
    const perRound = payOff > 0 ? await secondsPerRound((rounds) => extendBy(inThread, rounds), left) : 0;
    const choosePool = (rounds: number) => {
      if (pool === inThread && options.workers > 1 && perRound * rounds >= payOff) {
        pool = new ReplicationPool(options.workers);
      }
    };
    const rest = left();
    choosePool(rest);
    await extendBy(pool, rest);
    if (options.precision !== undefined) {
      const max = options.maxReplications ?? 1000;
      for (;;) {
        const have = replicationsDone(samples);
        const wanted = replicationsForPrecision(samples, options.precision, have, max);
        if (wanted <= have) break;
        planned += (wanted - have) * alternatives.length;
        choosePool(wanted - have);
        await extendBy(pool, wanted - have);
      }
    }
    if (options.trace) for (const rows of traces) options.trace.push(...rows);
    return finish(study, samples);
  } finally {
    forgetStudy(study);
    await pool.close();
  }
}

/**
 * Runs rounds in doubling steps (1, 2, 4, ... replications of each alternative, so that setting up
 * each step's halls stays a small part of what it measures) for PROBE_SECONDS or until none is
 * left, and returns the seconds per round of the latest step: the warmest estimate (0 if none ran).
 */
async function secondsPerRound(runRounds: (rounds: number) => Promise<void>, roundsLeft: () => number): Promise<number> {
  const start = performance.now();
  let perRound = 0;
  for (let step = 1; roundsLeft() > 0 && performance.now() - start < PROBE_SECONDS * 1000; step *= 2) {
    const rounds = Math.min(step, roundsLeft());
    const stepStart = performance.now();
    await runRounds(rounds);
    perRound = (performance.now() - stepStart) / 1000 / rounds;
  }
  return perRound;
}

/** Adds `count` replications to every alternative, continuing their replication numbering. */
async function extend(
  pool: ReplicationPool,
  study: number,
  alternatives: Alternative[],
  samples: Samples,
  traces: string[][],
  options: StudyOptions,
  count: number,
  progress: (count: number) => void,
): Promise<void> {
  if (count <= 0) return;
  const tracing = options.trace !== undefined || options.traceSink !== undefined;
  const first = (options.firstReplication ?? 0) + replicationsDone(samples);
  // Worker threads take the traces this thread has read (shared memory, no copy, no second read).
  const known = pool.workers > 1 ? knownTraces() : [];
  const jobs = batches(alternatives.length, first, count, pool.workers, tracing ? TRACED_BATCH : Infinity).map(({ alternative: a, first, count }) => {
    const alt = alternatives[a];
    return {
      alternative: a,
      job: {
        scenario: alt.scenario,
        baseDir: alt.baseDir,
        seed: seedOf(options, a),
        period: options.period,
        first,
        count,
        ...(options.trace || options.traceSink ? { traceAs: alt.name } : {}),
        compileKey: { study, alternative: a },
        ...(known.length > 0 ? { traces: known } : {}),
      },
    };
  });
  // Traces leave in job order (each alternative's replications in order) as soon as the jobs
  // before them are done; a job finished early waits here, not in a list of the whole study.
  const waiting = new Map<number, string>();
  let written = 0;
  let writing = Promise.resolve();
  const onResult = async (index: number, result: JobResult) => {
    if (result.trace === undefined) return;
    waiting.set(index, result.trace);
    result.trace = undefined;
    writing = writing.then(async () => {
      while (waiting.has(written)) {
        const rows = waiting.get(written)!;
        waiting.delete(written);
        const alternative = jobs[written++].alternative;
        if (options.traceSink) await options.traceSink.write(alternative, rows);
        else if (rows !== '') traces[alternative].push(...rows.slice(0, -1).split('\n'));
      }
    });
    await writing;
  };
  const results = await pool.run(
    jobs.map((j) => j.job),
    (count) => progress(count),
    tracing ? onResult : undefined,
  );
  jobs.forEach((j, i) => {
    const { columns, values, rows } = results[i];
    const table = (samples[j.alternative] ??= new MetricTable(columns));
    table.append(values, rows);
  });
}

/** Each alternative's replications so far (null before the first batch comes back). */
type Samples = Array<MetricTable | null>;

/** Replications done per alternative (they advance together). */
function replicationsDone(samples: Samples): number {
  return samples[0]?.rows ?? 0;
}

function seedOf(options: StudyOptions, alternative: number): number {
  if (options.commonRandomNumbers === false) return options.seed + 7919 * alternative;
  return options.seed;
}

/**
 * How many replications would bring the mean wait's 95% half-width within `precision` of the
 * mean for every alternative, doubling at most per round so that the estimate can correct itself.
 */
function replicationsForPrecision(samples: Samples, precision: number, have: number, max: number): number {
  let wanted = have;
  for (const table of samples) {
    if (!table) continue;
    const waits = table.column(table.metricColumn('waitMean')).filter(Number.isFinite);
    if (waits.length < 2) continue;
    const summary = summarize(waits);
    const mean = summary.mean;
    const hw = halfWidth(summary);
    if (mean === 0 || hw <= precision * Math.abs(mean)) continue;
    // The half-width shrinks as 1/sqrt(n).
    const estimate = Math.ceil(have * (hw / (precision * Math.abs(mean))) ** 2);
    wanted = Math.max(wanted, Math.min(estimate, 2 * have, max));
  }
  return wanted;
}

function assemble(title: string, study: number, alternatives: Alternative[], samples: Samples, options: StudyOptions): Result {
  return resultOf(studyFrame(title, alternatives, options, study), samples as MetricTable[]);
}

/** @param study the study whose models this thread compiled already (compiled.ts); without it, compiled afresh. */
export function studyFrame(
  title: string,
  alternatives: Alternative[],
  options: Pick<StudyOptions, 'seed' | 'period' | 'warnings'>,
  study?: number,
): StudyFrame {
  const models = alternatives.map((alt, a) => compiledModel(alt.scenario, alt.baseDir, study === undefined ? undefined : { study, alternative: a }));
  return {
    title,
    seed: options.seed,
    openClock: models[0].openClock,
    waitTarget: models[0].waitTarget,
    alternatives: alternatives.map((alt, a) => periodsOf(alt.name, models[a], options.period)),
    // Settings replaced before the study ran (options.warnings), then the halls' own.
    warnings: [...(options.warnings ?? []), ...alternatives.flatMap((alt, a) => loadWarnings(alt.name, models[a]))],
  };
}

/** An alternative's byPeriod periods, folded by time of day when its horizon is longer than a day. */
function periodsOf(name: string, model: Model, length: number): StudyFrame['alternatives'][number] {
  const layout = new ReportPeriods(model, length);
  const periods = layout.reported().map((p): PeriodInfo => {
    const info: PeriodInfo = { start: p.start, end: p.end, clock: clockLabel(model.openClock, p.start) };
    if (p.days !== undefined) info.days = p.days;
    return info;
  });
  return layout.folded ? { name, periods, fold: { dayMinutes: DAY_MINUTES, days: layout.days } } : { name, periods };
}
