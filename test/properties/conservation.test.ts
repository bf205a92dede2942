/**
 * Laws of customers as a whole: nobody appears or vanishes, everybody leaves a drained day, the
 * clock runs forward and each visit's story makes sense, and no time is negative.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ABANDONED, BALKED, SERVED } from '../helpers/visit-recorder.js';
import { describeVisit } from '../helpers/hall-replay.js';
import { expectNone, expectSame, hallArb, neverStranded, periodIndex, runDay, runs, type Day } from './arbitraries.js';

const OUTCOMES = { served: SERVED, abandoned: ABANDONED, balked: BALKED } as const;

/** Counts of counted visits (arrived after warm-up) by outcome, from the log. */
function tally(day: Day, keep: (visit: { type: number; arrivedAt: number }) => boolean) {
  const counted = day.log.visits.filter((v) => v.arrivedAt >= day.model.warmup && keep(v));
  const count = (outcome: number | null) => counted.filter((v) => v.outcome === outcome).length;
  return {
    arrived: counted.length,
    served: count(OUTCOMES.served),
    abandoned: count(OUTCOMES.abandoned),
    balked: count(OUTCOMES.balked),
    inside: count(null),
  };
}

describe('conservation', () => {
  it('every counted arrival is served, abandoned, balked or still inside: by day, by type and by period', () => {
    // Why: customers are created only by arrivals and removed only by a departure with one outcome.
    fc.assert(
      fc.property(hallArb(), (hall) => {
        const day = runDay(hall);
        const { metrics, byType, byPeriod } = day.result;
        const all = tally(day, () => true);
        expect(all.arrived).toBe(all.served + all.abandoned + all.balked + all.inside);
        const counts = (m: Record<string, number>) => ({ arrived: m.arrived, served: m.served, abandoned: m.abandoned, balked: m.balked });
        expectSame(counts(metrics), counts(all), 'day: reported ≠ from the log');
        expect(day.result.customers).toBe(day.log.visits.length);
        hall.types.forEach((_, t) => {
          expectSame(counts(byType[`t${t}`]), counts(tally(day, (v) => v.type === t)), `type t${t}: reported ≠ from the log`);
        });
        const index = periodIndex(day.model, hall.period);
        const perPeriod = byPeriod.map(() => ({ arrived: 0, served: 0, abandoned: 0, balked: 0 }));
        for (const v of day.log.visits) {
          if (v.arrivedAt < hall.warmup) continue;
          const p = index.get(Math.floor(v.arrivedAt / hall.period));
          expect(p, `visit ${v.number} arrived at ${v.arrivedAt}, in no reported period`).toBeDefined();
          perPeriod[p!].arrived++;
          if (v.outcome === SERVED) perPeriod[p!].served++;
          if (v.outcome === ABANDONED) perPeriod[p!].abandoned++;
          if (v.outcome === BALKED) perPeriod[p!].balked++;
        }
        expectSame(byPeriod.map(counts), perPeriod, 'byPeriod: reported ≠ from the log');
      }),
      runs(400),
    );
  });

  it('with drain, and every counter group staffed at the end of the plan, nobody is left inside', () => {
    // Why: with drain the day runs until the calendar is empty, and a customer waiting for a group
    // with open counters always has a service end, repair or shift change coming that calls it.
    fc.assert(
      fc.property(
        // Patience hides a stranded customer (it abandons in the end), so most halls have none.
        fc.oneof(
          { arbitrary: hallArb({ drain: true, shifts: 'always', patience: false, layout: 'per-counter' }), weight: 2 },
          { arbitrary: hallArb({ drain: true, shifts: 'always', patience: false }), weight: 1 },
          { arbitrary: hallArb({ drain: true, shifts: 'always' }), weight: 1 },
        ),
        (hall) => {
        fc.pre(neverStranded(hall));
        const day = runDay(hall);
        const inside = day.log.inside().map((v) => `visit ${v.number} (type ${v.type}): ${describeVisit(day.log, v.number)}`);
        expectNone(inside, 'customers left inside');
        },
      ),
      runs(2000),
    );
  });
});

describe('time order', () => {
  it('the clock never goes back, and every visit follows the visit grammar in time order', () => {
    // Why: the calendar pops events in time order, and a customer is in one place at a time: a
    // line, a service, or gone.
    fc.assert(
      fc.property(hallArb(), (hall) => {
        const day = runDay(hall);
        expectNone(day.replay.grammar);
      }),
      runs(300),
    );
  });

  it('waits, services and times in the hall are never negative', () => {
    // Why: each is a sum of stretches from an earlier to a later time.
    fc.assert(
      fc.property(hallArb(), (hall) => {
        const day = runDay(hall);
        day.replay.visits.forEach((v, i) => {
          expect([i, v.stretches >= 0, v.counterWork >= 0, v.kioskWork >= 0]).toEqual([i, true, true, true]);
        });
        for (const v of day.log.visits) if (v.outcome !== null) expect([v.number, v.waited >= 0, v.departedAt >= v.arrivedAt]).toEqual([v.number, true, true]);
        const blocks = [day.result.metrics, ...Object.values(day.result.byType), ...day.result.byPeriod];
        for (const m of blocks) {
          for (const key of ['waitMean', 'waitP50', 'waitP90', 'waitP95', 'waitP99', 'waitMax', 'timeInSystemMean']) {
            expect([key, Number.isNaN(m[key]) || m[key] >= 0]).toEqual([key, true]);
          }
          // Time in the hall is wait plus service, customer by customer, so also on average.
          if (m.served > 0) expect(m.timeInSystemMean).toBeGreaterThanOrEqual(m.waitMean * (1 - 1e-12));
        }
      }),
      runs(200),
    );
  });
});
