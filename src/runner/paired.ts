/**
 * Paired comparisons of a variant with the baseline. Replication r of every variant meets the
 * same customers (common random numbers), so the per-replication differences cancel most of the
 * day-to-day noise, and their Student-t interval is far narrower than the two separate intervals.
 */
import { figureOf } from '../figures/figures.js';
import { summarizeFigure } from './summarize.js';
import type { MetricTable } from './metric-table.js';
import type { Comparison, MetricSummaries, TypeComparison, VariantResult } from './result.js';

export function pairedComparisons(baseline: VariantResult, variant: VariantResult): Comparison[] {
  const [a, b, n] = samplesOf(baseline, variant);
  const out: Comparison[] = [];
  for (const metric of Object.keys(baseline.metrics)) {
    if (!(metric in variant.metrics)) continue;
    out.push(compare(variant.name, metric, a, a.metricColumn(metric), b, b.metricColumn(metric), n, baseline.metrics, variant.metrics));
  }
  return out;
}

/**
 * The same for each customer type both alternatives have: "consultations wait 7 minutes less" is
 * the answer to most planning questions, and it needs its own paired interval.
 */
export function pairedTypeComparisons(baseline: VariantResult, variant: VariantResult): TypeComparison[] {
  const [a, b, n] = samplesOf(baseline, variant);
  const out: TypeComparison[] = [];
  for (const [type, before] of Object.entries(baseline.byType)) {
    const after = variant.byType[type];
    const ta = a.columns.typeNames.indexOf(type);
    const tb = b.columns.typeNames.indexOf(type);
    if (!after || ta < 0 || tb < 0) continue;
    for (const metric of Object.keys(before)) {
      const ka = a.columns.typeKeys.indexOf(metric);
      const kb = b.columns.typeKeys.indexOf(metric);
      if (!(metric in after) || ka < 0 || kb < 0) continue;
      out.push({ type, ...compare(variant.name, metric, a, a.typeOffset(ta) + ka, b, b.typeOffset(tb) + kb, n, before, after) });
    }
  }
  return out;
}

function samplesOf(baseline: VariantResult, variant: VariantResult): [MetricTable, MetricTable, number] {
  const a = baseline.samples;
  const b = variant.samples;
  if (!a || !b) throw new Error('internal: paired comparison needs the replications of both variants');
  return [a, b, Math.min(a.rows, b.rows)];
}

function compare(
  name: string,
  metric: string,
  a: MetricTable,
  ca: number,
  b: MetricTable,
  cb: number,
  n: number,
  before: MetricSummaries,
  after: MetricSummaries,
): Comparison {
  const x = a.column(ca, n);
  const y = b.column(cb, n);
  const diff = summarizeFigure(y.map((v, r) => v - x[r]));
  const base = before[metric].mean;
  // A moment of the day (minutes from open) has no percent change: 17:40 is not 2% later than 17:20.
  const relative = figureOf(metric)?.figure.unit !== 'clock';
  const pct = relative && Number.isFinite(base) && base !== 0 ? (100 * (after[metric].mean - base)) / Math.abs(base) : null;
  // Fewer than two replications: no interval, so nothing can be told from noise.
  const significant = diff.ci95 !== null && (diff.ci95[0] > 0 || diff.ci95[1] < 0);
  return { variant: name, metric, diff, pct, significant };
}
