/**
 * Progress comes replication by replication: a long study's first batch is a 1/(2K) share of it,
 * and reported only when a batch ended, a 20,000-replication run showed nothing for 15 s and then
 * an estimate that climbed. In this thread every replication is reported as it finishes.
 */
import { describe, expect, it } from 'vitest';
import { runStudy } from '../../src/runner/study.js';
import { parseScenarioText } from '../../src/scenario/load.js';

const HALL = `
name: Progress
horizon: 60
arrivals: { perHour: 30 }
types: { walkin: { share: 1, service: { dist: exponential, mean: 1 } } }
counters: { desk: { staff: 1, serves: [walkin] } }
`;

describe('progress of a study', () => {
  it('is reported one replication at a time in this thread, up to the total', async () => {
    const loaded = parseScenarioText(HALL, 'hall.yaml');
    const seen: Array<[number, number]> = [];
    await runStudy('p', [{ name: 'baseline', scenario: loaded.scenario, baseDir: loaded.baseDir }], {
      replications: 400,
      seed: 1,
      period: 60,
      workers: 1,
      // No probing rounds: the whole study is one batch of 400 replications.
      threadsPayOff: 0,
      onProgress: (done, planned) => seen.push([done, planned]),
    });
    // 0 first: the study is under way before its first replication (a long day) is done.
    expect(seen).toHaveLength(401);
    expect(seen.map(([done]) => done)).toEqual(Array.from({ length: 401 }, (_, i) => i));
    expect(seen.every(([, planned]) => planned === 400)).toBe(true);
  });
});
