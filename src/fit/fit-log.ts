/**
 * From a ticket log to the figures of a scenario: the arrival profile per period averaged over the
 * log's days, the type shares, each type's service law (service-laws.ts), the patience law from
 * the censored waits (patience.ts, would-be-waits.ts), and the counters seen at work per period.
 * Each figure keeps what a planner needs to judge it (how many tickets, days or leavers are behind
 * it, its standard error), which scenario-text.ts writes as comments.
 */
import { ScenarioError } from '../scenario/errors.js';
import { NAME_PATTERN } from '../scenario/schema.js';
import { fitPatience, type PatienceFit } from './patience.js';
import { fitServiceTimes, type ServiceFit } from './service-laws.js';
import type { Ticket, TicketLog } from './ticket-log.js';
import { wouldBeWaits } from './would-be-waits.js';

export interface FitOptions {
  /** Length of a period of the profile and the shift plan, minutes (default 60). */
  period?: number;
  /** Fewest leavers of a type for a patience law of its own; below it the type shares the pooled one. */
  minLeavers?: number;
}

export interface FittedPeriod {
  /** Minutes from opening. */
  start: number;
  /** Tickets issued in the period, all days. */
  tickets: number;
  /** Tickets per hour averaged over the days, and its standard error (Poisson). */
  perHour: number;
  perHourSE: number;
  /** Counters at work (median over days). */
  counters: number;
}

export interface FittedType {
  /** The name in the scenario (letters, digits, _ and -). */
  name: string;
  /** The name as written in the log. */
  logName: string;
  tickets: number;
  share: number;
  shareSE: number;
  served: number;
  leavers: number;
  /** Leavers after which the log shows no call or idle counter that day: no bound, left out. */
  leaversUnbounded: number;
  /** Service times of 0 (below the clock's resolution), counted as half the resolution. */
  zeroServices: number;
  service: ServiceFit | null;
  /** Own patience law; null when too few leavers (then `pooled` of the fit applies) or none. */
  patience: PatienceFit | null;
}

export interface FittedLog {
  log: TicketLog;
  period: number;
  /** Minutes after midnight of the first period. */
  openClock: number;
  horizon: number;
  days: number;
  tickets: number;
  periods: FittedPeriod[];
  types: FittedType[];
  /** Patience of all types together, for types with too few leavers of their own. */
  pooledPatience: PatienceFit | null;
  /** Service law of all types together, for a type with no completed service in the log. */
  pooledService: ServiceFit | null;
  minLeavers: number;
  /** How the counters at work were counted. */
  countersFrom: 'counter column' | 'services under way';
}

/** Tickets grouped by day (the log is sorted by day, then issue time). */
export function ticketsByDay(log: TicketLog): Ticket[][] {
  const days: Ticket[][] = log.days.map(() => []);
  for (const t of log.tickets) days[t.day].push(t);
  return days;
}

/** A scenario name for a log's type name: letters, digits, `_`, `-`; unique. */
function scenarioNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((original) => {
    let base = original.trim().replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60) || 'type';
    if (!NAME_PATTERN.test(base)) base = `_${base}`;
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base}_${k}`;
    used.add(name);
    return name;
  });
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : Math.round((s[m - 1] + s[m]) / 2);
}

/**
 * Counters at work in [start, end) of one day. With a counter column: the counters that called a
 * ticket in the period (a counter that only finishes a service after its shift ended is not at
 * work). Without one: the most services under way at one moment in the period.
 */
function countersAtWork(day: readonly Ticket[], start: number, end: number, byName: boolean): number {
  if (byName) return new Set(day.filter((t) => t.counter >= 0 && t.called >= start && t.called < end).map((t) => t.counter)).size;
  const serving = day.filter((t) => !Number.isNaN(t.called) && t.called < end && (Number.isNaN(t.finished) ? t.called >= start : t.finished > start));
  // A sweep over starts (+1) and ends (-1) inside the period.
  const events: Array<[number, number]> = [];
  for (const t of serving) {
    events.push([Math.max(t.called, start), 1]);
    events.push([Number.isNaN(t.finished) ? t.called : Math.min(t.finished, end), -1]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let most = 0;
  for (const [, d] of events) most = Math.max(most, (now += d));
  return most;
}

export function fitLog(log: TicketLog, options: FitOptions = {}): FittedLog {
  const period = options.period ?? 60;
  const minLeavers = options.minLeavers ?? 30;
  if (!log.tickets.some((t) => !Number.isNaN(t.called) && !Number.isNaN(t.finished))) {
    throw new ScenarioError({
      file: log.file,
      path: '(columns)',
      found: log.has.called && log.has.finished ? 'no ticket with both a call and an end time' : `no ${log.has.called ? 'finished' : 'called'} column`,
      expected: 'called and finished times for served tickets, to fit the service times (name them with --columns called=NAME,finished=NAME)',
    });
  }
  const days = ticketsByDay(log);
  const D = days.length;
  const first = Math.min(...log.tickets.map((t) => t.issued));
  const last = Math.max(...log.tickets.map((t) => t.issued));
  const openClock = Math.floor(first / period) * period;
  const periodsCount = Math.floor((last - openClock) / period) + 1;
  const horizon = periodsCount * period;

  const counts = new Array<number>(periodsCount).fill(0);
  for (const t of log.tickets) counts[Math.floor((t.issued - openClock) / period)]++;
  const byName = log.has.counter && log.counters.length > 0;
  const periods: FittedPeriod[] = counts.map((tickets, p) => {
    const start = openClock + p * period;
    const seen = days.map((day) => countersAtWork(day, start, start + period, byName));
    return {
      start: p * period,
      tickets,
      perHour: (tickets / D) * (60 / period),
      perHourSE: (Math.sqrt(tickets) / D) * (60 / period),
      counters: median(seen),
    };
  });

  // Would-be waits of every ticket, day by day, for the leavers' patience bounds.
  const bound = new Map<Ticket, number>();
  for (const day of days) {
    const b = wouldBeWaits(day);
    day.forEach((t, i) => bound.set(t, b[i]));
  }

  const names = scenarioNames(log.types);
  const N = log.tickets.length;
  const halfTick = log.resolution / 2;
  const patienceData = (tickets: readonly Ticket[]) => {
    const served: number[] = [];
    const leavers: number[] = [];
    let unbounded = 0;
    for (const t of tickets) {
      if (!Number.isNaN(t.called)) served.push(t.called - t.issued);
      else {
        const v = bound.get(t)!;
        if (Number.isFinite(v)) leavers.push(Math.max(v, halfTick));
        else unbounded++;
      }
    }
    return { data: { served: Float64Array.from(served), leavers: Float64Array.from(leavers) }, unbounded };
  };

  const serviceTimes = (tickets: readonly Ticket[]) =>
    tickets.filter((t) => !Number.isNaN(t.called) && !Number.isNaN(t.finished)).map((t) => t.finished - t.called);
  // Three of the four laws give 0 no density: a service shorter than the clock's tick counts as half a tick.
  const fitted = (services: number[]) => (services.length > 0 ? fitServiceTimes(Float64Array.from(services, (s) => (s > 0 ? s : halfTick))) : null);
  const types: FittedType[] = log.types.map((logName, id) => {
    const mine = log.tickets.filter((t) => t.type === id);
    const services = serviceTimes(mine);
    const zeroServices = services.filter((s) => s <= 0).length;
    const { data, unbounded } = patienceData(mine);
    const share = mine.length / N;
    return {
      name: names[id],
      logName,
      tickets: mine.length,
      share,
      shareSE: Math.sqrt((share * (1 - share)) / N),
      served: mine.filter((t) => !Number.isNaN(t.called)).length,
      leavers: data.leavers.length + unbounded,
      leaversUnbounded: unbounded,
      zeroServices,
      service: fitted(services),
      patience: data.leavers.length >= minLeavers ? fitPatience(data) : null,
    };
  });
  // The most frequent type first: the order a planner reads a mix in.
  types.sort((a, b) => b.tickets - a.tickets);
  const pooled = patienceData(log.tickets);
  return {
    log,
    period,
    openClock,
    horizon,
    days: D,
    tickets: N,
    periods,
    types,
    pooledPatience: fitPatience(pooled.data),
    pooledService: types.every((t) => t.service) ? null : fitted(serviceTimes(log.tickets)),
    minLeavers,
    countersFrom: byName ? 'counter column' : 'services under way',
  };
}
