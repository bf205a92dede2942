import { describe, expect, it } from 'vitest';
import { MetricTable } from '../../src/runner/metric-table.js';
import { resultOf, type StudyFrame } from '../../src/runner/study-result.js';

/** Three alternatives of 5 replications, each row made from its alternative and replication. */
const columns = { metricKeys: ['waitMean', 'served'], typeNames: ['consult'], typeKeys: ['waitMean'], periodKeys: ['served'], periodCount: 1 };
const tables = [0, 1, 2].map((a) => {
  const table = new MetricTable(columns);
  for (let r = 0; r < 5; r++) table.append(new Float64Array([a + r / 3, 100 + a * r, a * 2 + r, 40 + r]), 1);
  return table;
});
const frame: StudyFrame = {
  title: 'hall',
  seed: 1,
  openClock: 540,
  waitTarget: 10,
  alternatives: ['baseline', 'more windows', 'kiosks'].map((name) => ({ name, periods: [{ start: 0, end: 60, clock: '09:00' }] })),
  warnings: [],
};
const withoutRows = (key: string, value: unknown) => (key === 'samples' ? undefined : value);

describe('resultOf', () => {
  it('gives the same result from tables read one alternative at a time, and lets their rows go', () => {
    const whole = resultOf(frame, tables);
    const asked: number[] = [];
    const streamed = resultOf(
      frame,
      (a) => {
        asked.push(a);
        return tables[a];
      },
      false,
    );
    expect(asked).toEqual([0, 1, 2]);
    expect(JSON.stringify(streamed, withoutRows)).toBe(JSON.stringify(whole, withoutRows));
    expect(streamed.comparisons?.length).toBeGreaterThan(0);
    expect(streamed.variants.map((v) => v.samples)).toEqual([undefined, undefined, undefined]);
    // The in-process study keeps them (its tests compare the rows of threads and of one thread).
    expect(whole.variants.map((v) => v.samples)).toEqual(tables);
  });
});
