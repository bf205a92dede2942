import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WaitHistogram } from '../../src/stats/wait-histogram.js';
import { nearestRank } from '../../src/stats/nearest-rank.js';

const LEVELS = [0.01, 0.1, 0.5, 0.9, 0.95, 0.99, 1];

/** A small seeded generator (mulberry32), so the samples are the same on every run. */
function uniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(u: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

const SHAPES: Record<string, (u: () => number) => number> = {
  'exponential, mean 5': (u) => -5 * Math.log(1 - u()),
  'lognormal, mean 8, cv 2': (u) => {
    const s2 = Math.log(1 + 2 * 2);
    return Math.exp(Math.log(8) - s2 / 2 + Math.sqrt(s2) * normal(u));
  },
  'mostly zeros (served at once), else exponential': (u) => (u() < 0.6 ? 0 : -12 * Math.log(1 - u())),
  'log-uniform over 1e-3 .. 1e4': (u) => 10 ** (-3 + 7 * u()),
};

/** Every tested quantile within 0.5% of the exact nearest-rank quantile of the sample. */
function expectQuantilesClose(h: WaitHistogram, xs: number[]): void {
  const sorted = Float64Array.from(xs).sort();
  for (const q of LEVELS) {
    const exact = sorted[nearestRank(q, sorted.length) - 1];
    const got = h.quantile(q);
    if (exact < h.low) {
      expect(got, `q=${q}`).toBe(0);
    } else {
      expect(Math.abs(got - exact) / exact, `q=${q}: got ${got}, exact ${exact}`).toBeLessThan(0.005);
    }
  }
}

describe('WaitHistogram', () => {
  for (const [name, draw] of Object.entries(SHAPES)) {
    it(`quantiles within 0.5% for ${name}`, () => {
      for (const [seed, n] of [
        [1, 10],
        [2, 137],
        [3, 10_000],
        [4, 200_000],
      ]) {
        const u = uniform(seed);
        const h = new WaitHistogram();
        const xs: number[] = [];
        for (let i = 0; i < n; i++) {
          const x = draw(u);
          xs.push(x);
          h.add(x);
        }
        expect(h.count).toBe(n);
        expect(h.max).toBe(Math.max(...xs));
        expectQuantilesClose(h, xs);
      }
    });
  }

  it('quantiles within 0.5% for arbitrary samples (fast-check)', () => {
    const wait = fc.oneof(
      fc.constant(0),
      fc.double({ min: 1e-3, max: 1e4, noNaN: true }),
      fc.integer({ min: 0, max: 60 }),
    );
    fc.assert(
      fc.property(fc.array(wait, { minLength: 1, maxLength: 300 }), (xs) => {
        const h = new WaitHistogram();
        for (const x of xs) h.add(x);
        expectQuantilesClose(h, xs);
      }),
      { numRuns: 300 },
    );
  });

  it('holds the 0.4% bound of its relative accuracy, also at bucket edges', () => {
    const h = new WaitHistogram();
    const gamma = h.gamma;
    for (let i = -1000; i <= 1000; i += 7) {
      for (const x of [gamma ** i, gamma ** i * (1 + 1e-12), gamma ** i * (1 - 1e-12)]) {
        h.reset();
        h.add(0); // keep the clamp to min/max out of the way
        h.add(x);
        h.add(1e9);
        expect(Math.abs(h.quantile(0.5) - x) / x).toBeLessThanOrEqual(0.004 + 1e-12);
      }
    }
  });

  it('follows the example of its doc comment', () => {
    const h = new WaitHistogram();
    for (const w of [0, 0, 1, 2, 3, 4, 5, 6, 7, 30]) h.add(w);
    expect(Math.abs(h.quantile(0.5) - 3) / 3).toBeLessThan(0.004);
    expect(h.quantile(0.2)).toBe(0);
    expect(h.quantile(1)).toBe(30);
    expect(h.max).toBe(30);
    expect(h.min).toBe(0);
  });

  it('puts tiny and negative rounding noise in the zero bucket', () => {
    const h = new WaitHistogram();
    h.add(-1e-15);
    h.add(5e-5);
    h.add(0);
    h.add(10);
    expect(h.quantile(0.75)).toBe(0);
    expect(h.quantile(1)).toBe(10);
    expect(h.min).toBe(-1e-15);
  });

  it('keeps the exact max above the top and clamps quantiles to it', () => {
    const h = new WaitHistogram({ high: 1e3 });
    h.add(5e3);
    h.add(2e4);
    h.add(1e5);
    expect(h.max).toBe(1e5);
    expect(h.quantile(1)).toBe(1e5);
    // Rank 1 falls in the top bucket, whose representative (≈1e3) is below the exact min.
    expect(h.quantile(0.3)).toBe(5e3);
    h.add(Number.POSITIVE_INFINITY);
    expect(h.max).toBe(Number.POSITIVE_INFINITY);
  });

  it('uses a fixed, small number of buckets', () => {
    const h = new WaitHistogram();
    expect(h.bucketCount).toBeGreaterThan(2800);
    expect(h.bucketCount).toBeLessThan(3000);
    for (let i = 0; i < 100_000; i++) h.add(i * 0.37);
    expect(h.bucketCount).toBeLessThan(3000);
  });

  it('is NaN when empty and rejects bad input', () => {
    const h = new WaitHistogram();
    expect(h.count).toBe(0);
    expect(h.quantile(0.5)).toBeNaN();
    expect(h.max).toBeNaN();
    expect(h.min).toBeNaN();
    expect(() => h.quantile(0)).toThrow(RangeError);
    expect(() => h.quantile(1.01)).toThrow(RangeError);
    expect(() => h.add(Number.NaN)).toThrow(RangeError);
    expect(() => new WaitHistogram({ low: 0 })).toThrow(RangeError);
    expect(() => new WaitHistogram({ low: 10, high: 1 })).toThrow(RangeError);
    expect(() => new WaitHistogram({ relativeAccuracy: 1 })).toThrow(RangeError);
  });

  it('reset forgets everything', () => {
    const h = new WaitHistogram();
    for (let i = 1; i <= 100; i++) h.add(i);
    h.reset();
    expect(h.count).toBe(0);
    h.add(2);
    expect(h.quantile(0.01)).toBe(2);
    expect(h.max).toBe(2);
  });

  it('after reset, a reused histogram answers exactly as a fresh one', () => {
    const wait = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e7, noNaN: true }));
    fc.assert(
      fc.property(fc.array(wait, { minLength: 1, maxLength: 60 }), fc.array(wait, { minLength: 1, maxLength: 60 }), (before, after) => {
        const reused = new WaitHistogram();
        for (const x of before) reused.add(x);
        reused.reset();
        const fresh = new WaitHistogram();
        for (const x of after) {
          reused.add(x);
          fresh.add(x);
        }
        for (const q of LEVELS) expect(reused.quantile(q)).toBe(fresh.quantile(q));
        // Stale counts would surface when the new waits are merged into an empty histogram.
        const merged = new WaitHistogram();
        merged.merge(reused);
        for (const q of LEVELS) expect(merged.quantile(q)).toBe(fresh.quantile(q));
      }),
    );
  });

  it('quantiles in one pass equal the quantiles asked one by one', () => {
    const wait = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e7, noNaN: true }));
    const level = fc.double({ min: 1e-6, max: 1, noNaN: true });
    fc.assert(
      fc.property(fc.array(wait, { maxLength: 80 }), fc.array(level, { minLength: 1, maxLength: 8 }), (xs, levels) => {
        const h = new WaitHistogram();
        for (const x of xs) h.add(x);
        const ascending = [...levels].sort((a, b) => a - b);
        const together = h.quantiles(ascending, new Float64Array(ascending.length));
        ascending.forEach((q, i) => expect(together[i]).toBe(h.quantile(q)));
      }),
    );
    expect(() => new WaitHistogram().quantiles([0.9, 0.5], [0, 0])).toThrow(RangeError);
  });

  it('merge equals adding everything to one histogram', () => {
    const u = uniform(9);
    const a = new WaitHistogram();
    const b = new WaitHistogram();
    const all = new WaitHistogram();
    for (let i = 0; i < 5000; i++) {
      const x = u() < 0.3 ? 0 : -4 * Math.log(1 - u());
      (i % 3 === 0 ? a : b).add(x);
      all.add(x);
    }
    a.merge(b);
    expect(a.count).toBe(all.count);
    expect(a.max).toBe(all.max);
    expect(a.min).toBe(all.min);
    for (const q of LEVELS) expect(a.quantile(q)).toBe(all.quantile(q));
    expect(() => a.merge(new WaitHistogram({ high: 10 }))).toThrow(RangeError);
  });
});
