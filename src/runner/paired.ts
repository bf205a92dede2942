/**
 * Paired comparisons of a variant with the baseline. Replication r of every variant meets the
 * same customers (common random numbers), so the per-replication differences cancel most of the
 * day-to-day noise, and their Student-t interval is far narrower than the two separate intervals.
 */
import { summarizeFigure } from './summarize.js';
import type { Comparison, VariantResult } from './result.js';

export function pairedComparisons(baseline: VariantResult, variant: VariantResult): Comparison[] {
  const a = baseline.samples;
  const b = variant.samples;
  if (!a || !b) throw new Error('internal: paired comparison needs the replications of both variants');
  const n = Math.min(a.rows, b.rows);
  const out: Comparison[] = [];
  for (const metric of Object.keys(baseline.metrics)) {
    if (!(metric in variant.metrics)) continue;
    const before = a.column(a.metricColumn(metric), n);
    const after = b.column(b.metricColumn(metric), n);
    const diffs = after.map((x, r) => x - before[r]);
    const diff = summarizeFigure(diffs);
    const base = baseline.metrics[metric].mean;
    const pct = Number.isFinite(base) && base !== 0 ? (100 * (variant.metrics[metric].mean - base)) / Math.abs(base) : null;
    // Fewer than two replications: no interval, so nothing can be told from noise.
    const significant = diff.ci95 !== null && (diff.ci95[0] > 0 || diff.ci95[1] < 0);
    out.push({ variant: variant.name, metric, diff, pct, significant });
  }
  return out;
}
