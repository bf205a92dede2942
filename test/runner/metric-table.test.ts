import { describe, expect, it } from 'vitest';
import { columnsOf, MetricTable, packRun, widthOf } from '../../src/runner/metric-table.js';
import type { ReplicationMetrics } from '../../src/runner/result.js';

function run(r: number): ReplicationMetrics {
  return {
    metrics: { arrived: 100 + r, waitMean: r === 1 ? NaN : 2 * r, 'utilization.desk': 0.5 },
    byType: { a: { arrived: 60 + r, waitMean: r }, b: { arrived: 40, waitMean: 3 * r } },
    byPeriod: [
      { arrived: 50, waitMean: r / 2 },
      { arrived: 50 + r, waitMean: r / 4 },
    ],
    events: 0,
    customers: 0,
  };
}

describe('MetricTable', () => {
  it('packs each replication as a row and gives back every figure by column', () => {
    const columns = columnsOf(run(0));
    expect(widthOf(columns)).toBe(3 + 2 * 2 + 2 * 2);
    const table = new MetricTable(columns);
    // Two batches, the second large enough to make the table grow.
    for (const [from, count] of [
      [0, 3],
      [3, 40],
    ]) {
      const values = new Float64Array(table.width * count);
      let at = 0;
      for (let r = from; r < from + count; r++) at = packRun(run(r), columns, values, at);
      expect(at).toBe(values.length);
      table.append(values, count);
    }
    expect(table.rows).toBe(43);
    const rows = Array.from({ length: 43 }, (_, r) => run(r));
    expect(Array.from(table.column(table.metricColumn('arrived')))).toEqual(rows.map((x) => x.metrics.arrived));
    expect(Array.from(table.column(table.metricColumn('waitMean')))).toEqual(rows.map((x) => x.metrics.waitMean));
    expect(Array.from(table.column(table.typeOffset(1) + 1))).toEqual(rows.map((x) => x.byType.b.waitMean));
    expect(Array.from(table.column(table.periodOffset(1), 5))).toEqual(rows.slice(0, 5).map((x) => x.byPeriod[1].arrived));
    expect(table.metricColumn('nothing')).toBe(-1);
  });
});
