/**
 * A day run in slices (startDay, then advance(budget) until it says the day is over) is the same
 * day as one run at once, figure for figure: slices decide only when the caller gets the thread
 * back, so that a stop request is served inside a long day (runner/job.ts). The loop stops at the
 * budget it is given, which is the check a stop request relies on.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FrontDesk } from '../../src/model/front-desk.js';
import { widthOf } from '../../src/model/metric-columns.js';
import { compileScenario } from '../../src/scenario/compile.js';
import { loadScenario } from '../../src/scenario/load.js';
import { applyVariant } from '../../src/scenario/variants.js';
import { TEST_SEED } from '../helpers/seed.js';

const scenario = (name: string) => fileURLToPath(new URL(`../../scenarios/${name}.yaml`, import.meta.url));

describe('a day in slices', () => {
  for (const name of ['bank-branch', 'hospital-registration', 'hotel-front-desk']) {
    it(`gives the figures of the day run at once (${name}, every variant)`, () => {
      const loaded = loadScenario(scenario(name));
      const scenarios = [loaded.scenario, ...loaded.scenario.variants.map((_, i) => applyVariant(loaded, i))];
      for (const s of scenarios) {
        const model = compileScenario(s, { baseDir: loaded.baseDir });
        const whole = new FrontDesk(model, 60);
        const sliced = new FrontDesk(model, 60);
        const width = widthOf(whole.columns);
        const once = new Float64Array(width);
        const inSlices = new Float64Array(width);
        whole.runDayInto(TEST_SEED, 3, once, 0);
        sliced.startDay(TEST_SEED, 3);
        let slices = 1;
        while (!sliced.advance(7)) slices++;
        sliced.finishDayInto(inSlices, 0);
        expect(Array.from(inSlices)).toEqual(Array.from(once));
        const events = whole.runDay(TEST_SEED, 3).events;
        // Every slice but the last ran exactly its budget of 7 events.
        expect(slices).toBe(Math.floor(events / 7) + 1);
      }
    });
  }
});
