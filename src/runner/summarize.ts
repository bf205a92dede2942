/**
 * Turns the replications of one variant into its summaries: each metric's mean, sd and Student-t
 * 95% interval over replications.
 */
import { figureOf } from '../figures/figures.js';
import { summaryOf } from '../stats/summary.js';
import { Tally } from '../stats/tally.js';
import type { MetricTable } from './metric-table.js';
import type { MetricSummaries, PeriodFold, PeriodInfo, Summary, VariantResult } from './result.js';

/**
 * Summary of one metric over replications. A replication in which the figure does not exist (no
 * customer served in a quiet period has no mean wait) is left out rather than counted as 0.
 */
export function summarizeFigure(values: ArrayLike<number>): Summary {
  const tally = new Tally();
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) tally.add(values[i]);
  return summaryOf(tally);
}

/**
 * The summary of every column, tallied in one pass over the rows: read column by column, each
 * value would be a cache miss (rows are a kilobyte or more apart), and this runs once per study,
 * on the main thread, while nothing else can proceed. Same values in the same order as
 * `summarizeFigure` on each column, so the same summaries.
 */
function summarizeColumns(table: MetricTable): Summary[] {
  const width = table.width;
  const values = table.rowValues;
  const tallies = Array.from({ length: width }, () => new Tally());
  for (let base = 0; base < values.length; base += width) {
    for (let c = 0; c < width; c++) {
      const x = values[base + c];
      if (Number.isFinite(x)) tallies[c].add(x);
    }
  }
  return tallies.map(summaryOf);
}

/** Summaries of the block of columns from `first`, one per key, each interval within its figure's range. */
function block(all: Summary[], first: number, keys: string[]): MetricSummaries {
  const out: MetricSummaries = {};
  keys.forEach((key, i) => {
    out[key] = withinRange(key, all[first + i]);
  });
  return out;
}

/**
 * The summary with its interval clipped to the figure's own range (figures/figures.ts): a service
 * level of 99% ± 2 pts is at most 100%, open counters are never below 0. The t-interval is
 * symmetric and knows no bounds; the figure does (SCENARIO.md, December 2026). Unknown keys keep
 * their interval as it is.
 */
export function withinRange(key: string, s: Summary): Summary {
  const range = figureOf(key)?.figure.range;
  if (!range || s.ci95 === null) return s;
  const [lo, hi] = s.ci95;
  const clipped: [number, number] = [Math.max(range[0], lo), Math.min(range[1], hi)];
  return clipped[0] === lo && clipped[1] === hi ? s : { ...s, ci95: clipped };
}

export function summarizeVariant(name: string, table: MetricTable, periods: PeriodInfo[], keepSamples: boolean, fold?: PeriodFold): VariantResult {
  const { metricKeys, typeNames, typeKeys, periodKeys } = table.columns;
  const all = summarizeColumns(table);
  const byType: Record<string, MetricSummaries> = {};
  typeNames.forEach((type, t) => {
    byType[type] = block(all, table.typeOffset(t), typeKeys);
  });
  const byPeriod = periods.map((period, p) => ({ ...period, metrics: block(all, table.periodOffset(p), periodKeys) }));
  const result: VariantResult = {
    name,
    replications: table.rows,
    metrics: block(all, 0, metricKeys),
    byType,
    ...(fold ? { byPeriodFolded: fold } : {}),
    byPeriod,
  };
  if (keepSamples) result.samples = table;
  return result;
}
