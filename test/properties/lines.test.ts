/**
 * Laws of lines: first come, first served within a priority; a higher priority is never kept
 * behind a lower one; the customer whose turn it is is the one who starts; patience is for the
 * whole visit; balking follows the line seen.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ABANDONED, SERVED } from '../helpers/visit-recorder.js';
import { describeVisit, hallLayout } from '../helpers/hall-replay.js';
import { expectNone, hallArb, runDay, runs, withPreemptingType, type Day } from './arbitraries.js';

interface LineStart {
  visit: number;
  line: number;
  priority: number;
  joinSeq: number;
  startSeq: number;
}

/** Every service start that came out of a line, with when the customer joined that line. */
function startsFromLines(day: Day): LineStart[] {
  const inLine = new Map<number, { line: number; joinSeq: number }>();
  const out: LineStart[] = [];
  for (const e of day.log.entries) {
    if (e.kind === 'joined') inLine.set(e.visit, { line: e.line, joinSeq: e.seq });
    else if (e.kind === 'started') {
      const from = inLine.get(e.visit);
      if (from) {
        out.push({ visit: e.visit, line: from.line, priority: day.model.types[day.log.visits[e.visit].type].priority, joinSeq: from.joinSeq, startSeq: e.seq });
      }
      inLine.delete(e.visit);
    } else if (e.kind === 'departed') inLine.delete(e.visit);
  }
  return out;
}

describe('lines', () => {
  it('FIFO: in a single line without jockeying or preemption, equal priorities start in the order they joined', () => {
    // Why: a take-a-number line calls tickets in order within a priority, and nobody may cut in.
    fc.assert(
      fc.property(hallArb({ layout: 'single', priorities: 'plain' }), (hall) => {
        const day = runDay(hall);
        const lastJoin = new Map<string, LineStart>();
        for (const s of startsFromLines(day)) {
          const key = `${s.line}/${s.priority}`;
          const before = lastJoin.get(key);
          if (before && before.joinSeq > s.joinSeq) {
            throw new Error(
              `line ${s.line}, priority ${s.priority}: visit ${s.visit} (joined at log entry ${s.joinSeq}) started after visit ${before.visit} (joined at ${before.joinSeq}), who joined later`,
            );
          }
          lastJoin.set(key, s);
        }
      }),
      runs(500),
    );
  });

  it('priority: a counter never calls a customer from its line while one of higher priority waits in it', () => {
    // Why: higher priorities are served first within a line; without preemption that is all they get.
    fc.assert(
      fc.property(hallArb({ priorities: 'plain' }), (hall) => {
        const day = runDay(hall);
        const { serverLine } = hallLayout(day.model);
        const priority = (visit: number) => day.model.types[day.log.visits[visit].type].priority;
        const waiting = new Map<number, Set<number>>();
        const lineOf = new Map<number, number>();
        const leave = (visit: number) => {
          const line = lineOf.get(visit);
          if (line !== undefined) waiting.get(line)!.delete(visit);
          lineOf.delete(visit);
        };
        for (const e of day.log.entries) {
          if (e.kind === 'joined') {
            leave(e.visit);
            if (!waiting.has(e.line)) waiting.set(e.line, new Set());
            waiting.get(e.line)!.add(e.visit);
            lineOf.set(e.visit, e.line);
          } else if (e.kind === 'started') {
            const line = lineOf.get(e.visit);
            leave(e.visit);
            // (A customer of a closed counter's line who goes straight to a free counter elsewhere was not called by this line.)
            if (line === undefined || serverLine[e.server] !== line) continue;
            const higher = [...waiting.get(line)!].filter((w) => priority(w) > priority(e.visit));
            if (higher.length > 0) {
              throw new Error(`visit ${e.visit} (priority ${priority(e.visit)}) started from line ${line} at ${e.at} while visit ${higher[0]} (priority ${priority(higher[0])}) waited there`);
            }
          } else if (e.kind === 'departed') leave(e.visit);
        }
      }),
      runs(500),
    );
  });

  it('line discipline: every start from a line takes the customer whose turn it is, in any layout, with jockeying and preemption', () => {
    // Why: a line is ordered by priority, then by joining (an interrupted customer goes back to the
    // front of its priority); a jockey is the last of the longer line; customers join only lines
    // of counters with their skill.
    fc.assert(
      fc.property(
        // Half the halls: per-counter lines, shift plans and a preempting type, where customers move most.
        fc.oneof(hallArb(), withPreemptingType(hallArb({ minTypes: 2, layout: 'per-counter', shifts: 'always' }))),
        (hall) => {
          expectNone(runDay(hall).replay.lines);
        },
      ),
      runs(1000),
    );
  });

  it('routing: a customer who must wait joins the line that moves soonest (ties to the first), or its first group\'s when all are closed', () => {
    // Why: the documented rule: single lines, fewest (waiting + 1) per open counter; per-counter
    // lines, the shortest line of an open counter.
    fc.assert(
      fc.property(hallArb(), (hall) => {
        expectNone(runDay(hall).replay.routing);
      }),
      runs(500),
    );
  });

  it('patience is for the whole visit: with a fixed patience abandoners waited exactly that long, nobody served waited longer, and nobody abandons in the middle of a service', () => {
    // Why: a customer leaves when its time in lines (every line of the visit) reaches its patience;
    // a customer whose service was interrupted is being served, and waits on regardless.
    fc.assert(
      fc.property(fc.oneof(hallArb(), withPreemptingType(hallArb({ minTypes: 2, layout: 'per-counter', shifts: 'always' }))), (hall) => {
        const day = runDay(hall);
        for (const visit of day.log.visits) {
          const patience = hall.types[visit.type].patience;
          if (!patience || visit.outcome === null) continue;
          const tolerance = 1e-9 * Math.max(1, visit.departedAt);
          const story = `visit ${visit.number} (patience ${JSON.stringify(patience)}): ${describeVisit(day.log, visit.number)}`;
          const interrupted = day.replay.visits[visit.number].interruptions > 0;
          if (visit.outcome === ABANDONED) {
            expect(interrupted, `abandoned in the middle of its service: ${story}`).toBe(false);
            if (patience.dist === 'deterministic') expect(Math.abs(visit.waited - patience.value), story).toBeLessThanOrEqual(tolerance);
            if (patience.dist === 'uniform') {
              expect(visit.waited, story).toBeGreaterThanOrEqual(patience.min - tolerance);
              expect(visit.waited, story).toBeLessThanOrEqual(patience.max + tolerance);
            }
          } else if (visit.outcome === SERVED && !interrupted) {
            if (patience.dist === 'deterministic') expect(visit.waited, story).toBeLessThanOrEqual(patience.value + tolerance);
            if (patience.dist === 'uniform') expect(visit.waited, story).toBeLessThanOrEqual(patience.max + tolerance);
          }
        }
      }),
      runs(600),
    );
  });

  it('balking follows the line seen on arrival: never joining a line it always balks at, never balking beside a free counter or at a line it never balks at', () => {
    // Why: a balking customer decides on arrival, from the length of the line it would join.
    fc.assert(
      fc.property(hallArb({ balking: true }), (hall) => {
        expectNone(runDay(hall).replay.balking);
      }),
      runs(400),
    );
  });
});
