/**
 * A batch of replications of one scenario: the unit of work a worker thread receives. It carries
 * the validated scenario (plain data, so it crosses thread boundaries) rather than the compiled
 * Model, whose distributions are class instances; each worker compiles it itself.
 */
import { FrontDesk } from '../model/front-desk.js';
import { compileScenario } from '../scenario/compile.js';
import type { Scenario } from '../scenario/schema.js';
import type { ReplicationMetrics } from './result.js';

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
}

export function runJob(job: ReplicationJob): ReplicationMetrics[] {
  const model = compileScenario(job.scenario, { baseDir: job.baseDir });
  const desk = new FrontDesk(model, job.period);
  const out: ReplicationMetrics[] = [];
  for (let r = job.first; r < job.first + job.count; r++) out.push(desk.runDay(job.seed, r));
  return out;
}
