/**
 * The visit's life: a customer comes in (a walk-in or an appointment), everything random about it
 * is drawn at once, it goes to a kiosk or the counters (routing.ts), and it leaves served or gives
 * up. Its steps in lines and at counters are in hall-state.ts.
 */
import type { Rng } from '../core/random.js';
import { BOOKED, WALK_IN } from './events.js';
import { ServerState } from './server-state.js';
import { OUTCOME_ABANDONED, OUTCOME_SERVED } from './visit-log.js';

export abstract class Visits extends ServerState {
  /** Schedules the walk-in after the one at `now` (trace: the next row after `index`). */
  protected scheduleWalkIn(index: number): void {
    const now = this.now;
    const arrivals = this.model.arrivals;
    if (arrivals.kind === 'poisson') {
      const at = this.walkIns!.next(now);
      if (at < this.model.horizon) this.calendar.scheduleAside(at, WALK_IN, -1);
    } else {
      const next = index + 1;
      if (next < arrivals.times.length && arrivals.times[next] < this.model.horizon) {
        this.calendar.scheduleAside(arrivals.times[next], WALK_IN, next);
      }
    }
  }

  /** Books the day's appointments: slot times plus punctuality, no-shows left out, in time order. */
  protected planAppointments(): void {
    const plan = this.model.appointments;
    this.bookedCount = 0;
    if (!plan) return;
    const times: number[] = [];
    for (let slot = plan.start; slot < this.model.horizon; slot += plan.every) {
      for (let k = 0; k < plan.perSlot; k++) {
        const show = this.bookedRng() >= plan.noShow;
        const offset = plan.punctuality ? plan.punctuality.sample(this.bookedRng) : 0;
        if (show) times.push(Math.min(Math.max(slot + offset, 0), this.model.horizon));
      }
    }
    times.sort((a, b) => a - b);
    this.bookedTimes = Float64Array.from(times);
    this.bookedCount = times.length;
    if (times.length > 0) this.calendar.schedule(times[0], BOOKED, 0);
  }

  protected onWalkIn(traceRow: number): void {
    this.scheduleWalkIn(traceRow);
    const arrivals = this.model.arrivals;
    if (arrivals.kind === 'trace') {
      const type = arrivals.typeOfCode[arrivals.typeCodes[traceRow]];
      this.arrive(type >= 0 ? type : this.drawType(this.typeRng), arrivals.service === null ? NaN : arrivals.service[traceRow]);
    } else {
      this.arrive(this.drawType(this.typeRng), NaN);
    }
  }

  protected onBookedArrival(index: number): void {
    if (index + 1 < this.bookedCount) this.calendar.schedule(this.bookedTimes[index + 1], BOOKED, index + 1);
    const type = this.model.appointments!.type;
    this.arrive(type >= 0 ? type : this.drawType(this.bookedRng), NaN);
  }

  /** A type by its share. With one type there is nothing to draw (the type stream is its own). */
  protected drawType(rng: Rng): number {
    const cum = this.model.typeCumShare;
    if (cum.length === 1) return 0;
    const u = rng();
    let t = 0;
    while (t < cum.length - 1 && u >= cum[t]) t++;
    return t;
  }

  /**
   * A customer comes in. Everything random about it is drawn now, each from its own stream, so the
   * same customers (needs, patience, kiosk choice) meet every variant of the scenario.
   */
  protected arrive(type: number, givenService: number): void {
    const now = this.now;
    const model = this.model;
    const kind = model.types[type];
    const pool = this.customers;
    const c = pool.admit();
    this.arrivals++;
    pool.type[c] = type;
    pool.arrivedAt[c] = now;
    pool.counterNeed[c] = givenService === givenService ? givenService : kind.service.sample(this.serviceRng[type]);
    // A patience or an interrupted service's remaining work is kept only in halls that have them.
    if (this.anyPatience) pool.patience[c] = kind.patience ? kind.patience.sample(this.patienceRng[type]) : Infinity;
    pool.waited[c] = 0;
    if (this.canInterrupt) pool.remaining[c] = NaN;
    pool.patienceToken[c] = -1;
    let toKiosk = false;
    if (model.kiosks) {
      toKiosk = this.kioskChoiceRng() < kind.kioskUptake;
      pool.kioskNeed[c] = model.kiosks.service.sample(this.kioskServiceRng);
      pool.needsCounterAfterKiosk[c] = this.fallbackRng() < model.kiosks.fallback ? 1 : 0;
    }
    pool.atKiosk[c] = toKiosk ? 1 : 0;
    const period = this.stats.currentPeriodOrNone();
    pool.period[c] = period;
    if (now >= model.warmup) this.stats.arrived(type, period);
    if (this.log) this.log.arrived(c, type, now);
    const balkDraw = this.anyBalking ? this.balkRng() : 1;
    if (toKiosk) this.goToKiosks(c, balkDraw);
    else this.goToCounters(c, balkDraw);
  }

  protected onServiceEnd(s: number): void {
    const now = this.now;
    const pool = this.customers;
    const c = this.serving[s];
    const st = this.serverStation[s];
    this.serving[s] = -1;
    this.endToken[s] = -1;
    this.stationLastEnd[st] = now;
    if (this.log) this.log.finished(c, s, now);
    if (pool.atKiosk[c] && pool.needsCounterAfterKiosk[c]) {
      pool.atKiosk[c] = 0;
      this.goToCounters(c, 1);
    } else {
      this.depart(c, OUTCOME_SERVED);
    }
    this.serverFreed(s);
  }

  protected onPatienceOut(c: number): void {
    const pool = this.customers;
    const line = pool.line[c];
    this.lines[line].left();
    this.leaveLine(c);
    this.depart(c, OUTCOME_ABANDONED);
    if (this.model.jockey) this.jockeyInto(line);
  }
}
