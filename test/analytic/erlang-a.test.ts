import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { erlangA } from '../../src/analytic/erlang-a.js';
import { mmc } from '../../src/analytic/erlang-c.js';

/**
 * An independent, naive solution of the same birth–death chain: plain products up to a fixed
 * truncation, no rescaling, for moderate parameters only.
 */
function bruteForce(lambda: number, serviceMean: number, c: number, patienceMean: number, states = 400) {
  const p: number[] = [1];
  for (let n = 1; n < states; n++) {
    p.push((p[n - 1] * lambda) / (Math.min(n, c) / serviceMean + Math.max(n - c, 0) / patienceMean));
  }
  const total = p.reduce((s, x) => s + x, 0);
  let busy = 0;
  let lq = 0;
  let wait = 0;
  for (let n = 0; n < states; n++) {
    busy += (Math.min(n, c) * p[n]) / total;
    lq += (Math.max(n - c, 0) * p[n]) / total;
    if (n >= c) wait += p[n] / total;
  }
  return { utilization: busy / c, queueLengthMean: lq, probWait: wait, abandonShare: lq / patienceMean / lambda };
}

describe('erlangA', () => {
  it('one counter, λ = μ = 1/θ = 1: the chain is Poisson(1), solved by hand', () => {
    // dₙ = n, so pₙ = e⁻¹/n!. Lq = E[n] − P(n ≥ 1) = e⁻¹; abandon share = Lq·(1/θ)/λ = e⁻¹.
    const r = erlangA({ arrivalRate: 1, serviceMean: 1, servers: 1, patienceMean: 1 });
    const e1 = Math.exp(-1);
    expect(r.probWait).toBeCloseTo(1 - e1, 14);
    expect(r.utilization).toBeCloseTo(1 - e1, 14);
    expect(r.queueLengthMean).toBeCloseTo(e1, 14);
    expect(r.abandonShare).toBeCloseTo(e1, 14);
    expect(r.waitMean).toBeCloseTo(e1, 14);
    // Served customers: with q waiting ahead, stage i has advance rate 1 + i and leave rate 1, so
    // P(served | q) = Π (i+1)/(i+2) = 1/(q+2) and E[W·1{served} | q] = (H_{q+2} − 1)/(q+2).
    let servedWait = 0;
    let factorial = 1;
    for (let n = 1; n < 40; n++) {
      factorial *= n;
      const q = n - 1;
      let harmonic = 0;
      for (let k = 1; k <= q + 2; k++) harmonic += 1 / k;
      servedWait += ((e1 / factorial) * (harmonic - 1)) / (q + 2);
    }
    expect(r.waitMeanServed).toBeCloseTo(servedWait / (1 - e1), 13);
  });

  it('agrees with a brute-force solution of the chain (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.double({ min: 0.1, max: 2, noNaN: true }), // offered load per counter
        fc.double({ min: 0.5, max: 10, noNaN: true }), // E[S]
        fc.double({ min: 0.5, max: 60, noNaN: true }), // θ
        (c, load, serviceMean, patienceMean) => {
          const lambda = (load * c) / serviceMean;
          const r = erlangA({ arrivalRate: lambda, serviceMean, servers: c, patienceMean });
          const ref = bruteForce(lambda, serviceMean, c, patienceMean, 2000);
          expect(r.utilization).toBeCloseTo(ref.utilization, 10);
          expect(r.probWait).toBeCloseTo(ref.probWait, 10);
          expect(r.abandonShare).toBeCloseTo(ref.abandonShare, 10);
          expect(Math.abs(r.queueLengthMean - ref.queueLengthMean)).toBeLessThan(1e-9 * Math.max(1, ref.queueLengthMean));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is internally consistent: flow balance and the split of the mean wait (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: 0.05, max: 3, noNaN: true }),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.double({ min: 0.2, max: 100, noNaN: true }),
        (c, load, serviceMean, patienceMean) => {
          const lambda = (load * c) / serviceMean;
          const r = erlangA({ arrivalRate: lambda, serviceMean, servers: c, patienceMean });
          // Served rate = busy counters / E[S] = λ·(1 − abandon share).
          expect((r.utilization * c) / serviceMean).toBeCloseTo(lambda * (1 - r.abandonShare), 9);
          // The mean wait of all arrivals (Little) splits into served and abandoned, computed apart.
          if (r.abandonShare > 1e-12) {
            const split = (1 - r.abandonShare) * r.waitMeanServed + r.abandonShare * r.waitMeanAbandoned;
            expect(Math.abs(split - r.waitMean)).toBeLessThan(1e-9 * Math.max(1, r.waitMean));
          }
          expect(r.utilization).toBeLessThanOrEqual(1);
          expect(r.abandonShare).toBeGreaterThanOrEqual(0);
          expect(r.abandonShare).toBeLessThan(1);
          expect(r.waitMeanServed).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('approaches Erlang C as patience grows', () => {
    for (const [c, lambda, serviceMean] of [
      [1, 0.9, 1],
      [3, 2, 1],
      [10, 0.5, 15],
    ]) {
      const ec = mmc({ arrivalRate: lambda, serviceMean, servers: c });
      let previous = Number.POSITIVE_INFINITY;
      for (const theta of [1e3, 1e5, 1e7]) {
        const ea = erlangA({ arrivalRate: lambda, serviceMean, servers: c, patienceMean: theta });
        const gap = Math.abs(ea.waitMean - ec.waitMean);
        expect(gap).toBeLessThan(previous);
        previous = gap;
      }
      const far = erlangA({ arrivalRate: lambda, serviceMean, servers: c, patienceMean: 1e9 });
      expect(far.probWait).toBeCloseTo(ec.probWait, 6);
      expect(far.waitMean).toBeCloseTo(ec.waitMean, 5);
      expect(far.waitMeanServed).toBeCloseTo(ec.waitMean, 5);
      expect(far.abandonShare).toBeLessThan(1e-6);
      const infinite = erlangA({ arrivalRate: lambda, serviceMean, servers: c, patienceMean: Number.POSITIVE_INFINITY });
      expect(infinite.probWait).toBeCloseTo(ec.probWait, 12);
      expect(infinite.waitMean).toBeCloseTo(ec.waitMean, 10);
      expect(infinite.waitMeanServed).toBeCloseTo(ec.waitMean, 10);
      expect(infinite.utilization).toBeCloseTo(ec.utilization, 12);
      expect(infinite.abandonShare).toBe(0);
    }
  });

  it('has a steady state when overloaded, with abandonment taking the excess', () => {
    // 12 counters, 15 customers' worth of work: at least 3/15 of customers must leave, and with
    // patience (5 min) short against service (10 min) some leave even while a counter is about to free.
    const r = erlangA({ arrivalRate: 1.5, serviceMean: 10, servers: 12, patienceMean: 5 });
    expect(r.abandonShare).toBeGreaterThan(0.2);
    expect(r.utilization).toBeGreaterThan(0.9);
    const patient = erlangA({ arrivalRate: 1.5, serviceMean: 10, servers: 12, patienceMean: 500 });
    expect(patient.utilization).toBeGreaterThan(0.999);
    expect(patient.abandonShare).toBeCloseTo(0.2, 2);
    expect(r.utilization).toBeLessThan(1);
    expect(Number.isFinite(r.waitMean)).toBe(true);
  });

  it('handles a large hall without overflow', () => {
    const r = erlangA({ arrivalRate: 50, serviceMean: 10, servers: 500, patienceMean: 20 });
    expect(Number.isFinite(r.waitMean)).toBe(true);
    expect(r.utilization).toBeGreaterThan(0.9);
    expect(r.utilization).toBeLessThanOrEqual(1);
    const served = (r.utilization * 500) / 10;
    expect(served).toBeCloseTo(50 * (1 - r.abandonShare), 8);
  });

  it('reports no steady state without abandonment at A ≥ c, and an empty hall', () => {
    const r = erlangA({ arrivalRate: 1, serviceMean: 2, servers: 2, patienceMean: Number.POSITIVE_INFINITY });
    expect(r.waitMean).toBe(Number.POSITIVE_INFINITY);
    expect(r.probWait).toBe(1);
    const empty = erlangA({ arrivalRate: 0, serviceMean: 2, servers: 2, patienceMean: 3 });
    expect(empty.waitMean).toBe(0);
    expect(empty.utilization).toBe(0);
  });

  it('rejects nonsense', () => {
    expect(() => erlangA({ arrivalRate: 1, serviceMean: 1, servers: 1, patienceMean: 0 })).toThrow(RangeError);
    expect(() => erlangA({ arrivalRate: 1, serviceMean: 1, servers: 1.5, patienceMean: 1 })).toThrow(RangeError);
  });
});
