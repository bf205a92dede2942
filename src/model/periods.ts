/**
 * The clock periods of a day for byPeriod results: [k·length, (k+1)·length) from opening, the last
 * cut at the horizon. Periods that end within the warm-up are left out, like the customers in them.
 */
import type { Model } from './model.js';

export interface DayPeriod {
  /** Index k of the period counted from opening. */
  index: number;
  start: number;
  end: number;
}

export function dayPeriods(model: Model, length: number): DayPeriod[] {
  const out: DayPeriod[] = [];
  const count = Math.ceil(model.horizon / length);
  for (let k = 0; k < count; k++) {
    const start = k * length;
    const end = Math.min(start + length, model.horizon);
    if (end > model.warmup) out.push({ index: k, start, end });
  }
  return out;
}
