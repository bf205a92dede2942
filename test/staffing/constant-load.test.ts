/**
 * Constant load: arrivals and service the same all day, the first two hours a warm-up (staffed
 * with the Erlang answer, as the search leaves warm-up periods). Every steady hour then needs the stationary answer, Erlang C for a service level and Erlang A for an
 * abandonment target, in cases chosen (with the analytic module, asserted below) so that one
 * counter fewer is clearly below the target and the answer clearly meets it: a single hour one
 * counter short, starting from the steady state of the answer, must still miss.
 */
import { describe, expect, it } from 'vitest';
import { erlangA } from '../../src/analytic/erlang-a.js';
import { mmc } from '../../src/analytic/erlang-c.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { staff } from '../../src/staffing/staff.js';
import { TEST_SEED } from '../helpers/seed.js';

interface Case {
  perHour: number;
  service: number;
  waitTarget: number;
  patience?: number;
  serviceLevel?: number;
  maxAbandon?: number;
}

function scenario(c: Case): string {
  const patience = c.patience ? `, patience: { dist: exponential, mean: ${c.patience} }` : '';
  const target = c.serviceLevel !== undefined ? `serviceLevel: ${c.serviceLevel}` : `maxAbandon: ${c.maxAbandon}`;
  return `name: constant load
horizon: 360
warmup: 120
replications: 20
seed: ${TEST_SEED}
waitTarget: ${c.waitTarget}
arrivals: { perHour: ${c.perHour} }
types:
  visit: { service: { dist: exponential, mean: ${c.service} }${patience} }
counters:
  desk: { staff: 1, serves: [visit] }
staffing: { ${target}, min: 1 }
`;
}

async function requiredAndErlang(c: Case) {
  const result = await staff(parseScenarioText(scenario(c), 'constant.yaml'));
  expect(result.periods.map((p) => p.clock)).toEqual(['02:00', '03:00', '04:00', '05:00']);
  // The last hour is not steady: nobody arrives after it, so its customers meet a shorter line
  // than the formula's; the three hours before it are.
  return result.periods.slice(0, 3).map((p) => [p.required.desk, p.erlang.desk]);
}

describe('constant load: the search agrees with the stationary formula in every steady hour', () => {
  const erlangC: [Case, number][] = [
    [{ perHour: 60, service: 5, waitTarget: 1, serviceLevel: 0.65 }, 7],
    [{ perHour: 30, service: 4, waitTarget: 2, serviceLevel: 0.84 }, 4],
    [{ perHour: 100, service: 3, waitTarget: 1, serviceLevel: 0.72 }, 7],
  ];
  it.each(erlangC)('Erlang C, %o: %i counters', async (c, counters) => {
    const level = (servers: number) => mmc({ arrivalRate: c.perHour / 60, serviceMean: c.service, servers }).waitWithin(c.waitTarget);
    // The case is clear-cut: the answer meets the target by 5 points, one fewer misses it by 10.
    expect(level(counters)).toBeGreaterThan(c.serviceLevel! + 0.05);
    expect(level(counters - 1)).toBeLessThan(c.serviceLevel! - 0.1);
    expect(await requiredAndErlang(c)).toEqual(Array(3).fill([counters, counters]));
  });

  const erlangAbandon: [Case, number][] = [
    [{ perHour: 30, service: 8, waitTarget: 5, patience: 4, maxAbandon: 0.09 }, 6],
    [{ perHour: 120, service: 3, waitTarget: 5, patience: 3, maxAbandon: 0.07 }, 8],
  ];
  it.each(erlangAbandon)('Erlang A with an abandonment target, %o: %i counters', async (c, counters) => {
    const abandon = (servers: number) =>
      erlangA({ arrivalRate: c.perHour / 60, serviceMean: c.service, servers, patienceMean: c.patience! }).abandonShare;
    // Clear-cut: the answer abandons at most 0.8 of the bound, one fewer at least 1.3 times it.
    expect(abandon(counters)).toBeLessThan(0.8 * c.maxAbandon!);
    expect(abandon(counters - 1)).toBeGreaterThan(1.3 * c.maxAbandon!);
    expect(await requiredAndErlang(c)).toEqual(Array(3).fill([counters, counters]));
  });
});
