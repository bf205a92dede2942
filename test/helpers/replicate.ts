/** Runs replications of a compiled Model in this thread and summarises a metric over them. */
import { FrontDesk } from '../../src/model/front-desk.js';
import type { Model } from '../../src/model/model.js';
import type { ReplicationMetrics, Summary } from '../../src/runner/result.js';
import { summarizeFigure } from '../../src/runner/summarize.js';

export interface Replicated {
  runs: ReplicationMetrics[];
  /** Summary over replications of a day metric (e.g. `waitMean`, `utilization.desk`). */
  day(metric: string): Summary;
  /** Summary over replications of a per-type metric. */
  type(name: string, metric: string): Summary;
}

export function replicate(model: Model, replications: number, seed: number): Replicated {
  const desk = new FrontDesk(model, model.horizon);
  const runs: ReplicationMetrics[] = [];
  for (let r = 0; r < replications; r++) runs.push(desk.runDay(seed, r));
  return {
    runs,
    day: (metric) => summarizeFigure(runs.map((run) => run.metrics[metric])),
    type: (name, metric) => summarizeFigure(runs.map((run) => run.byType[name][metric])),
  };
}

/** True when `value` lies in the summary's 95% confidence interval. */
export function inside(summary: Summary, value: number): boolean {
  return summary.ci95![0] <= value && value <= summary.ci95![1];
}
