/**
 * A replayed trace with given service times and a shift change, checked visit by visit against a
 * hand computation. The model comes through the real scenario layer (YAML + trace CSV under
 * test/fixtures/validation/), so the trace path, its `HH:MM` times, its `type` and `service`
 * columns and the clock-time shift plan are all exercised.
 *
 * The hall: one group `desk`, 1 counter from 09:00, 2 from 09:20, 1 from 09:40 (minute 0, 20, 40).
 * Counter 0 is the one always open, counter 1 the one that opens at 20 and closes at 40.
 *
 *  #  arrives  service  counter  starts  ends   wait   why
 *  1    0        8        0        0       8     0     counter 0 idle
 *  2    2        6        0        8      14     6
 *  3    5       10        0       14      24     9
 *  4   12        5        1       20      25     8     counter 1 opens at 20 and calls the head of the line at once
 *  5   16        7        0       24      31     8
 *  6   22       12        1       25      37     3     (trace time "09:22")
 *  7   30       15        0       31      46     1
 *  8   33       10        1       37      47     4
 *  9   38.4      3        0       46      49     7.6
 * 10   41        2        0       49      51     8     at 40 both counters are busy: counter 1 finishes #8 at 47,
 *                                                       then closes, so #10 waits for counter 0 (not 47 − 41 = 6)
 * 11   50        4        0       51      55     1     (trace time "09:50")
 * 12   60.5      2.75     0       60.5    63.25  0
 *
 * Staffed counter-minutes over the day [0, 120]: 1·20 + 2·20 + 1·80 + 7 (counter 1 from 40 to 47)
 * = 147; busy minutes = the sum of the services = 84.75.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FrontDesk, OUTCOME_SERVED } from '../../src/model/front-desk.js';
import type { VisitLog } from '../../src/model/visit-log.js';
import { compileScenario } from '../../src/scenario/compile.js';
import { loadScenario } from '../../src/scenario/load.js';

const EXACT = 1e-9;

/** The hand computation above: [arrival, service, counter, start, wait]. */
const HAND: Array<[arrival: number, service: number, counter: number, start: number, wait: number]> = [
  [0, 8, 0, 0, 0],
  [2, 6, 0, 8, 6],
  [5, 10, 0, 14, 9],
  [12, 5, 1, 20, 8],
  [16, 7, 0, 24, 8],
  [22, 12, 1, 25, 3],
  [30, 15, 0, 31, 1],
  [33, 10, 1, 37, 4],
  [38.4, 3, 0, 46, 7.6],
  [41, 2, 0, 49, 8],
  [50, 4, 0, 51, 1],
  [60.5, 2.75, 0, 60.5, 0],
];
const TYPES = ['walkin', 'booked', 'walkin', 'walkin', 'booked', 'walkin', 'walkin', 'booked', 'walkin', 'walkin', 'booked', 'walkin'];

interface Visit {
  type: number;
  arrived: number;
  server: number;
  started: number;
  finished: number;
  departed: number;
  outcome: number;
  waited: number;
  starts: number;
}

/** Records each visit in arrival order (customer ids are recycled, so map id → visit at arrival). */
class Recorder implements VisitLog {
  readonly visits: Visit[] = [];
  /** Every service start and end as [server, time]. */
  readonly starts: Array<[number, number]> = [];
  readonly finishes: Array<[number, number]> = [];
  private readonly current = new Map<number, Visit>();

  arrived(customer: number, type: number, now: number): void {
    const visit: Visit = { type, arrived: now, server: -1, started: NaN, finished: NaN, departed: NaN, outcome: -1, waited: NaN, starts: 0 };
    this.visits.push(visit);
    this.current.set(customer, visit);
  }
  joined(): void {}
  started(customer: number, server: number, now: number): void {
    const visit = this.current.get(customer)!;
    visit.server = server;
    visit.started = now;
    visit.starts++;
    this.starts.push([server, now]);
  }
  finished(customer: number, server: number, now: number): void {
    this.current.get(customer)!.finished = now;
    this.finishes.push([server, now]);
  }
  interrupted(): void {
    throw new Error('nobody preempts in this scenario');
  }
  departed(customer: number, outcome: number, now: number, waited: number): void {
    const visit = this.current.get(customer)!;
    visit.outcome = outcome;
    visit.departed = now;
    visit.waited = waited;
    this.current.delete(customer);
  }
  brokeDown(): void {
    throw new Error('nothing breaks down in this scenario');
  }
  repaired(): void {}
}

describe('a replayed trace across a shift change, against the hand computation', () => {
  const file = fileURLToPath(new URL('../fixtures/validation/shift-change.yaml', import.meta.url));
  const loaded = loadScenario(file);
  const model = compileScenario(loaded.scenario, { baseDir: loaded.baseDir, file });
  const log = new Recorder();
  const result = new FrontDesk(model, loaded.scenario.period, log).runDay(loaded.scenario.seed, 0);
  const visits = log.visits;

  it('compiles the trace and the clock-time shift plan as written', () => {
    expect(model.arrivals.kind).toBe('trace');
    expect(Array.from(model.groups[0].shiftAt)).toEqual([0, 20, 40]);
    expect(Array.from(model.groups[0].shiftCount)).toEqual([1, 2, 1]);
  });

  it('replays every row: its time, its type', () => {
    expect(visits.map((v) => v.arrived)).toEqual(HAND.map(([arrival]) => arrival));
    expect(visits.map((v) => model.types[v.type].name)).toEqual(TYPES);
  });

  it.each(HAND.map((row, i) => [i + 1, ...row] as const))(
    'visit %i (arrives %s, service %s): counter %i from minute %s, wait %s',
    (n, arrival, service, counter, start, wait) => {
      const v = visits[n - 1];
      expect(v.outcome).toBe(OUTCOME_SERVED);
      expect(v.starts).toBe(1);
      expect(v.server).toBe(counter);
      expect(v.started).toBeCloseTo(start, 9);
      expect(Math.abs(v.waited - wait)).toBeLessThanOrEqual(EXACT);
      // The trace's service column replaced the drawn service time.
      expect(Math.abs(v.finished - (start + service))).toBeLessThanOrEqual(EXACT);
      expect(v.departed).toBe(v.finished);
      expect(Math.abs(v.waited - (v.started - arrival))).toBeLessThanOrEqual(EXACT);
    },
  );

  it('the opening counter takes the head of the line at the very minute it opens', () => {
    expect(log.starts.filter(([s]) => s === 1)[0]).toEqual([1, 20]);
  });

  it('the closing counter finishes its customer after the shift change, then serves nobody', () => {
    const counter1Starts = log.starts.filter(([s]) => s === 1).map(([, t]) => t);
    const counter1Ends = log.finishes.filter(([s]) => s === 1).map(([, t]) => t);
    expect(counter1Starts.every((t) => t >= 20 && t < 40)).toBe(true);
    expect(Math.max(...counter1Ends)).toBe(47);
  });

  it('the day’s figures follow from the table', () => {
    const waits = HAND.map(([, , , , w]) => w);
    const m = result.metrics;
    expect(m.arrived).toBe(12);
    expect(m.served).toBe(12);
    expect(Math.abs(m.waitMean - waits.reduce((a, b) => a + b, 0) / 12)).toBeLessThanOrEqual(EXACT);
    expect(m.waitMax).toBe(9); // kept exactly beside the histogram
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const byType = (name: string) => HAND.filter((_, i) => TYPES[i] === name).map(([, , , , w]) => w);
    expect(Math.abs(result.byType.walkin.waitMean - sum(byType('walkin')) / 8)).toBeLessThanOrEqual(EXACT);
    expect(Math.abs(result.byType.booked.waitMean - sum(byType('booked')) / 4)).toBeLessThanOrEqual(EXACT);
    // Busy 84.75 counter-minutes over 147 staffed (counter 1 stays staffed until it finishes at 47).
    expect(Math.abs(m['utilization.desk'] - 84.75 / 147)).toBeLessThanOrEqual(EXACT);
  });

  it('openCounters per 20-minute period is the plan, plus the closing counter’s 7 extra minutes', () => {
    const open = result.byPeriod.map((p) => p['openCounters.desk']);
    const expected = [1, 2, 1 + 7 / 20, 1, 1, 1];
    expect(open.length).toBe(expected.length);
    open.forEach((value, p) => expect(Math.abs(value - expected[p]), `period ${p}`).toBeLessThanOrEqual(EXACT));
  });
});
