/**
 * One shared line against one line per counter, with identical counters (M/M/4, ρ = 0.85, no
 * jockeying). A single FIFO line never leaves a counter idle while someone waits; per-counter
 * lines do (a customer stuck behind a long service while the next counter is free), so the single
 * line's mean wait is no greater. Shown by a paired comparison: the same seed and replications
 * give both layouts the same customers (arrival times, service needs), and the Student-t 95% CI
 * of the per-replication differences (per-counter − single) must lie above 0.
 *
 * The single-line layout is also checked against Erlang C, so the baseline of the comparison is
 * itself right.
 */
import { describe, expect, it } from 'vitest';
import { mmc } from '../../src/analytic/erlang-c.js';
import { summarizeFigure } from '../../src/runner/summarize.js';
import { buildModel, type ModelSketch } from '../helpers/model.js';
import { replicate } from '../helpers/replicate.js';
import { expectInside } from './check.js';
import { TEST_SEED } from '../helpers/seed.js';

const SEED = TEST_SEED;
const REPLICATIONS = 60;

describe('single line vs one line per counter, M/M/4 at ρ = 0.85', () => {
  const hall = (lineLayout: 'single' | 'per-counter'): ModelSketch => ({
    perHour: 3.4 * 60,
    types: [{ name: 'walkin', service: { dist: 'exponential', mean: 1 } }],
    groups: [{ name: 'desk', staff: 4 }],
    horizon: 5_000,
    warmup: 500,
    lineLayout,
  });
  const single = replicate(buildModel(hall('single')), REPLICATIONS, SEED);
  const perCounter = replicate(buildModel(hall('per-counter')), REPLICATIONS, SEED);
  const difference = (metric: string) =>
    summarizeFigure(perCounter.runs.map((run, r) => run.metrics[metric] - single.runs[r].metrics[metric]));

  it('both layouts meet the same customers (common random numbers)', () => {
    expect(perCounter.runs.map((run) => run.metrics.arrived)).toEqual(single.runs.map((run) => run.metrics.arrived));
  });

  it('the single line matches Erlang C', () =>
    expectInside('single waitMean', single.day('waitMean'), mmc({ arrivalRate: 3.4, serviceMean: 1, servers: 4 }).waitMean));

  it('per-counter − single mean wait: the paired 95% CI lies above 0', () => {
    const diff = difference('waitMean');
    expect(diff.mean, `mean difference ${diff.mean}`).toBeGreaterThan(0);
    expect(diff.ci95![0], `paired CI [${diff.ci95![0]}, ${diff.ci95![1]}]`).toBeGreaterThan(0);
  });

  it('both layouts serve every customer they meet', () => {
    for (const sim of [single, perCounter]) {
      expect(sim.runs.map((run) => run.metrics.served)).toEqual(sim.runs.map((run) => run.metrics.arrived));
    }
  });
});
