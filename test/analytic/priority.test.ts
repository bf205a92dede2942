import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { priorityMg1 } from '../../src/analytic/priority.js';
import { mg1 } from '../../src/analytic/mg1.js';

describe('priorityMg1 (Cobham)', () => {
  it('reduces to Pollaczek–Khinchine with one class', () => {
    for (const k of [
      { arrivalRate: 0.5, serviceMean: 1, serviceVariance: 0 },
      { arrivalRate: 0.05, serviceMean: 15, serviceVariance: 225 },
      { arrivalRate: 0.2, serviceMean: 4, serviceVariance: 3 },
    ]) {
      const r = priorityMg1([k]);
      expect(r.waitMean[0]).toBeCloseTo(mg1(k).waitMean, 12);
      expect(r.waitMeanAll).toBeCloseTo(mg1(k).waitMean, 12);
      expect(r.utilization).toBeCloseTo(mg1(k).utilization, 15);
    }
  });

  it('follows the example of its doc comment (hand computation)', () => {
    // W0 = (0.2·2 + 0.5·2)/2 = 0.7; σ0 = 0.2, σ1 = 0.7.
    const r = priorityMg1([
      { arrivalRate: 0.2, serviceMean: 1, serviceVariance: 1 },
      { arrivalRate: 0.5, serviceMean: 1, serviceVariance: 1 },
    ]);
    expect(r.waitMean[0]).toBeCloseTo(0.7 / 0.8, 14);
    expect(r.waitMean[1]).toBeCloseTo(0.7 / (0.8 * 0.3), 14);
    expect(r.timeInSystemMean[1]).toBeCloseTo(0.7 / (0.8 * 0.3) + 1, 14);
  });

  it('obeys Kleinrock’s conservation law: Σ ρₖ Wₖ = ρ · W(FIFO) (fast-check)', () => {
    const cls = fc.record({
      arrivalRate: fc.double({ min: 0.001, max: 0.3, noNaN: true }),
      serviceMean: fc.double({ min: 0.1, max: 3, noNaN: true }),
      serviceVariance: fc.double({ min: 0, max: 5, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(cls, { minLength: 1, maxLength: 6 }), (classes) => {
        const r = priorityMg1(classes);
        fc.pre(r.utilization < 0.95);
        const w0 = classes.reduce((s, k) => s + (k.arrivalRate * (k.serviceVariance + k.serviceMean ** 2)) / 2, 0);
        const fifo = w0 / (1 - r.utilization);
        const weighted = classes.reduce((s, k, i) => s + k.arrivalRate * k.serviceMean * r.waitMean[i], 0);
        expect(weighted).toBeCloseTo(r.utilization * fifo, 10);
        // Higher classes never wait longer.
        for (let i = 1; i < classes.length; i++) expect(r.waitMean[i]).toBeGreaterThanOrEqual(r.waitMean[i - 1]);
      }),
    );
  });

  it('with identical exponential classes, the arrival-weighted mean is the FIFO M/M/1 wait', () => {
    const k = { arrivalRate: 0.25, serviceMean: 1, serviceVariance: 1 };
    const r = priorityMg1([k, k, k]);
    expect(r.waitMeanAll).toBeCloseTo(0.75 / 0.25, 12);
  });

  it('keeps the urgent class stable when the counter is overloaded', () => {
    // Urgent: λ = 0.5, exponential mean 1. Normal: λ = 1 (saturating). The counter is always busy
    // and exponential service leaves a mean residual of 1, so the urgent wait is 1 / (1 − 0.5) = 2.
    const r = priorityMg1([
      { arrivalRate: 0.5, serviceMean: 1, serviceVariance: 1 },
      { arrivalRate: 1, serviceMean: 1, serviceVariance: 1 },
    ]);
    expect(r.utilization).toBe(1.5);
    expect(r.waitMean[0]).toBeCloseTo(2, 14);
    expect(r.waitMean[1]).toBe(Number.POSITIVE_INFINITY);
    expect(r.waitMeanAll).toBe(Number.POSITIVE_INFINITY);
  });

  it('rejects nonsense', () => {
    expect(() => priorityMg1([])).toThrow(RangeError);
    expect(() => priorityMg1([{ arrivalRate: 1, serviceMean: -1, serviceVariance: 0 }])).toThrow(RangeError);
  });
});
