/**
 * The state of a day at the front desk, and the steps every part of it takes: a customer joins
 * or leaves a line, a service starts, a customer leaves the hall. The rest of the day builds on
 * it, one concern a file, each class extending the one below (one object in the end, so the hot
 * path stays monomorphic: every call has one receiver shape):
 *
 *   hall-state.ts    the hall's arrays and the shared steps (this file)
 *   routing.ts       where a customer goes: idle counter, preemption, which line, balking,
 *                    jockeying, re-homing stranded lines
 *   server-state.ts  counters and kiosks opening, closing and breaking down
 *   visits.ts        the visit's life: arrivals, service end, giving up
 *   front-desk.ts    the day: set-up, the event loop, the day's figures
 *
 * Vocabulary: a *station* is a counter group or the bank of kiosks; a *server* is one counter or
 * one kiosk; a *line* is where customers wait for a station (one per station with a single line,
 * one per counter with per-counter lines; kiosks always share one line).
 */
import { EventCalendar } from '../core/calendar.js';
import type { Rng } from '../core/random.js';
import { CustomerPool } from './customers.js';
import { DayStatistics } from './day-statistics.js';
import { EVENT_RANK, PATIENCE, SERVICE_END } from './events.js';
import { HallLayout } from './hall-layout.js';
import { Line } from './line.js';
import type { Model } from './model.js';
import type { ReportPeriods } from './periods.js';
import type { WalkIns } from './walk-ins.js';
import { OUTCOME_ABANDONED, OUTCOME_SERVED, type VisitLog } from './visit-log.js';

/** Stands for a stream the day has not set up (not yet, or not needed): nothing may draw from an unseeded source. */
export const NO_STREAM: Rng = () => {
  throw new Error('internal: a random stream the day did not set up was drawn from');
};

export abstract class HallState {
  protected readonly calendar = new EventCalendar(256, EVENT_RANK);
  protected readonly customers = new CustomerPool(256);

  // The fixed layout (see hall-layout.ts for the numbering of stations, servers and lines).
  protected readonly layout: HallLayout;
  protected readonly stationCount: number;
  protected readonly kioskStation: number;
  protected readonly stationFirst: Int32Array;
  protected readonly stationSize: Int32Array;
  /**
   * Staffed counters not about to close: the head count of the shift plan, and where newcomers may
   * go. A broken counter still counts: its staff is there and its line waits for the repair.
   */
  protected readonly stationAccepting: Int32Array;
  /** Staffed, not broken, not serving: can start a service now. */
  protected readonly stationIdle: Int32Array;
  protected readonly stationLine: Int32Array;

  // Servers (counters and kiosks).
  protected readonly serverStation: Int32Array;
  protected readonly serverLine: Int32Array;
  protected readonly serving: Int32Array;
  protected readonly staffed: Uint8Array;
  protected readonly closing: Uint8Array;
  protected readonly broken: Uint8Array;
  protected readonly endToken: Float64Array;
  /** Last service end at each station: with drain, a station's day ends there (or at the horizon). */
  protected readonly stationLastEnd: Float64Array;
  protected readonly endTime: Float64Array;
  protected readonly failureRng: Rng[] = [];

  protected readonly lines: Line[] = [];
  protected readonly lineStation: Int32Array;
  protected readonly levelOfType: Int32Array;

  protected readonly stats: DayStatistics;

  // Per-replication state.
  protected walkIns: WalkIns | null = null;
  protected arrivalRng: Rng = NO_STREAM;
  protected typeRng: Rng = NO_STREAM;
  protected serviceRng: Rng[] = [];
  protected patienceRng: Rng[] = [];
  protected kioskChoiceRng: Rng = NO_STREAM;
  protected kioskServiceRng: Rng = NO_STREAM;
  protected fallbackRng: Rng = NO_STREAM;
  protected balkRng: Rng = NO_STREAM;
  protected bookedRng: Rng = NO_STREAM;
  protected bookedTimes = new Float64Array(0);
  protected bookedCount = 0;
  protected nextTicket = 0;
  /**
   * The clock: the time of the event being handled. Handlers read it here rather than receive it
   * as an argument, because V8 boxes a number passed to a function it did not inline (one small
   * heap object per call), and most handlers are too large to inline.
   */
  protected now = 0;
  /** Last time a customer joined, started, or left: with drain, the day ends there. */
  protected lastActivity = 0;
  /** When the last customer left the hall (NaN until one has): the day's `lastDeparture`. */
  protected lastDeparture = NaN;
  protected arrivals = 0;
  /** Events of the last day simulated. */
  protected events = 0;
  protected readonly anyBalking: boolean;
  /** Some type has a patience: customers may give up. */
  protected readonly anyPatience: boolean;
  /** Preemption or breakdowns: a service may stop and resume later with the work left. */
  protected readonly canInterrupt: boolean;
  /** Per type, its line when there is no choice (single lines, one group serves it), else -1. */
  protected readonly onlyLineOfType: Int32Array;
  protected readonly anyPreempt: boolean;

  constructor(
    protected readonly model: Model,
    period: number | ReportPeriods,
    protected readonly log: VisitLog | null = null,
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
    this.anyBalking = model.types.some((t) => t.balk !== null);
    this.onlyLineOfType = Int32Array.from(model.types, (t) =>
      model.lineLayout !== 'per-counter' && t.servedBy.length === 1 ? this.stationLine[t.servedBy[0]] : -1,
    );
    this.anyPreempt = model.types.some((t) => t.preempt);
    this.anyPatience = model.types.some((t) => t.patience !== null);
    this.canInterrupt =
      this.anyPreempt || model.groups.some((g) => g.breakdown !== null) || (model.kiosks !== null && model.kiosks.breakdown !== null);
  }

  protected breakdownOf(server: number) {
    const st = this.serverStation[server];
    return st === this.kioskStation ? this.model.kiosks!.breakdown : this.model.groups[st].breakdown;
  }

  /**
   * Puts a customer in a line: at the back of its priority level, or, if its service was
   * interrupted (preemption), at the front, since its service has begun. A customer whose service
   * has begun does not renege; any other gets what is left of its patience, which is for the
   * whole visit.
   */
  protected joinLine(c: number, line: number): void {
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
  protected leaveLine(c: number): void {
    const now = this.now;
    const pool = this.customers;
    pool.waited[c] += now - pool.joinedAt[c];
    pool.line[c] = -1;
    pool.ticket[c] = -1;
    this.stats.waiting(now, -1);
  }

  protected idleServerOf(st: number): number {
    const first = this.stationFirst[st];
    const last = first + this.stationSize[st];
    for (let s = first; s < last; s++) {
      if (this.serving[s] < 0 && this.staffed[s] && !this.broken[s]) return s;
    }
    throw new Error(`internal: station ${st} counted an idle server but has none`);
  }

  /** An idle server starts serving customer `c`. */
  protected startService(s: number, c: number): void {
    const now = this.now;
    const st = this.serverStation[s];
    this.stationIdle[st]--;
    this.stats.busy(st, now, 1);
    this.beginService(s, c);
  }

  /** Customer `c` is served at `s` (idle count and busy level already account for it). */
  protected beginService(s: number, c: number): void {
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

  /** The customer leaves the hall; its figures go to the tallies of its scopes. */
  protected depart(c: number, outcome: number): void {
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
    // The clock never goes back, so the latest departure is the last one.
    this.lastDeparture = now;
    pool.release(c);
  }

  protected stationName(st: number): string {
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
