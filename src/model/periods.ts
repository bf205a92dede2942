/**
 * The periods of the by-period report. A day of at most one day (1,440 minutes) is cut into clock
 * periods [k·length, (k+1)·length) from opening, the last cut at the horizon. A longer horizon is
 * folded by time of day: slot i covers [i·length, (i+1)·length) of every day (days counted from
 * opening, the last slot cut at 1,440), and gathers every day's customers arriving then and every
 * day's clock time then. So the report has at most ceil(1440 / length) periods however long the
 * horizon, and memory and report size do not grow with it; a one-day horizon keeps its periods.
 *
 * The day's clock is cut into *stretches*: stretch k is day floor(k / slots), slot k mod slots. A
 * stretch or a period that ends within the warm-up is left out, like the customers in it.
 */
import type { Model } from './model.js';

/** Minutes in a day: horizons longer than this are folded by time of day. */
export const DAY_MINUTES = 1440;

export interface DayPeriod {
  /** Index of the period: its slot of the day. */
  index: number;
  /** Minutes from opening (the time of day's offset when folded). */
  start: number;
  end: number;
  /** Folded only: the days its figures cover (its minutes after warm-up over its length). */
  days?: number;
}

export class ReportPeriods {
  /** Whether the horizon is longer than a day, so that each period gathers that time of every day. */
  readonly folded: boolean;
  /** Periods in a day: slot i is [i·length, (i+1)·length), the last cut at the day's end. */
  readonly slots: number;
  /** Stretches of clock time from opening to the horizon (the boundaries the day marks). */
  readonly stretches: number;
  /** Folded only: days after warm-up, (horizon − warm-up) / 1,440. */
  readonly days: number;

  /** @param fold false: cut the whole horizon into periods, however long (the staffing search's own periods). */
  constructor(
    private readonly model: Pick<Model, 'horizon' | 'warmup'>,
    readonly length: number,
    fold = true,
  ) {
    const horizon = model.horizon;
    this.folded = fold && horizon > DAY_MINUTES;
    this.slots = Math.ceil((this.folded ? DAY_MINUTES : horizon) / length);
    this.stretches = this.folded
      ? Math.floor(horizon / DAY_MINUTES) * this.slots + Math.ceil((horizon % DAY_MINUTES) / length)
      : this.slots;
    this.days = this.folded ? (horizon - model.warmup) / DAY_MINUTES : 1;
  }

  /** Start of stretch `k` in minutes from opening (k < stretches). */
  start(k: number): number {
    const day = Math.floor(k / this.slots);
    const slot = k - day * this.slots;
    return day === 0 ? slot * this.length : day * DAY_MINUTES + slot * this.length;
  }

  /** End of stretch `k`: the next one's start, the day's end or the horizon. */
  end(k: number): number {
    let end = this.start(k) + this.length;
    if (this.folded) end = Math.min(end, (Math.floor(k / this.slots) + 1) * DAY_MINUTES);
    return Math.min(end, this.model.horizon);
  }

  /** The stretch that holds time `t` (0 ≤ t < horizon). */
  stretchAt(t: number): number {
    if (!this.folded) return Math.min(Math.floor(t / this.length), this.slots - 1);
    const day = Math.floor(t / DAY_MINUTES);
    return day * this.slots + Math.min(Math.floor((t - day * DAY_MINUTES) / this.length), this.slots - 1);
  }

  /**
   * The reported periods, in slot order: those with time after warm-up. Folded, each slot's
   * `days` is its minutes after warm-up over its length: a whole number where every day covers it,
   * less where the warm-up or the horizon cuts it.
   */
  reported(): DayPeriod[] {
    const { warmup } = this.model;
    const observed = new Float64Array(this.slots);
    // The stretch holding the end of warm-up, or the one before should rounding put it one late.
    const first = warmup > 0 ? Math.max(0, this.stretchAt(warmup) - 1) : 0;
    for (let k = first; k < this.stretches; k++) {
      const start = this.start(k);
      const end = this.end(k);
      if (end > warmup) observed[k % this.slots] += end - Math.max(start, warmup);
    }
    const out: DayPeriod[] = [];
    for (let i = 0; i < this.slots; i++) {
      if (!(observed[i] > 0)) continue;
      const start = i * this.length;
      const end = this.folded ? Math.min(start + this.length, DAY_MINUTES) : Math.min(start + this.length, this.model.horizon);
      out.push(this.folded ? { index: i, start, end, days: observed[i] / (end - start) } : { index: i, start, end });
    }
    return out;
  }
}

/** The reported periods of the by-period report (see ReportPeriods). */
export function dayPeriods(model: Pick<Model, 'horizon' | 'warmup'>, length: number, fold = true): DayPeriod[] {
  return new ReportPeriods(model, length, fold).reported();
}
