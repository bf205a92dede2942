/** Runs replications of a compiled Model in this thread and summarises a metric over them. */
import { FrontDesk } from '../../src/model/front-desk.js';
import type { Model } from '../../src/model/model.js';
import type { ReplicationMetrics } from '../../src/runner/result.js';
import { Tally } from '../../src/stats/tally.js';

/** Mean and sample standard deviation of a figure over the replications in which it exists. */
export interface Estimate {
  mean: number;
  sd: number;
  n: number;
}

export function estimate(values: ArrayLike<number>): Estimate {
  const tally = new Tally();
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) tally.add(values[i]);
  return { mean: tally.mean, sd: tally.count > 1 ? tally.sd : Number.NaN, n: tally.count };
}

export interface Replicated {
  runs: ReplicationMetrics[];
  /** Estimate over replications of a day metric (e.g. `waitMean`, `utilization.desk`). */
  day(metric: string): Estimate;
  /** Estimate over replications of a per-type metric. */
  type(name: string, metric: string): Estimate;
}

export function replicate(model: Model, replications: number, seed: number): Replicated {
  const desk = new FrontDesk(model, model.horizon);
  const runs: ReplicationMetrics[] = [];
  for (let r = 0; r < replications; r++) runs.push(desk.runDay(seed, r));
  return {
    runs,
    day: (metric) => estimate(runs.map((run) => run.metrics[metric])),
    type: (name, metric) => estimate(runs.map((run) => run.byType[name][metric])),
  };
}
