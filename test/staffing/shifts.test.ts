/** Shift patterns and the cheapest cover: HiGHS's optimum equals the optimum found by enumeration. */
import { describe, expect, it } from 'vitest';
import type { ShiftPattern } from '../../src/scenario/schema.js';
import { cheapestCover, onDutyThroughout, shiftOptions, type CoverProblem, type ShiftOption } from '../../src/staffing/shifts.js';

const pattern = (p: Partial<ShiftPattern> & Pick<ShiftPattern, 'length' | 'every' | 'cost'>): ShiftPattern => ({
  name: 'p',
  group: 'desk',
  breaks: [],
  ...p,
});

/** The cheapest cover by trying every count from 0 to the largest requirement for each option. */
function enumerate(problem: CoverProblem): number {
  const { options, required, periods } = problem;
  const top = Math.max(...required[0]);
  const x = new Array<number>(options.length).fill(0);
  let best = Infinity;
  const covers = () =>
    periods.every((period, p) => options.reduce((n, o, j) => n + (onDutyThroughout(o, period.start, period.end) ? x[j] : 0), 0) >= required[0][p]);
  const withinCaps = () =>
    problem.maxPerPattern.every((cap, s) => options.reduce((n, o, j) => n + (o.pattern === s ? x[j] : 0), 0) <= cap);
  const walk = (j: number, cost: number) => {
    if (cost >= best) return;
    if (j === options.length) {
      if (withinCaps() && covers()) best = cost;
      return;
    }
    for (let n = 0; n <= top; n++) {
      x[j] = n;
      walk(j + 1, cost + n * options[j].cost);
    }
    x[j] = 0;
  };
  walk(0, 0);
  return best;
}

function problem(patterns: ShiftPattern[], required: number[], horizon: number, period: number): CoverProblem {
  const options: ShiftOption[] = shiftOptions(patterns, () => 0, horizon);
  return {
    options,
    maxPerPattern: patterns.map((p) => p.max ?? Infinity),
    required: [required],
    periods: required.map((_, k) => ({ start: k * period, end: Math.min((k + 1) * period, horizon) })),
    coveredGroups: [0],
  };
}

describe('shift options', () => {
  it('start on the grid within the day and take each break in its window, on the grid, in order', () => {
    const options = shiftOptions([pattern({ length: 240, every: 60, cost: 4, breaks: [{ after: [60, 120], length: 30 }] })], () => 0, 300);
    expect(options.map((o) => [o.start, o.breaks.map((b) => b.start)])).toEqual([
      [0, [60]],
      [0, [120]],
      [60, [120]],
      [60, [180]],
    ]);
    expect(onDutyThroughout(options[0], 0, 60)).toBe(true);
    expect(onDutyThroughout(options[0], 60, 120)).toBe(false);
  });
});

describe('the cheapest cover', () => {
  const cases: [string, ShiftPattern[], number[], number][] = [
    ['long and short shifts', [pattern({ length: 180, every: 60, cost: 3 }), pattern({ length: 60, every: 60, cost: 1.5 })], [2, 3, 1, 2], 240],
    ['a capped cheap shift', [pattern({ length: 120, every: 60, cost: 1.5, max: 2 }), pattern({ length: 60, every: 60, cost: 1 })], [3, 3, 2], 180],
    [
      'shifts with a break',
      [pattern({ length: 240, every: 60, cost: 3.5, breaks: [{ after: [60, 120], length: 60 }] }), pattern({ length: 60, every: 60, cost: 1.2 })],
      [2, 2, 3, 1, 2],
      300,
    ],
    ['half-hour grid, hourly periods', [pattern({ length: 90, every: 30, cost: 2 }), pattern({ length: 60, every: 60, cost: 1.5 })], [1, 2, 2], 180],
  ];
  it.each(cases)('%s: HiGHS finds the optimum that enumeration finds', async (_name, patterns, required, horizon) => {
    const p = problem(patterns, required, horizon, 60);
    const cover = await cheapestCover(p);
    expect(cover).not.toBeNull();
    expect(cover!.cost).toBeCloseTo(enumerate(p), 9);
    p.periods.forEach((period, k) => {
      const onDuty = p.options.reduce((n, o, j) => n + (onDutyThroughout(o, period.start, period.end) ? cover!.counts[j] : 0), 0);
      expect(onDuty).toBeGreaterThanOrEqual(required[k]);
    });
  });

  it('says so when the shifts cannot cover the requirement', async () => {
    expect(await cheapestCover(problem([pattern({ length: 60, every: 60, cost: 1, max: 1 })], [2, 1], 120, 60))).toBeNull();
  });
});
