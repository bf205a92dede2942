import { describe, expect, test } from 'vitest';
import { renderJson } from '../../src/report/json.js';
import type { MetricSummaries, Result } from '../../src/runner/result.js';
import { compareResult, runResult, S } from './fixtures.js';

const CONTRACT_METRICS = [
  'arrived', 'served', 'abandoned', 'balked',
  'waitMean', 'waitP50', 'waitP90', 'waitP95', 'waitP99', 'waitMax',
  'serviceLevel', 'timeInSystemMean', 'queueLengthMean', 'queueLengthMax',
  'throughputPerHour', 'kioskShare', 'utilization',
];

function expectSummary(x: unknown): void {
  expect(Object.keys(x as object)).toEqual(['mean', 'sd', 'ci95']);
  const s = x as { mean: unknown; sd: unknown; ci95: unknown[] };
  expect(typeof s.mean).toBe('number');
  expect(typeof s.sd).toBe('number');
  expect(s.ci95).toHaveLength(2);
  for (const v of s.ci95) expect(typeof v).toBe('number');
}

describe('renderJson (the public contract of SCENARIO.md)', () => {
  test('a run has the contract shape: top level, variant, metrics with utilisation nested', () => {
    const text = renderJson(runResult());
    expect(text.startsWith('{\n  "scenario": "Bank branch, today",\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    const json = JSON.parse(text);
    expect(Object.keys(json)).toEqual(['scenario', 'seed', 'replications', 'waitTarget', 'variants']);
    expect(json).toMatchObject({ scenario: 'Bank branch, today', seed: 2026, replications: 30 });
    expect(json.variants).toHaveLength(1);

    const v = json.variants[0];
    expect(Object.keys(v)).toEqual(['name', 'replications', 'metrics', 'byType', 'byPeriod']);
    expect(v.name).toBe('baseline');
    expect(Object.keys(v.metrics).sort()).toEqual([...CONTRACT_METRICS].sort());
    expect(Object.keys(v.metrics.utilization)).toEqual(['general', 'kiosks']);
    for (const [key, s] of Object.entries(v.metrics)) {
      if (key !== 'utilization') expectSummary(s);
    }
    for (const s of Object.values(v.metrics.utilization)) expectSummary(s);
    expect(v.metrics.utilization.general.mean).toBe(0.872);
    expect(v.metrics.waitMean).toEqual({ mean: 12.5, sd: 1.35, ci95: [12, 13] });

    expect(Object.keys(v.byType)).toEqual(['consult', 'transaction']);
    for (const metrics of Object.values(v.byType)) {
      for (const s of Object.values(metrics as object)) expectSummary(s);
    }
    expect(v.byPeriod).toHaveLength(2);
    for (const p of v.byPeriod) {
      expect(Object.keys(p)).toEqual(['start', 'end', 'clock', 'metrics']);
      expect(Object.keys(p.metrics.utilization)).toEqual(['general', 'kiosks']);
      expect(Object.keys(p.metrics.openCounters)).toEqual(['general']);
      expect(Object.keys(p.metrics).some((k) => k.includes('.'))).toBe(false);
    }
    expect(v.byPeriod[1]).toMatchObject({ start: 60, end: 120, clock: '10:00' });
    expect(v.byPeriod[1].metrics.openCounters.general.mean).toBe(4);
  });

  test('key order follows the input, nested families sit where their first key was', () => {
    const json = JSON.parse(renderJson(runResult()));
    const keys = Object.keys(json.variants[0].metrics);
    expect(keys.slice(0, 4)).toEqual(['arrived', 'served', 'abandoned', 'balked']);
    expect(keys.at(-1)).toBe('utilization');
    expect(Object.keys(json.variants[0].byPeriod[0].metrics).slice(-2)).toEqual(['utilization', 'openCounters']);
  });

  test('is deterministic and does not print internal fields', () => {
    const a = renderJson(runResult());
    expect(renderJson(runResult())).toBe(a);
    expect(renderJson(structuredClone(runResult()))).toBe(a);
    expect(a).not.toContain('samples');
    expect(a).not.toContain('warnings'); // empty: left out
    expect(a).not.toContain('openClock');
  });

  test('a compare lists the baseline first and adds comparisons and warnings', () => {
    const json = JSON.parse(renderJson(compareResult()));
    expect(Object.keys(json)).toEqual(['scenario', 'seed', 'replications', 'waitTarget', 'variants', 'comparisons', 'typeComparisons', 'warnings']);
    expect(json.variants.map((v: { name: string }) => v.name)).toEqual(['baseline', 'two more kiosks']);
    expect(json.comparisons).toHaveLength(9);
    for (const c of json.comparisons) {
      expect(Object.keys(c)).toEqual(['variant', 'metric', 'diff', 'pct', 'significant']);
      expectSummary(c.diff);
    }
    expect(json.comparisons[0]).toMatchObject({ variant: 'two more kiosks', metric: 'waitMean', pct: -43.2, significant: true });
    // Comparison metrics keep the flat key; a missing percentage stays null.
    expect(json.comparisons.map((c: { metric: string }) => c.metric)).toContain('utilization.general');
    expect(json.comparisons.find((c: { metric: string }) => c.metric === 'balked').pct).toBeNull();
    expect(json.warnings).toEqual(['replication 7: 3 customers still inside at the end of the drain']);
    // Each type's paired changes: the comparison's fields, its type first.
    expect(json.typeComparisons).toHaveLength(2);
    for (const c of json.typeComparisons) {
      expect(Object.keys(c)).toEqual(['type', 'variant', 'metric', 'diff', 'pct', 'significant']);
      expectSummary(c.diff);
    }
    expect(json.typeComparisons[0]).toMatchObject({ type: 'consult', variant: 'two more kiosks', metric: 'waitMean', pct: -14.6, significant: true });
  });

  test('full precision, -0 as 0, non-finite numbers as null: always valid JSON', () => {
    const r = runResult();
    r.variants[0].metrics.waitMean = { mean: 0.1 + 0.2, sd: -0, ci95: [NaN, Infinity] };
    r.variants[0].metrics.waitMax = { mean: -Infinity, sd: 1e-12, ci95: [-0, 0] };
    const text = renderJson(r);
    const json = JSON.parse(text);
    expect(json.variants[0].metrics.waitMean).toEqual({ mean: 0.30000000000000004, sd: 0, ci95: [null, null] });
    expect(json.variants[0].metrics.waitMax).toEqual({ mean: null, sd: 1e-12, ci95: [0, 0] });
    expect(text).not.toMatch(/-0[,\s\]]/);
    expect(text).not.toMatch(/NaN|Infinity/);
  });

  test('names are data: a type called __proto__ or constructor is an ordinary key', () => {
    const r: Result = runResult();
    const byType: Record<string, MetricSummaries> = { constructor: { arrived: S(2, 0) } };
    // A literal `{ __proto__: ... }` would set the prototype; this is how a parsed name arrives.
    Object.defineProperty(byType, '__proto__', { value: { arrived: S(1, 0) }, enumerable: true });
    r.variants[0].byType = byType;
    const json = JSON.parse(renderJson(r));
    expect(Object.keys(json.variants[0].byType)).toEqual(['constructor', '__proto__']);
    expect(json.variants[0].byType['__proto__'].arrived.mean).toBe(1);
  });

  test('unknown metrics pass through under their key', () => {
    const r = runResult();
    r.variants[0].metrics.staffCost = S(1234.5, 10);
    const json = JSON.parse(renderJson(r));
    expect(json.variants[0].metrics.staffCost.mean).toBe(1234.5);
  });
});
