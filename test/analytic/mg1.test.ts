import { describe, expect, it } from 'vitest';
import { mg1 } from '../../src/analytic/mg1.js';
import { mmc } from '../../src/analytic/erlang-c.js';

describe('mg1 (Pollaczek–Khinchine)', () => {
  it('M/D/1 at ρ = ½ waits half a service time', () => {
    for (const mean of [1, 4, 15]) {
      const r = mg1({ arrivalRate: 0.5 / mean, serviceMean: mean, serviceVariance: 0 });
      expect(r.utilization).toBeCloseTo(0.5, 15);
      expect(r.waitMean).toBeCloseTo(0.5 * mean, 14);
      expect(r.timeInSystemMean).toBeCloseTo(1.5 * mean, 14);
      expect(r.queueLengthMean).toBeCloseTo(0.25, 14);
    }
  });

  it('with exponential service is M/M/1', () => {
    for (const rho of [0.2, 0.5, 0.9]) {
      const mean = 3;
      const pk = mg1({ arrivalRate: rho / mean, serviceMean: mean, serviceVariance: mean * mean });
      const mm1 = mmc({ arrivalRate: rho / mean, serviceMean: mean, servers: 1 });
      expect(pk.waitMean).toBeCloseTo(mm1.waitMean, 12);
      expect(pk.queueLengthMean).toBeCloseTo(mm1.queueLengthMean, 12);
    }
  });

  it('M/D/1 waits half as long as M/M/1', () => {
    const d = mg1({ arrivalRate: 0.08, serviceMean: 10, serviceVariance: 0 });
    const m = mg1({ arrivalRate: 0.08, serviceMean: 10, serviceVariance: 100 });
    expect(d.waitMean).toBeCloseTo(m.waitMean / 2, 12);
    // Hand computation: λE[S²]/(2(1 − ρ)) = 0.08·100/(2·0.2) = 20.
    expect(d.waitMean).toBeCloseTo(20, 12);
  });

  it('reports no steady state at ρ ≥ 1', () => {
    const r = mg1({ arrivalRate: 0.1, serviceMean: 10, serviceVariance: 0 });
    expect(r.utilization).toBe(1);
    expect(r.waitMean).toBe(Number.POSITIVE_INFINITY);
    expect(r.timeInSystemMean).toBe(Number.POSITIVE_INFINITY);
  });

  it('rejects nonsense', () => {
    expect(() => mg1({ arrivalRate: 0.1, serviceMean: 1, serviceVariance: -1 })).toThrow(RangeError);
    expect(() => mg1({ arrivalRate: Number.NaN, serviceMean: 1, serviceVariance: 0 })).toThrow(RangeError);
  });
});
