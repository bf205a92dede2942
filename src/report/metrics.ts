/**
 * What the renderers know about each metric key: a planner's label, how to print it, and whether
 * lower or higher is better (for colouring changes). Keys the catalogue does not know still render,
 * labelled by their key and printed as plain numbers, so a new metric in the simulator shows up in
 * every report before anyone teaches the renderers about it.
 */
import { UTILIZATION_PREFIX, type Summary } from '../runner/result.js';
import {
  fixed,
  formatCount,
  formatNumber,
  formatShare,
  formatSigned,
  formatPctChange,
  formatPointChange,
  NO_VALUE,
} from './format.js';

export type MetricKind = 'count' | 'minutes' | 'share' | 'rate' | 'people' | 'counters' | 'number';

export interface MetricInfo {
  key: string;
  /** Label in the key-figures list: `Mean wait`. */
  label: string;
  /** Row header with the unit, for cells printed without one: `Mean wait (min)`. */
  header: string;
  /** Column header of the dense per-type and per-period tables, whose title names the units. */
  short: string;
  kind: MetricKind;
  /** Which direction is an improvement; null where it depends (utilisation, arrivals). */
  better: 'lower' | 'higher' | null;
}

export const OPEN_COUNTERS_PREFIX = 'openCounters.';

type Entry = [label: string, short: string, kind: MetricKind, better: MetricInfo['better']];

/** A Map, not an object literal, so keys such as `constructor` are not found on the prototype. */
const CATALOGUE = new Map<string, Entry>([
  ['arrived', ['Arrived', 'Arrived', 'count', null]],
  ['served', ['Served', 'Served', 'count', 'higher']],
  ['abandoned', ['Abandoned', 'Abandoned', 'count', 'lower']],
  ['balked', ['Balked', 'Balked', 'count', 'lower']],
  ['waitMean', ['Mean wait', 'Mean wait', 'minutes', 'lower']],
  ['waitP50', ['Median wait', 'Median wait', 'minutes', 'lower']],
  ['waitP90', ['p90 wait', 'p90 wait', 'minutes', 'lower']],
  ['waitP95', ['p95 wait', 'p95 wait', 'minutes', 'lower']],
  ['waitP99', ['p99 wait', 'p99 wait', 'minutes', 'lower']],
  ['waitMax', ['Longest wait', 'Max wait', 'minutes', 'lower']],
  ['timeInSystemMean', ['Mean time in system', 'In system', 'minutes', 'lower']],
  ['serviceLevel', ['Service level', 'Service level', 'share', 'higher']],
  ['kioskShare', ['Kiosk share', 'Kiosk share', 'share', null]],
  ['throughputPerHour', ['Throughput', 'Per hour', 'rate', 'higher']],
  ['queueLengthMean', ['Mean line length', 'Mean line', 'people', 'lower']],
  ['queueLengthMax', ['Longest line', 'Max line', 'people', 'lower']],
]);

/** The group of a `utilization.<g>` or `openCounters.<g>` key, or null. */
export function groupOf(key: string, prefix: string): string | null {
  return key.startsWith(prefix) ? key.slice(prefix.length) : null;
}

/** Known keys, including the per-group families; unknown keys get generic columns. */
export function isKnownMetric(key: string): boolean {
  return CATALOGUE.has(key) || key.startsWith(UTILIZATION_PREFIX) || key.startsWith(OPEN_COUNTERS_PREFIX);
}

const UNIT_HEADER: Partial<Record<MetricKind, string>> = {
  minutes: ' (min)',
  rate: ' (per hour)',
};

export function describeMetric(key: string): MetricInfo {
  const entry = CATALOGUE.get(key);
  const util = groupOf(key, UTILIZATION_PREFIX);
  const open = groupOf(key, OPEN_COUNTERS_PREFIX);
  const [label, short, kind, better]: Entry = entry
    ? entry
    : util !== null
      ? [`Utilisation ${util}`, `Util. ${util}`, 'share', null]
      : open !== null
        ? [`Open counters ${open}`, `Open ${open}`, 'counters', null]
        : [key, key, 'number', null];
  return { key, label, header: label + (UNIT_HEADER[kind] ?? ''), short, kind, better };
}

/**
 * A value as number and unit (`['7.1', ' min']`, `['83.4', '%']`, `['58.9', '/h']`), the unit with
 * its leading space if it takes one, so a column can align the numbers and the units apart.
 * Without `withUnit` only shares keep theirs (`%`): the row or column header names the others.
 * People and counters are named by the label (`Mean line length 2.3`).
 */
export function splitValue(x: number, kind: MetricKind, withUnit: boolean): [number: string, unit: string] {
  if (!Number.isFinite(x)) return [NO_VALUE, ''];
  if (kind === 'share') return [fixed(x * 100, 1), '%'];
  const unit = !withUnit ? '' : kind === 'minutes' ? ' min' : kind === 'rate' ? '/h' : '';
  return [formatBare(x, kind), unit];
}

/** A value without its unit, for cells under a header that names it; shares keep their `%`. */
export function formatBare(x: number, kind: MetricKind): string {
  switch (kind) {
    case 'count':
      return formatCount(x);
    case 'minutes':
    case 'rate':
    case 'people':
    case 'counters':
      return fixed(x, 1);
    case 'share':
      return formatShare(x);
    case 'number':
      return formatNumber(x);
  }
}

/** Shown instead of `±x` for a figure over fewer than two replications, which has no interval. */
export const NO_INTERVAL = 'n/a';

/**
 * `±` and the half-width of the 95% CI in the figure's unit (percentage points for shares, where
 * a `%` sign would invite reading it as relative; one decimal for counts, whose half-widths are
 * small). `n/a` when there is no interval (fewer than two replications): a made-up `±0` would
 * claim a precision the run does not have. Empty when the figure itself is missing.
 */
export function formatHalfWidth(s: Summary, kind: MetricKind): string {
  if (!Number.isFinite(s.mean)) return '';
  if (s.ci95 === null) return NO_INTERVAL;
  const half = (s.ci95[1] - s.ci95[0]) / 2;
  if (!Number.isFinite(half)) return '';
  const text = kind === 'share' ? fixed(half * 100, 1) : kind === 'count' ? fixed(half, 1) : formatBare(half, kind);
  return `±${text}`;
}

/**
 * A change against the baseline: percent of the baseline mean (`−43%`), but percentage points
 * for shares (`+7.6 pts`), and the signed difference in the figure's unit when the baseline is 0
 * (`pct` null), where a percentage does not exist.
 */
export function formatChange(diff: number, pct: number | null, kind: MetricKind): string {
  if (kind === 'share') return formatPointChange(diff);
  if (pct !== null && Number.isFinite(pct)) return formatPctChange(pct);
  return formatSigned(diff, kind === 'number' ? 3 : 1);
}
