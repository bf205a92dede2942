/**
 * What a day measures, as it happens: customer outcomes per type and per period (counts, waits,
 * wait histograms), and the time integrals of the hall's levels (people waiting, busy and
 * staffed counters per station) with snapshots at each period boundary and at the end of warm-up.
 * At the end of the day it turns them into the metrics of SCENARIO.md. Nothing is kept per
 * customer: memory depends on the number of types, periods and stations only.
 */
import type { ReplicationMetrics } from '../runner/result.js';
import { Levels } from '../stats/levels.js';
import { CustomerTally, customerMetricKeys } from './customer-tally.js';
import type { HallLayout } from './hall-layout.js';
import type { Model } from './model.js';
import { type MetricColumns, unpackRow, widthOf } from './metric-columns.js';
import { dayPeriods, type DayPeriod } from './periods.js';

export class DayStatistics {
  readonly periodCount: number;
  // Levels: 0 = people waiting in all lines; 1 + st = busy servers of station st; 1 + S + st = staffed.
  private readonly levels: Levels;
  private readonly stations: number;
  private readonly periodMarks: Float64Array;
  private readonly warmupMark: Float64Array;
  private readonly endMark: Float64Array;
  private readonly periodQueueMax: Float64Array;
  private queueMax = 0;
  private currentPeriod = 0;
  /** The whole day: filled at the end from the per-type tallies (their sum), not per customer. */
  private readonly day = new CustomerTally();
  private readonly byType: CustomerTally[] = [];
  private readonly byPeriod: CustomerTally[] = [];
  /** The reported periods (those ending after warm-up); like the keys, fixed for the hall. */
  private readonly reported: DayPeriod[];
  /** What each figure of the day's row is; fixed for the hall. */
  readonly columns: MetricColumns;

  constructor(
    private readonly model: Model,
    layout: HallLayout,
    periodLength: number,
  ) {
    this.stations = layout.stationCount;
    this.levels = new Levels(1 + 2 * this.stations);
    this.periodCount = Math.ceil(model.horizon / periodLength);
    this.periodMarks = new Float64Array((this.periodCount + 1) * this.levels.count);
    this.warmupMark = new Float64Array(this.levels.count);
    this.endMark = new Float64Array(this.levels.count);
    this.periodQueueMax = new Float64Array(this.periodCount);
    for (let t = 0; t < model.types.length; t++) this.byType.push(new CustomerTally());
    for (let p = 0; p < this.periodCount; p++) this.byPeriod.push(new CustomerTally());
    this.reported = dayPeriods(model, periodLength);
    const stationKeys = (prefix: string) => Array.from({ length: this.stations }, (_, st) => `${prefix}.${layout.stationName(st)}`);
    this.columns = {
      metricKeys: [...customerMetricKeys(true), ...stationKeys('utilization')],
      typeNames: model.types.map((t) => t.name),
      typeKeys: customerMetricKeys(false),
      periodCount: this.reported.length,
      periodKeys: [...customerMetricKeys(true), ...stationKeys('utilization'), ...stationKeys('openCounters')],
    };
  }

  clear(): void {
    this.levels.clear();
    this.periodMarks.fill(0);
    this.warmupMark.fill(0);
    this.periodQueueMax.fill(0);
    this.queueMax = 0;
    this.currentPeriod = 0;
    this.day.clear();
    for (const t of this.byType) t.clear();
    for (const p of this.byPeriod) p.clear();
  }

  /**
   * The byPeriod period of an arrival now, or -1 past the last period: the period whose mark has
   * passed. Marks fire before any other event at the same minute (they are scheduled first), so
   * this is floor(now / length) without a division per customer.
   */
  currentPeriodOrNone(): number {
    return this.currentPeriod < this.periodCount ? this.currentPeriod : -1;
  }


  // -------------------------------------------------------------- customers (counted ones only)

  arrived(type: number, period: number): void {
    this.byType[type].arrived++;
    if (period >= 0) this.byPeriod[period].arrived++;
  }

  served(type: number, period: number, wait: number, timeInSystem: number, atKiosk: boolean): void {
    const inTime = wait <= this.model.waitTarget;
    // One bucket for both scopes: their histograms share a layout.
    const bucket = this.day.waits.bucketOf(wait);
    this.byType[type].recordServed(wait, bucket, timeInSystem, inTime, atKiosk);
    if (period >= 0) this.byPeriod[period].recordServed(wait, bucket, timeInSystem, inTime, atKiosk);
  }

  abandoned(type: number, period: number): void {
    this.byType[type].abandoned++;
    if (period >= 0) this.byPeriod[period].abandoned++;
  }

  balked(type: number, period: number): void {
    this.byType[type].balked++;
    if (period >= 0) this.byPeriod[period].balked++;
  }

  // -------------------------------------------------------------- levels

  /** People waiting in all lines change by `delta`. */
  waiting(now: number, delta: number): void {
    const levels = this.levels;
    levels.change(0, now, delta);
    if (delta > 0) {
      const waiting = levels.level(0);
      if (now >= this.model.warmup && waiting > this.queueMax) this.queueMax = waiting;
      const p = this.currentPeriod;
      if (p < this.periodCount && waiting > this.periodQueueMax[p]) this.periodQueueMax[p] = waiting;
    }
  }

  /** Busy servers of station `st` change by `delta`. */
  busy(st: number, now: number, delta: number): void {
    this.levels.change(1 + st, now, delta);
  }

  /** Staffed servers of station `st` change by `delta`. */
  staffed(st: number, now: number, delta: number): void {
    this.levels.change(1 + this.stations + st, now, delta);
  }

  /** Clock time reached the start of period `p` (or, for the last mark, the horizon). */
  periodMark(now: number, p: number): void {
    this.levels.snapshot(now, this.periodMarks, p * this.levels.count);
    this.currentPeriod = p;
    if (p < this.periodCount) this.periodQueueMax[p] = this.levels.level(0);
  }

  warmupEnd(now: number): void {
    this.levels.snapshot(now, this.warmupMark, 0);
    this.queueMax = this.levels.level(0);
  }

  // -------------------------------------------------------------- the day's metrics

  /**
   * The day's figures as keyed objects (see `collectInto`).
   */
  collect(end: number, stationLastEnd: Float64Array, events: number, customers: number): ReplicationMetrics {
    const row = new Float64Array(widthOf(this.columns));
    this.collectInto(row, 0, end, stationLastEnd);
    return { ...unpackRow(this.columns, row, 0), events, customers };
  }

  /**
   * Writes the day's figures into `row` from `offset`, in the order of `columns`.
   * @param end end of the day: the horizon, or with drain the last moment a customer was inside.
   * @param stationLastEnd last service end at each station: with drain, a station's day ends there.
   */
  collectInto(row: Float64Array, offset: number, end: number, stationLastEnd: Float64Array): void {
    const model = this.model;
    const n = this.levels.count;
    const sc = this.stations;
    this.levels.snapshot(end, this.endMark, 0);
    const observed = end - model.warmup;
    const hours = (model.horizon - model.warmup) / 60;

    this.day.clear();
    for (const t of this.byType) this.day.add(t);
    let at = this.day.writeRow(row, offset, hours, {
      mean: observed > 0 ? (this.endMark[0] - this.warmupMark[0]) / observed : NaN,
      max: this.queueMax,
    });
    at = this.writeDayUtilization(row, at, stationLastEnd);

    for (const tally of this.byType) at = tally.writeRow(row, at, hours, null);

    for (const { index: p, start, end: stop } of this.reported) {
      const fromWarmup = start < model.warmup;
      const from = fromWarmup ? this.warmupMark : this.periodMarks;
      const fromOffset = fromWarmup ? 0 : p * n;
      const to = (p + 1) * n;
      const length = stop - Math.max(start, model.warmup);
      at = this.byPeriod[p].writeRow(row, at, length / 60, {
        mean: (this.periodMarks[to] - from[fromOffset]) / length,
        max: this.periodQueueMax[p],
      });
      at = this.writeUtilization(row, at, from, fromOffset, this.periodMarks, to);
      for (let st = 0; st < sc; st++) {
        const staffedArea = this.periodMarks[to + 1 + sc + st] - from[fromOffset + 1 + sc + st];
        row[at++] = staffedArea / length;
      }
    }
  }

  /**
   * The day's utilisation of each station, from the end of warm-up to the end of that station's
   * day: the horizon, or with drain its last service if later. Each station ends on its own, so
   * one group's figure does not move when another group's line drains later.
   */
  private writeDayUtilization(row: Float64Array, at: number, stationLastEnd: Float64Array): number {
    const sc = this.stations;
    const horizon = this.model.horizon;
    for (let st = 0; st < sc; st++) {
      const end = this.model.drain ? Math.max(horizon, stationLastEnd[st]) : horizon;
      const busy = this.levels.areaAt(1 + st, end) - this.warmupMark[1 + st];
      const staffed = this.levels.areaAt(1 + sc + st, end) - this.warmupMark[1 + sc + st];
      row[at++] = utilization(busy, staffed);
    }
    return at;
  }

  /** Utilisation = busy time / staffed time of each station between two marks (NaN if never staffed). */
  private writeUtilization(row: Float64Array, at: number, from: Float64Array, fromOffset: number, to: Float64Array, toOffset: number): number {
    const sc = this.stations;
    for (let st = 0; st < sc; st++) {
      const busy = to[toOffset + 1 + st] - from[fromOffset + 1 + st];
      const staffed = to[toOffset + 1 + sc + st] - from[fromOffset + 1 + sc + st];
      row[at++] = utilization(busy, staffed);
    }
    return at;
  }
}

/**
 * Busy time over staffed time, NaN when never staffed. Both areas are differences of running sums
 * whose terms are split at different instants, so a counter busy all the time can come out an ulp
 * above 1; only that rounding band is snapped to 1, so a real excess would still show.
 */
function utilization(busy: number, staffed: number): number {
  if (!(staffed > 0)) return NaN;
  const ratio = busy / staffed;
  return ratio > 1 && ratio <= 1 + 1e-9 ? 1 : ratio;
}
