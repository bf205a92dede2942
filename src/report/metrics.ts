/**
 * What the renderers know about each metric key: a planner's label, how to print it, and whether
 * lower or higher is better (for colouring changes). Keys the catalogue does not know still render,
 * labelled by their key and printed as plain numbers, so a new metric in the simulator shows up in
 * every report before anyone teaches the renderers about it.
 */
import { figureOf, type Better, type Unit } from '../figures/figures.js';
import type { Summary } from '../stats/summary.js';
import {
  fixed,
  formatClock,
  formatCount,
  formatNumber,
  formatShare,
  formatSigned,
  formatPctChange,
  formatPointChange,
  NO_VALUE,
} from './format.js';

/** How to print a figure: its unit, or `number` for a key the vocabulary does not know. */
export type MetricKind = Unit | 'number';

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
  better: Better;
  /** Minutes after midnight of opening: a `clock` figure (minutes from open) prints as `HH:MM`. */
  openClock: number;
}

/** The group of a per-group key of figure `family` (`groupOf('utilization.general', 'utilization')`), or null. */
export function groupOf(key: string, family: string): string | null {
  const known = figureOf(key);
  return known !== null && known.figure.key === family ? known.group : null;
}

/** Whether a key is one figure of a group (`utilization.general`). */
export function isPerGroup(key: string): boolean {
  return figureOf(key)?.group != null;
}

/** Keys of the vocabulary (figures/figures.ts), per-group ones included; unknown keys get generic columns. */
export function isKnownMetric(key: string): boolean {
  return figureOf(key) !== null;
}

const UNIT_HEADER: Partial<Record<MetricKind, string>> = {
  minutes: ' (min)',
  rate: ' (per hour)',
  hours: ' (h)',
};

/**
 * A key's label, header and format, from the vocabulary; a key it does not know, by its name.
 * `openClock` (minutes after midnight of opening) is what a `clock` figure is printed against.
 */
export function describeMetric(key: string, openClock = 0): MetricInfo {
  const known = figureOf(key);
  if (known === null) return { key, label: key, header: key, short: key, kind: 'number', better: null, openClock };
  const { figure, group } = known;
  const label = group === null ? figure.label : `${figure.label} ${group}`;
  const short = group === null ? figure.short : `${figure.short} ${group}`;
  return { key, label, header: label + (UNIT_HEADER[figure.unit] ?? ''), short, kind: figure.unit, better: figure.better, openClock };
}

/**
 * A value as number and unit (`['7.1', ' min']`, `['83.4', '%']`, `['58.9', '/h']`), the unit with
 * its leading space if it takes one, so a column can align the numbers and the units apart.
 * Without `withUnit` only shares keep theirs (`%`): the row or column header names the others.
 * People and counters are named by the label (`Mean line length 2.3`).
 */
export function splitValue(x: number, kind: MetricKind, withUnit: boolean, openClock = 0): [number: string, unit: string] {
  if (!Number.isFinite(x)) return [NO_VALUE, ''];
  if (kind === 'share') return [fixed(x * 100, 1), '%'];
  const unit = !withUnit ? '' : kind === 'minutes' ? ' min' : kind === 'rate' ? '/h' : kind === 'hours' ? ' h' : '';
  return [formatBare(x, kind, openClock), unit];
}

/**
 * A value without its unit, for cells under a header that names it; shares keep their `%`, and a
 * clock figure prints as the time of day (`17:42`, from `openClock`).
 */
export function formatBare(x: number, kind: MetricKind, openClock = 0): string {
  switch (kind) {
    case 'count':
      return formatCount(x);
    case 'minutes':
    case 'rate':
    case 'people':
    case 'counters':
    case 'hours':
      return fixed(x, 1);
    case 'money':
      return formatMoney(x);
    case 'clock':
      return formatMoment(openClock, x);
    case 'share':
      return formatShare(x);
    case 'number':
      return formatNumber(x);
  }
}

/**
 * A moment `x` minutes after opening as a clock time; on a later day than the opening's, with the
 * days after it (`08:29 +2d`), so a long horizon's last customer is not read as this morning's.
 */
function formatMoment(openClock: number, x: number): string {
  const clock = formatClock(openClock, x);
  const days = Math.floor((openClock + x) / 1440);
  return days > 0 && Number.isFinite(days) ? `${clock} +${days}d` : clock;
}

/** An amount in the file's own unit of cost: whole units from 100 on (`1,025` reads as money), else two decimals. */
function formatMoney(x: number): string {
  return Math.abs(x) >= 100 ? fixed(x, 0) : fixed(x, 2);
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
  // The wider side: an interval clipped to the figure's range (a share at most 100%) is no
  // narrower for it, so the `±` is the t half-width, not half of what is left after clipping.
  const half = Math.max(s.mean - s.ci95[0], s.ci95[1] - s.mean);
  if (!Number.isFinite(half)) return '';
  // A moment's interval is a duration: minutes either side.
  if (kind === 'clock') return `±${fixed(half, 1)} min`;
  // An amount's half-width to the mean's own precision (`1025 ±38`, not `±38.41`).
  if (kind === 'money') return `±${fixed(half, Math.abs(s.mean) >= 100 ? 0 : 2)}`;
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
  // Later or earlier by so many minutes: a percentage of the minutes since opening means nothing.
  if (kind === 'clock') return `${formatSigned(diff, 1)} min`;
  if (pct !== null && Number.isFinite(pct)) return formatPctChange(pct);
  return formatSigned(diff, kind === 'number' ? 3 : 1);
}
