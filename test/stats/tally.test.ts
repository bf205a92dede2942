import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Tally } from '../../src/stats/tally.js';

/** The textbook two-pass computation the streaming one must agree with. */
function twoPass(xs: number[]) {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const variance = n < 2 ? 0 : xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  return { mean, variance, min: Math.min(...xs), max: Math.max(...xs) };
}

const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 });

describe('Tally', () => {
  it('agrees with a two-pass computation', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const t = new Tally();
        for (const x of xs) t.add(x);
        const ref = twoPass(xs);
        expect(t.count).toBe(xs.length);
        expect(t.mean).toBeCloseTo(ref.mean, 6);
        expect(Math.abs(t.variance - ref.variance)).toBeLessThanOrEqual(1e-9 * Math.max(1, ref.variance));
        expect(t.sd).toBeCloseTo(Math.sqrt(ref.variance), 6);
        expect(t.min).toBe(ref.min);
        expect(t.max).toBe(ref.max);
      }),
    );
  });

  it('keeps the digits of a large mean with a small spread', () => {
    const t = new Tally();
    for (const x of [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]) t.add(x);
    expect(t.mean).toBe(1e9 + 10);
    expect(t.variance).toBe(30);
  });

  it('gives exactly zero variance for equal values', () => {
    const t = new Tally();
    for (let i = 0; i < 1000; i++) t.add(0.1);
    expect(t.mean).toBe(0.1);
    expect(t.variance).toBe(0);
  });

  it('is NaN when empty, and has variance 0 with one observation', () => {
    const t = new Tally();
    expect(t.count).toBe(0);
    expect(t.mean).toBeNaN();
    expect(t.variance).toBeNaN();
    expect(t.min).toBeNaN();
    expect(t.max).toBeNaN();
    expect(t.sum).toBe(0);
    t.add(7);
    expect(t.mean).toBe(7);
    expect(t.variance).toBe(0);
    expect(t.sd).toBe(0);
    expect(t.sum).toBe(7);
  });

  it('follows the example of its doc comment', () => {
    const t = new Tally();
    t.add(2);
    t.add(4);
    t.add(9);
    expect(t.mean).toBe(5);
    expect(t.variance).toBe(13);
    expect(t.max).toBe(9);
    expect(t.min).toBe(2);
  });

  it('reset forgets everything', () => {
    const t = new Tally();
    t.add(100);
    t.add(200);
    t.reset();
    t.add(1);
    t.add(3);
    expect(t.count).toBe(2);
    expect(t.mean).toBe(2);
    expect(t.min).toBe(1);
    expect(t.max).toBe(3);
  });

  it('merge equals adding everything to one tally', () => {
    fc.assert(
      fc.property(values, values, (xs, ys) => {
        const a = new Tally();
        const b = new Tally();
        const all = new Tally();
        for (const x of xs) {
          a.add(x);
          all.add(x);
        }
        for (const y of ys) {
          b.add(y);
          all.add(y);
        }
        a.merge(b);
        expect(a.count).toBe(all.count);
        expect(a.mean).toBeCloseTo(all.mean, 6);
        expect(Math.abs(a.variance - all.variance)).toBeLessThanOrEqual(1e-9 * Math.max(1, all.variance));
        expect(a.min).toBe(all.min);
        expect(a.max).toBe(all.max);
      }),
    );
  });

  it('merging with empty tallies changes nothing', () => {
    const a = new Tally();
    const empty = new Tally();
    a.merge(empty);
    expect(a.count).toBe(0);
    empty.add(5);
    a.merge(empty);
    expect(a.mean).toBe(5);
    expect(a.count).toBe(1);
  });
});
