/**
 * M/M/c+M (Erlang A) against src/analytic/erlang-a.ts: Poisson arrivals, c counters sharing one
 * FIFO line, exponential service and exponential patience. Patience in frontdesk is the total
 * time a customer tolerates in lines over its visit; with one line that is the classic Erlang A
 * patience (the clock stops when service starts).
 *
 * Loads near and above one, where abandonment is what keeps the line finite. Checked per desk:
 * - abandonment share: abandoned / arrived per replication vs (θ⁻¹·Lq)/λ;
 * - utilisation: busy / staffed counter time vs Σ min(n, c)·pₙ / c;
 * - mean line length (time average, abandoners counted until they leave) vs Lq;
 * - mean wait of the served (served at once count as 0) vs the stage formula of erlangA.
 */
import { describe, expect, it } from 'vitest';
import { erlangA } from '../../src/analytic/erlang-a.js';
import { buildModel } from '../helpers/model.js';
import { replicate } from '../helpers/replicate.js';
import { expectInside, perReplication } from './check.js';
import { TEST_SEED } from '../helpers/seed.js';

const SEED = TEST_SEED;
const REPLICATIONS = 60;

const desks = [
  // c, λ per minute, mean patience θ (minutes); E[S] = 1 minute throughout.
  { servers: 3, arrivalRate: 2.85, patienceMean: 5 }, // ρ = 0.95
  { servers: 4, arrivalRate: 4.4, patienceMean: 3 }, // ρ = 1.10
  { servers: 5, arrivalRate: 6, patienceMean: 2 }, // ρ = 1.20
];

describe.each(desks)('M/M/$servers+M, λ = $arrivalRate/min, θ = $patienceMean min', ({ servers, arrivalRate, patienceMean }) => {
  const model = buildModel({
    perHour: arrivalRate * 60,
    types: [
      {
        name: 'walkin',
        service: { dist: 'exponential', mean: 1 },
        patience: { dist: 'exponential', mean: patienceMean },
      },
    ],
    groups: [{ name: 'desk', staff: servers }],
    horizon: 8_000,
    warmup: 500,
  });
  const sim = replicate(model, REPLICATIONS, SEED);
  const theory = erlangA({ arrivalRate, serviceMean: 1, servers, patienceMean });

  it('abandonment share matches θ⁻¹·Lq/λ', () =>
    expectInside(
      'abandoned/arrived',
      perReplication(sim.runs, (run) => run.metrics.abandoned / run.metrics.arrived),
      theory.abandonShare,
    ));
  it('utilisation matches Σ min(n, c)·pₙ / c', () =>
    expectInside('utilization', sim.day('utilization.desk'), theory.utilization));
  it('mean line length matches Lq = Σ (n − c)⁺·pₙ', () =>
    expectInside('queueLengthMean', sim.day('queueLengthMean'), theory.queueLengthMean));
  it('mean wait of the served matches Erlang A', () =>
    expectInside('waitMean (served)', sim.day('waitMean'), theory.waitMeanServed));
  it('every arrival is served or abandons (nobody balks, the day drains)', () => {
    expect(sim.runs.map((run) => run.metrics.served + run.metrics.abandoned)).toEqual(sim.runs.map((run) => run.metrics.arrived));
    expect(sim.runs.every((run) => run.metrics.balked === 0)).toBe(true);
  });
});
