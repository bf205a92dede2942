import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { erlangB } from '../../src/analytic/erlang-b.js';
import { erlangC, mmc } from '../../src/analytic/erlang-c.js';

function factorial(k: number): number {
  let f = 1;
  for (let i = 2; i <= k; i++) f *= i;
  return f;
}

/** Textbook closed forms with factorials, fine for small c (Gross & Harris §2.3). */
function closedForm(c: number, lambda: number, mu: number) {
  const a = lambda / mu;
  const rho = a / c;
  let sum = 0;
  for (let k = 0; k < c; k++) sum += a ** k / factorial(k);
  const last = a ** c / (factorial(c) * (1 - rho));
  const p0 = 1 / (sum + last);
  const probWait = last * p0;
  const lq = (p0 * a ** c * rho) / (factorial(c) * (1 - rho) ** 2);
  const erlangBClosed = a ** c / factorial(c) / (sum + a ** c / factorial(c));
  return { probWait, lq, wq: lq / lambda, erlangBClosed };
}

describe('erlangB', () => {
  it('matches the closed form for small c', () => {
    expect(erlangB(1, 1)).toBe(0.5);
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 15);
    for (let c = 1; c <= 12; c++) {
      for (const a of [0.1, 1, 3.7, 10]) {
        expect(erlangB(c, a)).toBeCloseTo(closedForm(c, a, 1).erlangBClosed, 13);
      }
    }
  });

  it('stays accurate where factorials overflow', () => {
    // References computed with 40-digit arithmetic (mpmath).
    expect(erlangB(100, 80)).toBeCloseTo(0.0039920286045531975, 15);
    expect(erlangB(1000, 950)).toBeCloseTo(0.0036492936889424099, 14);
    expect(erlangC(1000, 950)).toBeCloseTo(0.068253415377141424, 13);
    expect(erlangC(50, 45)).toBeCloseTo(0.36386446720698839, 14);
  });

  it('rejects nonsense', () => {
    expect(() => erlangB(0, 1)).toThrow(RangeError);
    expect(() => erlangB(2.5, 1)).toThrow(RangeError);
    expect(() => erlangB(2, -1)).toThrow(RangeError);
    expect(erlangB(3, 0)).toBe(0);
  });
});

describe('erlangC', () => {
  it('Erlang C with c = 2, A = 1 is 1/3', () => {
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 15);
  });

  it('is ρ for one counter', () => {
    for (const rho of [0.1, 0.5, 0.9, 0.99]) expect(erlangC(1, rho)).toBeCloseTo(rho, 15);
  });

  it('is 1 at or beyond capacity', () => {
    expect(erlangC(3, 3)).toBe(1);
    expect(erlangC(3, 4)).toBe(1);
  });
});

describe('mmc', () => {
  it('M/M/1 with λ = 0.9, μ = 1 waits 9 minutes', () => {
    const r = mmc({ arrivalRate: 0.9, serviceMean: 1, servers: 1 });
    expect(r.waitMean).toBeCloseTo(9, 12);
    expect(r.queueLengthMean).toBeCloseTo(8.1, 12);
    expect(r.timeInSystemMean).toBeCloseTo(10, 12);
    expect(r.utilization).toBeCloseTo(0.9, 15);
    expect(r.probWait).toBeCloseTo(0.9, 15);
    expect(r.waitWithin(5)).toBeCloseTo(1 - 0.9 * Math.exp(-0.5), 14);
  });

  it('c = 3, λ = 2/min, E[S] = 1 min: P0 = 1/9, C = 4/9, Wq = 4/9 min (by hand)', () => {
    const r = mmc({ arrivalRate: 2, serviceMean: 1, servers: 3 });
    expect(r.probWait).toBeCloseTo(4 / 9, 14);
    expect(r.waitMean).toBeCloseTo(4 / 9, 14);
    expect(r.queueLengthMean).toBeCloseTo(8 / 9, 14);
    expect(r.utilization).toBeCloseTo(2 / 3, 15);
    expect(r.offeredLoad).toBe(2);
  });

  it('matches the factorial closed form for random small desks (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.double({ min: 0.01, max: 0.98, noNaN: true }),
        fc.double({ min: 0.1, max: 30, noNaN: true }),
        (c, rho, serviceMean) => {
          const lambda = (rho * c) / serviceMean;
          const r = mmc({ arrivalRate: lambda, serviceMean, servers: c });
          const ref = closedForm(c, lambda, 1 / serviceMean);
          expect(r.probWait).toBeCloseTo(ref.probWait, 10);
          expect(Math.abs(r.waitMean - ref.wq)).toBeLessThanOrEqual(1e-9 * Math.max(1, ref.wq));
          expect(Math.abs(r.queueLengthMean - ref.lq)).toBeLessThanOrEqual(1e-9 * Math.max(1, ref.lq));
        },
      ),
    );
  });

  it('waitWithin is a distribution function that starts at 1 − C', () => {
    const r = mmc({ arrivalRate: 7, serviceMean: 1, servers: 8 });
    expect(r.waitWithin(0)).toBeCloseTo(1 - r.probWait, 15);
    expect(r.waitWithin(-1)).toBe(0);
    expect(r.waitWithin(1e6)).toBe(1);
    // Its mean, ∫ (1 − F), is the mean wait: C / (c − A) · E[S] with drain rate (c − A)/E[S].
    let integral = 0;
    const h = 0.001;
    for (let t = 0; t < 40; t += h) integral += (1 - r.waitWithin(t + h / 2)) * h;
    expect(integral).toBeCloseTo(r.waitMean, 6);
  });

  it('reports no steady state when A ≥ c', () => {
    const r = mmc({ arrivalRate: 1, serviceMean: 3, servers: 3 });
    expect(r.waitMean).toBe(Number.POSITIVE_INFINITY);
    expect(r.queueLengthMean).toBe(Number.POSITIVE_INFINITY);
    expect(r.timeInSystemMean).toBe(Number.POSITIVE_INFINITY);
    expect(r.probWait).toBe(1);
    expect(r.utilization).toBe(1);
    expect(r.waitWithin(100)).toBe(0);
  });

  it('an empty hall never waits', () => {
    const r = mmc({ arrivalRate: 0, serviceMean: 5, servers: 2 });
    expect(r.waitMean).toBe(0);
    expect(r.probWait).toBe(0);
    expect(r.waitWithin(0)).toBe(1);
  });

  it('rejects nonsense', () => {
    expect(() => mmc({ arrivalRate: -1, serviceMean: 1, servers: 1 })).toThrow(RangeError);
    expect(() => mmc({ arrivalRate: 1, serviceMean: 0, servers: 1 })).toThrow(RangeError);
    expect(() => mmc({ arrivalRate: 1, serviceMean: 1, servers: 0 })).toThrow(RangeError);
  });
});
