/**
 * Figures outside their range, and figures that do not exist (issue 10, SCENARIO.md December 2026):
 * `abandonShare` beside the waits, intervals clipped to the figure's range, no utilisation in a
 * period the shift plan has no counter open, and breakdowns counted as lost time, not busy time.
 */
import { describe, expect, it } from 'vitest';
import { FrontDesk } from '../../src/model/front-desk.js';
import { runStudy } from '../../src/runner/study.js';
import { withinRange } from '../../src/runner/summarize.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { buildModel } from '../helpers/model.js';
import { TEST_SEED } from '../helpers/seed.js';

describe('abandonShare', () => {
  // Impatient customers at a busy desk, and a line they refuse to join beyond 6.
  const model = buildModel({
    perHour: 70,
    types: [
      { name: 'quick', service: { dist: 'exponential', mean: 1 }, patience: { dist: 'exponential', mean: 4 } },
      { name: 'slow', service: { dist: 'exponential', mean: 1 }, balk: { queueLength: 6, probabilityByLength: new Float64Array(0) } },
    ],
    groups: [{ name: 'desk', staff: 1 }],
    horizon: 240,
  });
  const desk = new FrontDesk(model, 60);

  it('is abandoned and balked over arrived, in every scope', () => {
    let lost = 0;
    for (let r = 0; r < 10; r++) {
      const day = desk.runDay(TEST_SEED, r);
      for (const m of [day.metrics, ...Object.values(day.byType), ...day.byPeriod]) {
        if (m.arrived === 0) {
          expect(m.abandonShare).toBeNaN();
          continue;
        }
        expect(m.abandonShare).toBeCloseTo((m.abandoned + m.balked) / m.arrived, 12);
        expect(m.serviceLevel + m.abandonShare).toBeLessThanOrEqual(1 + 1e-12);
      }
      lost += day.metrics.abandoned + day.metrics.balked;
    }
    expect(lost).toBeGreaterThan(0);
  });
});

describe('intervals within the figure\'s range', () => {
  it('clips a share to [0, 1] and a count to ≥ 0; the mean and sd stay', () => {
    expect(withinRange('serviceLevel', { mean: 0.99, sd: 0.02, ci95: [0.97, 1.01] })).toEqual({ mean: 0.99, sd: 0.02, ci95: [0.97, 1] });
    expect(withinRange('openCounters.desk', { mean: 0.1, sd: 0.3, ci95: [-0.05, 0.25] })).toEqual({ mean: 0.1, sd: 0.3, ci95: [0, 0.25] });
    expect(withinRange('utilization.kiosks', { mean: 0.5, sd: 0.1, ci95: [0.45, 0.55] })).toEqual({ mean: 0.5, sd: 0.1, ci95: [0.45, 0.55] });
    expect(withinRange('someoneElsesFigure', { mean: 1, sd: 1, ci95: [-1, 3] }).ci95).toEqual([-1, 3]);
  });

  it('in a study: a service level near 100% never has an upper bound above it', async () => {
    // Two counters for a trickle: nearly everyone is served at once, and one in a few days has a wait.
    const loaded = parseScenarioText(
      `name: quiet\nhorizon: 120\nwaitTarget: 1\narrivals: { perHour: 12 }\n` +
        `types: { walkin: { share: 1, service: { dist: exponential, mean: 3 } } }\ncounters: { desk: { staff: 2, serves: [walkin] } }\n`,
      'quiet.yaml',
    );
    const result = await runStudy('quiet', [{ name: 'baseline', scenario: loaded.scenario, baseDir: loaded.baseDir }], {
      replications: 12, seed: TEST_SEED, period: 30, workers: 1,
    });
    const v = result.variants[0];
    for (const m of [v.metrics, ...Object.values(v.byType), ...v.byPeriod.map((p) => p.metrics)]) {
      for (const [key, s] of Object.entries(m)) {
        if (!s.ci95) continue;
        expect(s.ci95[0], key).toBeGreaterThanOrEqual(0);
        if (/^(serviceLevel|abandonShare|kioskShare|utilization\.|availability\.)/.test(key)) expect(s.ci95[1], key).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('a period with no counter open', () => {
  it('has no utilisation, though a closing counter finished its last customer in it', () => {
    // One counter, open for the first hour, closed the second, open the third. Four customers at
    // minute 0, 25 minutes each: served 0–25, 25–50, 50–75 (the counter closes at 60 but finishes
    // this one) and, after the reopening, 120–145. Without the rule the second hour read 100%.
    const model = buildModel({
      trace: { times: [0, 0, 0, 0] },
      types: [{ name: 'walkin', service: { dist: 'deterministic', value: 25 } }],
      groups: [{ name: 'desk', staff: [[0, 1], [60, 0], [120, 1]] }],
      horizon: 180,
      drain: false,
    });
    const day = new FrontDesk(model, 60).runDay(TEST_SEED, 0);
    const [first, closed, reopened] = day.byPeriod;
    expect(closed['openCounters.desk']).toBeCloseTo(15 / 60, 12);
    expect(closed['utilization.desk']).toBeNaN();
    expect(closed['availability.desk']).toBeNaN();
    expect(first['utilization.desk']).toBeCloseTo(1, 12);
    expect(reopened['utilization.desk']).toBeCloseTo(25 / 60, 12);
  });
});

describe('breakdowns', () => {
  it('a broken counter holding a customer is not busy: utilisation + broken share ≤ 1', () => {
    // Without drain both figures cover the same stretch, the end of warm-up to the horizon (with
    // drain utilisation runs on to the station's last service, availability stops at the horizon).
    const model = buildModel({
      perHour: 50,
      types: [{ name: 'walkin', service: { dist: 'exponential', mean: 1 } }],
      groups: [{ name: 'desk', staff: 1, breakdown: { upTime: { dist: 'exponential', mean: 10 }, repair: { dist: 'exponential', mean: 5 } } }],
      horizon: 600,
      drain: false,
    });
    const desk = new FrontDesk(model, 60);
    let interrupted = 0;
    for (let r = 0; r < 5; r++) {
      const m = desk.runDay(TEST_SEED, r).metrics;
      expect(m['availability.desk']).toBeLessThan(1);
      expect(m['utilization.desk'] + (1 - m['availability.desk'])).toBeLessThanOrEqual(1 + 1e-9);
      interrupted += m.interrupted;
    }
    expect(interrupted).toBeGreaterThan(0);
  });

  it('without breakdowns every counter is available all the time and nothing is interrupted', () => {
    const model = buildModel({ perHour: 50, types: [{ service: { dist: 'exponential', mean: 1 } }], groups: [{ name: 'desk', staff: 1 }], horizon: 120 });
    const m = new FrontDesk(model, 60).runDay(TEST_SEED, 0).metrics;
    expect([m['availability.desk'], m.interrupted]).toEqual([1, 0]);
  });
});
