/**
 * Comparisons done right: the pooling gain of merging two windows matches theory on both sides,
 * common random numbers make the paired interval far narrower than independent streams would,
 * and --precision adds replications until the interval is as tight as asked.
 */
import { describe, expect, it } from 'vitest';
import { mmc } from '../../src/analytic/erlang-c.js';
import type { Result } from '../../src/runner/result.js';
import { runStudy, type Alternative } from '../../src/runner/study.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { applyVariant } from '../../src/scenario/variants.js';
import { TEST_SEED } from '../helpers/seed.js';
import { expectInside } from '../validation/check.js';

// Two dedicated windows, each an M/M/1 at ρ = 0.8 (λ = 0.8 a minute, service mean 1 minute), and
// a variant that merges them into one pool of two serving both types from one line: an M/M/2.
// Days are long (20,000 minutes) because a day's mean wait at ρ = 0.8 is skewed and strongly
// autocorrelated; long days make the per-replication means nearly normal, as the t-interval assumes.
const TWO_WINDOWS = `
name: Two windows
horizon: 20000
warmup: 500
replications: 20
seed: 11
arrivals: { perHour: 96 }
types:
  a: { share: 1, service: { dist: exponential, mean: 1 } }
  b: { share: 1, service: { dist: exponential, mean: 1 } }
counters:
  window_a: { staff: 1, serves: [a] }
  window_b: { staff: 1, serves: [b] }
variants:
  - name: merged
    set:
      counters: { pool: { staff: 2, serves: [a, b] } }
`;

function alternatives(text: string): Alternative[] {
  const loaded = parseScenarioText(text, 'two-windows.yaml');
  return [
    { name: 'baseline', scenario: loaded.scenario, baseDir: loaded.baseDir },
    ...loaded.scenario.variants.map((v, i) => ({ name: v.name, scenario: applyVariant(loaded, i), baseDir: loaded.baseDir })),
  ];
}

async function study(text: string, commonRandomNumbers = true): Promise<Result> {
  return runStudy('two windows', alternatives(text), { replications: 20, seed: TEST_SEED, period: 60, workers: 1, commonRandomNumbers });
}

function comparison(result: Result, metric: string) {
  const found = result.comparisons?.find((c) => c.metric === metric);
  if (!found) throw new Error(`no comparison of ${metric}`);
  return found;
}

describe('merging two M/M/1 windows into an M/M/2 pool', async () => {
  const result = await study(TWO_WINDOWS);
  const [separate, merged] = result.variants;

  it('the separate windows wait like an M/M/1', () => {
    const theory = mmc({ arrivalRate: 0.8, serviceMean: 1, servers: 1 }).waitMean;
    expectInside('separate waitMean', { ...separate.metrics.waitMean, sd: separate.metrics.waitMean.sd!, n: result.replications }, theory);
  });

  it('the pool waits like an M/M/2', () => {
    const theory = mmc({ arrivalRate: 1.6, serviceMean: 1, servers: 2 }).waitMean;
    expectInside('merged waitMean', { ...merged.metrics.waitMean, sd: merged.metrics.waitMean.sd!, n: result.replications }, theory);
  });

  it('the paired difference excludes zero and is reported as significant', () => {
    const diff = comparison(result, 'waitMean');
    expect(diff.diff.ci95![1]).toBeLessThan(0);
    expect(diff.significant).toBe(true);
    expect(diff.pct).toBeLessThan(-40);
  });
});

describe('common random numbers', () => {
  const width = (r: Result) => {
    const { ci95 } = comparison(r, 'waitMean').diff;
    return ci95![1] - ci95![0];
  };

  it('make the interval of a difference much narrower than independent streams', async () => {
    // Streamlining: the same customers with 2% shorter services. With common random numbers each
    // customer's service shrinks by exactly 2% (inversion), so the two days rise and fall together
    // and the difference keeps little of either day's noise. (For large changes the two days'
    // variances differ a lot and the gain is smaller: the test below shows it for pooling.)
    const faster = TWO_WINDOWS.replace(
      'counters: { pool: { staff: 2, serves: [a, b] } }',
      '{ types.a.service.mean: 0.98, types.b.service.mean: 0.98 }',
    ).replace('set:\n      {', 'set: {');
    const paired = width(await study(faster, true));
    const independent = width(await study(faster, false));
    expect(paired).toBeLessThan(independent / 4);
  });

  it('narrow the interval of the pooling gain too', async () => {
    // Pooling changes who is served where, so the correlation is weaker, but still positive.
    expect(width(await study(TWO_WINDOWS, true))).toBeLessThan(width(await study(TWO_WINDOWS, false)));
  });

  it('a variant identical to the baseline differs by exactly zero', async () => {
    const same = TWO_WINDOWS.replace('counters: { pool: { staff: 2, serves: [a, b] } }', 'counters.window_a.staff: 1');
    const result = await study(same);
    for (const c of [...result.comparisons!, ...result.typeComparisons!]) {
      // Without a `cost` on any group there is no cost to compare: missing on both sides.
      if (c.metric === 'cost') {
        expect([c.diff.mean, c.diff.sd, c.pct]).toEqual([NaN, null, null]);
        continue;
      }
      expect([c.metric, c.diff.mean, c.diff.sd]).toEqual([c.metric, 0, 0]);
      expect(c.significant).toBe(false);
    }
  });

  it('compares each customer type too: the pool shortens both types\' waits, each pair from its own columns', async () => {
    const result = await study(TWO_WINDOWS);
    const [separate, merged] = result.variants;
    for (const type of ['a', 'b']) {
      const c = result.typeComparisons!.find((x) => x.type === type && x.metric === 'waitMean')!;
      expect(c.variant).toBe('merged');
      // The mean of the paired differences is the difference of the means, for this type alone.
      expect(c.diff.mean).toBeCloseTo(merged.byType[type].waitMean.mean - separate.byType[type].waitMean.mean, 9);
      expect(c.diff.ci95![1]).toBeLessThan(0);
      expect(c.significant).toBe(true);
    }
    const types = new Set(result.typeComparisons!.map((c) => c.type));
    expect([...types]).toEqual(['a', 'b']);
  });
});

describe('--precision', () => {
  /** The baseline of TWO_WINDOWS, starting from `replications` and adding up to `max`. */
  async function precisionStudy(replications: number, precision: number, max: number): Promise<Result> {
    const loaded = parseScenarioText(TWO_WINDOWS, 'two-windows.yaml');
    const baseline = { name: 'baseline', scenario: loaded.scenario, baseDir: loaded.baseDir };
    return runStudy('precision', [baseline], { replications, seed: 3, period: 60, workers: 1, precision, maxReplications: max });
  }

  it('adds replications until the mean wait is known within the asked share', async () => {
    const result = await precisionStudy(5, 0.01, 400);
    const { mean, ci95 } = result.variants[0].metrics.waitMean;
    expect(result.replications).toBeGreaterThan(5);
    expect(result.replications).toBeLessThanOrEqual(400);
    expect((ci95![1] - ci95![0]) / 2).toBeLessThanOrEqual(0.01 * mean);
    expect(result.precision).toEqual({ target: 0.01, reached: true, maxReplications: 400, notReached: [] });
  });

  it('stops at the cap and says the precision was not reached', async () => {
    const result = await precisionStudy(3, 0.001, 8);
    expect(result.replications).toBe(8);
    expect(result.precision).toEqual({ target: 0.001, reached: false, maxReplications: 8, notReached: ['baseline'] });
  });

  it('names the alternative that stopped at the cap, not the one that reached the precision', async () => {
    // The merged pool's mean wait is short and so relatively noisier: at ±3% and a cap of 12
    // replications (seed 3) the separate windows reach it (±2.1%), the pool does not (±3.5%).
    const result = await runStudy('precision', alternatives(TWO_WINDOWS), {
      replications: 4, seed: 3, period: 60, workers: 1, precision: 0.03, maxReplications: 12,
    });
    const within = (v: Result['variants'][number]) => {
      const { mean, ci95 } = v.metrics.waitMean;
      return (ci95![1] - ci95![0]) / 2 <= 0.03 * mean;
    };
    const expected = result.variants.filter((v) => !within(v)).map((v) => v.name);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(result.variants.length);
    expect(result.precision!.notReached).toEqual(expected);
  });

  it('caps the replications asked for at --max-replications, with or without --precision', async () => {
    const loaded = parseScenarioText(TWO_WINDOWS, 'two-windows.yaml');
    const baseline = { name: 'baseline', scenario: loaded.scenario, baseDir: loaded.baseDir };
    const capped = await runStudy('cap', [baseline], { replications: 20, seed: 3, period: 60, workers: 1, maxReplications: 6 });
    expect(capped.replications).toBe(6);
    const withPrecision = await runStudy('cap', [baseline], { replications: 20, seed: 3, period: 60, workers: 1, precision: 0.5, maxReplications: 6 });
    expect(withPrecision.replications).toBe(6);
  });
});

describe('worker threads', () => {
  it('give the same study, to the byte, as this thread alone (threads forced on, trace included)', async () => {
    // Why: a small study never starts threads on its own (they would not pay), so the path through
    // the threads is forced here; which thread ran a replication must never show in the result.
    const options = { replications: 9, seed: 5, period: 60, commonRandomNumbers: true };
    const here: string[] = [];
    const there: string[] = [];
    const alone = await runStudy('two windows', alternatives(TWO_WINDOWS), { ...options, workers: 1, trace: here });
    const threads = await runStudy('two windows', alternatives(TWO_WINDOWS), { ...options, workers: 2, threadsPayOff: 0, trace: there });
    const withoutSamples = (result: Result) => JSON.stringify(result, (key, value) => (key === 'samples' ? undefined : value));
    expect(withoutSamples(threads)).toBe(withoutSamples(alone));
    threads.variants.forEach((v, i) => expect(v.samples!.rowValues).toEqual(alone.variants[i].samples!.rowValues));
    expect(there).toEqual(here);
  });
});
