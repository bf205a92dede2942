/**
 * CSV for spreadsheets and data tools, in two layouts (`--csv tidy`, the default, or `--csv wide`).
 *
 * **Tidy**: one figure per row, so a pivot table or a `group_by` can slice by variant, scope,
 * metric and statistic without reshaping.
 *
 *   variant,scope,period,metric,statistic,value
 *
 * - The first rows, scope `study` with an empty variant, state what every figure is judged by:
 *   `seed`, `replications` and `waitTarget` (minutes; every alternative's service level is judged
 *   at this one target), statistic `value`.
 * - `scope` is `overall`, a customer type's name, `period`, `comparison` (the paired difference of
 *   a hall figure against the baseline) or `comparison:<type>` (the same for one customer type's
 *   figure); `period` holds the clock times of a period row (`09:00-10:00`, ASCII hyphen, so it
 *   survives any encoding) and is empty otherwise.
 * - `statistic` is `mean`, `sd`, `ci95_lo`, `ci95_hi`; comparison rows (variant = the compared
 *   variant, against the baseline) have `diff_mean`, `diff_sd`, `diff_ci95_lo`, `diff_ci95_hi`,
 *   `pct` and `significant` (1 or 0).
 * - `metric` is the flat key (`utilization.general`), as in the Result.
 *
 * **Wide**: one row per alternative and scope (the whole hall, each type, each period, and each
 * comparison), one column per figure: its mean, `<metric>`, and its 95% interval,
 * `<metric>_ci95_lo`, `<metric>_ci95_hi`.
 *
 *   variant,scope,period,seed,replications,waitTarget,arrived,arrived_ci95_lo,arrived_ci95_hi,served,...
 *
 * Scopes as in the tidy layout; a comparison row holds the paired difference against the baseline
 * and its interval (significant exactly when the interval excludes 0; the change in percent is the
 * difference over the baseline row's mean). The columns are every figure of any scope, in report
 * order; a scope without a figure leaves its cells empty. `seed`, `replications` (the
 * alternative's) and `waitTarget` are on every row, so a row says what its figures are judged by.
 *
 * **Numbers are rounded to what they mean** (JSON keeps full precision): minutes, clock times
 * (minutes from open), counts, rates, people, counters, hours and amounts to 2 decimals; shares to
 * 4 (0.01 percentage points); percent changes to 2; a key the vocabulary does not know to 6
 * significant digits. The rounding is far below any figure's 95% interval. Trailing zeros are
 * dropped (`12.5`, not `12.50`); a missing or non-finite value is an empty field (so is the `sd`
 * and the interval of a figure over fewer than two replications, which has no spread).
 *
 * A variant whose horizon is longer than a day has its periods folded by time of day (each gathers
 * that time of every day): in both layouts a row of scope `byPeriodFolded` comes before its period
 * rows, with the figure `days` (days after warm-up), and each period row has the figure `days` (the
 * days it covers); being exact, they have no sd or interval.
 * Quoting follows RFC 4180 (fields with a comma, quote or line break are quoted, quotes doubled);
 * lines end with LF, which every spreadsheet and CSV library reads.
 */
import { figureOf } from '../figures/figures.js';
import type { Comparison, MetricSummaries, Result, Summary, TypeComparison } from '../runner/result.js';
import { unionKeys } from './common.js';
import { formatPeriod } from './format.js';
import { CSV_LAYOUTS, type CsvLayout } from './formats.js';

export { CSV_LAYOUTS, type CsvLayout };

export const CSV_HEADER = ['variant', 'scope', 'period', 'metric', 'statistic', 'value'] as const;

type Row = [variant: string, scope: string, period: string, metric: string, statistic: string, value: string];

export function renderCsv(result: Result, layout: CsvLayout = 'tidy'): string {
  return layout === 'wide' ? renderWide(result) : renderTidy(result);
}

/** Every level figure of the result: variant, scope, period label, figures. */
function* scopesOf(result: Result): Generator<[variant: string, scope: string, period: string, metrics: MetricSummaries, replications: number]> {
  for (const v of result.variants) {
    yield [v.name, 'overall', '', v.metrics, v.replications];
    for (const [type, metrics] of Object.entries(v.byType)) yield [v.name, type, '', metrics, v.replications];
    if (v.byPeriodFolded) yield [v.name, 'byPeriodFolded', '', { days: exact(v.byPeriodFolded.days) }, v.replications];
    for (const p of v.byPeriod) {
      const metrics = p.days === undefined ? p.metrics : { days: exact(p.days), ...p.metrics };
      yield [v.name, 'period', formatPeriod(result.openClock, p.start, p.end, '-'), metrics, v.replications];
    }
  }
}

/** A number that is no estimate: the days a folded by-period report covers. */
function exact(x: number): Summary {
  return { mean: x, sd: null, ci95: null };
}

/** The comparisons, the hall's then each type's, with the scope they are reported under. */
function comparisonsOf(result: Result): Array<[scope: string, c: Comparison]> {
  return [
    ...(result.comparisons ?? []).map((c): [string, Comparison] => ['comparison', c]),
    ...(result.typeComparisons ?? []).map((c: TypeComparison): [string, Comparison] => [`comparison:${c.type}`, c]),
  ];
}

function renderTidy(result: Result): string {
  const rows: Row[] = [
    ['', 'study', '', 'seed', 'value', num(result.seed)],
    ['', 'study', '', 'replications', 'value', num(result.replications)],
    ['', 'study', '', 'waitTarget', 'value', num(result.waitTarget)],
  ];
  for (const [variant, scope, period, metrics] of scopesOf(result)) {
    for (const [metric, s] of Object.entries(metrics)) {
      for (const [stat, value] of summaryStats(metric, s)) rows.push([variant, scope, period, metric, stat, value]);
    }
  }
  for (const [scope, c] of comparisonsOf(result)) {
    const row = (statistic: string, value: string): Row => [c.variant, scope, '', c.metric, statistic, value];
    rows.push(
      ...summaryStats(c.metric, c.diff).map(([stat, value]) => row(`diff_${stat}`, value)),
      row('pct', c.pct === null ? '' : rounded(c.pct, 2)),
      row('significant', c.significant ? '1' : '0'),
    );
  }
  return lines([CSV_HEADER, ...rows]);
}

function renderWide(result: Result): string {
  const comparisons = comparisonsOf(result);
  const levels = [...scopesOf(result)];
  const metrics = unionKeys([...levels.map(([, , , m]) => m), ...comparisons.map(([, c]) => ({ [c.metric]: true }))]);
  const header = ['variant', 'scope', 'period', 'seed', 'replications', 'waitTarget', ...metrics.flatMap((k) => [k, `${k}_ci95_lo`, `${k}_ci95_hi`])];
  const study = (replications: number) => [num(result.seed), num(replications), num(result.waitTarget)];
  const cells = (metric: string, s: Summary | undefined): string[] =>
    s === undefined ? ['', '', ''] : [value(metric, s.mean), value(metric, s.ci95?.[0] ?? NaN), value(metric, s.ci95?.[1] ?? NaN)];
  const rows: string[][] = [header];
  for (const [variant, scope, period, m, replications] of levels) {
    rows.push([variant, scope, period, ...study(replications), ...metrics.flatMap((k) => cells(k, Object.hasOwn(m, k) ? m[k] : undefined))]);
  }
  // One row per compared variant and scope (the hall, then each type), in the order they come.
  const changes = new Map<string, { variant: string; scope: string; diffs: Map<string, Summary> }>();
  for (const [scope, c] of comparisons) {
    const key = `${c.variant}\u0000${scope}`;
    let row = changes.get(key);
    if (!row) changes.set(key, (row = { variant: c.variant, scope, diffs: new Map() }));
    row.diffs.set(c.metric, c.diff);
  }
  const replicationsOf = new Map(result.variants.map((v) => [v.name, v.replications]));
  for (const { variant, scope, diffs } of changes.values()) {
    rows.push([variant, scope, '', ...study(replicationsOf.get(variant) ?? NaN), ...metrics.flatMap((k) => cells(k, diffs.get(k)))]);
  }
  return lines(rows);
}

function lines(rows: ReadonlyArray<readonly string[]>): string {
  return rows.map((r) => r.map(quote).join(',')).join('\n') + '\n';
}

function summaryStats(metric: string, s: Summary): Array<[string, string]> {
  return [
    ['mean', value(metric, s.mean)],
    ['sd', value(metric, s.sd ?? Number.NaN)],
    ['ci95_lo', value(metric, s.ci95?.[0] ?? Number.NaN)],
    ['ci95_hi', value(metric, s.ci95?.[1] ?? Number.NaN)],
  ];
}

/** Decimals a figure's value is printed to, by its unit (see the file's comment); null: 6 significant digits. */
function decimalsOf(metric: string): number | null {
  const unit = figureOf(metric)?.figure.unit;
  if (unit === undefined) return null;
  return unit === 'share' ? 4 : 2;
}

/** A figure's value rounded to what it means (see the file's comment); empty when not finite. */
export function csvNumber(metric: string, x: number): string {
  return value(metric, x);
}

function value(metric: string, x: number): string {
  const decimals = decimalsOf(metric);
  if (decimals !== null) return rounded(x, decimals);
  if (!Number.isFinite(x)) return '';
  return num(Number(x.toPrecision(6)));
}

/** `x` to `decimals` decimals, trailing zeros dropped, `-0` as `0`; nothing for NaN or infinities. */
function rounded(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return '';
  return num(Number(x.toFixed(decimals)));
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
