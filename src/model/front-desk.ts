/**
 * One simulated day at the front desk: setting up the day, the event loop, and the day's figures.
 *
 * The hall is built once per Model (counters, kiosks, lines, accumulators, all as typed arrays)
 * and reused for every replication, so a replication creates only its random streams (and, through
 * `runDay`, its keyed metrics); no event creates an object. The calendar orders events (at the
 * same minute by the ranks of events.ts); the handlers decide what they mean. They live by
 * concern in the classes this one extends (see hall-state.ts for the map): routing.ts,
 * server-state.ts, visits.ts.
 */
import { streamFor, type Rng } from '../core/random.js';
import { BOOKED, FAILURE, PATIENCE, PERIOD_MARK, REPAIR, SERVICE_END, SHIFT, WALK_IN, WARMUP_END } from './events.js';
import { NO_STREAM } from './hall-state.js';
import type { MetricColumns, ReplicationMetrics } from './metric-columns.js';
import { Visits } from './visits.js';
import { WalkIns } from './walk-ins.js';

export { OUTCOME_ABANDONED, OUTCOME_BALKED, OUTCOME_SERVED } from './visit-log.js';

/** Events `runDay` runs between checks that the day is over: as good as no limit, and a small integer for the loop. */
const WHOLE_DAY = 2 ** 30 - 1;

export class FrontDesk extends Visits {
  /** End of the day that `advance` finished (see endOfDay). */
  private dayEnd = 0;

  /** What each figure of a day's row is (see `runDayInto`). */
  get columns(): MetricColumns {
    return this.stats.columns;
  }

  /** Simulates one day: replication `replication` of the run seeded with `seed`. */
  runDay(seed: number, replication: number): ReplicationMetrics {
    this.startDay(seed, replication);
    while (!this.advance(WHOLE_DAY)) {
      // a day of more than 2^30 events: the next slice
    }
    return this.stats.collect(this.dayEnd, this.stationLastEnd, this.lastDeparture, this.events, this.arrivals);
  }

  /** Simulates one day and writes its figures into `row` from `offset`, in the order of `columns`. */
  runDayInto(seed: number, replication: number, row: Float64Array, offset: number): void {
    this.startDay(seed, replication);
    while (!this.advance(WHOLE_DAY)) {
      // a day of more than 2^30 events: the next slice
    }
    this.finishDayInto(row, offset);
  }

  /**
   * Sets up day `replication` of the run seeded with `seed`, to be run by `advance`. A day in
   * slices is the same day, event for event: slicing decides only when the caller gets the thread
   * back (runner/job.ts: the in-thread runner lets a Ctrl-C in during a day of millions of customers).
   */
  startDay(seed: number, replication: number): void {
    this.reset(seed, replication);
  }

  /**
   * Runs at most `budget` (a positive integer below 2^30) more events of the day begun by
   * `startDay`; returns true when the day is over (then `finishDayInto` gives its figures). The
   * budget costs one decrement and test per event: the loop allocates nothing and calls nothing more.
   */
  advance(budget: number): boolean {
    const model = this.model;
    const calendar = this.calendar;
    const horizon = model.horizon;
    const drain = model.drain;
    for (let left = budget; left > 0; left--) {
      if (!calendar.pop()) return this.endOfDay(0);
      const now = calendar.time;
      this.now = now;
      if (now > horizon && !drain) return this.endOfDay(1);
      const target = calendar.target;
      switch (calendar.kind) {
        case WALK_IN:
          this.onWalkIn(target);
          break;
        case BOOKED:
          this.onBookedArrival(target);
          break;
        case SERVICE_END:
          if (calendar.seq === this.endToken[target]) this.onServiceEnd(target);
          break;
        case PATIENCE:
          if (calendar.seq === this.customers.patienceToken[target]) this.onPatienceOut(target);
          break;
        case SHIFT:
          this.onShiftChange(target);
          break;
        case FAILURE:
          this.onFailure(target);
          break;
        case REPAIR:
          this.onRepair(target);
          break;
        case PERIOD_MARK:
          this.onPeriodMark(target);
          break;
        case WARMUP_END:
          this.onWarmupEnd();
          break;
      }
    }
    return false;
  }

  /** Writes the figures of the day that `advance` finished into `row` from `offset`, in the order of `columns`. */
  finishDayInto(row: Float64Array, offset: number): void {
    this.stats.collectInto(row, offset, this.dayEnd, this.stationLastEnd, this.lastDeparture);
  }

  /** The day is over: the end of the day is the horizon, or with drain the last activity. */
  private endOfDay(unfired: number): true {
    // Events are counted by the calendar (popped = scheduled - pending), not per event in the loop.
    this.events = this.calendar.popped - unfired;
    this.dayEnd = this.model.drain ? Math.max(this.model.horizon, this.lastActivity) : this.model.horizon;
    return true;
  }

  private reset(seed: number, replication: number): void {
    const model = this.model;
    const calendar = this.calendar;
    calendar.clear();
    this.customers.clear();
    for (const line of this.lines) line.clear();
    this.stats.clear();
    this.nextTicket = 0;
    this.now = 0;
    this.lastActivity = 0;
    this.lastDeparture = NaN;
    this.arrivals = 0;
    this.serving.fill(-1);
    this.staffed.fill(0);
    this.closing.fill(0);
    this.broken.fill(0);
    this.endToken.fill(-1);
    this.stationAccepting.fill(0);
    this.stationIdle.fill(0);
    this.stationLastEnd.fill(0);

    // A stream is named by its purpose, so creating only those the hall draws from changes no
    // number; seeding one costs microseconds, which a short day's replications would feel.
    const stream = (purpose: string): Rng => streamFor(seed, replication, purpose);
    const kiosks = model.kiosks !== null;
    this.arrivalRng = stream('arrivals');
    this.typeRng = stream('type');
    this.serviceRng = model.types.map((t) => stream(`service/${t.name}`));
    this.patienceRng = model.types.map((t) => (t.patience ? stream(`patience/${t.name}`) : NO_STREAM));
    this.kioskChoiceRng = kiosks ? stream('kiosk-choice') : NO_STREAM;
    this.kioskServiceRng = kiosks ? stream('kiosk-service') : NO_STREAM;
    this.fallbackRng = kiosks ? stream('kiosk-fallback') : NO_STREAM;
    this.balkRng = this.anyBalking ? stream('balk') : NO_STREAM;
    this.bookedRng = model.appointments ? stream('appointments') : NO_STREAM;

    // Staffing at opening, then the later shift changes.
    for (let g = 0; g < this.model.groups.length; g++) {
      const plan = model.groups[g];
      this.setStaffing(g, plan.shiftCount[0]);
      for (let i = 1; i < plan.shiftAt.length; i++) {
        if (plan.shiftAt[i] < model.horizon) calendar.schedule(plan.shiftAt[i], SHIFT, i * this.model.groups.length + g);
      }
    }
    if (model.kiosks) this.setStaffing(this.kioskStation, model.kiosks.count);

    // Breakdowns: one failure stream per server, so adding a counter does not shift the others.
    this.failureRng.length = 0;
    for (let s = 0; s < this.serving.length; s++) {
      const breakdown = this.breakdownOf(s);
      const k = s - this.stationFirst[this.serverStation[s]];
      this.failureRng.push(breakdown ? stream(`breakdown/${this.stationName(this.serverStation[s])}/${k}`) : NO_STREAM);
      if (breakdown) {
        const at = breakdown.upTime.sample(this.failureRng[s]);
        if (at < model.horizon) calendar.schedule(at, FAILURE, s);
      }
    }

    // One period mark waits at a time, each scheduling the next: a long horizon's thousands of
    // marks would otherwise sit in the heap all day and deepen every push and pop.
    calendar.schedule(this.stats.markTime(1), PERIOD_MARK, 1);
    if (model.warmup > 0) calendar.schedule(model.warmup, WARMUP_END, 0);

    this.walkIns = model.arrivals.kind === 'poisson' ? new WalkIns(model.arrivals, this.arrivalRng) : null;
    this.scheduleWalkIn(-1);
    this.planAppointments();
  }

  private onPeriodMark(k: number): void {
    const now = this.now;
    const stats = this.stats;
    stats.periodMark(now, k);
    if (k < stats.periods.stretches) this.calendar.schedule(stats.markTime(k + 1), PERIOD_MARK, k + 1);
  }

  private onWarmupEnd(): void {
    const now = this.now;
    this.stats.warmupEnd(now);
  }
}
