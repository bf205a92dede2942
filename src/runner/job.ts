/**
 * A batch of replications of one scenario: the unit of work a worker thread receives. It carries
 * the validated scenario (plain data, so it crosses thread boundaries) rather than the compiled
 * Model, whose distributions are class instances; each thread compiles it once per alternative
 * of a study (compiled.ts).
 */
import { FrontDesk } from '../model/front-desk.js';
import type { Scenario } from '../scenario/schema.js';
import { adoptTraces, type KnownTrace } from '../scenario/trace.js';
import { compiledModel, type CompileKey } from './compiled.js';
import { widthOf, type MetricColumns } from '../model/metric-columns.js';
import { VisitTrace } from './visit-trace.js';

export interface ReplicationJob {
  scenario: Scenario;
  /** Folder of the scenario file: trace paths are relative to it. */
  baseDir: string;
  seed: number;
  /** byPeriod length in minutes. */
  period: number;
  /** First replication index and how many. */
  first: number;
  count: number;
  /** When set, also record the per-customer trace, with this variant name in each row. */
  traceAs?: string;
  /** The study and alternative this batch belongs to: its thread compiles the scenario once for them. Without it, every batch compiles. */
  compileKey?: CompileKey;
  /** Traces already read by the thread that sent the batch (see scenario/trace.ts): its arrays, shared. */
  traces?: KnownTrace[];
}

export interface JobResult {
  /** What each column holds. */
  columns: MetricColumns;
  /** The replications' figures, one row per replication in order (see metric-table.ts). */
  values: Float64Array;
  rows: number;
  /** CSV rows of the trace (see visit-trace.ts), each ending in a newline, when asked for. */
  trace?: string;
}

export function runJob(job: ReplicationJob): JobResult {
  const steps = replicationSteps(job);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Events a day runs between two steps of `replicationSteps`: about 2-5 ms of work, so that a stop
 * request waits no longer than that (plus the runner's pause interval) even inside a day of
 * millions of customers, while a resumption per 65,536 events costs nothing measurable.
 */
export const SLICE_EVENTS = 1 << 16;

/** What `replicationSteps` yields in the middle of a day (a finished replication yields its index, >= 0). */
export const MID_DAY = -1;

/**
 * The job in steps: the in-thread runner pauses between them so that Ctrl-C, SIGTERM, SIGHUP and
 * the progress bar are served even in a long batch, and inside a long day. A signal handler runs
 * only when this thread returns to its event loop, so a day that ran to its end at once kept a stop
 * request waiting for the whole day (18 s for 800,000 customers). A step is a replication (yields
 * its index) or a slice of SLICE_EVENTS events of one (yields MID_DAY). Worker threads need no
 * slices: when this thread exits, it stops them wherever they are.
 */
export function* replicationSteps(job: ReplicationJob): Generator<number, JobResult> {
  if (job.traces) adoptTraces(job.traces);
  const model = compiledModel(job.scenario, job.baseDir, job.compileKey);
  const trace = job.traceAs === undefined ? null : new VisitTrace(job.traceAs, model);
  const desk = new FrontDesk(model, job.period, trace);
  const columns = desk.columns;
  const width = widthOf(columns);
  const values = new Float64Array(width * job.count);
  for (let r = job.first; r < job.first + job.count; r++) {
    trace?.startDay(desk, r);
    desk.startDay(job.seed, r);
    while (!desk.advance(SLICE_EVENTS)) yield MID_DAY;
    desk.finishDayInto(values, (r - job.first) * width);
    trace?.endDay();
    yield r;
  }
  const result: JobResult = { columns, values, rows: job.count };
  // One string, not an array of rows: it crosses threads as one copy, and is written as one.
  if (trace) result.trace = trace.rows.length === 0 ? '' : `${trace.rows.join('\n')}\n`;
  return result;
}
