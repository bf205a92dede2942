/** The bound on a leaver's would-be wait, on a day small enough to follow by hand. */
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../src/fit/ticket-log.js';
import { wouldBeWaits } from '../../src/fit/would-be-waits.js';

const A = 0;
const B = 1;
const ticket = (issued: number, called = NaN, finished = NaN, counter = -1): Ticket => ({ line: 0, day: 0, issued, type: 0, called, finished, counter });

describe('would-be waits', () => {
  it('a later ticket called, or a counter falling idle with nobody waiting, bounds a leaver', () => {
    const day = [
      ticket(0, 0, 10, A),
      ticket(0.5, 0.5, 5, B), // B finishes at 5 while the ticket of 2 waits (called at 10): B closed, not idle
      ticket(1), // leaver: the ticket of 2 is called at 10 -> bound 9 (not 4, from B's end)
      ticket(2, 10, 15, A),
      ticket(14), // leaver: A falls idle at 15 (its next call is at 20, nobody waiting) -> bound 1
      ticket(20, 20, 30, A),
      ticket(25), // leaver: A's last service is not an idle moment (it may have closed); the next call is at 45
      ticket(45, 45, 50, B),
    ];
    const bounds = Array.from(wouldBeWaits(day));
    expect(bounds[2]).toBe(9);
    expect(bounds[4]).toBe(1);
    expect(bounds[6]).toBe(45 - 25);
  });

  it('without later tickets or idle moments there is no bound', () => {
    expect(Array.from(wouldBeWaits([ticket(0, 0, 5, A), ticket(1)]))[1]).toBe(Infinity);
  });
});
