import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventCalendar } from '../../src/core/calendar.js';

function drain(calendar: EventCalendar): Array<[number, number, number, number]> {
  const out: Array<[number, number, number, number]> = [];
  while (calendar.pop()) out.push([calendar.time, calendar.kind, calendar.target, calendar.seq]);
  return out;
}

describe('EventCalendar', () => {
  it('fires events in time order, ties in the order they were scheduled', () => {
    const calendar = new EventCalendar(2);
    calendar.schedule(5, 1, 10);
    calendar.schedule(1, 2, 20);
    calendar.schedule(5, 3, 30);
    calendar.schedule(0, 4, 40);
    calendar.schedule(5, 5, 50);
    expect(drain(calendar).map(([t, kind]) => [t, kind])).toEqual([
      [0, 4],
      [1, 2],
      [5, 1],
      [5, 3],
      [5, 5],
    ]);
  });

  it('returns increasing sequence numbers that identify each event (cancellation tokens)', () => {
    const calendar = new EventCalendar();
    const a = calendar.schedule(3, 0, 1);
    const b = calendar.schedule(2, 0, 2);
    expect(b).toBe(a + 1);
    const fired = drain(calendar);
    expect(fired.find(([, , target]) => target === 1)?.[3]).toBe(a);
    expect(fired.find(([, , target]) => target === 2)?.[3]).toBe(b);
  });

  it('peeks the next time and reports Infinity when empty; clear() starts afresh', () => {
    const calendar = new EventCalendar();
    expect(calendar.peekTime()).toBe(Infinity);
    calendar.schedule(7, 0, 0);
    expect(calendar.peekTime()).toBe(7);
    calendar.clear();
    expect(calendar.size).toBe(0);
    expect(calendar.pop()).toBe(false);
    expect(calendar.schedule(1, 0, 0)).toBe(0);
  });

  it('counts the events popped since clear(), side slot included', () => {
    const calendar = new EventCalendar(2);
    for (let i = 0; i < 5; i++) calendar.schedule(i, 0, i);
    calendar.scheduleAside(2.5, 1, -1);
    expect(calendar.popped).toBe(0);
    for (let i = 0; i < 4; i++) calendar.pop();
    expect(calendar.popped).toBe(4);
    calendar.schedule(9, 0, 0);
    expect(calendar.popped).toBe(4);
    while (calendar.pop());
    expect(calendar.popped).toBe(7);
    calendar.clear();
    expect(calendar.popped).toBe(0);
  });

  it('orders any interleaving of schedules and pops like a stable sort by time', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(-1)), { maxLength: 300 }),
        (script) => {
          // -1 pops; a number schedules at that time (small range, so ties are frequent).
          const calendar = new EventCalendar(1);
          const reference: Array<{ time: number; seq: number }> = [];
          let seq = 0;
          let lastTime = -Infinity;
          for (const step of script) {
            if (step >= 0) {
              const time = Math.max(step, lastTime === -Infinity ? 0 : lastTime);
              calendar.schedule(time, 0, seq);
              reference.push({ time, seq: seq++ });
            } else if (reference.length > 0) {
              reference.sort((a, b) => a.time - b.time || a.seq - b.seq);
              const expected = reference.shift()!;
              expect(calendar.pop()).toBe(true);
              expect([calendar.time, calendar.target]).toEqual([expected.time, expected.seq]);
              lastTime = calendar.time;
            }
          }
          reference.sort((a, b) => a.time - b.time || a.seq - b.seq);
          expect(drain(calendar).map(([time, , target]) => ({ time, seq: target }))).toEqual(reference);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('EventCalendar ranks', () => {
  // Why: which event fires first at a shared minute is a rule of the model (model/events.ts), not
  // an accident of which line of code scheduled first.
  const RANKS = [2, 0, 1, 0];

  it('at a tie fires the lower rank first, whatever the scheduling order; equal ranks in scheduling order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 }), fc.boolean()), { maxLength: 200 }),
        (script) => {
          const calendar = new EventCalendar(1, RANKS);
          const reference: Array<{ time: number; rank: number; id: number }> = [];
          let asideTaken = false;
          script.forEach(([time, kind, aside], id) => {
            if (aside && !asideTaken) {
              calendar.scheduleAside(time, kind, id);
              asideTaken = true;
            } else calendar.schedule(time, kind, id);
            reference.push({ time, rank: RANKS[kind], id });
          });
          reference.sort((a, b) => a.time - b.time || a.rank - b.rank || a.id - b.id);
          expect(drain(calendar).map(([, , target]) => target)).toEqual(reference.map((r) => r.id));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('returns a distinct token per event, given back as `seq` when it fires', () => {
    const calendar = new EventCalendar(4, RANKS);
    const tokens = [calendar.schedule(1, 0, 0), calendar.schedule(1, 1, 1), calendar.scheduleAside(1, 2, 2), calendar.schedule(1, 3, 3)];
    expect(new Set(tokens).size).toBe(4);
    const fired = drain(calendar);
    for (const [, , target, seq] of fired) expect(seq).toBe(tokens[target]);
    expect(fired.map(([, kind]) => kind)).toEqual([1, 3, 2, 0]);
  });

  it('refuses a rank outside 0..15', () => {
    expect(() => new EventCalendar(1, [0, 16])).toThrow(/rank 16 of event kind 1/);
  });
});

describe('EventCalendar side slot', () => {
  it('fires in exactly the order the heap alone would (the next walk-in kept aside)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.boolean()), { maxLength: 200 }), (script) => {
        // Each step: fire the next event, then schedule one at now + delay, aside when the flag is
        // set and the slot is free (as the model does with walk-ins), else in the heap.
        const withSlot = new EventCalendar(1);
        const heapOnly = new EventCalendar(1);
        withSlot.schedule(0, 0, -1);
        heapOnly.schedule(0, 0, -1);
        let asideTaken = false;
        let id = 0;
        for (const [delay, aside] of script) {
          expect(withSlot.pop()).toBe(heapOnly.pop());
          expect([withSlot.time, withSlot.target, withSlot.seq]).toEqual([heapOnly.time, heapOnly.target, heapOnly.seq]);
          if (withSlot.kind === 1) asideTaken = false;
          const t = withSlot.time + delay;
          if (aside && !asideTaken) {
            withSlot.scheduleAside(t, 1, id);
            heapOnly.schedule(t, 1, id);
            asideTaken = true;
          } else {
            withSlot.schedule(t, 0, id);
            heapOnly.schedule(t, 0, id);
          }
          id++;
        }
        expect(drain(withSlot)).toEqual(drain(heapOnly));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a second pending event', () => {
    const calendar = new EventCalendar();
    calendar.scheduleAside(1, 0, 0);
    expect(() => calendar.scheduleAside(2, 0, 0)).toThrow(/side slot/);
    expect(calendar.size).toBe(1);
    expect(calendar.peekTime()).toBe(1);
  });
});
