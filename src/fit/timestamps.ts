/**
 * Timestamps as ticket systems write them: "HH:MM", "HH:MM:SS" (fractions of a second allowed),
 * "YYYY-MM-DD HH:MM[:SS]" (or with a "T"), and dates "YYYY-MM-DD", "YYYY/MM/DD" or "DD.MM.YYYY".
 * Dates become day numbers (days since 1970-01-01), times minutes after midnight, so that a
 * ticket called after midnight still has a later time than the one it was issued at.
 */

export interface Timestamp {
  /** Days since 1970-01-01, or null when only a time of day was written. */
  day: number | null;
  /** Minutes after midnight of `day`. */
  minutes: number;
  /** True when seconds were written (the log's clock resolution). */
  seconds: boolean;
}

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}(?:[.,]\d+)?))?$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const DOTTED_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** Day number of a date, or null when it is not a real calendar date. */
export function parseDate(text: string): number | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  let match = ISO_DATE.exec(t);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = DOTTED_DATE.exec(t))) [y, m, d] = [Number(match[3]), Number(match[2]), Number(match[1])];
  else return null;
  const ms = Date.UTC(y, m - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return Math.round(ms / 86_400_000);
}

/** "YYYY-MM-DD" of a day number. */
export function formatDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function parseTime(text: string): { minutes: number; seconds: boolean } | null {
  const match = TIME.exec(text);
  if (!match) return null;
  const h = Number(match[1]);
  const m = Number(match[2]);
  const s = match[3] === undefined ? 0 : Number(match[3].replace(',', '.'));
  if (h > 24 || m > 59 || s >= 60 || (h === 24 && (m > 0 || s > 0))) return null;
  return { minutes: h * 60 + m + s / 60, seconds: match[3] !== undefined };
}

/** A timestamp with or without a date, or null when it is neither. */
export function parseTimestamp(text: string): Timestamp | null {
  const t = text.trim();
  const split = /^(\S+)[ T]+(\S+)$/.exec(t);
  if (split) {
    const day = parseDate(split[1]);
    const time = parseTime(split[2]);
    return day === null || time === null ? null : { day, ...time };
  }
  const time = parseTime(t);
  return time === null ? null : { day: null, ...time };
}
