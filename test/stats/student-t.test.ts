import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gammaln } from 'simple-statistics';
import { studentTQuantile } from '../../src/stats/student-t-quantile.js';
import { studentTCdf, studentTDensity } from '../../src/stats/student-t-cdf.js';
import { normalCdf } from '../../src/core/normal-cdf.js';
import { normalQuantile } from '../../src/core/normal-quantile.js';
import { regularizedIncompleteBeta } from '../../src/stats/incomplete-beta.js';
import { logBeta } from '../../src/stats/log-beta.js';

// Reference values from R's qt()/pt() (identical to SciPy's stats.t), to all printed digits.
const T_QUANTILES: [p: number, df: number, t: number][] = [
  [0.975, 1, 12.706204736174694],
  [0.975, 2, 4.302652729749462],
  [0.975, 3, 3.1824463052837078],
  [0.975, 4, 2.7764451051977934],
  [0.975, 5, 2.5705818356363146],
  [0.975, 9, 2.262157162798205],
  [0.975, 29, 2.045229642132703],
  [0.975, 99, 1.9842169515864174],
  [0.975, 1000, 1.9623390808264083],
  [0.95, 10, 1.8124611228116756],
  [0.995, 2, 9.924843200918287],
  [0.9, 3, 1.637744353696209],
  [0.999, 7, 4.785289628638333],
  [0.6, 15, 0.25788530093726125],
  [0.975, 2.5, 3.5746548420036817],
  [0.99, 12345, 2.3266499832035423],
  [0.975, 1e6, 1.959966356814107],
];

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('studentTQuantile', () => {
  it('matches the values the brief fixes, to 1e-9', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706204736, 9);
    expect(studentTQuantile(0.975, 4)).toBeCloseTo(2.776445105, 9);
    expect(studentTQuantile(0.975, 29)).toBeCloseTo(2.045229642, 9);
    expect(studentTQuantile(0.975, 1000)).toBeCloseTo(1.962339081, 9);
  });

  it('matches reference tables to 1e-11 relative', () => {
    for (const [p, df, t] of T_QUANTILES) {
      expect(rel(studentTQuantile(p, df), t), `t(${p}, ${df})`).toBeLessThan(1e-11);
      expect(rel(studentTQuantile(1 - p, df), -t), `t(${1 - p}, ${df})`).toBeLessThan(1e-11);
    }
  });

  it('agrees with the closed forms for df = 1 and df = 2 (away from the shortcut)', () => {
    // df = 1 and 2 take closed forms inside; df just off them goes through the general path.
    for (const p of [0.55, 0.75, 0.9, 0.975, 0.999]) {
      const cauchy = Math.tan(Math.PI * (p - 0.5));
      const two = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
      expect(rel(studentTQuantile(p, 1), cauchy)).toBeLessThan(1e-12);
      expect(rel(studentTQuantile(p, 2), two)).toBeLessThan(1e-12);
      expect(rel(studentTQuantile(p, 1 + 1e-9), cauchy)).toBeLessThan(1e-7);
      expect(rel(studentTQuantile(p, 2 + 1e-9), two)).toBeLessThan(1e-7);
    }
  });

  it('is continuous across the switch to the large-df expansion', () => {
    for (const p of [0.6, 0.975, 0.9999]) {
      expect(rel(studentTQuantile(p, 1e5), studentTQuantile(p, 1e5 + 1e-6))).toBeLessThan(1e-12);
    }
  });

  it('tends to the normal quantile', () => {
    expect(studentTQuantile(0.975, Number.POSITIVE_INFINITY)).toBe(normalQuantile(0.975));
    // At 1e12 degrees of freedom t still exceeds z by (z³ + z)/(4 df) ≈ 1.2e-12 relative.
    expect(rel(studentTQuantile(0.975, 1e12), 1.9599639845424262)).toBeLessThan(1e-14);
  });

  it('inverts the distribution function (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.oneof(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0.3, max: 5000, noNaN: true })),
        (p, df) => {
          const t = studentTQuantile(p, df);
          const back = studentTCdf(t, df);
          // Compare the smaller tail, where the relative error is meaningful.
          const want = Math.min(p, 1 - p);
          const got = Math.min(back, 1 - back);
          expect(Math.abs(got - want) / want).toBeLessThan(1e-9);
          expect(Math.sign(t)).toBe(p === 0.5 ? 0 : Math.sign(p - 0.5));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('handles the ends of its domain', () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0, 7)).toBe(Number.NEGATIVE_INFINITY);
    expect(studentTQuantile(1, 7)).toBe(Number.POSITIVE_INFINITY);
    expect(() => studentTQuantile(1.2, 7)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, Number.NaN)).toThrow(RangeError);
    // Far tails stay finite and consistent.
    const far = studentTQuantile(1e-12, 3);
    expect(rel(studentTCdf(far, 3), 1e-12)).toBeLessThan(1e-9);
  });
});

describe('studentTCdf and studentTDensity', () => {
  it('match reference values in the lower tail', () => {
    const cases: [number, number, number][] = [
      [-2, 3, 0.06966298427942152],
      [-1, 10, 0.17044656615103],
      [-4, 29, 0.00020003197282624587],
      [-6, 5, 0.0009230691447970072],
      [-1.5, 0.7, 0.22018254850962013],
    ];
    for (const [t, df, p] of cases) {
      expect(rel(studentTCdf(t, df), p)).toBeLessThan(1e-12);
      expect(studentTCdf(-t, df)).toBeCloseTo(1 - p, 14);
    }
    expect(studentTCdf(0, 3)).toBe(0.5);
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 14);
  });

  it('density integrates to the distribution function', () => {
    // Simpson's rule on [−2, 1.5] for df = 4 against the cdf difference.
    const df = 4;
    const a = -2;
    const b = 1.5;
    const n = 2000;
    const h = (b - a) / n;
    let s = studentTDensity(a, df) + studentTDensity(b, df);
    for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * studentTDensity(a + i * h, df);
    expect((s * h) / 3).toBeCloseTo(studentTCdf(b, df) - studentTCdf(a, df), 12);
    expect(studentTDensity(0, 1)).toBeCloseTo(1 / Math.PI, 14);
  });

  it('uses the normal expansion beyond 1e7 degrees of freedom, continuously', () => {
    // Just below the switch the beta form is good to about 1e-10 relative; that is the jump.
    for (const t of [-6, -2, -0.5, 1, 3]) {
      expect(rel(studentTCdf(t, 1e7 + 1), studentTCdf(t, 1e7))).toBeLessThan(1e-9);
      expect(Math.abs(studentTCdf(t, Number.POSITIVE_INFINITY) - normalCdf(t))).toBeLessThan(1e-15);
    }
  });
});

describe('normalCdf and normalQuantile', () => {
  it('match reference values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(rel(normalQuantile(1e-10), -6.361340902404056)).toBeLessThan(1e-14);
    expect(rel(normalCdf(-3), 0.0013498980316300933)).toBeLessThan(1e-14);
    expect(rel(normalCdf(-8), 6.22096057427174e-16)).toBeLessThan(1e-13);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalQuantile(0.5)).toBe(0);
    expect(rel(normalQuantile(1e-300), -37.0470962993612)).toBeLessThan(1e-13);
  });

  it('are inverse to each other (fast-check)', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (z) => {
        // Nearer 0 the problem itself is ill-conditioned: p ≈ ½ has no digits left for z.
        fc.pre(Math.abs(z) > 0.01);
        const p = normalCdf(-Math.abs(z));
        expect(rel(normalQuantile(p), -Math.abs(z))).toBeLessThan(1e-11);
      }),
    );
  });
});

describe('regularizedIncompleteBeta and logBeta', () => {
  it('match closed forms', () => {
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(regularizedIncompleteBeta(0.5, 2, 2)).toBeCloseTo(0.5, 14);
    expect(regularizedIncompleteBeta(0.25, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(0.5), 14);
    expect(regularizedIncompleteBeta(0.2, 3, 1)).toBeCloseTo(0.2 ** 3, 14);
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });

  it('matches the binomial tail: I_p(k, n−k+1) = P(Bin(n, p) ≥ k)', () => {
    const n = 20;
    const p = 0.35;
    let tail = 0;
    for (let k = n; k >= 1; k--) {
      tail += Math.exp(gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1) + k * Math.log(p) + (n - k) * Math.log(1 - p));
      expect(regularizedIncompleteBeta(p, k, n - k + 1)).toBeCloseTo(tail, 13);
    }
  });

  it('matches reference values', () => {
    expect(rel(regularizedIncompleteBeta(0.4, 2.5, 3.5), 0.4869041915261176)).toBeLessThan(1e-13);
    expect(rel(regularizedIncompleteBeta(0.3, 10, 20), 0.3640040810719437)).toBeLessThan(1e-13);
    expect(rel(regularizedIncompleteBeta(0.41, 200, 300), 0.677628164772179)).toBeLessThan(1e-12);
  });

  it('logBeta matches ln of Γ ratios, also for huge arguments', () => {
    expect(logBeta(1, 1)).toBeCloseTo(0, 14);
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
    expect(logBeta(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 14);
    // ln B(5e11, ½) to 20 digits (mpmath); naive gammaln differences lose ~6 of them here.
    expect(rel(logBeta(5e11, 0.5), -12.896572024759351362)).toBeLessThan(1e-14);
    // Both large: symmetric, and consistent with the small-argument path across the switch at 10.
    expect(logBeta(30, 40)).toBeCloseTo(gammaln(30) + gammaln(40) - gammaln(70), 11);
    expect(logBeta(12, 3)).toBeCloseTo(gammaln(12) + gammaln(3) - gammaln(15), 12);
    expect(logBeta(40, 30)).toBe(logBeta(30, 40));
    expect(() => logBeta(0, 1)).toThrow(RangeError);
  });
});
