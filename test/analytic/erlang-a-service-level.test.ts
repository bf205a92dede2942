/**
 * The service level of Erlang A (served within t; those who give up miss): its limits, and the
 * simulated M/M/c+M desk.
 */
import { describe, expect, it } from 'vitest';
import { erlangA } from '../../src/analytic/erlang-a.js';
import { erlangAServiceLevel } from '../../src/analytic/erlang-a-service-level.js';
import { mmc } from '../../src/analytic/erlang-c.js';
import { countersForServiceLevel, countersForTarget } from '../../src/analytic/staffing.js';
import { buildModel } from '../helpers/model.js';
import { replicate } from '../helpers/replicate.js';
import { expectInside } from '../validation/check.js';
import { TEST_SEED } from '../helpers/seed.js';

describe('erlangAServiceLevel', () => {
  it('is Erlang C without patience', () => {
    for (const [arrivalRate, serviceMean, servers, t] of [
      [1, 5, 7, 1],
      [2, 4, 10, 15],
      [0.5, 10, 6, 10],
    ]) {
      const expected = mmc({ arrivalRate, serviceMean, servers }).waitWithin(t);
      expect(erlangAServiceLevel({ arrivalRate, serviceMean, servers, patienceMean: Infinity }, t)).toBeCloseTo(expected, 10);
    }
  });

  it('at t = 0 is the share served at once, and for long t the share not abandoning', () => {
    const params = { arrivalRate: 1.2, serviceMean: 4, servers: 5, patienceMean: 6 };
    const a = erlangA(params);
    expect(erlangAServiceLevel(params, 0)).toBeCloseTo(1 - a.probWait, 12);
    expect(erlangAServiceLevel(params, 500)).toBeCloseTo(1 - a.abandonShare, 9);
    expect(erlangAServiceLevel(params, 2)).toBeLessThan(erlangAServiceLevel(params, 3));
  });

  it('agrees with the simulated M/M/c+M desk', () => {
    const params = { arrivalRate: 1.1, serviceMean: 4, servers: 4, patienceMean: 8 };
    const model = buildModel({
      perHour: params.arrivalRate * 60,
      types: [{ name: 'walkin', service: { dist: 'exponential', mean: 4 }, patience: { dist: 'exponential', mean: 8 } }],
      groups: [{ name: 'desk', staff: 4 }],
      horizon: 6_000,
      warmup: 400,
      waitTarget: 2,
    });
    expectInside('serviceLevel', replicate(model, 20, TEST_SEED).day('serviceLevel'), erlangAServiceLevel(params, 2));
  });
});

describe('countersForTarget', () => {
  it('is countersForServiceLevel without patience, and meets an abandonment bound with it', () => {
    const base = { arrivalRate: 1, serviceMean: 5, waitTarget: 1, serviceLevel: 0.8 };
    expect(countersForTarget({ ...base, patienceMean: Infinity })).toBe(countersForServiceLevel(base));
    const c = countersForTarget({ arrivalRate: 1, serviceMean: 5, waitTarget: 5, patienceMean: 5, maxAbandon: 0.075 });
    const share = (servers: number) => erlangA({ arrivalRate: 1, serviceMean: 5, servers, patienceMean: 5 }).abandonShare;
    expect(share(c)).toBeLessThanOrEqual(0.075);
    expect(share(c - 1)).toBeGreaterThan(0.075);
    expect(countersForTarget({ arrivalRate: 0, serviceMean: 5, waitTarget: 5, patienceMean: 5, maxAbandon: 0.05 })).toBe(0);
  });
});
