/**
 * Sample-path monotonicity: the same customers (same seed: same arrival times, types and service
 * needs, drawn on arrival) meet one more counter, and nobody waits longer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SERVED } from '../helpers/visit-recorder.js';
import { describeVisit } from '../helpers/hall-replay.js';
import { hallArb, runDay, runs, type Hall } from './arbitraries.js';

describe('sample-path monotonicity', () => {
  it("adding a counter never increases any customer's wait (one group serving every type from one FIFO line)", () => {
    // Why: with one FIFO line the k-th customer to reach the counters starts when the earliest of
    // the counters is free, and one more counter can only make every counter free sooner
    // (kiosks, if any, are untouched, so customers reach the counters at the same times).
    const singleLine = hallArb({
      maxGroups: 1,
      shifts: false,
      layout: 'single',
      priorities: 'none',
      patience: false,
      balking: false,
      breakdowns: false,
    });
    fc.assert(
      fc.property(singleLine, (hall) => {
        const staff = hall.groups[0].staff as number;
        const more: Hall = { ...hall, groups: [{ ...hall.groups[0], staff: staff + 1 }] };
        const few = runDay(hall);
        const many = runDay(more);
        expect(many.log.visits.length).toBe(few.log.visits.length);
        for (const v of few.log.visits) {
          const w = many.log.visits[v.number];
          expect([v.number, w.type, w.arrivedAt]).toEqual([v.number, v.type, v.arrivedAt]);
          if (v.outcome !== SERVED) continue;
          const story = () =>
            `visit ${v.number}: with ${staff} counters ${describeVisit(few.log, v.number)}; with ${staff + 1} ${describeVisit(many.log, v.number)}`;
          expect(w.outcome, story()).toBe(SERVED);
          expect(w.waited, story()).toBeLessThanOrEqual(v.waited + 1e-9 * Math.max(1, v.departedAt));
        }
      }),
      runs(300),
    );
  });
});
