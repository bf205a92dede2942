import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { FrontDesk } from '../../src/model/front-desk.js';
import { unpackRow, widthOf } from '../../src/model/metric-columns.js';
import { compileScenario } from '../../src/scenario/compile.js';
import { loadScenario } from '../../src/scenario/load.js';
import { applyVariant } from '../../src/scenario/variants.js';

const scenario = (name: string) => fileURLToPath(new URL(`../../scenarios/${name}.yaml`, import.meta.url));

describe('a day written as a row', () => {
  // Why: the runner keeps only rows; they must hold exactly what the keyed day reports, key for
  // key and in report order, for halls with kiosks, several types and groups, and a warm-up.
  for (const name of ['bank-branch', 'service-hall', 'hospital-registration', 'hotel-front-desk']) {
    it(`equals the keyed figures of the same day, in the same order (${name}, every variant)`, () => {
      const loaded = loadScenario(scenario(name));
      const scenarios = [loaded.scenario, ...loaded.scenario.variants.map((_, i) => applyVariant(loaded, i))];
      for (const s of scenarios) {
        const model = compileScenario(s, { baseDir: loaded.baseDir });
        const keyed = new FrontDesk(model, 60);
        const packed = new FrontDesk(model, 60);
        const width = widthOf(packed.columns);
        const row = new Float64Array(2 * width);
        for (const r of [0, 1]) {
          const { metrics, byType, byPeriod } = keyed.runDay(s.seed, r);
          packed.runDayInto(s.seed, r, row, r * width);
          expect(JSON.stringify(unpackRow(packed.columns, row, r * width))).toBe(JSON.stringify({ metrics, byType, byPeriod }));
        }
      }
    });
  }
});
