/**
 * A peaky day (three hours, a midday peak three times the morning): the staffing found with the
 * suite's seed, re-simulated on another seed with many replications, meets the target in every hour
 * within its interval (the suite's rule: Z standard errors, see test/validation/check.ts; the
 * fewest counters that meet a target may meet it only just), and one counter fewer in any hour
 * makes some hour's estimate fall below the target there too.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/scenario/compile.js';
import { loadScenario } from '../../src/scenario/load.js';
import { PlanEvaluator } from '../../src/staffing/evaluate.js';
import { stepsOf } from '../../src/staffing/search.js';
import { staff } from '../../src/staffing/staff.js';
import { TEST_SEED } from '../helpers/seed.js';
import { Z } from '../validation/check.js';

const CHECK_REPLICATIONS = 400;

describe('a peaky day', () => {
  it('meets the target every hour on another seed, and one counter fewer anywhere misses', async () => {
    const loaded = loadScenario('test/fixtures/staffing/small-day.yaml');
    const result = await staff(loaded, { seed: TEST_SEED });
    const required = [result.periods.map((p) => p.required.desk)];
    // The peak needs more than the quiet hours: this is a staffing that varies by the hour.
    expect(Math.max(...required[0])).toBeGreaterThan(Math.min(...required[0]));

    const model = compileScenario(loaded.scenario, { baseDir: loaded.baseDir });
    const check = new PlanEvaluator(model, { seed: TEST_SEED + 1, periodLength: 60, groups: [0] });
    const days = check.run(stepsOf(required, 60), CHECK_REPLICATIONS);
    result.periods.forEach((p, hour) => {
      const level = days.served(hour, 0);
      const se = level.sd! / Math.sqrt(CHECK_REPLICATIONS);
      expect(level.mean + Z * se, `${p.clock}: ${level.mean.toFixed(3)} ± ${(Z * se).toFixed(3)}`).toBeGreaterThanOrEqual(0.8);
    });

    required[0].forEach((counters, hour) => {
      if (counters <= 1) return;
      const fewer = [required[0].map((c, k) => (k === hour ? c - 1 : c))];
      const short = check.run(stepsOf(fewer, 60), CHECK_REPLICATIONS);
      const levels = result.periods.map((_, k) => short.served(k, 0).mean);
      expect(Math.min(...levels), `one fewer at ${result.periods[hour].clock}: ${levels.map((l) => l.toFixed(3)).join(' ')}`).toBeLessThan(0.8);
    });
  });
});
