import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countersForServiceLevel } from '../../src/analytic/staffing.js';
import { mmc } from '../../src/analytic/erlang-c.js';

describe('countersForServiceLevel', () => {
  it('follows the example of its doc comment', () => {
    const target = { arrivalRate: 1, serviceMean: 5, waitTarget: 1, serviceLevel: 0.8 };
    expect(countersForServiceLevel(target)).toBe(8);
    expect(mmc({ ...target, servers: 7 }).waitWithin(1)).toBeLessThan(0.8);
    expect(mmc({ ...target, servers: 8 }).waitWithin(1)).toBeGreaterThanOrEqual(0.8);
  });

  it('is the smallest c that meets the target (fast-check against mmc)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        (arrivalRate, serviceMean, waitTarget, serviceLevel) => {
          const c = countersForServiceLevel({ arrivalRate, serviceMean, waitTarget, serviceLevel });
          expect(mmc({ arrivalRate, serviceMean, servers: c }).waitWithin(waitTarget)).toBeGreaterThanOrEqual(
            serviceLevel - 1e-12,
          );
          if (c > 1) {
            expect(mmc({ arrivalRate, serviceMean, servers: c - 1 }).waitWithin(waitTarget)).toBeLessThan(
              serviceLevel + 1e-12,
            );
          }
        },
      ),
    );
  });

  it('handles a large hall', () => {
    // 600 customers an hour at 30 minutes each: A = 300 Erlangs.
    const c = countersForServiceLevel({ arrivalRate: 10, serviceMean: 30, waitTarget: 5, serviceLevel: 0.9 });
    expect(c).toBeGreaterThan(300);
    expect(c).toBeLessThan(330);
  });

  it('rejects nonsense', () => {
    const ok = { arrivalRate: 1, serviceMean: 5, waitTarget: 1, serviceLevel: 0.8 };
    expect(() => countersForServiceLevel({ ...ok, serviceLevel: 1 })).toThrow(RangeError);
    expect(() => countersForServiceLevel({ ...ok, waitTarget: -1 })).toThrow(RangeError);
    expect(() => countersForServiceLevel({ ...ok, serviceMean: 0 })).toThrow(RangeError);
  });
});
