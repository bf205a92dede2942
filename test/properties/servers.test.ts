/**
 * Laws of counters and kiosks: one customer at a time, only while staffed and open, never while
 * broken; never idle while their line waits; and every customer gets exactly the work it needs,
 * however often it is interrupted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SERVED } from '../helpers/visit-recorder.js';
import { describeVisit } from '../helpers/hall-replay.js';
import { expectNone, hallArb, runDay, runs, withPreemptingType } from './arbitraries.js';

describe('servers', () => {
  it('no counter or kiosk serves two customers at once, starts one while closed or closing, or works while broken', () => {
    // Why: a counter is one person; the shift plan says when they are there (a closing counter only
    // finishes the customer it has); a broken counter holds its customer until the repair.
    fc.assert(
      fc.property(hallArb({ shifts: 'always' }), (hall) => {
        expectNone(runDay(hall).replay.servers);
      }),
      runs(1000),
    );
  });

  it('work conservation: nobody waits in a line whose counter is idle, nor in the line of a closed counter while a counter with its skill is open', () => {
    // Why: a counter that becomes free calls its line at once, and a newcomer who finds a free
    // counter goes straight to it; a per-counter line whose counter closes is redistributed.
    fc.assert(
      fc.property(
        fc.oneof({ arbitrary: hallArb({ shifts: 'always', layout: 'per-counter' }), weight: 3 }, { arbitrary: hallArb({ shifts: 'always' }), weight: 1 }),
        (hall) => {
          expectNone(runDay(hall).replay.idle);
        },
      ),
      runs(2500),
    );
  });

  it('without preemption a service, once started, is never interrupted: one start and one finish per stage', () => {
    // Why: non-preemptive priorities only choose who is next; breakdowns suspend a service in place.
    fc.assert(
      fc.property(hallArb({ priorities: 'plain' }), (hall) => {
        const day = runDay(hall);
        expectNone(day.log.entries.filter((e) => e.kind === 'interrupted').map((e) => `visit ${e.visit} interrupted at server ${e.server} at ${e.at}`));
        day.replay.visits.forEach((v, i) => {
          expect([i, v.counterStarts <= 1, v.kioskStarts <= 1]).toEqual([i, true, true]);
        });
      }),
      runs(200),
    );
  });

  it('every service gets exactly the work it needs: an interrupted one resumes with exactly what was left', () => {
    // Why: preemption and breakdowns only move work in time; the time at a counter or kiosk, repairs
    // excluded, adds up to the need drawn on arrival (here known: trace service times, fixed kiosk times).
    fc.assert(
      fc.property(
        // Busy days (a trace within 20 minutes) and a first type that preempts all others.
        withPreemptingType(hallArb({ minTypes: 2, arrivals: ['trace'], traceSpan: 20, traceService: 'always', kioskServices: ['deterministic'] })),
        (hall) => {
          const day = runDay(hall);
          const arrivals = hall.arrivals.kind === 'trace' ? hall.arrivals : null;
          const kioskNeed = hall.kiosks?.service.dist === 'deterministic' ? hall.kiosks.service.value : NaN;
          for (const visit of day.log.visits) {
            const v = day.replay.visits[visit.number];
            const need = arrivals!.service[visit.number];
            const tolerance = 1e-9 * Math.max(1, visit.departedAt || hall.horizon);
            const story = () => `visit ${visit.number}: ${describeVisit(day.log, visit.number)}`;
            if (v.reachedCounter) {
              if (visit.outcome === SERVED) expect(Math.abs(v.counterWork - need), story()).toBeLessThanOrEqual(tolerance);
              else expect(v.counterWork, story()).toBeLessThanOrEqual(need + tolerance);
            }
            if (v.kioskStarts > 0 && (visit.outcome === SERVED || v.reachedCounter)) {
              expect(Math.abs(v.kioskWork - kioskNeed), story()).toBeLessThanOrEqual(tolerance);
            }
          }
        },
      ),
      runs(300),
    );
  });
});
