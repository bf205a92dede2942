/**
 * Staff-hours, cost and the last customer in the reports (issue 14): a real study of a hall with a
 * late queue, rendered as table, Markdown and JSON, each figure printed from the Result's numbers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fixed, formatClock } from '../../src/report/format.js';
import { renderJson, renderMarkdown, renderTable } from '../../src/report/index.js';
import { runStudy } from '../../src/runner/study.js';
import type { Result } from '../../src/runner/result.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { applyVariant } from '../../src/scenario/variants.js';
import { TEST_SEED } from '../helpers/seed.js';

// Opens 09:00, doors close at 11:00, a queue still inside; the front desk costs 30 an hour, the back
// office has no cost. The variant adds a counter to each: more staff-hours, an earlier last customer.
const SCENARIO = `name: late queue
open: "09:00"
horizon: 120
arrivals: { perHour: 40 }
types: { walkin: { service: { dist: exponential, mean: 5 } }, form: { share: 0.3, service: { dist: exponential, mean: 8 } } }
counters:
  front: { staff: 3, serves: [walkin], cost: 30 }
  back: { staff: 1, serves: [form] }
kiosks: { count: 2, uptake: { walkin: 0.1 }, service: { dist: exponential, mean: 2 } }
variants:
  - { name: one more, set: { counters.front.staff: 4, counters.back.staff: 2 } }
`;

let result: Result;
beforeAll(async () => {
  const loaded = parseScenarioText(SCENARIO, 'late.yaml');
  result = await runStudy(
    'late queue',
    [
      { name: 'baseline', scenario: loaded.scenario, baseDir: loaded.baseDir },
      { name: 'one more', scenario: applyVariant(loaded, 0), baseDir: loaded.baseDir },
    ],
    { replications: 8, seed: TEST_SEED, period: 60, workers: 1 },
  );
});

describe('staff-hours, cost and the last customer', () => {
  it('JSON: staffHours per counter group (no kiosks), cost, lastDeparture and overtime, full precision', () => {
    const json = JSON.parse(renderJson(result));
    const m = json.variants[0].metrics;
    expect(Object.keys(m.staffHours)).toEqual(['front', 'back']);
    // Three counters on duty from 09:00 at least to the horizon; the cost is the front's alone.
    expect(m.staffHours.front.mean).toBeGreaterThanOrEqual(6);
    expect(m.cost.mean).toBeCloseTo(30 * m.staffHours.front.mean, 9);
    expect(m.lastDeparture.mean).toBeGreaterThan(0);
    expect(m.overtime.mean).toBeCloseTo(Math.max(0, m.lastDeparture.mean - 120), 0);
    const costChange = json.comparisons.find((c: { metric: string }) => c.metric === 'cost');
    expect(costChange.diff.mean).toBeGreaterThan(0);
    // A moment of the day changes by minutes, not by a percentage of the minutes since opening.
    const lastChange = json.comparisons.find((c: { metric: string }) => c.metric === 'lastDeparture');
    expect([Number.isFinite(lastChange.diff.mean), lastChange.pct]).toEqual([true, null]);
  });

  it('run table: the last customer as a clock time, overtime in minutes, staff-hours per group, the cost', () => {
    const table = renderTable({ ...result, variants: [result.variants[0]], comparisons: undefined, typeComparisons: undefined });
    const m = result.variants[0].metrics;
    const half = (key: string) => Math.max(m[key].mean - m[key].ci95![0], m[key].ci95![1] - m[key].mean);
    expect(table).toMatch(new RegExp(`Last customer left at +${formatClock(result.openClock, m.lastDeparture.mean)} +±${fixed(half('lastDeparture'), 1)} min`));
    expect(table).toMatch(new RegExp(`Overtime past closing +${fixed(m.overtime.mean, 1)} min`));
    expect(table).toMatch(new RegExp(`Staff cost +${fixed(m.cost.mean, 0)} `));
    expect(table).toContain('Staff-hours (counter-hours on duty, from opening to the last counter closing)');
    expect(table).toMatch(new RegExp(`front +${fixed(m['staffHours.front'].mean, 1)} h`));
    expect(table).toMatch(new RegExp(`back +${fixed(m['staffHours.back'].mean, 1)} h`));
    expect(table).not.toMatch(/kiosks +\d+\.\d h/);
  });

  it('compare table and Markdown: rows with each variant\'s change; the last customer moves in minutes', () => {
    const md = renderMarkdown(result);
    const last = result.comparisons!.find((c) => c.variant === 'one more' && c.metric === 'lastDeparture')!;
    const sign = last.diff.mean < 0 ? '\u2212' : '+';
    expect(md).toMatch(new RegExp(`\\| Last customer left at \\| \\d\\d:\\d\\d ±[\\d.]+ min \\| \\d\\d:\\d\\d ±[\\d.]+ min \\(\\${sign}${fixed(Math.abs(last.diff.mean), 1)} min\\)`));
    expect(md).toMatch(/\| Staff-hours front \(h\) \| [\d.]+ ±[\d.]+ \| [\d.]+ ±[\d.]+ \(\+\d+%\) \\\*/);
    expect(md).toMatch(/\| Staff cost \| \d+ ±\d+ \| \d+ ±\d+ \(\+\d+%\) \\\* \|/);
    expect(renderTable(result)).toContain('Overtime past closing (min)');
  });

  it('a hall without a cost shows no cost row, though JSON keeps the figure (null)', async () => {
    const loaded = parseScenarioText(SCENARIO.replace(', cost: 30', ''), 'late.yaml');
    const plain = await runStudy('late queue', [{ name: 'baseline', scenario: loaded.scenario, baseDir: loaded.baseDir }], {
      replications: 3, seed: TEST_SEED, period: 60, workers: 1,
    });
    expect(renderTable(plain)).not.toContain('Staff cost');
    expect(JSON.parse(renderJson(plain)).variants[0].metrics.cost).toEqual({ mean: null, sd: null, ci95: null });
  });
});

describe('a moment of the day', () => {
  it('prints as a clock time, with the days after the opening day when later', async () => {
    const { formatBare } = await import('../../src/report/metrics.js');
    const nine = 9 * 60;
    expect(formatBare(512.5, 'clock', nine)).toBe('17:32');
    expect(formatBare(15 * 60 + 4, 'clock', nine)).toBe('00:04 +1d');
    expect(formatBare(2880 + 29, 'clock', 8 * 60)).toBe('08:29 +2d');
    expect(formatBare(NaN, 'clock', nine)).toBe('\u2013');
  });
});

describe('compare panels', () => {
  it('leave out a counter group none of the panel\'s alternatives has', async () => {
    const { compareResult, S } = await import('./fixtures.js');
    const r = compareResult();
    const merged = structuredClone(r.variants[1]);
    merged.name = 'merged';
    merged.metrics['staffHours.windows'] = S(70, 1);
    r.variants.push(merged);
    // Narrow enough for one variant per panel.
    const panels = renderTable(r, { width: 60 }).split('\n\n').filter((b) => b.startsWith('Variants side by side'));
    expect(panels).toHaveLength(2);
    expect(panels[0]).not.toContain('Staff-hours windows');
    expect(panels[1]).toMatch(/Staff-hours windows \(h\) +– +70\.0/);
  });
});
