import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileCounts } from '../../src/runner/compiled.js';
import { runStudy, type Alternative } from '../../src/runner/study.js';
import { loadScenario } from '../../src/scenario/load.js';

const file = fileURLToPath(new URL('../../scenarios/bank-branch.yaml', import.meta.url));

describe('compiling a study\'s alternatives', () => {
  // Why: compiling can be most of a short batch's work (a trace CSV of up to 512 MB is re-read and
  // re-parsed), and a study sends each alternative in many batches: the probe rounds, the rest,
  // --precision's additions. Each thread compiles an alternative once per study.
  it('compiles each alternative once in this thread, however many batches it ran in, and keeps nothing after', async () => {
    const loaded = loadScenario(file);
    const alternatives: Alternative[] = [
      { name: 'baseline', scenario: loaded.scenario, baseDir: loaded.baseDir },
      ...loaded.variants.map((scenario, i) => ({ name: loaded.scenario.variants[i].name, scenario, baseDir: loaded.baseDir })),
    ];
    const before = compileCounts().compiled;
    // precision adds batches after the first ones; the probe runs rounds in doubling steps.
    const result = await runStudy('bank', alternatives, { replications: 8, seed: 5, period: 60, workers: 1, precision: 0.01, maxReplications: 40 });
    expect(result.replications).toBeGreaterThan(8);
    expect(compileCounts().compiled - before).toBe(alternatives.length);
    expect(compileCounts().kept).toBe(0);
  });
});
