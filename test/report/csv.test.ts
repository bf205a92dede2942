import { describe, expect, test } from 'vitest';
import { CSV_HEADER, quote, renderCsv } from '../../src/report/csv.js';
import { compareResult, runResult } from './fixtures.js';
import { parseCsv } from './helpers.js';

describe('renderCsv', () => {
  test('a run: tidy rows, one per variant × scope × metric × statistic', () => {
    const r = runResult();
    const rows = parseCsv(renderCsv(r));
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows[0].join(',')).toBe('variant,scope,period,metric,statistic,value');
    for (const row of rows) expect(row).toHaveLength(6);
    const v = r.variants[0];
    const metrics =
      Object.keys(v.metrics).length +
      Object.values(v.byType).reduce((n, m) => n + Object.keys(m).length, 0) +
      v.byPeriod.reduce((n, p) => n + Object.keys(p.metrics).length, 0);
    expect(metrics).toBe(18 + 2 * 14 + 2 * 19);
    expect(rows).toHaveLength(1 + 3 + 4 * metrics);
    // What every figure is judged by comes first: the service level's target above all.
    expect(rows.slice(1, 4)).toEqual([
      ['', 'study', '', 'seed', 'value', '2026'],
      ['', 'study', '', 'replications', 'value', '30'],
      ['', 'study', '', 'waitTarget', 'value', '10'],
    ]);
    expect(rows[4]).toEqual(['baseline', 'overall', '', 'arrived', 'mean', '480']);
    expect(rows.slice(4, 8).map((row) => row[4])).toEqual(['mean', 'sd', 'ci95_lo', 'ci95_hi']);
    expect(rows).toContainEqual(['baseline', 'overall', '', 'utilization.general', 'mean', '0.872']);
    expect(rows).toContainEqual(['baseline', 'consult', '', 'waitMean', 'mean', '8.2']);
    expect(rows).toContainEqual(['baseline', 'period', '10:00-11:00', 'openCounters.general', 'mean', '4']);
  });

  test('values parse back to the numbers of the Result, at full precision', () => {
    const r = runResult();
    r.variants[0].metrics.waitMean = { mean: 0.1 + 0.2, sd: -0, ci95: [NaN, 1e-9] };
    const rows = parseCsv(renderCsv(r));
    const value = (stat: string) => rows.find((row) => row[3] === 'waitMean' && row[1] === 'overall' && row[4] === stat)![5];
    expect(Number(value('mean'))).toBe(0.30000000000000004);
    expect(value('sd')).toBe('0');
    expect(value('ci95_lo')).toBe('');
    expect(Number(value('ci95_hi'))).toBe(1e-9);
  });

  test('a compare adds six rows per comparison', () => {
    const r = compareResult();
    const rows = parseCsv(renderCsv(r));
    const comparisons = rows.filter((row) => row[1] === 'comparison');
    expect(comparisons).toHaveLength(9 * 6);
    expect(rows).toHaveLength(1 + 3 + 2 * 4 * (18 + 2 * 14 + 2 * 19) + 9 * 6);
    const wait = comparisons.filter((row) => row[3] === 'waitMean');
    expect(wait.map((row) => row[4])).toEqual(['diff_mean', 'diff_sd', 'diff_ci95_lo', 'diff_ci95_hi', 'pct', 'significant']);
    expect(wait[0]).toEqual(['two more kiosks', 'comparison', '', 'waitMean', 'diff_mean', '-5.4']);
    expect(wait[4][5]).toBe('-43.2');
    expect(wait[5][5]).toBe('1');
    expect(comparisons.find((row) => row[3] === 'balked' && row[4] === 'pct')![5]).toBe('');
  });

  test('RFC 4180 quoting of names with commas, quotes and line breaks', () => {
    const r = compareResult();
    const name = 'North, "new" desk\nfloor 2';
    r.variants[1].name = name;
    for (const c of r.comparisons!) c.variant = name;
    const text = renderCsv(r);
    expect(text).toContain('"North, ""new"" desk\nfloor 2",overall,');
    const rows = parseCsv(text);
    for (const row of rows) expect(row).toHaveLength(6);
    expect(rows.filter((row) => row[0] === name)).toHaveLength(4 * (18 + 2 * 14 + 2 * 19) + 9 * 6);
    expect(quote('plain')).toBe('plain');
    expect(quote('a,b')).toBe('"a,b"');
  });
});
