import { describe, expect, test } from 'vitest';
import { renderTable } from '../../src/report/table.js';
import { displayWidth } from '../../src/report/width.js';
import { block, blocks, widths } from './helpers.js';
import { compareResult, runResult, S } from './fixtures.js';

const TABLE_TITLES = ['Key figures', 'Utilisation', 'By customer type', 'By period', 'Variants side by side'];

/** Every table block: all its lines (title excluded) have the same display width. */
function expectAligned(text: string): void {
  const tables = blocks(text).filter((b) => TABLE_TITLES.some((t) => b[0].startsWith(t)));
  expect(tables.length).toBeGreaterThan(0);
  for (const table of tables) {
    const w = widths(table);
    expect(new Set(w).size, `${table[0]}: widths ${w.join(',')}`).toBe(1);
  }
}

describe('renderTable: a run', () => {
  test('reads as a planner expects', () => {
    expect(renderTable(runResult())).toMatchInlineSnapshot(`
      "Bank branch, today
      ==================

      30 replications, seed 2026, wait target 10 min

      Key figures (mean over replications ±95% CI half-width)
      Arrived                   480     ±4.1
      Served                    472     ±4.0
      Abandoned                 6.8     ±0.6
      Balked                      0     ±0.0
      Mean wait                12.5 min ±0.5
      Median wait              10.0 min ±0.4
      p90 wait                 26.3 min ±1.1
      p95 wait                 32.5 min ±1.4
      p99 wait                 42.5 min ±2.2
      Longest wait             52.5 min ±3.1
      Service level (≤10 min)  83.4%    ±2.1
      Mean time in system      21.8 min ±0.6
      Throughput               59.0/h   ±0.5
      Kiosk share              12.0%    ±1.0
      Mean line length          2.3     ±0.2
      Longest line             11.4     ±0.9

      Utilisation (share of staffed time busy)
      general  87.2% ±1.2
      kiosks   41.5% ±2.0

      By customer type (means over replications, ± 95% CI half-width of the mean wait and service level; waits in minutes)
      Type         Arrived  Served  Abandoned  Mean wait  p90 wait  Service level  Kiosk share
      ────────────────────────────────────────────────────────────────────────────────────────
      consult          230     227        3.3   8.2 ±0.5      17.2     83.4% ±2.1        12.0%
      transaction      250     245        3.5  16.4 ±0.5      34.4     83.4% ±2.1         0.0%

      By period (means, ± 95% CI half-width of the mean wait and service level; customers by arrival time, lines and utilisation by clock time; waits in minutes)
      Period       Arrived  Abandoned  Mean wait  p90 wait  Service level  Mean line  Util. general  Util. kiosks  Open general
      ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────
      09:00–10:00       60        0.8   5.1 ±0.5      10.7     83.4% ±2.1        1.2          75.0%         30.0%           3.0
      10:00–11:00       60        0.8  19.6 ±0.5      41.2     83.4% ±2.1        4.4          96.8%         52.0%           4.0
      "
    `);
  });

  test('key figures with units and ±, utilisation per group, types and periods', () => {
    const text = renderTable(runResult());
    expect(text).toContain('30 replications, seed 2026, wait target 10 min');
    expect(text).toMatch(/^Mean wait +12\.5 min ±0\.5$/m);
    expect(text).toMatch(/^Service level \(≤10 min\) +83\.4% +±2\.1$/m);
    expect(text).toMatch(/^Throughput +59\.0\/h +±0\.5$/m);
    expect(text).toMatch(/^general +87\.2% ±1\.2$/m);
    expect(text).toMatch(/^kiosks +41\.5% ±2\.0$/m);
    expect(block(text, 'By customer type')[3]).toMatch(/^consult +230 +227 +3\.3 +8\.2 ±0\.5 +17\.2 +83\.4% ±2\.1 +12\.0%$/);
    expect(block(text, 'By period')[4]).toMatch(/^10:00–11:00 +60 +0\.8 +19\.6 ±0\.5 +41\.2 +83\.4% ±2\.1 +4\.4 +96\.8% +52\.0% +4\.0$/);
    expect(text).not.toContain('NaN');
    expect(text).not.toContain('\x1b');
    expectAligned(text);
  });

  test('columns stay aligned with wide and combining characters in names', () => {
    const r = runResult();
    const { consult, transaction } = r.variants[0].byType;
    r.variants[0].byType = { '窓口 相談': consult, 'Cafe\u0301 desk': transaction };
    const text = renderTable(r);
    expectAligned(text);
    const rows = block(text, 'By customer type');
    expect(rows[3].startsWith('窓口 相談  ')).toBe(true);
    expect(rows[4].startsWith('Cafe\u0301 desk  ')).toBe(true);
  });

  test('unknown metrics render under their key; one replication prints no ±', () => {
    const r = runResult();
    const v = r.variants[0];
    v.metrics.staffCost = S(1234.5, 10);
    v.byType.consult.staffCost = S(600, 5);
    const noSpread = (m: Record<string, { mean: number }>) => {
      for (const [key, s] of Object.entries(m)) m[key] = { mean: s.mean, sd: null, ci95: null } as never;
    };
    noSpread(v.metrics);
    Object.values(v.byType).forEach(noSpread);
    v.byPeriod.forEach((p) => noSpread(p.metrics));
    const text = renderTable(r);
    expect(text).toMatch(/^staffCost +1235 +n\/a *$/m);
    expect(text).toMatch(/^Mean wait +12\.5 min +n\/a$/m);
    expect(text).not.toMatch(/±\d+\.\d/);
    expect(block(text, 'By customer type')[1]).toMatch(/ staffCost$/);
    expect(block(text, 'By customer type')[4]).toMatch(/ –$/); // transaction has no staffCost
    expectAligned(text);
  });

  test('a run with no types or periods prints only what it has; warnings come last', () => {
    const r = runResult();
    r.variants[0].byType = {};
    r.variants[0].byPeriod = [];
    r.warnings = ['warm-up longer than the horizon'];
    const text = renderTable(r);
    expect(text).not.toContain('By customer type');
    expect(text).not.toContain('By period');
    expect(text.endsWith('Warnings\n- warm-up longer than the horizon\n')).toBe(true);
  });
});

describe('renderTable: a compare', () => {
  test('variants side by side with changes and significance', () => {
    expect(renderTable(compareResult())).toMatchInlineSnapshot(`
      "Bank branch, today
      ==================

      30 replications, seed 2026, wait target 10 min

      Variants side by side, baseline first (means over replications)
      Figure                     baseline           two more kiosks
      ─────────────────────────────────────────────────────────────
      Mean wait (min)          12.5  ±0.5   7.1  ±0.5      (−43%) *
      p90 wait (min)           26.3  ±1.1  14.9  ±0.9      (−43%) *
      Service level (≤10 min)  83.4% ±2.1  91.2% ±1.5  (+7.8 pts) *
      Abandoned                 6.8  ±0.6   1.2  ±0.3      (−82%) *
      Utilisation general      87.2% ±1.2  86.1% ±1.3  (−1.1 pts)  
      Utilisation kiosks       41.5% ±2.0  30.0% ±2.0 (−11.5 pts) *
      Throughput (per hour)    59.0  ±0.5  59.0  ±0.5        (0%)  
      Kiosk share              12.0% ±1.0  24.0% ±1.0 (+12.0 pts) *

      By customer type (means over replications)
      Type         Figure                     baseline       two more kiosks
      ──────────────────────────────────────────────────────────────────────
      consult      Mean wait (min)           8.2  ±0.5   8.2  ±0.5  (−15%) *
                   p90 wait (min)           17.2  ±1.1  17.2  ±1.1          
                   Service level (≤10 min)  83.4% ±2.1  83.4% ±2.1          
                   Abandoned                 3.3  ±0.6   3.3  ±0.6          
      transaction  Mean wait (min)          16.4  ±0.5  16.4  ±0.5 (+1.8%)  
                   p90 wait (min)           34.4  ±1.1  34.4  ±1.1          
                   Service level (≤10 min)  83.4% ±2.1  83.4% ±2.1          
                   Abandoned                 3.5  ±0.6   3.5  ±0.6          

      By period: mean wait (min) (means ±95% CI; customers by arrival time)
      Period        baseline  two more kiosks
      ───────────────────────────────────────
      09:00–10:00   5.1 ±0.5         5.1 ±0.5
      10:00–11:00  19.6 ±0.5        19.6 ±0.5

      By period: service level (≤10 min) (means ±95% CI; customers by arrival time)
      Period         baseline  two more kiosks
      ────────────────────────────────────────
      09:00–10:00  83.4% ±2.1       83.4% ±2.1
      10:00–11:00  83.4% ±2.1       83.4% ±2.1

      ± half-width of the 95% confidence interval over replications (percentage points for shares).
      (…) change against the baseline: percent of the baseline mean; pts = percentage points for shares.
      * significant: the 95% CI of the paired difference (common random numbers) excludes 0.

      Warnings
      - replication 7: 3 customers still inside at the end of the drain
      "
    `);
  });

  test('each variant cell shows its change and * only when significant', () => {
    const text = renderTable(compareResult());
    const table = block(text, 'Variants side by side');
    expect(table[1]).toMatch(/^Figure +baseline +two more kiosks$/);
    expect(text).toMatch(/^Mean wait \(min\) +12\.5 +±0\.5 +7\.1 +±0\.5 +\(−43%\) \*$/m);
    expect(text).toMatch(/^Service level \(≤10 min\) +83\.4% ±2\.1 +91\.2% ±1\.5 +\(\+7\.8 pts\) \*$/m);
    expect(text).toMatch(/^Utilisation general +87\.2% ±1\.2 +86\.1% ±1\.3 +\(−1\.1 pts\) +$/m);
    expect(text).toMatch(/^Throughput \(per hour\) .*\(0%\) +$/m);
    expect(text).not.toMatch(/^Balked/m); // zero in every variant
    expect(text).toContain('* significant: the 95% CI of the paired difference');
    expect(text).toMatch(/^± half-width of the 95% confidence interval/m);
    expectAligned(text);
  });

  test('colour only when asked: green for a significant improvement, red for a deterioration', () => {
    const r = compareResult();
    const p90 = r.comparisons!.find((c) => c.metric === 'waitP90')!;
    Object.assign(p90, { diff: S(3.1, 1.2), pct: 11.8, significant: true });
    expect(renderTable(r)).not.toContain('\x1b');
    const text = renderTable(r, { color: true });
    const line = (label: string) => text.split('\n').find((l) => l.startsWith(label))!;
    expect(line('Mean wait')).toContain('\x1b[32m(−43%)\x1b[39m');
    expect(line('p90 wait')).toContain('\x1b[31m(+12%)\x1b[39m');
    expect(line('Utilisation general')).not.toContain('\x1b'); // not significant
    expect(line('Kiosk share')).not.toContain('\x1b'); // neither better nor worse
    expectAligned(text);
    expect(displayWidth(line('Mean wait'))).toBe(displayWidth(line('Kiosk share')));
  });

  test('a change against a zero baseline is the signed difference; a missing figure is –', () => {
    const r = compareResult();
    r.variants[1].metrics.balked = S(1.5, 0.4);
    Object.assign(r.comparisons!.find((c) => c.metric === 'balked')!, { diff: S(1.5, 0.4), pct: null, significant: true });
    delete r.variants[1].metrics.kioskShare;
    const text = renderTable(r);
    expect(text).toMatch(/^Balked +0 +±0\.0 +1\.5 +±0\.4 +\(\+1\.5\) \*$/m);
    expect(text).toMatch(/^Kiosk share +12\.0% ±1\.0 +–$/m);
    expectAligned(text);
  });

  test('three variants: one column each, baseline first, all aligned', () => {
    const r = compareResult();
    const third = { ...structuredClone(r.variants[1]), name: 'shift plan B' };
    r.variants.push(third);
    r.comparisons!.push({ variant: 'shift plan B', metric: 'waitMean', diff: S(-1, 2), pct: -8, significant: false });
    const text = renderTable(r);
    expect(block(text, 'Variants side by side')[1]).toMatch(/^Figure +baseline +two more kiosks +shift plan B$/);
    expect(text).toMatch(/^Mean wait \(min\) .*\(−43%\) \* +7\.1 +±0\.5 +\(−8\.0%\)$/m);
    expectAligned(text);
  });

  test('a Result without variants still says what was run', () => {
    const r = runResult();
    r.variants = [];
    expect(renderTable(r)).toContain('No variants were simulated.');
  });
});

describe('renderTable: a compare wider than the terminal', () => {
  /** The compare fixture with four copies of its variant, named apart. */
  function manyVariants() {
    const result = compareResult();
    const [base, variant] = result.variants;
    const names = ['kiosks A', 'kiosks B', 'kiosks C', 'kiosks D'];
    return {
      ...result,
      variants: [base, ...names.map((name) => ({ ...variant, name }))],
      comparisons: names.flatMap((name) => result.comparisons!.map((c) => ({ ...c, variant: name }))),
    };
  }

  test('is split into tables that fit, each repeating the baseline', () => {
    const text = renderTable(manyVariants(), { width: 90 });
    const panels = blocks(text).filter((b) => b[0].startsWith('Variants side by side'));
    expect(panels.length).toBeGreaterThan(1);
    for (const panel of panels) {
      expect(panel[1]).toMatch(/baseline/);
      for (const line of panel.slice(1)) expect(displayWidth(line)).toBeLessThanOrEqual(90);
    }
    const headers = panels.map((p) => p[1]).join(' ');
    for (const name of ['kiosks A', 'kiosks B', 'kiosks C', 'kiosks D']) expect(headers).toContain(name);
    expectAligned(text);
  });

  test('stays one table when it fits', () => {
    const text = renderTable(manyVariants(), { width: 1000 });
    expect(blocks(text).filter((b) => b[0].startsWith('Variants side by side'))).toHaveLength(1);
  });
});
