import { describe, expect, test } from 'vitest';
import { CSV_HEADER, quote, renderCsv } from '../../src/report/csv.js';
import { toJson } from '../../src/report/json.js';
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

  test('numbers are rounded to what they mean: minutes and counts to 2 decimals, shares to 4, percent changes to 2', () => {
    const r = compareResult();
    r.variants[0].metrics.waitMean = { mean: 0.1 + 0.2, sd: -0, ci95: [NaN, 12.345678] };
    r.variants[0].metrics.serviceLevel = { mean: 0.8341234567, sd: 0.0123456, ci95: [0.81999999, 0.85] };
    r.variants[0].metrics.arrived = { mean: 480.1234, sd: 20.98765, ci95: [470.5, 489.99999] };
    r.variants[0].metrics.someoneElsesFigure = { mean: 1234.56789, sd: 0.000123456789, ci95: null };
    r.comparisons![0].pct = -43.21987;
    const rows = parseCsv(renderCsv(r));
    const value = (metric: string, stat: string) => rows.find((row) => row[3] === metric && row[1] === 'overall' && row[4] === stat)![5];
    expect(['mean', 'sd', 'ci95_lo', 'ci95_hi'].map((s) => value('waitMean', s))).toEqual(['0.3', '0', '', '12.35']);
    expect(['mean', 'sd', 'ci95_lo', 'ci95_hi'].map((s) => value('serviceLevel', s))).toEqual(['0.8341', '0.0123', '0.82', '0.85']);
    expect(['mean', 'sd', 'ci95_lo', 'ci95_hi'].map((s) => value('arrived', s))).toEqual(['480.12', '20.99', '470.5', '490']);
    expect(['mean', 'sd', 'ci95_lo'].map((s) => value('someoneElsesFigure', s))).toEqual(['1234.57', '0.000123457', '']);
    const pct = rows.find((row) => row[1] === 'comparison' && row[3] === r.comparisons![0].metric && row[4] === 'pct')![5];
    expect(pct).toBe('-43.22');
    // Nothing in the file carries more than 4 decimals except the unknown key's significant digits.
    for (const row of rows.slice(1)) if (row[3] !== 'someoneElsesFigure') expect(row[5], row.join(',')).toMatch(/^(-?\d+(\.\d{1,4})?)?$/);
  });

  test('per-type comparisons are rows of scope comparison:<type>', () => {
    const r = compareResult();
    const rows = parseCsv(renderCsv(r)).filter((row) => row[1].startsWith('comparison:'));
    expect(rows).toHaveLength(2 * 6);
    expect(rows.slice(0, 6)).toEqual([
      ['two more kiosks', 'comparison:consult', '', 'waitMean', 'diff_mean', '-1.2'],
      ['two more kiosks', 'comparison:consult', '', 'waitMean', 'diff_sd', '1.08'],
      ['two more kiosks', 'comparison:consult', '', 'waitMean', 'diff_ci95_lo', '-1.6'],
      ['two more kiosks', 'comparison:consult', '', 'waitMean', 'diff_ci95_hi', '-0.8'],
      ['two more kiosks', 'comparison:consult', '', 'waitMean', 'pct', '-14.6'],
      ['two more kiosks', 'comparison:consult', '', 'waitMean', 'significant', expect.stringMatching(/^[01]$/)],
    ]);
    expect(rows[6][1]).toBe('comparison:transaction');
  });

  test('a compare adds six rows per comparison', () => {
    const r = compareResult();
    const rows = parseCsv(renderCsv(r));
    const comparisons = rows.filter((row) => row[1] === 'comparison');
    expect(comparisons).toHaveLength(9 * 6);
    expect(rows).toHaveLength(1 + 3 + 2 * 4 * (18 + 2 * 14 + 2 * 19) + 9 * 6 + 2 * 6);
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
    for (const c of [...r.comparisons!, ...r.typeComparisons!]) c.variant = name;
    const text = renderCsv(r);
    expect(text).toContain('"North, ""new"" desk\nfloor 2",overall,');
    const rows = parseCsv(text);
    for (const row of rows) expect(row).toHaveLength(6);
    expect(rows.filter((row) => row[0] === name)).toHaveLength(4 * (18 + 2 * 14 + 2 * 19) + 9 * 6 + 2 * 6);
    expect(quote('plain')).toBe('plain');
    expect(quote('a,b')).toBe('"a,b"');
  });

  test('wide: one row per alternative, type, period and comparison; a mean and an interval column per figure', () => {
    const r = compareResult();
    const rows = parseCsv(renderCsv(r, 'wide'));
    const [header, ...data] = rows;
    expect(header.slice(0, 9)).toEqual(['variant', 'scope', 'period', 'seed', 'replications', 'waitTarget', 'arrived', 'arrived_ci95_lo', 'arrived_ci95_hi']);
    for (const row of rows) expect(row).toHaveLength(header.length);
    // Each key once, with its two interval columns; per-period keys (open counters) too.
    const keys = header.slice(6).filter((_, i) => i % 3 === 0);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('openCounters.general');
    expect(data.map((row) => `${row[0]}|${row[1]}|${row[2]}`)).toEqual([
      'baseline|overall|', 'baseline|consult|', 'baseline|transaction|', 'baseline|period|09:00-10:00', 'baseline|period|10:00-11:00',
      'two more kiosks|overall|', 'two more kiosks|consult|', 'two more kiosks|transaction|', 'two more kiosks|period|09:00-10:00', 'two more kiosks|period|10:00-11:00',
      'two more kiosks|comparison|', 'two more kiosks|comparison:consult|', 'two more kiosks|comparison:transaction|',
    ]);
    expect(data[0].slice(3, 6)).toEqual(['2026', '30', '10']);
    // Every cell is the JSON's figure, rounded as the tidy layout rounds it.
    const json = toJson(r) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    const col = (k: string) => header.indexOf(k);
    const wait = json.variants[1].byType.consult.waitMean;
    expect(data[6].slice(col('waitMean'), col('waitMean') + 3).map(Number)).toEqual([wait.mean, ...wait.ci95].map((x: number) => Number(x.toFixed(2))));
    const util = json.variants[0].metrics.utilization.general;
    expect(Number(data[0][col('utilization.general')])).toBe(Number(util.mean.toFixed(4)));
    expect(data[1][col('utilization.general')]).toBe('');
    const change = r.comparisons!.find((c) => c.metric === 'waitMean')!;
    expect(data[10].slice(col('waitMean'), col('waitMean') + 3)).toEqual([change.diff.mean, ...change.diff.ci95!].map((x) => String(Number(x.toFixed(2)))));
    expect(data[11][col('waitMean')]).toBe('-1.2');
    expect(data[11][col('serviceLevel')]).toBe('');
  });
});
