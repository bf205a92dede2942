/**
 * The bundled planning scenarios (scenarios/*.yaml): each one loads, and each variant too, without
 * load warnings; and each baseline reproduces the figures its header says it reproduces (the
 * planners' figures of /work/shared/DOMAIN.md).
 *
 * These are calibration checks of the bundled examples, not statistical tests of the simulator.
 * A planner's "about 15 minutes" is a rounded figure; it is read here as a tolerance of ±20% (±3
 * minutes), or a few percentage points for a share. Each figure is the file's own study (its
 * replications and seed, replication r of seed s is the same simulated day whoever runs it, so
 * these are the numbers `frontdesk run` prints), and the check also requires the simulated 95%
 * confidence half-width to be at most two thirds of the tolerance, so that the whole interval is
 * narrower than the tolerance band: "inside the tolerance" then says something about the scenario,
 * not about the luck of 30 days. (Why not half: a day's mean wait in a hall near capacity varies by
 * about 25% from day to day, so 30 days pin a 15-minute wait to about ±1.4 minutes whatever the
 * seed; two thirds of ±3 leaves room for a change of random streams, half would not.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FrontDesk } from '../../src/model/front-desk.js';
import type { ReplicationMetrics } from '../../src/runner/result.js';
import { summarizeFigure } from '../../src/runner/summarize.js';
import { loadWarnings } from '../../src/runner/warnings.js';
import { compileScenario } from '../../src/scenario/compile.js';
import { loadScenario, type LoadedScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/schema.js';

const SCENARIOS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios');
const BUNDLED = ['bank-branch.yaml', 'hospital-registration.yaml', 'hotel-front-desk.yaml', 'service-hall.yaml'];
const path = (file: string) => join(SCENARIOS, file);

/** The simulated days of a scenario, as the file's own study runs them (its replications, seed, period). */
function days(loaded: LoadedScenario, scenario: Scenario = loaded.scenario): ReplicationMetrics[] {
  const model = compileScenario(scenario, { baseDir: loaded.baseDir });
  const desk = new FrontDesk(model, scenario.period);
  return Array.from({ length: scenario.replications }, (_, r) => desk.runDay(scenario.seed, r));
}

function variant(loaded: LoadedScenario, name: string): Scenario {
  const index = loaded.scenario.variants.findIndex((v) => v.name === name);
  expect(index, `variant "${name}" in ${loaded.file}`).toBeGreaterThanOrEqual(0);
  return loaded.variants[index];
}

/**
 * Calibration check of one figure: the mean over the simulated days is within `tolerance` of the
 * quoted figure, and its 95% CI half-width is at most two thirds of the tolerance.
 */
function expectAbout(what: string, perDay: number[], quoted: number, tolerance: number): void {
  const s = summarizeFigure(perDay);
  const halfWidth = (s.ci95![1] - s.ci95![0]) / 2;
  expect(
    halfWidth,
    `${what}: 95% CI half-width ${halfWidth.toFixed(3)} must be at most two thirds of the tolerance ±${tolerance}`,
  ).toBeLessThanOrEqual((2 * tolerance) / 3);
  expect(Math.abs(s.mean - quoted), `${what}: simulated ${s.mean.toFixed(3)} (±${halfWidth.toFixed(3)}), quoted about ${quoted} ±${tolerance}`).toBeLessThanOrEqual(
    tolerance,
  );
}

const waitOf = (type: string) => (day: ReplicationMetrics) => day.byType[type].waitMean;
/** Minutes at the counter per served customer: time in system minus the wait (both over served customers). */
const deskTimeOf = (type: string) => (day: ReplicationMetrics) => day.byType[type].timeInSystemMean - day.byType[type].waitMean;
/** Share of the day's arrivals that are of `type`. */
const shareOf = (type: string) => (day: ReplicationMetrics) => day.byType[type].arrived / day.metrics.arrived;

describe('bundled scenarios', () => {
  it('ships the four planning scenarios', () => {
    const files = readdirSync(SCENARIOS).filter((f) => /\.(ya?ml|json)$/.test(f));
    expect(files).toEqual(expect.arrayContaining(BUNDLED));
  });

  describe.each(readdirSync(SCENARIOS).filter((f) => /\.(ya?ml|json)$/.test(f)))('%s', (file) => {
    it('validates, with every variant, and no group is overloaded over the day', () => {
      const loaded = loadScenario(path(file));
      expect(loaded.scenario.variants.length).toBeGreaterThan(0);
      const warnings = [loaded.scenario, ...loaded.variants].flatMap((scenario, i) =>
        loadWarnings(i === 0 ? 'baseline' : loaded.scenario.variants[i - 1].name, compileScenario(scenario, { baseDir: loaded.baseDir })),
      );
      expect(warnings).toEqual([]);
    });

    it('is a documented planning study: header comment, 30 replications, a seed, an opening time', () => {
      const text = readFileSync(path(file), 'utf8');
      expect(text.startsWith('#')).toBe(true);
      const raw = loadScenario(path(file)).raw as Record<string, unknown>;
      expect(raw.replications).toBe(30);
      expect(typeof raw.seed).toBe('number');
      expect(raw.open).toMatch(/^\d\d:\d\d$/);
    });
  });
});

describe('bank-branch.yaml reproduces the planners\' figures (calibration check, not a statistical test)', () => {
  const loaded = loadScenario(path('bank-branch.yaml'));
  const baseline = days(loaded);

  it('waits about 15 minutes for a consultation and about 25 for a transaction', () => {
    expectAbout('consultation mean wait (min)', baseline.map(waitOf('consult')), 15, 3);
    expectAbout('transaction mean wait (min)', baseline.map(waitOf('transaction')), 25, 5);
  });

  it('serves a simple request in about 5 minutes and a complex one in about 15', () => {
    expectAbout('consultation time at the window (min)', baseline.map(deskTimeOf('consult')), 5, 0.5);
    expectAbout('transaction time at the window (min)', baseline.map(deskTimeOf('transaction')), 15, 1.5);
  });

  it('has the work mix: 48% reception and consultation, 52% the rest', () => {
    expectAbout('consultation share of arrivals', baseline.map(shareOf('consult')), 0.48, 0.03);
  });

  it('keeps abandonment realistic (under 10% of customers)', () => {
    const abandoned = summarizeFigure(baseline.map((d) => (d.metrics.abandoned + d.metrics.balked) / d.metrics.arrived));
    expect(abandoned.mean).toBeLessThan(0.1);
  });
});

describe('service-hall.yaml reproduces the planners\' figures (calibration check, not a statistical test)', () => {
  const loaded = loadScenario(path('service-hall.yaml'));
  const baseline = days(loaded);

  it('has the front-desk work mix 48 / 24 / 18 / 8 / 2%', () => {
    expectAbout('reception and consultation share', baseline.map(shareOf('consultation')), 0.48, 0.03);
    expectAbout('paperwork share', baseline.map(shareOf('paperwork')), 0.24, 0.03);
    expectAbout('service request share', baseline.map(shareOf('service_request')), 0.18, 0.03);
    expectAbout('order share', baseline.map(shareOf('order')), 0.08, 0.02);
    expectAbout('other share', baseline.map(shareOf('other')), 0.02, 0.01);
  });

  it('serves a simple request in about 5 minutes and a complex one in about 15', () => {
    expectAbout('consultation time at the window (min)', baseline.map(deskTimeOf('consultation')), 5, 0.5);
    expectAbout('paperwork time at the window (min)', baseline.map(deskTimeOf('paperwork')), 15, 1.5);
  });
});

describe('hospital-registration.yaml reproduces the planners\' figures (calibration check, not a statistical test)', () => {
  const loaded = loadScenario(path('hospital-registration.yaml'));

  it('books about 30% of visits today and 85% in the "85% of visits booked" variant', () => {
    expectAbout('booked share of visits, today', days(loaded).map(shareOf('booked')), 0.3, 0.03);
    expectAbout('booked share of visits, 85% variant', days(loaded, variant(loaded, '85% of visits booked')).map(shareOf('booked')), 0.85, 0.03);
  });
});

describe('hotel-front-desk.yaml reproduces the planners\' figures (calibration check, not a statistical test)', () => {
  const loaded = loadScenario(path('hotel-front-desk.yaml'));
  const baseline = days(loaded);
  const desk = baseline.map(deskTimeOf('check_in'));
  /** Desk time per check-in in a variant, relative to the baseline, day by day (same guests). */
  const relative = (name: string) => days(loaded, variant(loaded, name)).map((day, r) => deskTimeOf('check_in')(day) / desk[r]);

  it('takes about 5 minutes at the desk per check-in', () => {
    expectAbout('check-in time at the desk (min)', desk, 5, 0.5);
  });

  it('shortens the check-in as the source shortened its process: welcome 30 -> 20 of 100; the whole 100 -> 65', () => {
    expectAbout('queue manager: desk time relative to today', relative('queue manager'), 0.9, 0.03);
    expectAbout('check-in redesigned: desk time relative to today', relative('check-in redesigned'), 0.65, 0.03);
  });
});
