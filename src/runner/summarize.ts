/**
 * Turns the replications of one variant into its summaries: each metric's mean, sd and Student-t
 * 95% interval over replications.
 */
import { summarize } from '../stats/summary.js';
import type { MetricTable } from './metric-table.js';
import type { MetricSummaries, PeriodInfo, Summary, VariantResult } from './result.js';

const NO_DATA: Summary = { mean: NaN, sd: NaN, ci95: [NaN, NaN] };

/**
 * Summary of one metric over replications. A replication in which the figure does not exist (no
 * customer served in a quiet period has no mean wait) is left out rather than counted as 0.
 */
export function summarizeFigure(values: ArrayLike<number>): Summary {
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) present.push(values[i]);
  return present.length === 0 ? { ...NO_DATA, ci95: [NaN, NaN] } : summarize(present);
}

/** Summaries of the block of columns from `first`, one per key. */
function summarizeBlock(table: MetricTable, first: number, keys: string[]): MetricSummaries {
  const out: MetricSummaries = {};
  keys.forEach((key, i) => {
    out[key] = summarizeFigure(table.column(first + i));
  });
  return out;
}

export function summarizeVariant(name: string, table: MetricTable, periods: PeriodInfo[], keepSamples: boolean): VariantResult {
  const { metricKeys, typeNames, typeKeys, periodKeys } = table.columns;
  const byType: Record<string, MetricSummaries> = {};
  typeNames.forEach((type, t) => {
    byType[type] = summarizeBlock(table, table.typeOffset(t), typeKeys);
  });
  const byPeriod = periods.map((period, p) => ({ ...period, metrics: summarizeBlock(table, table.periodOffset(p), periodKeys) }));
  const result: VariantResult = {
    name,
    replications: table.rows,
    metrics: summarizeBlock(table, 0, metricKeys),
    byType,
    byPeriod,
  };
  if (keepSamples) result.samples = table;
  return result;
}
