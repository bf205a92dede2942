/**
 * --trace on a real study: 400 branch days (~160,000 rows) used to simulate everything and then
 * die with "Maximum call stack size exceeded" (`push(...rows)`), leaving nothing. Rows now stream
 * to the file as batches finish, each alternative's in replication order.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStudy, type TraceSink } from '../../src/runner/study.js';
import { loadScenario } from '../../src/scenario/load.js';
import { applyVariant } from '../../src/scenario/variants.js';
import { frontdesk } from '../helpers/cli.js';

describe('--trace on many replications', () => {
  it('writes every visit of 400 branch days, in replication order, with exit 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-trace-'));
    const trace = join(dir, 't.csv');
    const run = frontdesk(['run', 'scenarios/bank-branch.yaml', '-n', '400', '--trace', trace, '--format', 'json', '--out', join(dir, 'r.json')]);
    expect(run.code, run.stderr).toBe(0);
    const lines = readFileSync(trace, 'utf8').trimEnd().split('\n');
    const result = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(lines.length - 1).toBe(Math.round(result.variants[0].metrics.arrived.mean * 400));
    const replications = lines.slice(1).map((line) => Number(line.split(',')[1]));
    expect(replications.every((r, i) => i === 0 || r >= replications[i - 1])).toBe(true);
    expect(replications.at(-1)).toBe(399);
  });
});

describe('the trace sink', () => {
  it('receives rows while the study runs, not all at its end, alternatives each in replication order', async () => {
    const loaded = loadScenario('scenarios/bank-branch.yaml');
    const alternatives = [
      { name: 'baseline', scenario: loaded.scenario, baseDir: loaded.baseDir },
      { name: 'v', scenario: applyVariant(loaded, 0), baseDir: loaded.baseDir },
    ];
    let done = 0;
    const seenAt: number[] = [];
    const replicationsOf: number[][] = [[], []];
    const sink: TraceSink = {
      async write(alternative, rows) {
        seenAt.push(done);
        for (const line of rows.trimEnd().split('\n')) replicationsOf[alternative].push(Number(line.split(',')[1]));
      },
    };
    await runStudy('t', alternatives, { replications: 64, seed: 1, period: 60, workers: 1, traceSink: sink, onProgress: (d) => (done = d) });
    // Streaming: the first rows arrived before the last replication was done.
    expect(seenAt[0]).toBeLessThan(128);
    for (const reps of replicationsOf) {
      expect(reps.every((r, i) => i === 0 || r >= reps[i - 1])).toBe(true);
      expect(new Set(reps).size).toBe(64);
    }
  });
});
