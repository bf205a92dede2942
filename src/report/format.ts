/**
 * Number formatting shared by the human-readable renderers (table, Markdown). Machine formats
 * (JSON, CSV) print full precision instead and never call these.
 *
 * Conventions: minutes with one decimal (`7.1 min`), shares as percent (`83.4%`), negative
 * numbers with a real minus sign (`−`, U+2212: a hyphen looks like a dash and is narrower than a
 * digit in proportional fonts), and `–` for a figure that is missing or not a number, so a report
 * never shows `NaN`.
 */
import { clockLabel } from '../scenario/time.js';

export const MINUS = '\u2212';
/** Shown where a figure is missing or not finite. */
export const NO_VALUE = '\u2013';

/** `x` with `decimals` decimals, real minus sign, and no `-0.0` after rounding. */
export function fixed(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return NO_VALUE;
  const s = x.toFixed(decimals);
  if (/^-0(\.0+)?$/.test(s)) return s.slice(1);
  return s.startsWith('-') ? MINUS + s.slice(1) : s;
}

/** Like `fixed`, with trailing zeros of the decimals dropped (`10`, `2.5`). */
export function trimmed(x: number, maxDecimals: number): string {
  const s = fixed(x, maxDecimals);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** `+` or `−` in front of a formatted magnitude; a plain `0` when it rounds to zero. */
function signed(x: number, decimals: number): string {
  const s = fixed(x, decimals);
  if (/^0(\.0+)?$/.test(s)) return '0';
  if (s === NO_VALUE || s.startsWith(MINUS)) return s;
  return '+' + s;
}

/** Minutes, one decimal: `7.1 min` (or `7.1` without the unit, for a column headed `(min)`). */
export function formatMinutes(x: number, unit = true): string {
  const s = fixed(x, 1);
  return unit && s !== NO_VALUE ? `${s} min` : s;
}

/** A share 0..1 as percent with one decimal: `83.4%`. */
export function formatShare(x: number): string {
  const s = fixed(x * 100, 1);
  return s === NO_VALUE ? s : `${s}%`;
}

/**
 * A count per replication. It is a mean over replications, so usually not whole: one decimal
 * below 100 (`3.4` abandoned matters), whole numbers from 100 on (`471` arrivals), and no `.0`.
 */
export function formatCount(x: number): string {
  return Math.abs(x) >= 100 ? fixed(x, 0) : trimmed(x, 1);
}

/** Customers per hour, one decimal: `58.9/h`. */
export function formatRate(x: number, unit = true): string {
  const s = fixed(x, 1);
  return unit && s !== NO_VALUE ? `${s}/h` : s;
}

/** A number of unknown meaning: about three significant figures, trailing zeros dropped. */
export function formatNumber(x: number): string {
  const a = Math.abs(x);
  return trimmed(x, a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3);
}

/**
 * Change of a mean against the baseline, in percent with a sign: `−43%`, `+5.2%`, `0%`.
 * One decimal below 10% so small but real changes do not read as `0%`.
 */
export function formatPctChange(pct: number): string {
  if (!Number.isFinite(pct)) return NO_VALUE;
  return `${signed(pct, Math.abs(pct) < 10 ? 1 : 0)}%`;
}

/**
 * Change of a share in percentage points: `+7.6 pts`. A relative change of a percentage
 * (83% to 91% is "+10%") is easily misread as points, so shares are compared in points.
 */
export function formatPointChange(diff: number): string {
  if (!Number.isFinite(diff)) return NO_VALUE;
  return `${signed(diff * 100, 1)} pts`;
}

/** A signed difference with `decimals` decimals: `+2.1`, `−0.4`. */
export function formatSigned(x: number, decimals: number): string {
  return signed(x, decimals);
}

/**
 * `HH:MM` of `openClock` (minutes after midnight) plus `offset` minutes, wrapping at midnight;
 * seconds are dropped, as a clock shows them and as the JSON's period `clock` does (the same
 * function, scenario/time.ts), so the table, CSV and JSON name a 7.5-minute period alike.
 */
export function formatClock(openClock: number, offset: number): string {
  if (!Number.isFinite(openClock + offset)) return NO_VALUE;
  return clockLabel(openClock, offset);
}

/** A period as clock times, `09:00–10:00` (en dash), or with `-` for plain-text consumers. */
export function formatPeriod(openClock: number, start: number, end: number, dash = '\u2013'): string {
  return `${formatClock(openClock, start)}${dash}${formatClock(openClock, end)}`;
}
