/**
 * Replays a recorded day (VisitRecorder) against its Model and an independent, deliberately
 * simple picture of the hall, so that property tests can check the loop's laws from the outside:
 *
 * - the layout of servers and lines, numbered as the loop numbers them (src/model/hall-layout.ts,
 *   rebuilt here on purpose rather than imported): counters group by group in scenario order, then
 *   the kiosks; lines station by station (one per group with a single line, one per counter with
 *   per-counter lines, one for the kiosks);
 * - who is staffed, following the shift plan by the documented rule (idle counters close first,
 *   last first; a busy counter finishes its customer, then closes; raising the count cancels
 *   pending closures first, then opens closed counters, first first). The changes of one minute
 *   fire before every other event of that minute, group by group, because the loop schedules the
 *   whole plan before the day starts and the calendar breaks ties by scheduling order;
 * - each line as a plain list ordered by (priority, join order), an interrupted customer going to
 *   the front of its priority and staying ahead of newcomers, wherever it is moved, until it resumes;
 * - step functions of the number waiting and of busy and staffed servers per station.
 *
 * Violations are collected as one-line strings, grouped by the law they break, so a failing
 * property prints what went wrong, where and when.
 */
import type { BalkModel, Model } from '../../src/model/model.js';
import { ABANDONED, BALKED, SERVED, type LogEntry, type VisitRecorder } from './visit-recorder.js';

export interface HallLayout {
  groupCount: number;
  /** Station index of the kiosks, -1 without kiosks. */
  kioskStation: number;
  stationCount: number;
  stationFirst: number[];
  stationSize: number[];
  serverStation: number[];
  serverLine: number[];
  lineStation: number[];
  lineServers: number[][];
  /** Servers with a smaller index are counters, the others kiosks. */
  counterCount: number;
  stationName: (st: number) => string;
}

export function hallLayout(model: Model): HallLayout {
  const groupCount = model.groups.length;
  const kioskStation = model.kiosks ? groupCount : -1;
  const stationSize = model.groups.map((g) => g.counters);
  if (model.kiosks) stationSize.push(model.kiosks.count);
  const stationCount = stationSize.length;
  const stationFirst: number[] = [];
  let servers = 0;
  for (const size of stationSize) {
    stationFirst.push(servers);
    servers += size;
  }
  const serverStation: number[] = [];
  const serverLine: number[] = [];
  const lineStation: number[] = [];
  const lineServers: number[][] = [];
  for (let st = 0; st < stationCount; st++) {
    const perCounter = model.lineLayout === 'per-counter' && st !== kioskStation;
    let shared = -1;
    if (!perCounter) {
      shared = lineStation.length;
      lineStation.push(st);
      lineServers.push([]);
    }
    for (let k = 0; k < stationSize[st]; k++) {
      const s = stationFirst[st] + k;
      serverStation[s] = st;
      let line = shared;
      if (perCounter) {
        line = lineStation.length;
        lineStation.push(st);
        lineServers.push([]);
      }
      serverLine[s] = line;
      lineServers[line].push(s);
    }
  }
  return {
    groupCount,
    kioskStation,
    stationCount,
    stationFirst,
    stationSize,
    serverStation,
    serverLine,
    lineStation,
    lineServers,
    counterCount: kioskStation >= 0 ? stationFirst[kioskStation] : servers,
    stationName: (st) => (st === kioskStation ? 'kiosks' : model.groups[st].name),
  };
}

/** A piecewise-constant function of time, kept change by change (transient levels included). */
export class StepFunction {
  readonly times: number[] = [0];
  readonly levels: number[] = [0];
  level = 0;

  change(t: number, delta: number): void {
    this.level += delta;
    this.times.push(t);
    this.levels.push(this.level);
  }

  /** Integral over [a, b]. */
  integral(a: number, b: number): number {
    let sum = 0;
    const n = this.times.length;
    for (let i = 0; i < n; i++) {
      const from = Math.max(this.times[i], a);
      const to = Math.min(i + 1 < n ? this.times[i + 1] : Infinity, b);
      if (to > from) sum += this.levels[i] * (to - from);
    }
    return sum;
  }

  /** Largest level in effect at a time in [a, b], counting every level held even for no time. */
  max(a: number, b: number): number {
    let best = -Infinity;
    for (let i = 0; i < this.times.length; i++) {
      const next = i + 1 < this.times.length ? this.times[i + 1] : Infinity;
      // Level i holds over [times[i], next); a zero-length hold at a time in [a, b] still counts.
      const heldInside = this.times[i] >= a && this.times[i] <= b;
      const heldAtA = this.times[i] <= a && next > a;
      if (heldInside || heldAtA) best = Math.max(best, this.levels[i]);
    }
    return best;
  }
}

interface Waiting {
  visit: number;
  priority: number;
  /** Order within a priority: back joins count up from 1, front joins down from -1. */
  key: number;
}

export interface VisitReplay {
  /** Sum of the line stretches that ended (joined → started, moved, or left). */
  stretches: number;
  /** Line it is still waiting in at the end of the day, or -1. */
  lineAtEnd: number;
  joinedAt: number;
  /** Time served at counters and at kiosks, breakdown repairs excluded. */
  counterWork: number;
  kioskWork: number;
  counterStarts: number;
  kioskStarts: number;
  interruptions: number;
  reachedCounter: boolean;
}

export interface HallReplay {
  layout: HallLayout;
  /** End of the day as the loop measures it: the horizon, or with drain the last join or departure if later. */
  end: number;
  /** End of each station's day: the horizon, or with drain its last service end if later. */
  stationEnd: number[];
  /** Laws about servers: one customer at a time, only while staffed and open, never while broken. */
  servers: string[];
  /** Laws about lines: the customer whose turn it is starts; skills; jockeys move the last. */
  lines: string[];
  /** Each visit's steps follow the visit grammar, in time order; the clock never goes back. */
  grammar: string[];
  /**
   * Nobody waits in a line while a counter that calls that line is idle (staffed, open, working),
   * nor (per-counter lines) in the line of a counter that takes nobody while a counter with its
   * skill takes customers.
   */
  idle: string[];
  /** Balking follows the line seen on arrival: never past a certain balk, never beside a free counter. */
  balking: string[];
  /**
   * Routing: a customer who must wait for a counter joins the line that moves soonest (single lines:
   * fewest waiting + 1 per open counter; per-counter lines: the shortest line of an open counter;
   * ties to the first), or, with no counter of its groups open, the first group's (first counter's) line.
   */
  routing: string[];
  visits: VisitReplay[];
  waiting: StepFunction;
  /** Servers serving and not broken (a service suspended by a breakdown is not busy). */
  busy: StepFunction[];
  staffed: StepFunction[];
  /** Servers staffed and broken. */
  broken: StepFunction[];
}

/** A visit's step list in a readable form for messages: `arrived@1.5 joined(L0)@1.5 ...`. */
export function describeVisit(recorder: VisitRecorder, visit: number): string {
  return recorder.visits[visit].steps
    .map((e) => {
      const where = e.line >= 0 ? `(L${e.line})` : e.server >= 0 ? `(s${e.server})` : e.kind === 'departed' ? `(${e.outcome},w=${e.waited})` : '';
      return `${e.kind}${where}@${e.at}`;
    })
    .join(' ');
}

export function replayHall(model: Model, recorder: VisitRecorder): HallReplay {
  const layout = hallLayout(model);
  const { stationFirst, stationSize, serverStation, serverLine, lineStation, lineServers, counterCount, kioskStation } = layout;
  const serverCount = serverStation.length;
  const entries = recorder.entries;

  let lastActivity = 0;
  for (const e of entries) if (e.kind === 'joined' || e.kind === 'departed') lastActivity = Math.max(lastActivity, e.at);
  const end = model.drain ? Math.max(model.horizon, lastActivity) : model.horizon;

  const servers: string[] = [];
  const lines: string[] = [];
  const grammar: string[] = [];
  const idle: string[] = [];
  const balking: string[] = [];
  const routing: string[] = [];

  const staffedS = new Uint8Array(serverCount);
  const closingS = new Uint8Array(serverCount);
  const brokenS = new Uint8Array(serverCount);
  const servingS = new Int32Array(serverCount).fill(-1);
  const workFrom = new Float64Array(serverCount);

  const waiting = new StepFunction();
  const busy = layout.stationSize.map(() => new StepFunction());
  const lastFinish = layout.stationSize.map(() => 0);
  const staffed = layout.stationSize.map(() => new StepFunction());
  const broken = layout.stationSize.map(() => new StepFunction());

  const visits: VisitReplay[] = recorder.visits.map(() => ({
    stretches: 0,
    lineAtEnd: -1,
    joinedAt: NaN,
    counterWork: 0,
    kioskWork: 0,
    counterStarts: 0,
    kioskStarts: 0,
    interruptions: 0,
    reachedCounter: false,
  }));
  const priorityOf = (visit: number) => model.types[recorder.visits[visit].type].priority;
  const lineOf = new Int32Array(recorder.visits.length).fill(-1);
  const interruptedAt = new Int32Array(recorder.visits.length).fill(-1);
  const awaitingResume = new Uint8Array(recorder.visits.length);
  const queues: Waiting[][] = lineStation.map(() => []);
  let backKey = 0;
  let frontKey = 0;

  const setStaffed = (s: number, on: boolean, t: number) => {
    staffedS[s] = on ? 1 : 0;
    staffed[serverStation[s]].change(t, on ? 1 : -1);
    if (brokenS[s]) broken[serverStation[s]].change(t, on ? 1 : -1);
  };

  // The shift plan, applied by the documented rule.
  const applyShift = (g: number, wanted: number, t: number) => {
    const first = stationFirst[g];
    const last = first + stationSize[g] - 1;
    let accepting = 0;
    for (let s = first; s <= last; s++) if (staffedS[s] && !closingS[s]) accepting++;
    for (let s = first; s <= last && accepting < wanted; s++) {
      if (closingS[s]) {
        closingS[s] = 0;
        accepting++;
      }
    }
    for (let s = first; s <= last && accepting < wanted; s++) {
      if (staffedS[s]) continue;
      setStaffed(s, true, t);
      accepting++;
    }
    for (let s = last; s >= first && accepting > wanted; s--) {
      if (!staffedS[s] || closingS[s] || servingS[s] >= 0) continue;
      setStaffed(s, false, t);
      accepting--;
    }
    for (let s = last; s >= first && accepting > wanted; s--) {
      if (!staffedS[s] || closingS[s]) continue;
      closingS[s] = 1;
      accepting--;
    }
  };
  for (let g = 0; g < layout.groupCount; g++) applyShift(g, model.groups[g].shiftCount[0], 0);
  if (kioskStation >= 0) for (let k = 0; k < stationSize[kioskStation]; k++) setStaffed(stationFirst[kioskStation] + k, true, 0);
  const shifts: Array<{ at: number; group: number; count: number }> = [];
  model.groups.forEach((g, group) => {
    for (let i = 1; i < g.shiftAt.length; i++) if (g.shiftAt[i] < model.horizon) shifts.push({ at: g.shiftAt[i], group, count: g.shiftCount[i] });
  });
  shifts.sort((a, b) => a.at - b.at || a.group - b.group);

  const isOpen = (s: number) => staffedS[s] === 1 && closingS[s] === 0;
  const headOf = (line: number): Waiting | undefined => {
    let best: Waiting | undefined;
    for (const w of queues[line]) {
      if (!best || w.priority > best.priority || (w.priority === best.priority && w.key < best.key)) best = w;
    }
    return best;
  };
  const lastOf = (line: number): Waiting | undefined => {
    let best: Waiting | undefined;
    for (const w of queues[line]) {
      if (!best || w.priority < best.priority || (w.priority === best.priority && w.key > best.key)) best = w;
    }
    return best;
  };
  const leave = (visit: number, t: number) => {
    const line = lineOf[visit];
    const q = queues[line];
    q.splice(
      q.findIndex((w) => w.visit === visit),
      1,
    );
    visits[visit].stretches += t - visits[visit].joinedAt;
    lineOf[visit] = -1;
  };
  /** The line a customer of `type` should join when no counter of its groups is free (see HallReplay.routing). */
  const chosenLine = (type: number): number => {
    const groups = Array.from(model.types[type].servedBy);
    let best = -1;
    let bestScore = Infinity;
    for (const g of groups) {
      const servers = Array.from({ length: stationSize[g] }, (_, k) => stationFirst[g] + k);
      if (model.lineLayout === 'single') {
        const open = servers.filter(isOpen).length;
        if (open === 0) continue;
        const score = (queues[serverLine[stationFirst[g]]].length + 1) / open;
        if (score < bestScore) [best, bestScore] = [serverLine[stationFirst[g]], score];
      } else {
        for (const s of servers) {
          if (isOpen(s) && queues[serverLine[s]].length < bestScore) [best, bestScore] = [serverLine[s], queues[serverLine[s]].length];
        }
      }
    }
    return best >= 0 ? best : serverLine[stationFirst[groups[0]]];
  };
  const servesType = (station: number, visit: number) =>
    station === kioskStation || Array.from(model.types[recorder.visits[visit].type].servedBy).includes(station);

  const checkIdle = (t: number) => {
    for (let line = 0; line < queues.length; line++) {
      if (queues[line].length === 0) continue;
      for (const s of lineServers[line]) {
        if (isOpen(s) && !brokenS[s] && servingS[s] < 0) {
          idle.push(`at ${t}: ${queues[line].length} waiting in line ${line} while server ${s} is idle (staffed, open, working)`);
        }
      }
      // A per-counter line is called by its counter only: when that counter takes nobody (closed or
      // closing) while a counter with a waiting customer's skill takes customers, the customer is
      // stranded: the lines of counters that close are redistributed.
      if (model.lineLayout === 'per-counter' && lineStation[line] !== kioskStation && !lineServers[line].some(isOpen)) {
        for (const w of queues[line]) {
          const open = Array.from(model.types[recorder.visits[w.visit].type].servedBy).flatMap((g) =>
            Array.from({ length: stationSize[g] }, (_, k) => stationFirst[g] + k).filter(isOpen),
          );
          if (open.length > 0) idle.push(`at ${t}: visit ${w.visit} waits in line ${line}, whose counter takes nobody, while server ${open[0]} with its skill is open`);
        }
      }
    }
  };

  let clock = 0;
  let nextShift = 0;
  /**
   * Shift changes of the current minute not applied yet, in group order. The loop runs the changes
   * of one minute group by group before anything else of that minute; what a change does (calling
   * a line, redistributing per-counter lines) is logged before the next group's change. So a change
   * is applied when the first entry that needs it comes, or at the end of the minute.
   */
  let pending: Array<{ at: number; group: number; count: number }> = [];
  const shift = (sh: { at: number; group: number; count: number }) => {
    applyShift(sh.group, sh.count, sh.at);
  };
  const shiftTimes = new Set(shifts.map((sh) => sh.at));
  const applyPendingUpTo = (group: number) => {
    while (pending.length > 0 && pending[0].group <= group) shift(pending.shift()!);
  };
  const advance = (t: number, what: string) => {
    if (t < clock) grammar.push(`the clock went back from ${clock} to ${t} at ${what}`);
    if (t > clock) {
      applyPendingUpTo(Infinity);
      checkIdle(clock);
      clock = t;
    }
  };
  const groupOfLine = (line: number) => (lineStation[line] === kioskStation ? -1 : lineStation[line]);

  for (const e of entries) {
    while (nextShift < shifts.length && shifts[nextShift].at < e.at) {
      const sh = shifts[nextShift++];
      advance(sh.at, `the shift change of group ${sh.group}`);
      shift(sh);
    }
    advance(e.at, `log entry ${e.seq} (${e.kind})`);
    while (nextShift < shifts.length && shifts[nextShift].at === e.at) pending.push(shifts[nextShift++]);
    if (pending.length > 0) {
      // Only calls and moves can come from a shift change; anything else comes after all of them.
      if (e.kind !== 'started' && e.kind !== 'joined') applyPendingUpTo(Infinity);
      else {
        // A move out of a line whose counter is open comes from that group's change (a call and a
        // jockey); out of a dead line, from any group's change (redistribution).
        const from = lineOf[e.visit];
        let needed = from >= 0 && lineServers[from].some(isOpen) ? groupOfLine(from) : -1;
        if (e.kind === 'started' && e.server < counterCount) {
          const h = serverStation[e.server];
          if (!isOpen(e.server) || needed === h) needed = Math.max(needed, h);
        }
        applyPendingUpTo(needed);
      }
    }
    const t = e.at;
    const v = e.visit;
    switch (e.kind) {
      case 'arrived':
        break;
      case 'joined': {
        const from = lineOf[v];
        const steps = recorder.visits[v].steps;
        const balk = model.types[recorder.visits[v].type].balk;
        const position = steps.indexOf(e);
        const before = position >= 1 ? steps[position - 1] : undefined;
        const choosing = before?.kind === 'arrived' || (before?.kind === 'finished' && before.server >= counterCount);
        if (choosing && lineStation[e.line] !== kioskStation) {
          const expected = chosenLine(recorder.visits[v].type);
          if (expected !== e.line) routing.push(`visit ${v} (type ${recorder.visits[v].type}) joined line ${e.line} at ${t}; the line that moves soonest was ${expected}`);
        }
        if (balk && position >= 1 && steps[position - 1].kind === 'arrived') {
          const seen = queues[e.line].length;
          if (balkChance(balk, seen) === 1) balking.push(`visit ${v} joined line ${e.line} at ${t} with ${seen} waiting, where its type always balks`);
        }
        const station = lineStation[e.line];
        if (!servesType(station, v)) lines.push(`visit ${v} (type ${recorder.visits[v].type}) joined line ${e.line} at ${t}, of a station without its skill`);
        // An interrupted customer goes back to the front of its priority in the line of its server, and
        // stays ahead of newcomers wherever it goes (its line may be redistributed) until it resumes.
        const front = interruptedAt[v] >= 0 || awaitingResume[v] === 1;
        if (interruptedAt[v] >= 0) {
          if (from >= 0) lines.push(`visit ${v} was interrupted at ${t} while still in line ${from}`);
          if (serverLine[interruptedAt[v]] !== e.line) lines.push(`visit ${v} interrupted at server ${interruptedAt[v]} went back to line ${e.line}, not to that server's line`);
          interruptedAt[v] = -1;
        }
        if (from >= 0) {
          // A move is a jockey (the last of a longer line moves), or, at a shift change, a new choice
          // of line by a customer of a counter that takes nobody (a staffing change may redistribute
          // several times in one minute, so their order is not checked here).
          const rechoosing = groupOfLine(from) >= 0 && shiftTimes.has(t) && !lineServers[from].some(isOpen);
          if (!rechoosing) {
            const last = model.jockey ? lastOf(from) : undefined;
            if (last?.visit !== v) {
              lines.push(`visit ${v} moved from line ${from} to ${e.line} at ${t}, but ${model.jockey ? `the last in that line was visit ${last?.visit}` : 'nobody moves (no jockeying, no closing counter)'}`);
            }
          }
          leave(v, t);
        } else {
          waiting.change(t, 1);
        }
        lineOf[v] = e.line;
        visits[v].joinedAt = t;
        queues[e.line].push({ visit: v, priority: priorityOf(v), key: front ? --frontKey : ++backKey });
        break;
      }
      case 'started': {
        const s = e.server;
        const st = serverStation[s];
        if (s < 0 || s >= serverCount) {
          servers.push(`visit ${v} started at unknown server ${s}`);
          break;
        }
        if (servingS[s] >= 0) servers.push(`server ${s} started visit ${v} at ${t} while serving visit ${servingS[s]}`);
        if (!staffedS[s]) servers.push(`server ${s} started visit ${v} at ${t} while closed (not staffed by the shift plan)`);
        else if (closingS[s]) servers.push(`server ${s} started visit ${v} at ${t} while closing (its shift ended; it may only finish its customer)`);
        if (brokenS[s]) servers.push(`server ${s} started visit ${v} at ${t} while broken`);
        if (!servesType(st, v)) servers.push(`server ${s} of station ${st} started visit ${v} of type ${recorder.visits[v].type}, which it has no skill for`);
        const line = lineOf[v];
        if (line >= 0) {
          // Straight from one line to another server: only when the line's counters have all just
          // closed and its customers choose again (they may then go to an idle counter at once).
          const rechoosing = serverLine[s] !== line && groupOfLine(line) >= 0 && shiftTimes.has(t) && !lineServers[line].some(isOpen);
          if (serverLine[s] !== line && !rechoosing) lines.push(`visit ${v} waiting in line ${line} started at server ${s}, which calls line ${serverLine[s]}`);
          const head = headOf(line);
          if (!rechoosing && head?.visit !== v) {
            lines.push(
              `visit ${v} (priority ${priorityOf(v)}) started from line ${line} at ${t}, but it was the turn of visit ${head?.visit} (priority ${head ? head.priority : '-'})`,
            );
          }
          leave(v, t);
          waiting.change(t, -1);
        }
        servingS[s] = v;
        awaitingResume[v] = 0;
        workFrom[s] = t;
        busy[st].change(t, 1);
        if (s < counterCount) {
          visits[v].counterStarts++;
          visits[v].reachedCounter = true;
        } else visits[v].kioskStarts++;
        break;
      }
      case 'finished':
      case 'interrupted': {
        const s = e.server;
        if (servingS[s] !== v) {
          servers.push(`server ${s} ${e.kind} visit ${v} at ${t} but was serving visit ${servingS[s]}`);
          break;
        }
        if (brokenS[s]) servers.push(`server ${s} ${e.kind} visit ${v} at ${t} while broken`);
        const work = brokenS[s] ? 0 : t - workFrom[s];
        if (s < counterCount) visits[v].counterWork += work;
        else visits[v].kioskWork += work;
        servingS[s] = -1;
        busy[serverStation[s]].change(t, -1);
        if (e.kind === 'finished') lastFinish[serverStation[s]] = t;
        if (e.kind === 'interrupted') {
          visits[v].interruptions++;
          interruptedAt[v] = s;
          awaitingResume[v] = 1;
        } else if (closingS[s]) {
          closingS[s] = 0;
          setStaffed(s, false, t);
        }
        break;
      }
      case 'departed': {
        if (e.outcome === BALKED) {
          const type = model.types[recorder.visits[v].type];
          const uptake = model.kiosks ? type.kioskUptake : 0;
          const stations = uptake === 0 ? Array.from(type.servedBy) : uptake === 1 ? [kioskStation] : [];
          for (const st of stations) {
            for (let s = stationFirst[st]; s < stationFirst[st] + stationSize[st]; s++) {
              if (isOpen(s) && !brokenS[s] && servingS[s] < 0) balking.push(`visit ${v} balked at ${t} while server ${s} was free for it`);
            }
          }
          const candidates = stations.flatMap((st) => lineStation.flatMap((station, line) => (station === st ? [line] : [])));
          if (type.balk && candidates.length > 0 && candidates.every((line) => balkChance(type.balk!, queues[line].length) === 0)) {
            balking.push(`visit ${v} balked at ${t} though every line it could join was short enough never to balk (${candidates.map((l) => queues[l].length)})`);
          }
        }
        if (lineOf[v] >= 0) {
          if (e.outcome !== ABANDONED) lines.push(`visit ${v} left line ${lineOf[v]} at ${t} with outcome ${e.outcome}, not as abandoned`);
          leave(v, t);
          waiting.change(t, -1);
        }
        break;
      }
      case 'brokeDown': {
        const s = e.server;
        if (brokenS[s]) servers.push(`server ${s} broke down at ${t} while already broken`);
        if (servingS[s] >= 0) {
          const c = servingS[s];
          if (s < counterCount) visits[c].counterWork += t - workFrom[s];
          else visits[c].kioskWork += t - workFrom[s];
          busy[serverStation[s]].change(t, -1);
        }
        if (staffedS[s]) broken[serverStation[s]].change(t, 1);
        brokenS[s] = 1;
        break;
      }
      case 'repaired': {
        const s = e.server;
        if (!brokenS[s]) servers.push(`server ${s} was repaired at ${t} without being broken`);
        brokenS[s] = 0;
        workFrom[s] = t;
        if (servingS[s] >= 0) busy[serverStation[s]].change(t, 1);
        if (staffedS[s]) broken[serverStation[s]].change(t, -1);
        break;
      }
    }
  }
  applyPendingUpTo(Infinity);
  while (nextShift < shifts.length && shifts[nextShift].at <= end) {
    const sh = shifts[nextShift++];
    advance(sh.at, `the shift change of group ${sh.group}`);
    shift(sh);
  }
  checkIdle(clock);
  recorder.visits.forEach((_, v) => {
    visits[v].lineAtEnd = lineOf[v];
  });
  checkGrammar(model, recorder, layout, grammar);
  const stationEnd = lastFinish.map((last) => (model.drain ? Math.max(model.horizon, last) : model.horizon));
  return { layout, end, stationEnd, servers, lines, grammar, idle, balking, routing, visits, waiting, busy, staffed, broken };
}

/** The chance that a customer of a balking type leaves on seeing `seen` waiting. */
export function balkChance(balk: BalkModel, seen: number): number {
  if (seen >= balk.queueLength) return 1;
  const p = balk.probabilityByLength;
  return p.length === 0 ? 0 : p[Math.min(seen, p.length - 1)];
}

/**
 * Each visit: arrived first; then lines and services; a service ends (finished or interrupted) at
 * the server that started it; an interrupted customer rejoins a line at once; a counter service
 * that finishes ends the visit at once; a kiosk visit ends, or goes on to the counters at once;
 * balking happens on arrival with no wait; departed is last. Times never decrease.
 */
function checkGrammar(model: Model, recorder: VisitRecorder, layout: HallLayout, out: string[]): void {
  for (const visit of recorder.visits) {
    const steps = visit.steps;
    const bad = (msg: string) => out.push(`visit ${visit.number}: ${msg} [${steps.map((e) => `${e.kind}@${e.at}`).join(' ')}]`);
    if (steps[0]?.kind !== 'arrived') {
      bad('does not start with arrived');
      continue;
    }
    let state: 'new' | 'line' | 'service' | 'interrupted' | 'doneKiosk' | 'doneCounter' | 'gone' = 'new';
    let server = -1;
    let previous: LogEntry = steps[0];
    for (const e of steps.slice(1)) {
      if (e.at < previous.at) bad(`${e.kind} at ${e.at} before its previous step at ${previous.at}`);
      const instant = e.at === previous.at;
      switch (e.kind) {
        case 'arrived':
          bad('arrived twice');
          break;
        case 'joined':
          if (state === 'interrupted' && !instant) bad('rejoined a line later than its interruption');
          if (state === 'doneKiosk' && !instant) bad('went on from the kiosk to the counters later than it finished');
          if (state === 'service' || state === 'doneCounter' || state === 'gone') bad(`joined a line while ${state}`);
          state = 'line';
          break;
        case 'started':
          if (state === 'service' || state === 'interrupted' || state === 'doneCounter' || state === 'gone') bad(`started while ${state}`);
          if (state === 'doneKiosk' && !instant) bad('reached a counter later than it finished at the kiosk');
          if (state === 'doneKiosk' && e.server >= layout.counterCount) bad('used a kiosk twice');
          if (state === 'new' && !instant) bad('started a service later than it arrived without joining a line');
          state = 'service';
          server = e.server;
          break;
        case 'finished':
        case 'interrupted':
          if (state !== 'service') bad(`${e.kind} while ${state}`);
          else if (e.server !== server) bad(`${e.kind} at server ${e.server}, started at ${server}`);
          if (e.kind === 'interrupted' && server >= layout.counterCount) bad('was interrupted at a kiosk');
          state = e.kind === 'interrupted' ? 'interrupted' : server >= layout.counterCount ? 'doneKiosk' : 'doneCounter';
          break;
        case 'departed':
          if (e.outcome === SERVED) {
            if (state !== 'doneKiosk' && state !== 'doneCounter') bad(`left as served while ${state}`);
            else if (!instant) bad('left later than its service finished');
          } else if (e.outcome === ABANDONED) {
            if (state !== 'line') bad(`abandoned while ${state}`);
          } else if (e.outcome === BALKED) {
            if (state !== 'new' || !instant) bad('balked other than on arrival');
            if (e.waited !== 0) bad(`balked with a wait of ${e.waited}`);
            if (model.types[visit.type].balk === null) bad('balked though its type never balks');
          } else bad(`left with unknown outcome ${e.outcome}`);
          if (!(e.waited >= 0)) bad(`left with a wait of ${e.waited}`);
          state = 'gone';
          break;
        default:
          bad(`has a ${e.kind} step`);
      }
      previous = e;
    }
  }
}
