/**
 * Tidy CSV for spreadsheets and data tools: one figure per row, so a pivot table or a `group_by`
 * can slice by variant, scope, metric and statistic without reshaping.
 *
 *   variant,scope,period,metric,statistic,value
 *
 * - The first rows, scope `study` with an empty variant, state what every figure is judged by:
 *   `seed`, `replications` and `waitTarget` (minutes; every alternative's service level is judged
 *   at this one target), statistic `value`.
 * - `scope` is `overall`, a customer type's name, `period`, or `comparison`; `period` holds the
 *   clock times of a period row (`09:00-10:00`, ASCII hyphen, so it survives any encoding) and is
 *   empty otherwise.
 * - `statistic` is `mean`, `sd`, `ci95_lo`, `ci95_hi`; comparison rows (variant = the compared
 *   variant, against the baseline) have `diff_mean`, `diff_sd`, `diff_ci95_lo`, `diff_ci95_hi`,
 *   `pct` and `significant` (1 or 0).
 * - `metric` is the flat key (`utilization.general`), as in the Result.
 * - Values are full precision; a missing or non-finite value is an empty field (so is the `sd` and
 *   the interval of a figure over fewer than two replications, which has no spread).
 * Quoting follows RFC 4180 (fields with a comma, quote or line break are quoted, quotes doubled);
 * lines end with LF, which every spreadsheet and CSV library reads.
 */
import type { MetricSummaries, Result, Summary } from '../runner/result.js';
import { formatPeriod } from './format.js';

export const CSV_HEADER = ['variant', 'scope', 'period', 'metric', 'statistic', 'value'] as const;

type Row = [variant: string, scope: string, period: string, metric: string, statistic: string, value: string];

export function renderCsv(result: Result): string {
  const rows: Row[] = [
    ['', 'study', '', 'seed', 'value', num(result.seed)],
    ['', 'study', '', 'replications', 'value', num(result.replications)],
    ['', 'study', '', 'waitTarget', 'value', num(result.waitTarget)],
  ];
  for (const v of result.variants) {
    pushSummaries(rows, v.name, 'overall', '', v.metrics);
    for (const [type, metrics] of Object.entries(v.byType)) pushSummaries(rows, v.name, type, '', metrics);
    for (const p of v.byPeriod) {
      pushSummaries(rows, v.name, 'period', formatPeriod(result.openClock, p.start, p.end, '-'), p.metrics);
    }
  }
  for (const c of result.comparisons ?? []) {
    const row = (statistic: string, value: string): Row => [c.variant, 'comparison', '', c.metric, statistic, value];
    rows.push(
      ...summaryStats(c.diff).map(([stat, value]) => row(`diff_${stat}`, value)),
      row('pct', c.pct === null ? '' : num(c.pct)),
      row('significant', c.significant ? '1' : '0'),
    );
  }
  return [CSV_HEADER, ...rows].map((r) => r.map(quote).join(',')).join('\n') + '\n';
}

function pushSummaries(rows: Row[], variant: string, scope: string, period: string, metrics: MetricSummaries): void {
  for (const [metric, s] of Object.entries(metrics)) {
    for (const [stat, value] of summaryStats(s)) rows.push([variant, scope, period, metric, stat, value]);
  }
}

function summaryStats(s: Summary): Array<[string, string]> {
  return [
    ['mean', num(s.mean)],
    ['sd', num(s.sd ?? Number.NaN)],
    ['ci95_lo', num(s.ci95?.[0] ?? Number.NaN)],
    ['ci95_hi', num(s.ci95?.[1] ?? Number.NaN)],
  ];
}

/** Shortest round-trip form; `-0` as `0`; nothing for NaN or infinities. */
function num(x: number): string {
  if (!Number.isFinite(x)) return '';
  return x === 0 ? '0' : String(x);
}

/** RFC 4180: quote a field holding a comma, a quote or a line break, doubling the quotes. */
export function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
