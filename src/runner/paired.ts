/**
 * Paired comparisons of a variant with the baseline. Replication r of every variant meets the
 * same customers (common random numbers), so the per-replication differences cancel most of the
 * day-to-day noise, and their Student-t interval is far narrower than the two separate intervals.
 */
import { figureOf } from '../figures/figures.js';
import { summaryOf, type Summary } from '../stats/summary.js';
import { Tally } from '../stats/tally.js';
import type { MetricTable } from './metric-table.js';
import type { Comparison, MetricSummaries, TypeComparison, VariantResult } from './result.js';

export function pairedComparisons(baseline: VariantResult, variant: VariantResult): Comparison[] {
  const [a, b, n] = samplesOf(baseline, variant);
  const metrics = Object.keys(baseline.metrics).filter((metric) => metric in variant.metrics);
  const diffs = pairedDifferences(a, metrics.map((metric) => a.metricColumn(metric)), b, metrics.map((metric) => b.metricColumn(metric)), n);
  return metrics.map((metric, i) => comparison(variant.name, metric, diffs[i], baseline.metrics, variant.metrics));
}

/**
 * The same for each customer type both alternatives have: "consultations wait 7 minutes less" is
 * the answer to most planning questions, and it needs its own paired interval.
 */
export function pairedTypeComparisons(baseline: VariantResult, variant: VariantResult): TypeComparison[] {
  const [a, b, n] = samplesOf(baseline, variant);
  const pairs: { type: string; metric: string; ca: number; cb: number; before: MetricSummaries; after: MetricSummaries }[] = [];
  for (const [type, before] of Object.entries(baseline.byType)) {
    const after = variant.byType[type];
    const ta = a.columns.typeNames.indexOf(type);
    const tb = b.columns.typeNames.indexOf(type);
    if (!after || ta < 0 || tb < 0) continue;
    for (const metric of Object.keys(before)) {
      const ka = a.columns.typeKeys.indexOf(metric);
      const kb = b.columns.typeKeys.indexOf(metric);
      if (!(metric in after) || ka < 0 || kb < 0) continue;
      pairs.push({ type, metric, ca: a.typeOffset(ta) + ka, cb: b.typeOffset(tb) + kb, before, after });
    }
  }
  const diffs = pairedDifferences(a, pairs.map((p) => p.ca), b, pairs.map((p) => p.cb), n);
  return pairs.map((p, i) => ({ type: p.type, ...comparison(variant.name, p.metric, diffs[i], p.before, p.after) }));
}

function samplesOf(baseline: VariantResult, variant: VariantResult): [MetricTable, MetricTable, number] {
  const a = baseline.samples;
  const b = variant.samples;
  if (!a || !b) throw new Error('internal: paired comparison needs the replications of both variants');
  return [a, b, Math.min(a.rows, b.rows)];
}

/**
 * Summary of `b[cb[i]] - a[ca[i]]` over the first `n` replications, for each pair i, in one pass
 * over the rows of both tables: no column is copied out (a column of a row-major table is one
 * read per row, a kilobyte or more apart), and the baseline is read in place for every variant.
 * Each pair's differences are tallied in replication order, a replication whose difference is not
 * finite left out: the same values in the same order as summarizeFigure over the differences, so
 * the same bits (test/runner/paired.test.ts).
 */
function pairedDifferences(a: MetricTable, ca: number[], b: MetricTable, cb: number[], n: number): Summary[] {
  for (const [table, columns] of [[a, ca], [b, cb]] as const) {
    for (const c of columns) if (!(c >= 0 && c < table.width)) throw new RangeError(`internal: no column ${c} in a table of ${table.width}`);
  }
  const tallies = ca.map(() => new Tally());
  const x = a.rowValues;
  const y = b.rowValues;
  for (let r = 0; r < n; r++) {
    const rowA = r * a.width;
    const rowB = r * b.width;
    for (let i = 0; i < tallies.length; i++) {
      const d = y[rowB + cb[i]] - x[rowA + ca[i]];
      if (Number.isFinite(d)) tallies[i].add(d);
    }
  }
  return tallies.map(summaryOf);
}

function comparison(name: string, metric: string, diff: Summary, before: MetricSummaries, after: MetricSummaries): Comparison {
  const base = before[metric].mean;
  // A moment of the day (minutes from open) has no percent change: 17:40 is not 2% later than 17:20.
  const relative = figureOf(metric)?.figure.unit !== 'clock';
  const pct = relative && Number.isFinite(base) && base !== 0 ? (100 * (after[metric].mean - base)) / Math.abs(base) : null;
  // Fewer than two replications: no interval, so nothing can be told from noise.
  const significant = diff.ci95 !== null && (diff.ci95[0] > 0 || diff.ci95[1] < 0);
  return { variant: name, metric, diff, pct, significant };
}
