import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { halfWidth, studentTQuantile, summarize } from '../../src/stats/summary.js';

describe('summarize', () => {
  it('matches a hand computation', () => {
    // [1..5]: mean 3, sample variance 10/4 = 2.5, t(0.975, 4) = 2.7764451051977934.
    const s = summarize([1, 2, 3, 4, 5]);
    expect(s.mean).toBe(3);
    expect(s.sd).toBeCloseTo(Math.sqrt(2.5), 15);
    const half = (2.7764451051977934 * Math.sqrt(2.5)) / Math.sqrt(5);
    expect(s.ci95![0]).toBeCloseTo(3 - half, 12);
    expect(s.ci95![1]).toBeCloseTo(3 + half, 12);
    expect(halfWidth(s)).toBeCloseTo(half, 12);
  });

  it('uses the t multiplier of n − 1 degrees of freedom', () => {
    // 30 replications alternating 9 and 11: mean 10, sd √(30/29).
    const values = Array.from({ length: 30 }, (_, i) => (i % 2 ? 11 : 9));
    const s = summarize(values);
    expect(s.mean).toBe(10);
    expect(s.sd).toBeCloseTo(Math.sqrt(30 / 29), 14);
    expect(halfWidth(s)).toBeCloseTo((2.045229642132703 * Math.sqrt(30 / 29)) / Math.sqrt(30), 12);
    // Two values: t(0.975, 1) = 12.706…
    const two = summarize([4, 6]);
    expect(halfWidth(two)).toBeCloseTo((12.706204736174694 * Math.SQRT2) / Math.SQRT2, 11);
  });

  it('has no spread for one value: sd and ci95 null, not 0 and a point', () => {
    expect(summarize([42])).toEqual({ mean: 42, sd: null, ci95: null });
    expect(halfWidth(summarize([42]))).toBeNaN();
  });

  it('gives a zero-width interval when all values are equal', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((v) => v + 0 /* no −0 */), fc.integer({ min: 2, max: 50 }), (v, n) => {
        const s = summarize(new Array<number>(n).fill(v));
        expect(s.mean).toBe(v);
        expect(s.sd).toBe(0);
        expect(s.ci95).toEqual([v, v]);
        expect(halfWidth(s)).toBe(0);
      }),
    );
    const s = summarize([0.1, 0.1, 0.1]);
    expect(s.ci95).toEqual([0.1, 0.1]);
  });

  it('accepts typed arrays', () => {
    expect(summarize(new Float64Array([1, 2, 3, 4, 5]))).toEqual(summarize([1, 2, 3, 4, 5]));
  });

  it('is NaN for no values, without spread', () => {
    const s = summarize([]);
    expect(s.mean).toBeNaN();
    expect(s.sd).toBeNull();
    expect(s.ci95).toBeNull();
  });

  it('contains the mean, symmetrically (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 100 }), (xs) => {
        const s = summarize(xs);
        expect(s.ci95![0]).toBeLessThanOrEqual(s.mean);
        expect(s.ci95![1]).toBeGreaterThanOrEqual(s.mean);
        const half = (studentTQuantile(0.975, xs.length - 1) * s.sd!) / Math.sqrt(xs.length);
        expect(Math.abs(halfWidth(s) - half)).toBeLessThanOrEqual(1e-9 * Math.max(1, half));
      }),
    );
  });
});
