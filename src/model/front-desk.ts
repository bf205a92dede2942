/**
 * One simulated day at the front desk: the event loop and one handler per kind of event.
 *
 * The hall is built once per Model (counters, kiosks, lines, accumulators, all as typed arrays)
 * and reused for every replication, so a replication creates only its random streams (and, through
 * `runDay`, its keyed metrics); no event creates an object. The calendar orders events (at the
 * same minute by the ranks of events.ts); the handlers here decide what they mean.
 *
 * Vocabulary: a *station* is a counter group or the bank of kiosks; a *server* is one counter or
 * one kiosk; a *line* is where customers wait for a station (one per station with a single line,
 * one per counter with per-counter lines; kiosks always share one line).
 */
import { EventCalendar } from '../core/calendar.js';
import { streamFor, type Rng } from '../core/random.js';
import { CustomerPool } from './customers.js';
import { DayStatistics } from './day-statistics.js';
import { BOOKED, EVENT_RANK, FAILURE, PATIENCE, PERIOD_MARK, REPAIR, SERVICE_END, SHIFT, WALK_IN, WARMUP_END } from './events.js';
import type { MetricColumns, ReplicationMetrics } from './metric-columns.js';
import { HallLayout } from './hall-layout.js';
import { Line } from './line.js';
import type { Model } from './model.js';
import { WalkIns } from './walk-ins.js';
import type { VisitLog } from './visit-log.js';


/** Stands for a stream the day has not set up (not yet, or not needed): nothing may draw from an unseeded source. */
const NO_STREAM: Rng = () => {
  throw new Error('internal: a random stream the day did not set up was drawn from');
};

/** How each visit ended, as the visit log reports it. */
export const OUTCOME_SERVED = 0;
export const OUTCOME_ABANDONED = 1;
export const OUTCOME_BALKED = 2;

export class FrontDesk {
  private readonly calendar = new EventCalendar(256, EVENT_RANK);
  private readonly customers = new CustomerPool(256);

  // The fixed layout (see hall-layout.ts for the numbering of stations, servers and lines).
  private readonly layout: HallLayout;
  private readonly stationCount: number;
  private readonly kioskStation: number;
  private readonly stationFirst: Int32Array;
  private readonly stationSize: Int32Array;
  /**
   * Staffed counters not about to close: the head count of the shift plan, and where newcomers may
   * go. A broken counter still counts: its staff is there and its line waits for the repair.
   */
  private readonly stationAccepting: Int32Array;
  /** Staffed, not broken, not serving: can start a service now. */
  private readonly stationIdle: Int32Array;
  private readonly stationLine: Int32Array;

  // Servers (counters and kiosks).
  private readonly serverStation: Int32Array;
  private readonly serverLine: Int32Array;
  private readonly serving: Int32Array;
  private readonly staffed: Uint8Array;
  private readonly closing: Uint8Array;
  private readonly broken: Uint8Array;
  private readonly endToken: Float64Array;
  /** Last service end at each station: with drain, a station's day ends there (or at the horizon). */
  private readonly stationLastEnd: Float64Array;
  private readonly endTime: Float64Array;
  private readonly failureRng: Rng[] = [];

  private readonly lines: Line[] = [];
  private readonly lineStation: Int32Array;
  private readonly levelOfType: Int32Array;

  private readonly stats: DayStatistics;
  private readonly periodCount: number;
  private readonly periodLength: number;

  // Per-replication state.
  private walkIns: WalkIns | null = null;
  private arrivalRng: Rng = NO_STREAM;
  private typeRng: Rng = NO_STREAM;
  private serviceRng: Rng[] = [];
  private patienceRng: Rng[] = [];
  private kioskChoiceRng: Rng = NO_STREAM;
  private kioskServiceRng: Rng = NO_STREAM;
  private fallbackRng: Rng = NO_STREAM;
  private balkRng: Rng = NO_STREAM;
  private bookedRng: Rng = NO_STREAM;
  private bookedTimes = new Float64Array(0);
  private bookedCount = 0;
  private nextTicket = 0;
  /**
   * The clock: the time of the event being handled. Handlers read it here rather than receive it
   * as an argument, because V8 boxes a number passed to a function it did not inline (one small
   * heap object per call), and most handlers are too large to inline.
   */
  private now = 0;
  /** Last time a customer joined, started, or left: with drain, the day ends there. */
  private lastActivity = 0;
  private arrivals = 0;
  /** Events of the last day simulated. */
  private events = 0;
  private readonly anyBalking: boolean;
  /** Some type has a patience: customers may give up. */
  private readonly anyPatience: boolean;
  /** Preemption or breakdowns: a service may stop and resume later with the work left. */
  private readonly canInterrupt: boolean;
  /** Per type, its line when there is no choice (single lines, one group serves it), else -1. */
  private readonly onlyLineOfType: Int32Array;
  private readonly anyPreempt: boolean;

  constructor(
    private readonly model: Model,
    period: number,
    private readonly log: VisitLog | null = null,
  ) {
    const layout = new HallLayout(model);
    this.layout = layout;
    // The layout's arrays, held directly: the handlers read them on every event.
    this.stationCount = layout.stationCount;
    this.kioskStation = layout.kioskStation;
    this.stationFirst = layout.stationFirst;
    this.stationSize = layout.stationSize;
    this.stationLine = layout.stationLine;
    this.serverStation = layout.serverStation;
    this.serverLine = layout.serverLine;
    this.lineStation = layout.lineStation;
    this.levelOfType = layout.levelOfType;
    for (let l = 0; l < layout.lineCount; l++) this.lines.push(new Line(layout.priorityLevels, this.customers));

    const servers = layout.serverCount;
    this.stationAccepting = new Int32Array(this.stationCount);
    this.stationIdle = new Int32Array(this.stationCount);
    this.stationLastEnd = new Float64Array(this.stationCount);
    this.serving = new Int32Array(servers);
    this.staffed = new Uint8Array(servers);
    this.closing = new Uint8Array(servers);
    this.broken = new Uint8Array(servers);
    this.endToken = new Float64Array(servers);
    this.endTime = new Float64Array(servers);

    this.stats = new DayStatistics(model, layout, period);
    this.periodCount = this.stats.periodCount;
    this.periodLength = period;
    this.anyBalking = model.types.some((t) => t.balk !== null);
    this.onlyLineOfType = Int32Array.from(model.types, (t) =>
      model.lineLayout !== 'per-counter' && t.servedBy.length === 1 ? this.stationLine[t.servedBy[0]] : -1,
    );
    this.anyPreempt = model.types.some((t) => t.preempt);
    this.anyPatience = model.types.some((t) => t.patience !== null);
    this.canInterrupt =
      this.anyPreempt || model.groups.some((g) => g.breakdown !== null) || (model.kiosks !== null && model.kiosks.breakdown !== null);
  }

  /** What each figure of a day's row is (see `runDayInto`). */
  get columns(): MetricColumns {
    return this.stats.columns;
  }

  /** Simulates one day: replication `replication` of the run seeded with `seed`. */
  runDay(seed: number, replication: number): ReplicationMetrics {
    const end = this.simulate(seed, replication);
    return this.stats.collect(end, this.stationLastEnd, this.events, this.arrivals);
  }

  /** Simulates one day and writes its figures into `row` from `offset`, in the order of `columns`. */
  runDayInto(seed: number, replication: number, row: Float64Array, offset: number): void {
    const end = this.simulate(seed, replication);
    this.stats.collectInto(row, offset, end, this.stationLastEnd);
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

  // ---------------------------------------------------------------- setting up a day

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
        if (plan.shiftAt[i] < model.horizon) calendar.schedule(plan.shiftAt[i], SHIFT, g * 65536 + i);
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

    if (model.arrivals.kind === 'poisson') {
      this.walkIns = new WalkIns(model.arrivals, this.arrivalRng);
      this.scheduleWalkIn(-1);
    } else {
      this.walkIns = null;
      this.scheduleWalkIn(-1);
    }
    this.planAppointments();
  }

  private breakdownOf(server: number) {
    const st = this.serverStation[server];
    return st === this.kioskStation ? this.model.kiosks!.breakdown : this.model.groups[st].breakdown;
  }

  /** Books the day's appointments: slot times plus punctuality, no-shows left out, in time order. */
  private planAppointments(): void {
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

  /** Schedules the walk-in after the one at `now` (trace: the next row after `index`). */
  private scheduleWalkIn(index: number): void {
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

  // ---------------------------------------------------------------- arrivals

  private onWalkIn(traceRow: number): void {
    this.scheduleWalkIn(traceRow);
    const arrivals = this.model.arrivals;
    if (arrivals.kind === 'trace') {
      const type = arrivals.types[traceRow];
      this.arrive(type >= 0 ? type : this.drawType(this.typeRng), arrivals.service[traceRow]);
    } else {
      this.arrive(this.drawType(this.typeRng), NaN);
    }
  }

  private onBookedArrival(index: number): void {
    if (index + 1 < this.bookedCount) this.calendar.schedule(this.bookedTimes[index + 1], BOOKED, index + 1);
    const type = this.model.appointments!.type;
    this.arrive(type >= 0 ? type : this.drawType(this.bookedRng), NaN);
  }

  /** A type by its share. With one type there is nothing to draw (the type stream is its own). */
  private drawType(rng: Rng): number {
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
  private arrive(type: number, givenService: number): void {
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

  // ---------------------------------------------------------------- choosing where to go

  /** Sends a customer to a free kiosk, or into the kiosk line. */
  private goToKiosks(c: number, balkDraw: number): void {
    const st = this.kioskStation;
    if (this.stationIdle[st] > 0) {
      this.startService(this.idleServerOf(st), c);
      return;
    }
    this.joinOrBalk(c, this.stationLine[st], balkDraw);
  }

  /**
   * Sends a customer to the counters: an idle counter of a group that serves its type if there is
   * one (groups in scenario order, counters in order); else, for a preempting type, the counter
   * serving the lowest-priority customer; else a line (see `chooseLine`).
   */
  private goToCounters(c: number, balkDraw: number): void {
    const groups = this.model.types[this.customers.type[c]].servedBy;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      if (this.stationIdle[g] > 0) {
        this.startService(this.idleServerOf(g), c);
        return;
      }
    }
    if (this.anyPreempt && this.tryPreempt(c)) return;
    this.joinOrBalk(c, this.chooseLine(c), balkDraw);
  }

  /**
   * The line a customer joins when no eligible counter is free.
   * - Single line per group: the group whose line moves soonest for a newcomer, i.e. the fewest
   *   (people waiting + 1) per counter taking customers; ties go to the group listed first.
   * - Line per counter: the shortest line among counters taking customers; ties go to the first
   *   counter in scenario order.
   * When no eligible counter takes customers (all closed), the first eligible group's line: the
   * customer waits for a counter to open.
   */
  private chooseLine(c: number): number {
    const type = this.customers.type[c];
    const only = this.onlyLineOfType[type];
    if (only >= 0) return only;
    const groups = this.model.types[type].servedBy;
    const perCounter = this.model.lineLayout === 'per-counter';
    let best = -1;
    let bestScore = Infinity;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      if (!perCounter) {
        const open = this.stationAccepting[g];
        if (open === 0) continue;
        const score = (this.lines[this.stationLine[g]].waiting + 1) / open;
        if (score < bestScore) {
          bestScore = score;
          best = this.stationLine[g];
        }
      } else {
        const first = this.stationFirst[g];
        for (let s = first; s < first + this.stationSize[g]; s++) {
          if (!this.staffed[s] || this.closing[s]) continue;
          const waiting = this.lines[this.serverLine[s]].waiting;
          if (waiting < bestScore) {
            bestScore = waiting;
            best = this.serverLine[s];
          }
        }
      }
    }
    if (best >= 0) return best;
    const g = groups[0];
    return perCounter ? this.serverLine[this.stationFirst[g]] : this.stationLine[g];
  }

  private joinOrBalk(c: number, line: number, balkDraw: number): void {
    const balk = this.anyBalking ? this.model.types[this.customers.type[c]].balk : null;
    if (balk !== null && balkDraw < 1) {
      const seen = this.lines[line].waiting;
      const probabilities = balk.probabilityByLength;
      const p =
        seen >= balk.queueLength
          ? 1
          : probabilities.length === 0
            ? 0
            : probabilities[Math.min(seen, probabilities.length - 1)];
      if (balkDraw < p) {
        this.depart(c, OUTCOME_BALKED);
        return;
      }
    }
    this.joinLine(c, line);
  }

  /** Puts a customer at the back (or, resuming an interrupted service, the front) of a line. */
  /**
   * Puts a customer in a line: at the back of its priority level, or, if its service was
   * interrupted (preemption), at the front, since its service has begun. A customer whose service
   * has begun does not renege; any other gets what is left of its patience, which is for the
   * whole visit.
   */
  private joinLine(c: number, line: number): void {
    const now = this.now;
    const pool = this.customers;
    const ticket = this.nextTicket++;
    pool.line[c] = line;
    pool.ticket[c] = ticket;
    pool.joinedAt[c] = now;
    const level = this.levelOfType[pool.type[c]];
    const interrupted = this.canInterrupt && pool.remaining[c] === pool.remaining[c];
    if (interrupted) this.lines[line].joinFront(c, ticket, level);
    else this.lines[line].join(c, ticket, level);
    this.stats.waiting(now, 1);
    this.lastActivity = now;
    if (this.log) this.log.joined(c, line, now);
    if (!this.anyPatience || interrupted) return;
    const patienceLeft = pool.patience[c] - pool.waited[c];
    if (patienceLeft < Infinity) pool.patienceToken[c] = this.calendar.schedule(now + Math.max(patienceLeft, 0), PATIENCE, c);
  }

  /** Takes a customer out of its line (turn came, moved, or gave up), counting the time it stood. */
  private leaveLine(c: number): void {
    const now = this.now;
    const pool = this.customers;
    pool.waited[c] += now - pool.joinedAt[c];
    pool.line[c] = -1;
    pool.ticket[c] = -1;
    this.stats.waiting(now, -1);
  }

  private idleServerOf(st: number): number {
    const first = this.stationFirst[st];
    const last = first + this.stationSize[st];
    for (let s = first; s < last; s++) {
      if (this.serving[s] < 0 && this.staffed[s] && !this.broken[s]) return s;
    }
    throw new Error(`internal: station ${st} counted an idle server but has none`);
  }

  // ---------------------------------------------------------------- service

  /** An idle server starts serving customer `c`. */
  private startService(s: number, c: number): void {
    const now = this.now;
    const st = this.serverStation[s];
    this.stationIdle[st]--;
    this.stats.busy(st, now, 1);
    this.beginService(s, c);
  }

  /** Customer `c` is served at `s` (idle count and busy level already account for it). */
  private beginService(s: number, c: number): void {
    const now = this.now;
    const pool = this.customers;
    pool.serviceStart[c] = now;
    pool.patienceToken[c] = -1;
    this.serving[s] = c;
    let need = pool.atKiosk[c] ? pool.kioskNeed[c] : pool.counterNeed[c];
    if (this.canInterrupt) {
      const left = pool.remaining[c];
      if (left === left) need = left;
      pool.remaining[c] = NaN;
    }
    this.endTime[s] = now + need;
    this.endToken[s] = this.calendar.schedule(now + need, SERVICE_END, s);
    if (this.log) this.log.started(c, s, now);
  }

  private onServiceEnd(s: number): void {
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

  /**
   * A server has just finished (its busy level not yet lowered): it closes if its shift ended;
   * otherwise it calls the next customer of its line, or becomes idle.
   */
  private serverFreed(s: number): void {
    const now = this.now;
    const st = this.serverStation[s];
    if (this.closing[s]) {
      this.closing[s] = 0;
      this.staffed[s] = 0;
      this.stats.busy(st, now, -1);
      this.stats.staffed(st, now, -1);
      return;
    }
    const line = this.serverLine[s];
    const c = this.lines[line].next();
    if (c < 0) {
      this.stationIdle[st]++;
      this.stats.busy(st, now, -1);
      return;
    }
    // Handed straight to the next customer: the server stays busy, so neither its station's busy
    // level nor its idle count moves (a -1 and a +1 at the same instant add no area).
    this.leaveLine(c);
    this.beginService(s, c);
    if (this.model.jockey) this.jockeyInto(line);
  }

  /** An idle server calls the next customer of its line, if any. */
  private callNext(s: number): void {
    const line = this.serverLine[s];
    const c = this.lines[line].next();
    if (c < 0) return;
    this.leaveLine(c);
    this.startService(s, c);
    if (this.model.jockey) this.jockeyInto(line);
  }

  /**
   * Preemption: a customer of a preempting type takes the counter of the lowest-priority customer
   * being served (the latest started among equals), whose service stops and resumes later from
   * where it stopped, at the front of its line.
   */
  private tryPreempt(c: number): boolean {
    const now = this.now;
    const pool = this.customers;
    const types = this.model.types;
    const kind = types[pool.type[c]];
    if (!kind.preempt) return false;
    let victimServer = -1;
    let victimPriority = kind.priority;
    let victimStart = -Infinity;
    for (let i = 0; i < kind.servedBy.length; i++) {
      const g = kind.servedBy[i];
      const first = this.stationFirst[g];
      for (let s = first; s < first + this.stationSize[g]; s++) {
        const v = this.serving[s];
        // A closing counter only finishes the customer it has: it is not taken over.
        if (v < 0 || this.broken[s] || this.closing[s]) continue;
        const p = types[pool.type[v]].priority;
        if (p >= kind.priority) continue;
        const start = pool.serviceStart[v];
        if (victimServer < 0 || p < victimPriority || (p === victimPriority && start > victimStart)) {
          victimServer = s;
          victimPriority = p;
          victimStart = start;
        }
      }
    }
    if (victimServer < 0) return false;
    const s = victimServer;
    const v = this.serving[s];
    const st = this.serverStation[s];
    pool.remaining[v] = this.endTime[s] - now;
    this.endToken[s] = -1;
    this.serving[s] = -1;
    this.stats.busy(st, now, -1);
    if (this.log) this.log.interrupted(v, s, now);
    this.stationIdle[st]++;
    this.joinLine(v, this.serverLine[s]);
    this.startService(s, c);
    return true;
  }

  // ---------------------------------------------------------------- leaving

  private onPatienceOut(c: number): void {
    const pool = this.customers;
    const line = pool.line[c];
    this.lines[line].left();
    this.leaveLine(c);
    this.depart(c, OUTCOME_ABANDONED);
    if (this.model.jockey) this.jockeyInto(line);
  }

  /** The customer leaves the hall; its figures go to the tallies of its scopes. */
  private depart(c: number, outcome: number): void {
    const now = this.now;
    const pool = this.customers;
    const arrivedAt = pool.arrivedAt[c];
    // Customers who arrived during the warm-up are not counted.
    if (arrivedAt >= this.model.warmup) {
      const type = pool.type[c];
      const period = pool.period[c];
      if (outcome === OUTCOME_SERVED) {
        this.stats.served(type, period, pool.waited[c], now - arrivedAt, pool.atKiosk[c] === 1);
      } else if (outcome === OUTCOME_ABANDONED) {
        this.stats.abandoned(type, period);
      } else {
        this.stats.balked(type, period);
      }
    }
    if (this.log) this.log.departed(c, outcome, now, pool.waited[c]);
    this.lastActivity = now;
    pool.release(c);
  }

  /**
   * Jockeying (per-counter lines): when `line` has just got shorter, the last customer of a
   * neighbouring line (the counters either side, same group) moves over if that line is now
   * longer by two or more.
   */
  private jockeyInto(line: number): void {
    if (this.model.lineLayout !== 'per-counter') return;
    const st = this.lineStation[line];
    if (st === this.kioskStation) return;
    const first = this.stationFirst[st];
    const last = first + this.stationSize[st] - 1;
    const s = this.layout.serverOfLine(line);
    if (!this.staffed[s] || this.closing[s]) return;
    if (s > first && this.moveLast(this.serverLine[s - 1], line)) return;
    if (s < last) this.moveLast(this.serverLine[s + 1], line);
  }

  /** Moves the last customer of line `from` to the back of line `to` if `from` is longer by 2+. */
  private moveLast(from: number, to: number): boolean {
    const now = this.now;
    if (this.lines[from].waiting - this.lines[to].waiting < 2) return false;
    const pool = this.customers;
    const c = this.lines[from].last();
    pool.waited[c] += now - pool.joinedAt[c];
    const ticket = this.nextTicket++;
    pool.line[c] = to;
    pool.ticket[c] = ticket;
    pool.joinedAt[c] = now;
    // An interrupted customer keeps its place ahead of newcomers in the line it moves to.
    const level = this.levelOfType[pool.type[c]];
    if (this.canInterrupt && pool.remaining[c] === pool.remaining[c]) this.lines[to].joinFront(c, ticket, level);
    else this.lines[to].join(c, ticket, level);
    if (this.log) this.log.joined(c, to, now);
    return true;
  }

  // ---------------------------------------------------------------- staffing and breakdowns

  private onShiftChange(code: number): void {
    const g = Math.floor(code / 65536);
    const step = code % 65536;
    this.setStaffing(g, this.model.groups[g].shiftCount[step]);
  }

  /**
   * Brings the number of counters taking customers in station `st` to `wanted`. Closing prefers
   * idle counters (last first); a busy counter finishes its customer, then closes. Opening first
   * cancels pending closures, then opens closed counters (first first), which call their line at once.
   */
  private setStaffing(st: number, wanted: number): void {
    const now = this.now;
    const first = this.stationFirst[st];
    const last = first + this.stationSize[st] - 1;
    let accepting = this.stationAccepting[st];
    for (let s = first; s <= last && accepting < wanted; s++) {
      if (this.closing[s]) {
        this.closing[s] = 0;
        accepting++;
      }
    }
    for (let s = first; s <= last && accepting < wanted; s++) {
      if (this.staffed[s]) continue;
      this.staffed[s] = 1;
      accepting++;
      this.stats.staffed(st, now, 1);
      if (!this.broken[s]) {
        this.stationIdle[st]++;
        this.stationAccepting[st] = accepting;
        this.callNext(s);
      }
    }
    for (let s = last; s >= first && accepting > wanted; s--) {
      if (!this.staffed[s] || this.closing[s] || this.serving[s] >= 0) continue;
      this.staffed[s] = 0;
      if (!this.broken[s]) this.stationIdle[st]--;
      accepting--;
      this.stats.staffed(st, now, -1);
    }
    for (let s = last; s >= first && accepting > wanted; s--) {
      if (!this.staffed[s] || this.closing[s]) continue;
      this.closing[s] = 1;
      accepting--;
    }
    this.stationAccepting[st] = accepting;
    if (st !== this.kioskStation) this.rehomeStranded();
  }

  /**
   * After a staffing change, lines that no counter takes customers from (a per-counter line whose
   * counter closed or is closing, a group's line when the whole group is closed) empty, in order,
   * into the counters that can serve their customers: each chooses again as if it had just come
   * in (an idle counter first, else a line), without balking, since it is already inside. Where no
   * counter can take it, it waits in its first group's line for one to open.
   */
  private rehomeStranded(): void {
    const movers: number[] = [];
    for (let l = 0; l < this.lines.length; l++) {
      const line = this.lines[l];
      if (line.waiting === 0 || this.takesCustomers(l)) continue;
      for (let c = line.next(); c >= 0; c = line.next()) {
        this.leaveLine(c);
        movers.push(c);
      }
    }
    for (const c of movers) this.goToCounters(c, 1);
  }

  /** Whether some counter calls customers from `line` now or will when it is free. */
  private takesCustomers(line: number): boolean {
    const st = this.lineStation[line];
    if (st === this.kioskStation) return true;
    if (this.stationLine[st] === line) return this.stationAccepting[st] > 0;
    const s = this.layout.serverOfLine(line);
    return this.staffed[s] === 1 && this.closing[s] === 0;
  }

  private onFailure(s: number): void {
    const now = this.now;
    const st = this.serverStation[s];
    this.broken[s] = 1;
    const c = this.serving[s];
    if (c >= 0) {
      // The service in progress is suspended and resumes after the repair.
      this.customers.remaining[c] = this.endTime[s] - now;
      this.endToken[s] = -1;
    } else if (this.staffed[s]) {
      this.stationIdle[st]--;
    }
    if (this.log) this.log.brokeDown(s, now);
    this.calendar.schedule(now + this.breakdownOf(s)!.repair.sample(this.failureRng[s]), REPAIR, s);
  }

  private onRepair(s: number): void {
    const now = this.now;
    const st = this.serverStation[s];
    this.broken[s] = 0;
    if (this.log) this.log.repaired(s, now);
    const next = now + this.breakdownOf(s)!.upTime.sample(this.failureRng[s]);
    if (next < this.model.horizon) this.calendar.schedule(next, FAILURE, s);
    const c = this.serving[s];
    if (c >= 0) {
      const need = this.customers.remaining[c];
      this.customers.remaining[c] = NaN;
      this.endTime[s] = now + need;
      this.endToken[s] = this.calendar.schedule(now + need, SERVICE_END, s);
    } else if (this.staffed[s]) {
      this.stationIdle[st]++;
      this.callNext(s);
    }
  }

  // ---------------------------------------------------------------- statistics

  private onPeriodMark(p: number): void {
    const now = this.now;
    this.stats.periodMark(now, p);
  }

  private onWarmupEnd(): void {
    const now = this.now;
    this.stats.warmupEnd(now);
  }

  private stationName(st: number): string {
    return this.layout.stationName(st);
  }

  /** Name of a counter or kiosk for traces, e.g. `general#2`. */
  serverName(server: number): string {
    return this.layout.serverName(server);
  }

  /** Name of a line for traces. */
  lineName(line: number): string {
    return this.layout.lineName(line);
  }
}
