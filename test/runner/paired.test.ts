import { describe, expect, it } from 'vitest';
import type { MetricColumns } from '../../src/model/metric-columns.js';
import { MetricTable } from '../../src/runner/metric-table.js';
import { pairedComparisons, pairedTypeComparisons } from '../../src/runner/paired.js';
import { summarizeFigure, summarizeVariant } from '../../src/runner/summarize.js';

/**
 * The paired comparisons read both tables row by row, in place. They must give the same bits as
 * the plain definition: copy each column out, subtract, summarise (what they did before).
 */
const baselineColumns: MetricColumns = {
  metricKeys: ['arrived', 'waitMean', 'utilization.desk'],
  typeNames: ['a', 'b'],
  typeKeys: ['arrived', 'waitMean'],
  periodCount: 2,
  periodKeys: ['arrived'],
};
// The variant has its types in the other order, one metric fewer and one type more.
const variantColumns: MetricColumns = {
  metricKeys: ['arrived', 'waitMean'],
  typeNames: ['c', 'b', 'a'],
  typeKeys: ['waitMean', 'arrived'],
  periodCount: 2,
  periodKeys: ['arrived'],
};

/** Rows of awkward values: fractions that round, an occasional NaN or Infinity, -0. */
function table(columns: MetricColumns, rows: number, salt: number): MetricTable {
  const t = new MetricTable(columns);
  const values = new Float64Array(t.width * rows);
  for (let i = 0; i < values.length; i++) {
    const v = Math.sin(i * 12.9898 + salt) * 437.5453;
    values[i] = i % 29 === 3 ? Number.NaN : i % 31 === 5 ? Number.POSITIVE_INFINITY : i % 37 === 7 ? -0 : v - Math.floor(v) + (i % 7) / 3;
  }
  t.append(values, rows);
  return t;
}

function plainColumn(t: MetricTable, c: number, n: number): number[] {
  return Array.from(t.column(c, n));
}

describe('paired comparisons', () => {
  it('give the same bits as copying each column out and subtracting', () => {
    const a = table(baselineColumns, 57, 1);
    const b = table(variantColumns, 53, 2);
    const baseline = summarizeVariant('baseline', a, [], true);
    const variant = summarizeVariant('variant', b, [], true);
    const n = 53;

    const comparisons = pairedComparisons(baseline, variant);
    expect(comparisons.map((c) => c.metric)).toEqual(['arrived', 'waitMean']);
    for (const c of comparisons) {
      const x = plainColumn(a, a.metricColumn(c.metric), n);
      const y = plainColumn(b, b.metricColumn(c.metric), n);
      expect(c.diff).toStrictEqual(summarizeFigure(y.map((v, r) => v - x[r])));
    }

    const byType = pairedTypeComparisons(baseline, variant);
    expect(byType.map((c) => `${c.type} ${c.metric}`)).toEqual(['a arrived', 'a waitMean', 'b arrived', 'b waitMean']);
    for (const c of byType) {
      const ca = a.typeOffset(a.columns.typeNames.indexOf(c.type)) + a.columns.typeKeys.indexOf(c.metric);
      const cb = b.typeOffset(b.columns.typeNames.indexOf(c.type)) + b.columns.typeKeys.indexOf(c.metric);
      const x = plainColumn(a, ca, n);
      const y = plainColumn(b, cb, n);
      expect(c.diff).toStrictEqual(summarizeFigure(y.map((v, r) => v - x[r])));
      expect(Object.keys(c)).toEqual(['type', 'variant', 'metric', 'diff', 'pct', 'significant']);
    }
  });
});
