/**
 * Kiosks against Erlang C. Type `selfserve` always tries a kiosk (uptake 1), type `counter` never
 * does (uptake 0); arrivals are Poisson, so each type is a Poisson stream of its own.
 *
 * - Fallback 0: the kiosk bank is an M/M/k fed by `selfserve` alone, the counter group an M/M/c fed
 *   by `counter` alone: each type's mean wait and each station's utilisation match its own M/M/c.
 * - Fallback f: a share f of kiosk users then joins the counters. The kiosks' departures from a
 *   stationary M/M/k are Poisson at λ_A (Burke's theorem), an independent thinning keeps them
 *   Poisson, and merging with the `counter` stream gives Poisson arrivals at λ_B + f·λ_A. With the
 *   same exponential counter service for both types the counter group is then exactly an M/M/c
 *   at that rate: its utilisation is (λ_B + f·λ_A)·E[S]/c and the wait of `counter` customers is its
 *   Erlang C wait. A kiosk user's wait counts both lines: E[W_A] = W_kiosk + f·W_counters.
 */
import { describe, it } from 'vitest';
import { mmc } from '../../src/analytic/erlang-c.js';
import { buildModel, type ModelSketch } from '../helpers/model.js';
import { replicate } from '../helpers/replicate.js';
import { expectInside } from './check.js';
import { TEST_SEED } from '../helpers/seed.js';

const SEED = TEST_SEED;
const REPLICATIONS = 60;

/** λ_A, λ_B per minute; kiosk service exponential mean 2 at 3 kiosks, counter service mean 1 at 4 counters. */
function hall(lambdaA: number, lambdaB: number, fallback: number): ModelSketch {
  return {
    perHour: (lambdaA + lambdaB) * 60,
    types: [
      { name: 'selfserve', share: lambdaA, kioskUptake: 1, service: { dist: 'exponential', mean: 1 } },
      { name: 'counter', share: lambdaB, kioskUptake: 0, service: { dist: 'exponential', mean: 1 } },
    ],
    groups: [{ name: 'desk', staff: 4 }],
    kiosks: { count: 3, service: { dist: 'exponential', mean: 2 }, fallback },
    horizon: 6_000,
    warmup: 500,
  };
}

describe('kiosks taking one type entirely, no fallback', () => {
  // Kiosks: λ_A = 1.2, E[S] = 2, 3 kiosks: ρ = 0.8. Counters: λ_B = 3.2, E[S] = 1, 4 counters: ρ = 0.8.
  const sim = replicate(buildModel(hall(1.2, 3.2, 0)), REPLICATIONS, SEED);
  const kiosks = mmc({ arrivalRate: 1.2, serviceMean: 2, servers: 3 });
  const counters = mmc({ arrivalRate: 3.2, serviceMean: 1, servers: 4 });

  it('kiosk users wait as in the kiosks’ own M/M/3', () =>
    expectInside('selfserve waitMean', sim.type('selfserve', 'waitMean'), kiosks.waitMean));
  it('kiosk utilisation matches λ_A·E[S]/k', () =>
    expectInside('utilization.kiosks', sim.day('utilization.kiosks'), kiosks.utilization));
  it('counter customers wait as in the counters’ own M/M/4', () =>
    expectInside('counter waitMean', sim.type('counter', 'waitMean'), counters.waitMean));
  it('counter utilisation matches λ_B·E[S]/c', () =>
    expectInside('utilization.desk', sim.day('utilization.desk'), counters.utilization));
  it('every kiosk user ends at a kiosk: kioskShare = λ_A/λ', () =>
    expectInside('kioskShare', sim.day('kioskShare'), 1.2 / 4.4));
});

describe('kiosks with fallback f = 0.5', () => {
  // Counters see λ_B + f·λ_A = 2.6 + 0.5 · 1.2 = 3.2 a minute: ρ = 0.8 again.
  const lambdaA = 1.2;
  const lambdaB = 2.6;
  const f = 0.5;
  const sim = replicate(buildModel(hall(lambdaA, lambdaB, f)), REPLICATIONS, SEED);
  const kiosks = mmc({ arrivalRate: lambdaA, serviceMean: 2, servers: 3 });
  const counters = mmc({ arrivalRate: lambdaB + f * lambdaA, serviceMean: 1, servers: 4 });

  it('counter utilisation matches the offered load (λ_B + f·λ_A)·E[S]/c', () =>
    expectInside('utilization.desk', sim.day('utilization.desk'), counters.utilization));
  it('counter-only customers wait as in an M/M/4 at λ_B + f·λ_A', () =>
    expectInside('counter waitMean', sim.type('counter', 'waitMean'), counters.waitMean));
  it('kiosk utilisation is unchanged by the fallback', () =>
    expectInside('utilization.kiosks', sim.day('utilization.kiosks'), kiosks.utilization));
  it('a kiosk user’s wait counts both lines: W_kiosk + f·W_counters', () =>
    expectInside('selfserve waitMean', sim.type('selfserve', 'waitMean'), kiosks.waitMean + f * counters.waitMean));
  it('the share of served customers done at a kiosk is (1 − f)·λ_A/λ', () =>
    expectInside('kioskShare', sim.day('kioskShare'), ((1 - f) * lambdaA) / (lambdaA + lambdaB)));
});
