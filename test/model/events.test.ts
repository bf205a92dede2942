import { describe, expect, it } from 'vitest';
import * as events from '../../src/model/events.js';

describe("the ranks of a day's events", () => {
  // Why: the order at a shared minute is the documented table of events.ts; a kind without a
  // rank would silently rank 0 (first), ahead of the shift changes.
  it('give every kind a rank, in the documented order', () => {
    const { EVENT_RANK: rank, SHIFT, PERIOD_MARK, WARMUP_END, FAILURE, REPAIR, WALK_IN, BOOKED, SERVICE_END, PATIENCE } = events;
    const kinds = [SHIFT, PERIOD_MARK, WARMUP_END, FAILURE, REPAIR, WALK_IN, BOOKED, SERVICE_END, PATIENCE];
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const kind of kinds) expect(Number.isInteger(rank[kind])).toBe(true);
    expect(rank[SHIFT]).toBeLessThan(rank[PERIOD_MARK]);
    expect(rank[PERIOD_MARK]).toBeLessThan(rank[WARMUP_END]);
    expect(rank[WARMUP_END]).toBeLessThan(rank[FAILURE]);
    expect(rank[FAILURE]).toBe(rank[REPAIR]);
    expect(rank[REPAIR]).toBeLessThan(rank[WALK_IN]);
    expect([rank[BOOKED], rank[SERVICE_END], rank[PATIENCE]]).toEqual([rank[WALK_IN], rank[WALK_IN], rank[WALK_IN]]);
  });
});
