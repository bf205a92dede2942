/**
 * Determinism: a day is a pure function of (model, seed, replication), whoever runs it, however
 * often, on whichever thread; and an alternative identical to the baseline differs by exactly 0.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrontDesk } from '../../src/model/front-desk.js';
import type { ReplicationJob } from '../../src/runner/job.js';
import { batches, ReplicationPool } from '../../src/runner/pool.js';
import type { Result } from '../../src/runner/result.js';
import { runStudy, type Alternative } from '../../src/runner/study.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { expectSame, hallArb, runDay, runMetrics, runs, toModel, toScenarioText, type Hall } from './arbitraries.js';

/** Halls the scenario layer accepts: Poisson arrivals with some positive rate. */
const studyHall = hallArb({ arrivals: ['constant', 'profile'] }).filter(
  (hall) => hall.arrivals.kind === 'constant' || (hall.arrivals.kind === 'profile' && hall.arrivals.steps.some(([, rate]) => rate > 0)),
);

function alternatives(hall: Hall, variants: Array<{ name: string; set: Record<string, unknown> }>): Alternative[] {
  const loaded = parseScenarioText(toScenarioText(hall, { variants }), 'property.json');
  return [
    { name: 'baseline', scenario: loaded.scenario, baseDir: loaded.baseDir },
    ...loaded.variants.map((scenario, i) => ({ name: variants[i].name, scenario, baseDir: loaded.baseDir })),
  ];
}

describe('determinism', () => {
  it('same seed, same day: identical metrics from a fresh hall, a hall reused after another day, and with a visit log', () => {
    // Why: every random number comes from streams keyed by (seed, replication, purpose), and a day
    // starts from a complete reset; the log only watches.
    fc.assert(
      fc.property(hallArb(), (hall) => {
        const reference = runMetrics(hall);
        expectSame(runMetrics(hall, toModel(hall)), reference, 'a second fresh hall ≠ the first');
        const reused = new FrontDesk(toModel(hall), hall.period);
        reused.runDay(hall.seed + 1, hall.replication + 1);
        reused.runDay(hall.seed, hall.replication + 2);
        expectSame(reused.runDay(hall.seed, hall.replication), reference, 'a reused hall ≠ a fresh one');
        expectSame(runDay(hall).result, reference, 'with a visit log ≠ without');
      }),
      runs(250),
    );
  });

  describe('on worker threads', () => {
    // One pool for all runs: starting threads costs about 0.3 s. Threads run the build in dist/.
    let threads: ReplicationPool;
    beforeAll(() => {
      threads = new ReplicationPool(2);
    });
    afterAll(async () => {
      await threads.close();
    });

    it('replications on 2 worker threads, in batches, equal those of one batch in this thread, visit traces included', async () => {
      // Why: a replication depends only on (scenario, seed, index), never on the thread or on the
      // replications run before it in the same hall; results come back in replication order.
      await fc.assert(
        fc.asyncProperty(studyHall, fc.integer({ min: 2, max: 8 }), async (hall, replications) => {
          const [alt] = alternatives(hall, []);
          const job = (first: number, count: number): ReplicationJob => ({
            scenario: alt.scenario,
            baseDir: alt.baseDir,
            seed: hall.seed,
            period: hall.period,
            first,
            count,
            traceAs: 'baseline',
          });
          const here = await new ReplicationPool(1).run([job(0, replications)]);
          const there = await threads.run(batches(1, 0, replications, 2).map(({ first, count }) => job(first, count)));
          expectSame(there.flatMap((r) => Array.from(r.values)), Array.from(here[0].values), 'on threads ≠ in this thread');
          for (const r of there) expectSame(r.columns, here[0].columns, 'columns on threads ≠ in this thread');
          expectSame(there.map((r) => r.trace ?? '').join(''), here[0].trace, 'trace on threads ≠ in this thread');
        }),
        runs(10),
      );
    });
  });

  it('runStudy gives identical results with 1 and 2 workers', async () => {
    // Why: which thread runs a replication (the runner decides by projected time) never changes its numbers.
    await fc.assert(
      fc.asyncProperty(studyHall, fc.integer({ min: 2, max: 6 }), async (hall, replications) => {
        const alts = alternatives(hall, [{ name: 'later', set: { waitTarget: hall.waitTarget + 1 } }]);
        const study = async (workers: number) => {
          const trace: string[] = [];
          const result = await runStudy('property', alts, { replications, seed: hall.seed, period: hall.period, workers, trace });
          return { result, trace };
        };
        expectSame(await study(2), await study(1), '2 workers ≠ 1 worker');
      }),
      runs(10),
    );
  });

  it('a variant identical to the baseline has paired differences of exactly zero', async () => {
    // Why: with common random numbers replication r of both meets the same customers, so every
    // figure is the same number and each difference is 0 (or absent where the figure is).
    await fc.assert(
      fc.asyncProperty(studyHall, fc.integer({ min: 2, max: 5 }), async (hall, replications) => {
        const alts = alternatives(hall, [{ name: 'same', set: { horizon: hall.horizon } }]);
        const result: Result = await runStudy('property', alts, { replications, seed: hall.seed, period: hall.period, workers: 1 });
        const [baseline, same] = result.variants;
        expectSame({ ...same, name: 'baseline', samples: undefined }, { ...baseline, samples: undefined }, 'the identical variant ≠ the baseline');
        expect(result.comparisons!.length).toBeGreaterThan(0);
        for (const c of result.comparisons!) {
          const absent = Number.isNaN(c.diff.mean);
          expect([c.metric, absent ? 'absent' : c.diff.mean, absent ? 'absent' : c.diff.sd, c.significant]).toEqual([
            c.metric,
            absent ? 'absent' : 0,
            absent ? 'absent' : 0,
            false,
          ]);
          expect([c.metric, c.pct === null || c.pct === 0]).toEqual([c.metric, true]);
        }
      }),
      runs(25),
    );
  });
});
