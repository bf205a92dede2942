import { describe, expect, it } from 'vitest';
import type { MetricColumns } from '../../src/model/metric-columns.js';
import { MetricTable } from '../../src/runner/metric-table.js';

const columns: MetricColumns = {
  metricKeys: ['arrived', 'waitMean', 'utilization.desk'],
  typeNames: ['a', 'b'],
  typeKeys: ['arrived', 'waitMean'],
  periodCount: 2,
  periodKeys: ['arrived', 'waitMean'],
};

/** Replication r's row: column c holds 1000 r + c (NaN in column 1 of replication 1). */
function rows(from: number, count: number): Float64Array {
  const width = 3 + 2 * 2 + 2 * 2;
  const out = new Float64Array(width * count);
  for (let r = from; r < from + count; r++) {
    for (let c = 0; c < width; c++) out[(r - from) * width + c] = r === 1 && c === 1 ? NaN : 1000 * r + c;
  }
  return out;
}

describe('MetricTable', () => {
  it('keeps rows in order across batches and gives back every figure by column', () => {
    const table = new MetricTable(columns);
    expect(table.width).toBe(11);
    // Two batches, the second large enough to make the table grow.
    table.append(rows(0, 3), 3);
    table.append(rows(3, 40), 40);
    expect(table.rows).toBe(43);
    const expected = (c: number, n = 43) => Array.from({ length: n }, (_, r) => (r === 1 && c === 1 ? NaN : 1000 * r + c));
    expect(Array.from(table.column(table.metricColumn('waitMean')))).toEqual(expected(1));
    expect(Array.from(table.column(table.typeOffset(1) + 1))).toEqual(expected(3 + 2 + 1));
    expect(Array.from(table.column(table.periodOffset(1), 5))).toEqual(expected(3 + 4 + 2, 5));
    expect(Array.from(table.rowValues.subarray(0, 11))).toEqual(Array.from({ length: 11 }, (_, c) => c));
    expect(table.metricColumn('nothing')).toBe(-1);
    expect(() => table.column(-1)).toThrow(RangeError);
  });
});
