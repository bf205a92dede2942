/**
 * Turns the replications of one variant into its summaries: each metric's mean, sd and Student-t
 * 95% interval over replications.
 */
import { summarize } from '../stats/summary.js';
import type { MetricSummaries, MetricValues, PeriodInfo, ReplicationMetrics, Summary, VariantResult } from './result.js';

const NO_DATA: Summary = { mean: NaN, sd: NaN, ci95: [NaN, NaN] };

/**
 * Summary of one metric over replications. A replication in which the figure does not exist (no
 * customer served in a quiet period has no mean wait) is left out rather than counted as 0.
 */
export function summarizeFigure(values: number[]): Summary {
  const present = values.filter(Number.isFinite);
  return present.length === 0 ? { ...NO_DATA, ci95: [NaN, NaN] } : summarize(present);
}

/** Summaries of every metric key, in the key order of the first replication. */
export function summarizeBlocks(blocks: MetricValues[]): MetricSummaries {
  const out: MetricSummaries = {};
  if (blocks.length === 0) return out;
  for (const key of Object.keys(blocks[0])) {
    out[key] = summarizeFigure(blocks.map((b) => b[key]));
  }
  return out;
}

export function summarizeVariant(
  name: string,
  samples: ReplicationMetrics[],
  periods: PeriodInfo[],
  keepSamples: boolean,
): VariantResult {
  const first = samples[0];
  const byType: Record<string, MetricSummaries> = {};
  for (const type of Object.keys(first.byType)) {
    byType[type] = summarizeBlocks(samples.map((s) => s.byType[type]));
  }
  const byPeriod = periods.map((period, p) => ({
    ...period,
    metrics: summarizeBlocks(samples.map((s) => s.byPeriod[p])),
  }));
  const result: VariantResult = {
    name,
    replications: samples.length,
    metrics: summarizeBlocks(samples.map((s) => s.metrics)),
    byType,
    byPeriod,
  };
  if (keepSamples) result.samples = samples;
  return result;
}
