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

export class FrontDesk extends Visits {
  /** What each figure of a day's row is (see `runDayInto`). */
  get columns(): MetricColumns {
    return this.stats.columns;
  }

  /** Simulates one day: replication `replication` of the run seeded with `seed`. */
  runDay(seed: number, replication: number): ReplicationMetrics {
    const end = this.simulate(seed, replication);
    return this.stats.collect(end, this.stationLastEnd, this.lastDeparture, this.events, this.arrivals);
  }

  /** Simulates one day and writes its figures into `row` from `offset`, in the order of `columns`. */
  runDayInto(seed: number, replication: number, row: Float64Array, offset: number): void {
    const end = this.simulate(seed, replication);
    this.stats.collectInto(row, offset, end, this.stationLastEnd, this.lastDeparture);
  }

  /** Runs the day's events; returns the end of the day (the horizon, or with drain the last activity). */
  private simulate(seed: number, replication: number): number {
    this.reset(seed, replication);
    const model = this.model;
    const calendar = this.calendar;
    const horizon = model.horizon;
    const drain = model.drain;
    // Events are counted by the calendar (popped = scheduled - pending), not here per event.
    let unfired = 0;
    while (calendar.pop()) {
      const now = calendar.time;
      this.now = now;
      if (now > horizon && !drain) {
        unfired = 1;
        break;
      }
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
    this.events = calendar.popped - unfired;
    return drain ? Math.max(horizon, this.lastActivity) : horizon;
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

    for (let p = 1; p <= this.periodCount; p++) {
      calendar.schedule(Math.min(p * this.periodLength, model.horizon), PERIOD_MARK, p);
    }
    if (model.warmup > 0) calendar.schedule(model.warmup, WARMUP_END, 0);

    this.walkIns = model.arrivals.kind === 'poisson' ? new WalkIns(model.arrivals, this.arrivalRng) : null;
    this.scheduleWalkIn(-1);
    this.planAppointments();
  }

  private onPeriodMark(p: number): void {
    const now = this.now;
    this.stats.periodMark(now, p);
  }

  private onWarmupEnd(): void {
    const now = this.now;
    this.stats.warmupEnd(now);
  }
}
