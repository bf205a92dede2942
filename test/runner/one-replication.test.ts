/**
 * One replication claims nothing: with fewer than two replications a summary has no spread (sd and
 * ci95 null), no change is significant, and one warning says why (SCENARIO.md, December 2026).
 */
import { describe, expect, it } from 'vitest';
import { runStudy, type Alternative } from '../../src/runner/study.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { applyVariant } from '../../src/scenario/variants.js';

const HALL = `
name: One window or two
horizon: 240
arrivals: { perHour: 50 }
types: { walkin: { share: 1, service: { dist: exponential, mean: 1 } } }
counters: { desk: { staff: 1, serves: [walkin] } }
variants: [{ name: two windows, set: { counters.desk.staff: 2 } }]
`;

function alternatives(): Alternative[] {
  const loaded = parseScenarioText(HALL, 'hall.yaml');
  return [
    { name: 'baseline', scenario: loaded.scenario, baseDir: loaded.baseDir },
    { name: 'two windows', scenario: applyVariant(loaded, 0), baseDir: loaded.baseDir },
  ];
}

describe('a study of one replication', async () => {
  const result = await runStudy('one', alternatives(), { replications: 1, seed: 4, period: 60, workers: 1 });

  it('has a mean but no sd and no interval, for every figure, scope and difference', () => {
    for (const v of result.variants) {
      const scopes = [v.metrics, ...Object.values(v.byType), ...v.byPeriod.map((p) => p.metrics)];
      for (const metrics of scopes) {
        for (const s of Object.values(metrics)) expect([s.sd, s.ci95]).toEqual([null, null]);
      }
    }
    expect(result.variants[1].metrics.waitMean.mean).toBeLessThan(result.variants[0].metrics.waitMean.mean);
    for (const c of result.comparisons!) expect([c.diff.sd, c.diff.ci95]).toEqual([null, null]);
  });

  it('marks nothing significant, though a second window clearly shortens the wait', () => {
    expect(result.comparisons!.filter((c) => c.significant)).toEqual([]);
  });

  it('says why in one warning line', () => {
    const lines = result.warnings.filter((w) => /replication/.test(w));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^1 replication: no spread/);
  });

  it('two replications have spread again, and no such warning', async () => {
    const two = await runStudy('two', alternatives(), { replications: 2, seed: 4, period: 60, workers: 1 });
    expect(two.variants[0].metrics.waitMean.sd).toBeGreaterThan(0);
    expect(two.warnings.filter((w) => /no spread/.test(w))).toEqual([]);
  });
});
