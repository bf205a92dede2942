/**
 * The data behind each chart, taken from a Result: plain rows that Plot draws and that the table
 * under each chart lists. Kept apart from the drawing so the numbers in the picture and in the
 * table cannot come from different places.
 */
import { groupKey } from '../../figures/figures.js';
import type { Comparison, Result, Summary, VariantResult } from '../../runner/result.js';
import { own } from '../common.js';
import { formatPeriod } from '../format.js';
import { groupOf } from '../metrics.js';
import { interval } from './tables.js';

/** A figure of one period of one variant. */
export interface PeriodPoint {
  variant: string;
  /** Index of the period in the variant's byPeriod. */
  index: number;
  /** Hours after midnight (the clock), start, middle and end of the period. */
  x1: number;
  x: number;
  x2: number;
  period: string;
  mean: number;
  lo: number;
  hi: number;
}

/** `metric` of every period of each variant, `scale` applied (100 for percent). */
export function periodSeries(result: Result, variants: VariantResult[], metric: string, scale = 1): PeriodPoint[] {
  const points: PeriodPoint[] = [];
  for (const v of variants) {
    v.byPeriod.forEach((p, index) => {
      const s = own(p.metrics, metric);
      if (!s) return;
      points.push({
        variant: v.name,
        index,
        x1: (result.openClock + p.start) / 60,
        x: (result.openClock + (p.start + p.end) / 2) / 60,
        x2: (result.openClock + p.end) / 60,
        period: formatPeriod(result.openClock, p.start, p.end),
        ...scaled(s, scale),
      });
    });
  }
  return points;
}

function scaled(s: Summary, scale: number): { mean: number; lo: number; hi: number } {
  const [lo, hi] = interval(s);
  return { mean: s.mean * scale, lo: lo * scale, hi: hi * scale };
}

/** One cell of the utilisation heat map: a counter group (or the kiosks) in one period. */
export interface UtilisationCell extends PeriodPoint {
  group: string;
  /** `variant · group` in a comparison, the group alone in a run. */
  row: string;
  /** Mean number of counters open in the period; NaN for the kiosks, whose count is fixed. */
  open: number;
}

export function utilisationCells(result: Result, variants: VariantResult[]): UtilisationCell[] {
  const cells: UtilisationCell[] = [];
  const many = variants.length > 1;
  for (const v of variants) {
    v.byPeriod.forEach((p, index) => {
      for (const [key, s] of Object.entries(p.metrics)) {
        const group = groupOf(key, 'utilization');
        if (group === null) continue;
        cells.push({
          variant: v.name,
          index,
          group,
          row: many ? `${v.name} \u00b7 ${group}` : group,
          x1: (result.openClock + p.start) / 60,
          x: (result.openClock + (p.start + p.end) / 2) / 60,
          x2: (result.openClock + p.end) / 60,
          period: formatPeriod(result.openClock, p.start, p.end),
          open: own(p.metrics, groupKey('openCounters', group))?.mean ?? NaN,
          ...scaled(s, 100),
        });
      }
    });
  }
  return cells;
}

/** The wait quantiles that describe the distribution, and the share of served customers below each. */
export const QUANTILES: ReadonlyArray<readonly [metric: string, share: number, label: string]> = [
  ['waitP50', 50, 'half (p50)'],
  ['waitP90', 90, '9 in 10 (p90)'],
  ['waitP95', 95, '19 in 20 (p95)'],
  ['waitP99', 99, '99 in 100 (p99)'],
  ['waitMax', 100, 'all (longest)'],
];

export interface QuantilePoint {
  type: string;
  metric: string;
  /** Percent of served customers who waited at most `wait`. */
  share: number;
  label: string;
  wait: number;
  lo: number;
  hi: number;
}

export function waitQuantiles(variant: VariantResult): QuantilePoint[] {
  const points: QuantilePoint[] = [];
  for (const [type, metrics] of Object.entries(variant.byType)) {
    for (const [metric, share, label] of QUANTILES) {
      const s = own(metrics, metric);
      if (!s || !Number.isFinite(s.mean)) continue;
      const [lo, hi] = interval(s);
      points.push({ type, metric, share, label, wait: s.mean, lo, hi });
    }
  }
  return points;
}

/** A type's figure in one variant, for the side-by-side chart of a comparison. */
export interface TypeFigure {
  variant: string;
  type: string;
  mean: number;
  lo: number;
  hi: number;
}

export function typeFigures(variants: VariantResult[], metric: string, scale = 1): TypeFigure[] {
  const rows: TypeFigure[] = [];
  for (const v of variants) {
    for (const [type, metrics] of Object.entries(v.byType)) {
      const s = own(metrics, metric);
      if (s) rows.push({ variant: v.name, type, ...scaled(s, scale) });
    }
  }
  return rows;
}

/** A variant's paired change against the baseline, for the dot-and-whisker chart. */
export interface ChangePoint {
  variant: string;
  diff: number;
  lo: number;
  hi: number;
  significant: boolean;
  /** `better`, `worse` or `no clear change` (the interval holds 0, or the direction is not judged). */
  verdict: string;
  comparison: Comparison;
}

export const VERDICTS = ['better', 'worse', 'no clear change'] as const;

export function changes(result: Result, metric: string, better: 'lower' | 'higher' | null, scale = 1): ChangePoint[] {
  return (result.comparisons ?? [])
    .filter((c) => c.metric === metric && Number.isFinite(c.diff.mean))
    .map((c) => {
      const improving = better === null || c.diff.mean === 0 ? null : (c.diff.mean < 0) === (better === 'lower');
      const verdict = !c.significant || improving === null ? VERDICTS[2] : improving ? VERDICTS[0] : VERDICTS[1];
      const { mean, lo, hi } = scaled(c.diff, scale);
      return { variant: c.variant, diff: mean, lo, hi, significant: c.significant, verdict, comparison: c };
    });
}
