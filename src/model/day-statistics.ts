/**
 * What a day measures, as it happens: customer outcomes per type and per period (counts, waits,
 * wait histograms), and the time integrals of the hall's levels (people waiting, busy and
 * staffed counters per station), added up per period at each period boundary from the end of
 * warm-up. At the end of the day it turns them into the metrics of SCENARIO.md. Nothing is kept per
 * customer, and nothing per day of a long horizon (its periods are folded by time of day,
 * periods.ts): memory depends on the number of types, periods of a day and stations only.
 */
import { figureKeys, figuresIn, type Figure, type FigureKey } from '../figures/figures.js';
import { Levels } from '../stats/levels.js';
import { CustomerTally } from './customer-tally.js';
import type { HallLayout } from './hall-layout.js';
import type { Model } from './model.js';
import { type MetricColumns, type ReplicationMetrics, unpackRow, widthOf } from './metric-columns.js';
import { ReportPeriods, type DayPeriod } from './periods.js';

export class DayStatistics {
  /** The periods of the report and the stretches of clock time their marks cut the day into. */
  readonly periods: ReportPeriods;
  // Levels: 0 = people waiting in all lines; 1 + st = busy servers of station st (serving, not
  // broken); 1 + S + st = staffed; 1 + 2S + st = staffed and broken.
  private readonly levels: Levels;
  private readonly stations: number;
  /** Counter groups: stations 0 .. counterGroups - 1 (the kiosk bank, if any, comes after). */
  private readonly counterGroups: number;
  /**
   * Per period (slot of the day) and level: the area after warm-up, summed over its stretches, and
   * the minutes they cover. A stretch's area is added when its closing mark passes, as the
   * difference of two snapshots; a period with one stretch (a one-day horizon) gets exactly that
   * difference.
   */
  private readonly periodAreas: Float64Array;
  private readonly periodMinutes: Float64Array;
  /** Snapshot of the areas at the last mark after warm-up (or at the end of warm-up), and when. */
  private readonly lastMark: Float64Array;
  private lastMarkTime = 0;
  private readonly markNow: Float64Array;
  private readonly warmupMark: Float64Array;
  /** Snapshot at the horizon (its mark): the day's availability ends there. */
  private readonly horizonMark: Float64Array;
  private readonly endMark: Float64Array;
  private readonly periodQueueMax: Float64Array;
  /** Longest line in the current stretch so far; folded into its period when the stretch ends. */
  private stretchQueueMax = 0;
  private queueMax = 0;
  /** The period of the current stretch, or -1 from the horizon on. */
  private currentPeriod = 0;
  /** Services interrupted by a breakdown after warm-up, the day's and each period's (by clock time). */
  private interruptions = 0;
  private readonly periodInterruptions: Float64Array;
  /** The whole day: filled at the end from the per-type tallies (their sum), not per customer. */
  private readonly day = new CustomerTally();
  private readonly byType: CustomerTally[] = [];
  private readonly byPeriod: CustomerTally[] = [];
  /** The reported periods (those ending after warm-up); like the keys, fixed for the hall. */
  private readonly reported: DayPeriod[];
  /**
   * Per period and station: whether the shift plan opens any counter of it in the period (kiosks
   * always). A period without one has no utilisation or availability, even if a counter that
   * closed just before finished its last customer in it: 100% of those few minutes is no figure.
   */
  private readonly planned: Uint8Array;
  /** What each figure of the day's row is; fixed for the hall. */
  readonly columns: MetricColumns;

  /** @param period the report's period length in minutes, or its periods (the staffing search's, unfolded). */
  constructor(
    private readonly model: Model,
    layout: HallLayout,
    period: number | ReportPeriods,
  ) {
    this.stations = layout.stationCount;
    this.counterGroups = model.groups.length;
    this.levels = new Levels(1 + 3 * this.stations);
    const periods = typeof period === 'number' ? new ReportPeriods(model, period) : period;
    this.periods = periods;
    const slots = periods.slots;
    const n = this.levels.count;
    this.periodAreas = new Float64Array(slots * n);
    this.periodMinutes = new Float64Array(slots);
    this.lastMark = new Float64Array(n);
    this.markNow = new Float64Array(n);
    this.warmupMark = new Float64Array(n);
    this.horizonMark = new Float64Array(n);
    this.endMark = new Float64Array(n);
    this.periodQueueMax = new Float64Array(slots);
    this.periodInterruptions = new Float64Array(slots);
    for (let t = 0; t < model.types.length; t++) this.byType.push(new CustomerTally());
    for (let p = 0; p < slots; p++) this.byPeriod.push(new CustomerTally());
    this.reported = periods.reported();
    this.planned = plannedPeriods(model, periods, this.stations);
    const groups = Array.from({ length: this.stations }, (_, st) => layout.stationName(st));
    this.columns = {
      metricKeys: figureKeys('hall', groups, this.counterGroups),
      typeNames: model.types.map((t) => t.name),
      typeKeys: figureKeys('type', groups, this.counterGroups),
      periodCount: this.reported.length,
      periodKeys: figureKeys('period', groups, this.counterGroups),
    };
  }

  clear(): void {
    this.levels.clear();
    this.periodAreas.fill(0);
    this.periodMinutes.fill(0);
    this.lastMark.fill(0);
    this.lastMarkTime = 0;
    this.warmupMark.fill(0);
    this.horizonMark.fill(0);
    this.periodQueueMax.fill(0);
    this.periodInterruptions.fill(0);
    this.stretchQueueMax = 0;
    this.queueMax = 0;
    this.interruptions = 0;
    this.currentPeriod = 0;
    this.day.clear();
    for (const t of this.byType) t.clear();
    for (const p of this.byPeriod) p.clear();
  }

  /**
   * The byPeriod period of an arrival now, or -1 from the horizon on: the period whose mark has
   * passed. Marks rank before every customer event at the same minute (events.ts), so this is
   * the period of the time of day without a division per customer.
   */
  currentPeriodOrNone(): number {
    return this.currentPeriod;
  }

  /** When the mark of stretch `k` falls (1 ≤ k ≤ stretches; the last one at the horizon). */
  markTime(k: number): number {
    return k < this.periods.stretches ? this.periods.start(k) : this.model.horizon;
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
      if (waiting > this.stretchQueueMax) this.stretchQueueMax = waiting;
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

  /** Staffed servers of station `st` that are broken change by `delta`. */
  brokenStaffed(st: number, now: number, delta: number): void {
    this.levels.change(1 + 2 * this.stations + st, now, delta);
  }

  /** A breakdown suspended a service in progress. */
  serviceInterrupted(now: number): void {
    if (now < this.model.warmup) return;
    this.interruptions++;
    const p = this.currentPeriod;
    if (p >= 0) this.periodInterruptions[p]++;
  }

  /**
   * Clock time reached the start of stretch `k` (or, for the last mark, the horizon): the stretch
   * before it ends, and its areas, minutes and longest line go to its period if it ends after
   * warm-up (one that straddles the end of warm-up counts from there).
   */
  periodMark(now: number, k: number): void {
    const levels = this.levels;
    const n = levels.count;
    const periods = this.periods;
    if (now > this.model.warmup) {
      const ended = (k - 1) % periods.slots;
      const mark = this.markNow;
      levels.snapshot(now, mark, 0);
      const areas = this.periodAreas;
      const at = ended * n;
      for (let i = 0; i < n; i++) areas[at + i] += mark[i] - this.lastMark[i];
      this.periodMinutes[ended] += now - this.lastMarkTime;
      if (this.stretchQueueMax > this.periodQueueMax[ended]) this.periodQueueMax[ended] = this.stretchQueueMax;
      this.lastMark.set(mark);
      this.lastMarkTime = now;
    }
    if (k < periods.stretches) {
      this.currentPeriod = k % periods.slots;
      this.stretchQueueMax = levels.level(0);
    } else {
      levels.snapshot(now, this.horizonMark, 0);
      this.currentPeriod = -1;
    }
  }

  warmupEnd(now: number): void {
    this.levels.snapshot(now, this.warmupMark, 0);
    this.lastMark.set(this.warmupMark);
    this.lastMarkTime = now;
    this.queueMax = this.levels.level(0);
  }

  // -------------------------------------------------------------- the day's metrics

  /**
   * The day's figures as keyed objects (see `collectInto`).
   */
  collect(end: number, stationLastEnd: Float64Array, lastDeparture: number, events: number, customers: number): ReplicationMetrics {
    const row = new Float64Array(widthOf(this.columns));
    this.collectInto(row, 0, end, stationLastEnd, lastDeparture);
    return { ...unpackRow(this.columns, row, 0), events, customers };
  }

  /**
   * Writes the day's figures into `row` from `offset`, in the order of `columns`: each scope's
   * figures of figures/figures.ts, in its order.
   * @param end end of the day: the horizon, or with drain the last moment a customer was inside.
   * @param stationLastEnd last service end at each station: with drain, a station's day ends there.
   * @param lastDeparture when the last customer left the hall (NaN when none did).
   */
  collectInto(row: Float64Array, offset: number, end: number, stationLastEnd: Float64Array, lastDeparture: number): void {
    const model = this.model;
    const n = this.levels.count;
    this.levels.snapshot(end, this.endMark, 0);
    const observed = end - model.warmup;
    const frame = this.frame;

    this.day.clear();
    for (const t of this.byType) this.day.add(t);
    frame.tally = this.day;
    frame.hours = (model.horizon - model.warmup) / 60;
    frame.lineMean = observed > 0 ? (this.endMark[0] - this.warmupMark[0]) / observed : NaN;
    frame.lineMax = this.queueMax;
    frame.stationLastEnd = stationLastEnd;
    frame.lastDeparture = lastDeparture;
    frame.wholeDay = true;
    let at = this.writeScope(row, offset, HALL_FIGURES);

    frame.wholeDay = false;
    frame.lineMean = frame.lineMax = NaN;
    for (const tally of this.byType) {
      frame.tally = tally;
      at = this.writeScope(row, at, TYPE_FIGURES);
    }

    for (const { index: p } of this.reported) {
      frame.period = p;
      frame.areas = p * n;
      frame.length = this.periodMinutes[p];
      frame.tally = this.byPeriod[p];
      frame.hours = frame.length / 60;
      frame.lineMean = this.periodAreas[frame.areas] / frame.length;
      frame.lineMax = this.periodQueueMax[p];
      at = this.writeScope(row, at, PERIOD_FIGURES);
    }
  }

  private readonly frame: ScopeFrame = {
    tally: this.day,
    hours: 0,
    lineMean: NaN,
    lineMax: NaN,
    wholeDay: true,
    stationLastEnd: new Float64Array(0),
    lastDeparture: NaN,
    period: 0,
    areas: 0,
    length: 0,
  };

  private writeScope(row: Float64Array, at: number, figures: readonly Figure[]): number {
    this.frame.tally.waits.quantiles(REPORTED_LEVELS, PERCENTILES);
    for (const figure of figures) {
      const key = figure.key as FigureKey;
      if (figure.perGroup) {
        const stations = figure.countersOnly ? this.counterGroups : this.stations;
        for (let st = 0; st < stations; st++) row[at++] = this.groupFigure(key, st);
      }
      else row[at++] = this.figure(key);
    }
    return at;
  }

  /**
   * The value of one figure of the scope in `frame`. Figures over served customers are NaN when
   * none was served (there is no wait to report, and 0 would be a lie); JSON prints them as null.
   */
  private figure(key: FigureKey): number {
    const { tally, hours } = this.frame;
    const served = tally.served;
    switch (key) {
      case 'arrived':
        return tally.arrived;
      case 'served':
        return served;
      case 'abandoned':
        return tally.abandoned;
      case 'balked':
        return tally.balked;
      case 'waitMean':
        return served > 0 ? tally.waitSum / served : NaN;
      case 'waitP50':
        return PERCENTILES[0];
      case 'waitP90':
        return PERCENTILES[1];
      case 'waitP95':
        return PERCENTILES[2];
      case 'waitP99':
        return PERCENTILES[3];
      case 'waitMax':
        return tally.waits.max;
      case 'serviceLevel':
        return tally.arrived > 0 ? tally.servedInTime / tally.arrived : NaN;
      case 'timeInSystemMean':
        return served > 0 ? tally.timeInSystemSum / served : NaN;
      case 'queueLengthMean':
        return this.frame.lineMean;
      case 'queueLengthMax':
        return this.frame.lineMax;
      case 'throughputPerHour':
        return hours > 0 ? served / hours : NaN;
      case 'kioskShare':
        return served > 0 ? tally.servedAtKiosk / served : NaN;
      case 'abandonShare':
        return tally.arrived > 0 ? (tally.abandoned + tally.balked) / tally.arrived : NaN;
      case 'interrupted':
        return this.frame.wholeDay ? this.interruptions : this.periodInterruptions[this.frame.period];
      case 'lastDeparture':
        return this.frame.lastDeparture;
      case 'overtime': {
        // Without drain the day stops at the horizon, and so does every departure.
        const late = this.frame.lastDeparture - this.model.horizon;
        return late > 0 ? late : 0;
      }
      case 'cost':
        return this.dayCost();
      case 'utilization':
      case 'availability':
      case 'openCounters':
      case 'staffHours':
        throw new Error(`internal: ${key} is a per-group figure`);
      default:
        return unknownFigure(key);
    }
  }

  /** The value of a per-group figure for station `st` in the scope of `frame`. */
  private groupFigure(key: FigureKey, st: number): number {
    const frame = this.frame;
    const sc = this.stations;
    switch (key) {
      case 'utilization': {
        if (frame.wholeDay) return this.dayUtilization(st, frame.stationLastEnd);
        if (!this.planned[frame.period * sc + st]) return NaN;
        return utilization(this.periodAreas[frame.areas + 1 + st], this.periodAreas[frame.areas + 1 + sc + st]);
      }
      case 'availability': {
        if (frame.wholeDay) return this.dayAvailability(st);
        if (!this.planned[frame.period * sc + st]) return NaN;
        return availability(this.periodAreas[frame.areas + 1 + 2 * sc + st], this.periodAreas[frame.areas + 1 + sc + st]);
      }
      case 'openCounters':
        return this.periodAreas[frame.areas + 1 + sc + st] / frame.length;
      case 'staffHours':
        return this.staffHours(st, frame.stationLastEnd);
      default:
        throw new Error(`internal: ${key} is not a per-group figure`);
    }
  }

  /**
   * A station's utilisation over the day, from the end of warm-up to the end of that station's
   * day: the horizon, or with drain its last service if later. Each station ends on its own, so
   * one group's figure does not move when another group's line drains later.
   */
  /**
   * A station's availability over the day, from the end of warm-up to the horizon (the last period
   * mark is a snapshot there). Not to the station's own end, as utilisation: with drain a repair
   * may come after the last service, and the running areas are exact only up to the last change.
   */
  private dayAvailability(st: number): number {
    const sc = this.stations;
    const broken = this.horizonMark[1 + 2 * sc + st] - this.warmupMark[1 + 2 * sc + st];
    const staffed = this.horizonMark[1 + sc + st] - this.warmupMark[1 + sc + st];
    return availability(broken, staffed);
  }

  /** The end of a station's day: the horizon, or with drain its last service if later. */
  private stationEnd(st: number, stationLastEnd: Float64Array): number {
    const horizon = this.model.horizon;
    return this.model.drain ? Math.max(horizon, stationLastEnd[st]) : horizon;
  }

  /**
   * Counter-hours on duty at station `st` from the opening (warm-up included: the staff are there)
   * to the end of the station's day: the horizon, or with drain its last service if later, so the
   * counters that serve the last customers after the horizon count, as the shift plan leaves them
   * on duty until then (a closing counter counts until it has finished its customer). A broken
   * counter is on duty all the same.
   */
  private staffHours(st: number, stationLastEnd: Float64Array): number {
    return this.levels.areaAt(1 + this.stations + st, this.stationEnd(st, stationLastEnd)) / 60;
  }

  /** The staff-hours of every counter group that has a `cost`, times that cost; NaN when none has. */
  private dayCost(): number {
    const groups = this.model.groups;
    let cost = NaN;
    for (let st = 0; st < groups.length; st++) {
      const perHour = groups[st].cost;
      if (perHour === undefined) continue;
      cost = (cost === cost ? cost : 0) + perHour * this.staffHours(st, this.frame.stationLastEnd);
    }
    return cost;
  }

  private dayUtilization(st: number, stationLastEnd: Float64Array): number {
    const sc = this.stations;
    const end = this.stationEnd(st, stationLastEnd);
    const busy = this.levels.areaAt(1 + st, end) - this.warmupMark[1 + st];
    const staffed = this.levels.areaAt(1 + sc + st, end) - this.warmupMark[1 + sc + st];
    return utilization(busy, staffed);
  }
}

/** What the scope being written is: its customers, its stretch of the day, its lines. */
interface ScopeFrame {
  tally: CustomerTally;
  /** Length of the observed stretch, for throughput. */
  hours: number;
  lineMean: number;
  lineMax: number;
  /** The whole day (utilisation to each station's own end) rather than one period. */
  wholeDay: boolean;
  stationLastEnd: Float64Array;
  /** When the last customer left the hall (whole day only). */
  lastDeparture: number;
  /** The period being written (its slot of the day). */
  period: number;
  /** Where the period's level areas start in `periodAreas`; they cover `length` minutes. */
  areas: number;
  length: number;
}

/**
 * Per period and station: whether the shift plan opens any counter of the group in some stretch of
 * the period that ends after warm-up (kiosks always). Walks each open step's stretches, at most a
 * day's worth of them, so a long horizon costs no more than a day.
 */
function plannedPeriods(model: Model, periods: ReportPeriods, stations: number): Uint8Array {
  const planned = new Uint8Array(periods.slots * stations).fill(1);
  model.groups.forEach((g, st) => {
    for (let p = 0; p < periods.slots; p++) planned[p * stations + st] = 0;
    for (let i = 0; i < g.shiftAt.length; i++) {
      if (!(g.shiftCount[i] > 0)) continue;
      const from = g.shiftAt[i];
      const until = i + 1 < g.shiftAt.length ? g.shiftAt[i + 1] : Infinity;
      if (!(from < model.horizon)) continue;
      // An open step overlaps a stretch [start, end) when from < end and until > start.
      let k = Math.max(0, periods.stretchAt(Math.max(from, Math.min(model.warmup, model.horizon))) - 1);
      for (let seen = 0; k < periods.stretches && seen <= periods.slots; k++) {
        const start = periods.start(k);
        if (!(until > start)) break;
        const end = periods.end(k);
        if (from < end && end > model.warmup) {
          planned[(k % periods.slots) * stations + st] = 1;
          seen++;
        }
      }
    }
  });
  return planned;
}

/** The wait percentiles of a report, in the order of `waitP50` ... `waitP99`. */
const REPORTED_LEVELS = [0.5, 0.9, 0.95, 0.99];
const PERCENTILES = new Float64Array(REPORTED_LEVELS.length);

const HALL_FIGURES = figuresIn('hall');
const TYPE_FIGURES = figuresIn('type');
const PERIOD_FIGURES = figuresIn('period');

/** A figure added to figures/figures.ts without a value here: the compiler sees `key` as never. */
function unknownFigure(key: never): never {
  throw new Error(`internal: no value written for figure ${String(key)}`);
}

/** Share of staffed time not broken, NaN when never staffed. */
function availability(broken: number, staffed: number): number {
  if (!(staffed > 0)) return NaN;
  const share = 1 - broken / staffed;
  return share < 0 && share >= -1e-9 ? 0 : share;
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
