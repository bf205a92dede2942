/**
 * Overload warnings count all the load and only the capacity there is (issue 10): booked
 * appointments are load like walk-ins, and the time counters spend broken is capacity lost.
 * Before, a hall with 4.2 erlangs of appointments on one counter, or one counter with mtbf 10 and
 * repair 5 under 0.8 erlangs, passed without a word.
 */
import { describe, expect, it } from 'vitest';
import { loadWarnings, offeredLoads } from '../../src/runner/warnings.js';
import { compileScenario } from '../../src/scenario/compile.js';
import { parseScenarioText } from '../../src/scenario/load.js';

function warningsOf(text: string): string[] {
  const loaded = parseScenarioText(text, 'hall.yaml');
  return loadWarnings('baseline', compileScenario(loaded.scenario, { baseDir: loaded.baseDir }));
}

const BOOKED = `name: Booked solid
horizon: 480
arrivals: { perHour: 1 }
appointments: { every: 5, perSlot: 3, noShow: 0.3, type: booked }
types:
  walkin: { share: 1, service: { dist: exponential, mean: 10 } }
  booked: { share: 0, service: { dist: exponential, mean: 10 } }
counters: { desk: { staff: 1, serves: [walkin, booked] } }
`;

const BREAKING = `name: Breaking down
horizon: 480
arrivals: { perHour: 48 }
types: { walkin: { share: 1, service: { dist: exponential, mean: 1 } } }
counters: { desk: { staff: 1, serves: [walkin], breakdown: { mtbf: 10, repair: 5 } } }
`;

describe('overload warnings', () => {
  it('count booked appointments: perSlot·(1 − noShow)/every customers a minute', () => {
    const [load] = offeredLoads(compileScenario(parseScenarioText(BOOKED, 'hall.yaml').scenario, { baseDir: '.' }));
    // 96 slots × 3 × 0.7 booked in 480 minutes, 10 minutes each: 4.2 erlangs; walk-ins 1/60 × 10.
    expect(load.booked).toBeCloseTo(4.2, 10);
    expect(load.load).toBeCloseTo(4.2 + 10 / 60, 10);
    const warnings = warningsOf(BOOKED);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^baseline: desk is overloaded over the day: offered load 4\.37 erlangs \(4\.20 of it booked appointments\), 437% of the 1\.0 counters staffed/);
  });

  it('count the capacity lost to breakdowns: a counter works mtbf/(mtbf + repair) of its time', () => {
    const [load] = offeredLoads(compileScenario(parseScenarioText(BREAKING, 'hall.yaml').scenario, { baseDir: '.' }));
    expect([load.staffed, load.capacity]).toEqual([1, 10 / 15]);
    const warnings = warningsOf(BREAKING);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('offered load 0.80 erlangs, 120% of the 0.7 counters working (1.0 staffed, 0.3 lost to breakdowns)');
  });

  it('stay quiet when the working capacity carries the load', () => {
    expect(warningsOf(BREAKING.replace('perHour: 48', 'perHour: 30'))).toEqual([]);
    expect(warningsOf(BOOKED.replace('staff: 1', 'staff: 5'))).toEqual([]);
  });
});
