import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { batches } from '../../src/runner/pool.js';

describe('batches', () => {
  it('cover every replication of every alternative once, in order, never spanning two alternatives', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 8 }), (alternatives, first, count, workers) => {
        const out = batches(alternatives, first, count, workers);
        const next = Array.from({ length: alternatives }, () => first);
        let lastAlternative = 0;
        for (const b of out) {
          expect(b.count).toBeGreaterThan(0);
          expect(b.alternative).toBeGreaterThanOrEqual(lastAlternative);
          lastAlternative = b.alternative;
          expect(b.first).toBe(next[b.alternative]);
          next[b.alternative] += b.count;
        }
        expect(next).toEqual(Array.from({ length: alternatives }, () => first + count));
      }),
    );
  });

  it('hand out large batches first and small ones last (guided self-scheduling)', () => {
    // 1 alternative x 640 replications on 2 workers: a quarter of what is left each time, down to
    // the floor of 640 / 64 = 10.
    const sizes = batches(1, 0, 640, 2).map((b) => b.count);
    expect(sizes[0]).toBe(160);
    expect(sizes[1]).toBe(120);
    for (let i = 1; i < sizes.length - 1; i++) expect(sizes[i]).toBeLessThanOrEqual(sizes[i - 1]);
    expect(Math.min(...sizes.slice(0, -1))).toBe(10);
    expect(sizes.at(-1)).toBeLessThanOrEqual(10);
  });
});
