/**
 * A horizon longer than a day has its byPeriod folded by time of day (issue 11, item 3): period i
 * gathers [i·period, (i+1)·period) of every day, so a long run's report and memory stay one day's
 * worth. A one-day horizon keeps its periods; the long horizon the 10,000-period cap refused runs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FrontDesk } from '../../src/model/front-desk.js';
import type { MetricValues } from '../../src/model/metric-columns.js';
import { dayPeriods, ReportPeriods } from '../../src/model/periods.js';
import { frontdesk } from '../helpers/cli.js';
import { buildModel } from '../helpers/model.js';
import { TEST_SEED } from '../helpers/seed.js';

/**
 * Three days and a half with a warm-up that ends inside a period, shifts that differ from day to
 * day (and close a group for whole periods), breakdowns, impatient and balking customers.
 */
function longDay(drain: boolean) {
  return buildModel({
    perHour: 40,
    types: [
      { name: 'quick', share: 2, service: { dist: 'exponential', mean: 4 }, patience: { dist: 'exponential', mean: 15 }, servedBy: [0, 2] },
      { name: 'slow', share: 1, service: { dist: 'exponential', mean: 9 }, balk: { queueLength: 12, probabilityByLength: new Float64Array(0) }, servedBy: [1] },
    ],
    groups: [
      { name: 'front', staff: [[0, 2], [600, 3], [1000, 0], [1440, 2], [2300, 0], [2880, 3]] },
      { name: 'back', staff: 3, breakdown: { upTime: { dist: 'exponential', mean: 300 }, repair: { dist: 'exponential', mean: 20 } } },
      // Open 08:00-17:00 every day, closed the rest of every day.
      { name: 'day', staff: [[0, 0], [480, 1], [1020, 0], [1920, 1], [2460, 0], [3360, 1], [3900, 0], [4800, 1]] },
    ],
    horizon: 4900,
    warmup: 130,
    drain,
  });
}

const COUNTS = ['arrived', 'served', 'abandoned', 'balked', 'interrupted'] as const;

describe('byPeriod of a horizon longer than a day', () => {
  it('has ceil(1440 / period) periods of the day, whose counts add up to the day\'s', () => {
    const model = longDay(true);
    for (const length of [60, 50, 7]) {
      const periods = dayPeriods(model, length);
      const slots = Math.ceil(1440 / length);
      expect(periods).toHaveLength(slots);
      expect(periods[slots - 1].end).toBe(1440);
      // Each period says the days it covers: together they are the time after warm-up.
      const covered = periods.reduce((t, p) => t + p.days! * (p.end - p.start), 0);
      expect(covered).toBeCloseTo(model.horizon - model.warmup, 6);
      const desk = new FrontDesk(model, length);
      for (let r = 0; r < 3; r++) {
        const day = desk.runDay(TEST_SEED, r);
        expect(day.byPeriod).toHaveLength(slots);
        for (const key of COUNTS) {
          expect(day.byPeriod.reduce((n, p) => n + p[key], 0), `${key}, period ${length}`).toBe(day.metrics[key]);
        }
        expect(day.metrics.arrived).toBeGreaterThan(2500);
        expect(day.metrics.abandoned + day.metrics.balked).toBeGreaterThan(0);
        expect(day.metrics.interrupted).toBeGreaterThan(0);
      }
    }
  });

  it('gathers in each period exactly that time of every day (the unfolded periods, added up)', () => {
    const model = longDay(false);
    const folded = new FrontDesk(model, 60);
    const whole = new ReportPeriods(model, 60, false);
    const unfolded = new FrontDesk(model, whole);
    const stretches = whole.reported();
    expect(stretches.length).toBe(Math.ceil(4900 / 60) - 2); // the first two end within warm-up
    for (let r = 0; r < 3; r++) {
      const day = folded.runDay(TEST_SEED, r);
      const parts = unfolded.runDay(TEST_SEED, r).byPeriod;
      // The same customers either way: the marks draw no random number.
      expect(unfolded.runDay(TEST_SEED, r).metrics).toEqual(day.metrics);
      for (let slot = 0; slot < 24; slot++) {
        const mine = stretches.map((s, i) => ({ s, m: parts[i] })).filter(({ s }) => s.index % 24 === slot);
        const got: MetricValues = day.byPeriod[slot];
        for (const key of COUNTS) expect(got[key], `${key} at ${slot}`).toBe(mine.reduce((n, { m }) => n + m[key], 0));
        expect(got.waitMax).toBe(Math.max(...mine.map(({ m }) => (Number.isNaN(m.waitMax) ? -Infinity : m.waitMax))));
        expect(got.queueLengthMax).toBe(Math.max(...mine.map(({ m }) => m.queueLengthMax)));
        const minutes = mine.map(({ s }) => s.end - Math.max(s.start, model.warmup));
        const total = minutes.reduce((a, b) => a + b, 0);
        const weighted = (key: string) => mine.reduce((a, { m }, i) => a + m[key] * minutes[i], 0) / total;
        expect(got.queueLengthMean).toBeCloseTo(weighted('queueLengthMean'), 9);
        expect(got['openCounters.front']).toBeCloseTo(weighted('openCounters.front'), 9);
        expect(got['openCounters.back']).toBeCloseTo(weighted('openCounters.back'), 9);
        const served = mine.reduce((n, { m }) => n + m.served, 0);
        if (served > 0) {
          expect(got.waitMean).toBeCloseTo(mine.reduce((a, { m }) => a + (m.served > 0 ? m.waitMean * m.served : 0), 0) / served, 9);
          expect(got.throughputPerHour).toBeCloseTo(served / (total / 60), 9);
        }
        // A group counts in a period if any day has it open then ('front' closes on the evenings of days 0 and 1 only).
        const open = mine.some(({ m }) => !Number.isNaN(m['utilization.front']));
        expect(Number.isNaN(got['utilization.front'])).toBe(!open);
        // 'day' is closed at night on every day: no utilisation then, as in a one-day run.
        expect(Number.isNaN(got['utilization.day'])).toBe(!(slot >= 8 && slot < 17));
        expect(mine.some(({ m }) => !Number.isNaN(m['utilization.day']))).toBe(slot >= 8 && slot < 17);
      }
    }
  });

  it('keeps a horizon of one day as it was: its periods are the clock periods, not folded', () => {
    for (const horizon of [480, 1440]) {
      const model = { ...longDay(true), horizon, warmup: 0 };
      const layout = new ReportPeriods(model, 60);
      expect(layout.folded).toBe(false);
      expect(layout.reported()).toEqual(Array.from({ length: horizon / 60 }, (_, k) => ({ index: k, start: 60 * k, end: 60 * k + 60 })));
    }
    expect(new ReportPeriods({ horizon: 1441, warmup: 0 }, 60).folded).toBe(true);
  });
});

const HALL = `name: long run
horizon: 1000000
arrivals: { perHour: 3 }
types: { a: { share: 1, service: { dist: exponential, mean: 5 } } }
counters: { c: { staff: 1, serves: [a] } }
`;

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'frontdesk-folded-')), 'hall.yaml');
  writeFileSync(path, text);
  return path;
}

describe('the CLI on a long horizon', () => {
  it('runs the horizon the 10,000-period cap refused, with a day of folded periods, marked as such', () => {
    const path = file(HALL);
    expect(frontdesk(['validate', path]).code).toBe(0);
    const run = frontdesk(['run', path, '-n', '2', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const variant = JSON.parse(run.stdout).variants[0];
    expect(variant.byPeriodFolded).toEqual({ dayMinutes: 1440, days: 1000000 / 1440 });
    expect(variant.byPeriod).toHaveLength(24);
    expect(variant.byPeriod.reduce((n: number, p: { metrics: { arrived: { mean: number } } }) => n + p.metrics.arrived.mean, 0)).toBeCloseTo(variant.metrics.arrived.mean, 6);
    // 694.4 days: the periods before 10:40 have one day more.
    expect(variant.byPeriod[0].days).toBe(695);
    expect(variant.byPeriod[23].days).toBe(694);
    const table = frontdesk(['run', path, '-n', '2']);
    expect(table.stdout).toMatch(/By time of day over 694\.4 days/);
  });

  it('leaves a one-day run without the fold', () => {
    const run = frontdesk(['run', file(HALL.replace('horizon: 1000000', 'horizon: 1440')), '-n', '2', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const variant = JSON.parse(run.stdout).variants[0];
    expect(variant.byPeriodFolded).toBeUndefined();
    expect(variant.byPeriod).toHaveLength(24);
    expect(variant.byPeriod[0].days).toBeUndefined();
  });

  it('refuses a staffing search over more periods than it can staff, in one line', () => {
    const run = frontdesk(['staff', file(`${HALL}staffing: { serviceLevel: 0.8 }\n`)]);
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/period: found 60; expected at least 100 minutes for a horizon of 1000000 minutes \(the staffing search staffs at most 10,000 periods\)/);
  });
});
