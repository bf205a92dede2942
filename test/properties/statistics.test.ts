/**
 * Laws of the reported figures: each is what the customers and the counters of the day make it,
 * recomputed from the visit log: utilisation, quantiles, line lengths (Little's law), waits,
 * service level, kiosk share.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MetricValues } from '../../src/runner/result.js';
import { SERVED } from '../helpers/visit-recorder.js';
import { hallArb, neverStranded, periodIndex, runDay, runs, type Day } from './arbitraries.js';

/** |a − b| within a relative `rel` (and an absolute floor for figures near 0); NaN only with NaN. */
function close(a: number, b: number, rel = 1e-9, abs = 1e-9): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return Math.abs(a - b) <= abs + rel * Math.max(Math.abs(a), Math.abs(b));
}

function expectClose(label: string, actual: number, expected: number, rel?: number, abs?: number): void {
  if (!close(actual, expected, rel, abs)) throw new Error(`${label}: reported ${actual}, recomputed ${expected}`);
}

/** The customer figures of one scope, recomputed from the log. */
function fromLog(day: Day, inScope: (visit: Day['log']['visits'][number]) => boolean, hours: number) {
  const counted = day.log.visits.filter((v) => v.arrivedAt >= day.model.warmup && inScope(v));
  // In departure order, as the loop adds them up.
  const served = day.log.entries
    .filter((e) => e.kind === 'departed' && e.outcome === SERVED)
    .map((e) => day.log.visits[e.visit])
    .filter((v) => v.arrivedAt >= day.model.warmup && inScope(v));
  let waitSum = 0;
  let inSystemSum = 0;
  for (const v of served) {
    waitSum += v.waited;
    inSystemSum += v.departedAt - v.arrivedAt;
  }
  const n = served.length;
  return {
    arrived: counted.length,
    served: n,
    waits: served.map((v) => v.waited),
    waitMean: n > 0 ? waitSum / n : NaN,
    waitMax: n > 0 ? Math.max(...served.map((v) => v.waited)) : NaN,
    serviceLevel: counted.length > 0 ? served.filter((v) => v.waited <= day.model.waitTarget).length / counted.length : NaN,
    timeInSystemMean: n > 0 ? inSystemSum / n : NaN,
    throughputPerHour: hours > 0 ? n / hours : NaN,
    kioskShare: n > 0 ? served.filter((v) => !day.replay.visits[v.number].reachedCounter).length / n : NaN,
  };
}

/** Every scope of the day: the whole day, each type, each reported period, with its figures. */
function scopes(day: Day): Array<{ name: string; metrics: MetricValues; mine: ReturnType<typeof fromLog> }> {
  const { model, result, hall } = day;
  const dayHours = (model.horizon - model.warmup) / 60;
  const out = [{ name: 'day', metrics: result.metrics, mine: fromLog(day, () => true, dayHours) }];
  model.types.forEach((t, i) => out.push({ name: `type ${t.name}`, metrics: result.byType[t.name], mine: fromLog(day, (v) => v.type === i, dayHours) }));
  const index = periodIndex(model, hall.period);
  for (const [k, p] of index) {
    const start = k * hall.period;
    const end = Math.min(start + hall.period, model.horizon);
    const hours = (end - Math.max(start, model.warmup)) / 60;
    out.push({ name: `period ${k}`, metrics: result.byPeriod[p], mine: fromLog(day, (v) => Math.floor(v.arrivedAt / hall.period) === k, hours) });
  }
  return out;
}

describe('utilisation and quantiles', () => {
  it("utilisation is serving (not broken) time over staffed time, availability unbroken over staffed time, of each group and of the kiosks over the station's day, in [0, 1]", () => {
    // Why: a counter is busy only while staffed (a closing counter stays staffed until its customer
    // leaves), so busy time never exceeds staffed time; a broken counter is not busy, even while it
    // holds a suspended customer. A station's day ends at the horizon, or with drain at its own last
    // service if later. Availability is the staffed time not broken over the staffed time, from the
    // end of warm-up to the horizon.
    fc.assert(
      fc.property(hallArb(), (hall) => {
        const day = runDay(hall);
        const { replay, model } = day;
        for (let st = 0; st < replay.layout.stationCount; st++) {
          const name = replay.layout.stationName(st);
          const reported = day.result.metrics[`utilization.${name}`];
          const busy = replay.busy[st].integral(model.warmup, replay.stationEnd[st]);
          const staffed = replay.staffed[st].integral(model.warmup, replay.stationEnd[st]);
          expectClose(`utilization.${name}`, reported, staffed > 0 ? busy / staffed : NaN);
          const broken = replay.broken[st].integral(model.warmup, model.horizon);
          const staffedDay = replay.staffed[st].integral(model.warmup, model.horizon);
          expectClose(`availability.${name}`, day.result.metrics[`availability.${name}`], staffedDay > 0 ? 1 - broken / staffedDay : NaN);
          const busyDay = replay.busy[st].integral(model.warmup, model.horizon);
          expect(busyDay + broken, `busy + broken time of ${name}`).toBeLessThanOrEqual(staffedDay * (1 + 1e-9) + 1e-9);
          if (!Number.isNaN(reported)) {
            expect(reported).toBeGreaterThanOrEqual(0);
            expect(reported).toBeLessThanOrEqual(1);
          }
          for (const period of day.result.byPeriod) {
            const u = period[`utilization.${name}`];
            expect(Number.isNaN(u) || (u >= 0 && u <= 1), `a period's utilization.${name} ${u}`).toBe(true);
          }
        }
      }),
      runs(300),
    );
  });

  it('quantiles are ordered (p50 ≤ p90 ≤ p95 ≤ p99 ≤ max), max is exact and each is within 0.4% of the exact nearest rank', () => {
    // Why: they are quantiles of one set of waits, kept in a histogram whose buckets are 0.8% wide.
    fc.assert(
      fc.property(hallArb(), (hall) => {
        const day = runDay(hall);
        for (const { name, metrics, mine } of scopes(day)) {
          const q = [metrics.waitP50, metrics.waitP90, metrics.waitP95, metrics.waitP99, metrics.waitMax];
          if (mine.served === 0) {
            expect(q.every(Number.isNaN), `${name}: quantiles without customers ${q}`).toBe(true);
            continue;
          }
          for (let i = 1; i < q.length; i++) expect(q[i - 1], `${name}: ${q}`).toBeLessThanOrEqual(q[i]);
          expect(metrics.waitMax, name).toBe(mine.waitMax);
          const sorted = [...mine.waits].sort((a, b) => a - b);
          [0.5, 0.9, 0.95, 0.99].forEach((p, i) => {
            const exact = sorted[Math.ceil(p * sorted.length) - 1];
            // Waits under 1e-4 minutes count as 0.
            expectClose(`${name} p${p * 100}`, q[i], exact, 0.0041, 1e-4);
          });
        }
      }),
      runs(200),
    );
  });
});

describe("Little's law and line lengths", () => {
  it("on a day that starts and ends empty, the area under the number waiting is the sum of all waits, and queueLengthMean × day length equals it", () => {
    // Why: each customer adds one to the number waiting for exactly its wait; with drain and no
    // warm-up every customer (served or abandoned; balkers wait 0) is inside the observed day.
    fc.assert(
      fc.property(hallArb({ drain: true, warmup: false }), (hall) => {
        fc.pre(neverStranded(hall));
        const day = runDay(hall);
        const { replay, log } = day;
        expect(log.inside().length).toBe(0);
        const waits = log.visits.reduce((sum, v) => sum + v.waited, 0);
        expectClose('area under the number waiting', replay.waiting.integral(0, replay.end), waits);
        expectClose('queueLengthMean × day length', day.result.metrics.queueLengthMean * replay.end, waits, 1e-6, 1e-9);
      }),
      runs(300),
    );
  });

  it('queueLengthMean and queueLengthMax are the mean and maximum of the number waiting over the observed stretch', () => {
    // Why: they are time statistics of the same step function, from the end of warm-up to the end of the day.
    fc.assert(
      fc.property(hallArb(), (hall) => {
        const day = runDay(hall);
        const { replay, model } = day;
        const length = replay.end - model.warmup;
        expectClose('queueLengthMean', day.result.metrics.queueLengthMean, replay.waiting.integral(model.warmup, replay.end) / length, 1e-9);
        expect(day.result.metrics.queueLengthMax).toBe(replay.waiting.max(model.warmup, replay.end));
      }),
      runs(300),
    );
  });
});

describe('wait accounting', () => {
  it("a customer's reported wait is the sum of its line stretches (joined → started, moved or left)", () => {
    // Why: the wait is the time spent in lines, every line of the visit, service excluded.
    fc.assert(
      fc.property(hallArb(), (hall) => {
        const day = runDay(hall);
        for (const v of day.log.visits) {
          if (v.outcome === null) continue;
          const stretches = day.replay.visits[v.number].stretches;
          if (v.waited !== stretches) expectClose(`visit ${v.number} wait`, v.waited, stretches, 1e-12, 1e-12);
        }
      }),
      runs(300),
    );
  });

  it("the day's customer figures are those of its customers: wait mean and max, time in the hall, throughput and kiosk share, by day, type and period", () => {
    // Why: they are plain functions of the counted customers' visits; kioskShare counts exactly the
    // served customers who never reached a counter.
    fc.assert(
      fc.property(hallArb(), (hall) => {
        const day = runDay(hall);
        for (const { name, metrics, mine } of scopes(day)) {
          expect([name, metrics.arrived, metrics.served]).toEqual([name, mine.arrived, mine.served]);
          for (const key of ['waitMean', 'waitMax', 'timeInSystemMean', 'throughputPerHour', 'kioskShare'] as const) {
            expectClose(`${name} ${key}`, metrics[key], mine[key], 1e-12, 1e-12);
          }
        }
      }),
      runs(300),
    );
  });

  it('service level lies in [0, 1] and is the share of counted arrivals served within the target', () => {
    // Why: abandoned and balked customers (and those still inside) count as misses.
    fc.assert(
      fc.property(hallArb(), (hall) => {
        const day = runDay(hall);
        for (const { name, metrics, mine } of scopes(day)) {
          const level = metrics.serviceLevel;
          expect(Number.isNaN(level) || (level >= 0 && level <= 1), `${name}: ${level}`).toBe(true);
          expectClose(`${name} serviceLevel`, level, mine.serviceLevel, 1e-12, 1e-12);
        }
      }),
      runs(300),
    );
  });
});
