/**
 * Pieces every report shares: the header that says what was run, labels that carry the
 * scenario's wait target, cells of a Summary, and the warnings at the end.
 */
import type { Result, Summary, VariantResult } from '../runner/result.js';
import type { Block, Segment } from './document.js';
import { NO_VALUE, trimmed } from './format.js';
import { describeMetric, formatBare, formatHalfWidth, splitValue, type MetricInfo } from './metrics.js';

/** Scenario name, then replications, seed and wait target: enough to rerun and to read the figures. */
export function headerBlocks(result: Result, extra: string[] = []): Block[] {
  let reps = `${result.replications} replication${result.replications === 1 ? '' : 's'}`;
  const p = result.precision;
  if (p) {
    const share = `±${trimmed(100 * p.target, 2)}%`;
    reps += p.reached
      ? ` (as many as needed for the mean wait within ${share}, 95% confidence)`
      : ` (the cap: the mean wait of ${namesOf(p.notReached)} is not yet within ${share}; raise --max-replications)`;
  }
  return [
    { kind: 'title', text: result.scenario },
    {
      kind: 'text',
      lines: [`${reps}, seed ${result.seed}, wait target ${trimmed(result.waitTarget, 2)} min`, ...extra],
    },
  ];
}

/** `a`, `a and b`, `a, b and c`, each quoted: the alternatives a sentence is about. */
function namesOf(names: string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  return quoted.length <= 1 ? (quoted[0] ?? 'every alternative') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/** Warnings last, where they are read after the figures they qualify; none, no block. */
export function warningBlocks(result: Result): Block[] {
  if (result.warnings.length === 0) return [];
  return [{ kind: 'text', title: 'Warnings', lines: [...result.warnings], list: true }];
}

/**
 * The label of a metric in this scenario: the service level names its target
 * (`Service level (≤10 min)`), since "83%" means nothing without it.
 */
export function labelOf(result: Result, key: string, withUnit: boolean): string {
  const info = infoOf(result, key);
  const label = withUnit ? info.header : info.label;
  return key === 'serviceLevel' ? `${label} (≤${trimmed(result.waitTarget, 2)} min)` : label;
}

/** What a key is in this result: its label and format, clock figures against its opening time. */
export function infoOf(result: Result, key: string): MetricInfo {
  return describeMetric(key, result.openClock);
}

/**
 * `7.1`, ` min` and `±0.5` as segments, so that numbers (to the decimal point), units and
 * half-widths each line up in their column. `withUnit` false is for cells under a header that
 * names the unit (shares keep their `%`).
 */
export function summarySegments(s: Summary | undefined, info: MetricInfo, withUnit: boolean): Segment[] {
  if (!s) return [{ text: NO_VALUE, align: 'right' }];
  const [value, unit] = splitValue(s.mean, info.kind, withUnit, info.openClock);
  return [
    { text: value, align: 'right' },
    { text: unit, align: 'left', glue: true },
    { text: formatHalfWidth(s, info.kind), align: 'right' },
  ];
}

/** The mean alone, for dense tables whose rows are already means over replications. */
export function meanText(s: Summary | undefined, info: MetricInfo): string {
  return s ? formatBare(s.mean, info.kind, info.openClock) : NO_VALUE;
}

/** Keys of several metric maps, each once, in the order they first appear. */
export function unionKeys(maps: Iterable<Record<string, unknown>>): string[] {
  const seen = new Set<string>();
  for (const m of maps) for (const k of Object.keys(m)) seen.add(k);
  return [...seen];
}

/**
 * `m[key]` if `m` has it as its own key. Metric maps are plain objects and keys come from
 * scenario names, so `m.constructor` must not find Object's prototype.
 */
export function own<T>(m: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(m, key) ? m[key] : undefined;
}

/**
 * Whether a figure only says "nothing happened" in every scope given: no service interrupted, every
 * counter available all the time, no cost given. Such rows and columns are left out of the human-readable
 * reports (a hall without breakdowns would get a row of zeros and a column of 100% per group);
 * JSON and CSV keep every figure.
 */
export function saysNothing(key: string, scopes: Iterable<Record<string, Summary>>): boolean {
  // Without a `cost` on any group the cost is missing everywhere: no row of dashes.
  if (key === 'cost') {
    for (const m of scopes) if (Number.isFinite(own(m, key)?.mean ?? NaN)) return false;
    return true;
  }
  const idle = key === 'interrupted' ? 0 : key.startsWith('availability.') ? 1 : null;
  if (idle === null) return false;
  for (const m of scopes) {
    const s = own(m, key);
    if (s && Number.isFinite(s.mean) && s.mean !== idle) return false;
  }
  return true;
}

/**
 * What the by-period rows are: `By period`, or for a horizon longer than a day, whose byPeriod is
 * folded by time of day, `By time of day over N days` (every alternative folded alike), else a
 * mention that the long ones are folded. The reader must not take a folded row for one hour.
 */
export function periodScope(variants: VariantResult[]): { title: string; note: string } {
  const folds = variants.map((v) => v.byPeriodFolded);
  if (folds.every((f) => f === undefined)) return { title: 'By period', note: '' };
  const note = 'each period gathers that time of every day: counts are totals over the days, other figures over the same customers and clock time';
  const days = folds[0]?.days;
  if (days !== undefined && folds.every((f) => f?.days === days)) return { title: `By time of day over ${trimmed(days, 1)} days`, note };
  return { title: 'By period (by time of day over all days where the horizon is longer than a day)', note };
}
