/**
 * Several groups: each is judged on the customers of the types it serves (a shared type counts for
 * both), and the result is minimal over every group and period.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { renderStaffing } from '../../src/report/staffing.js';
import { staff } from '../../src/staffing/staff.js';
import { TEST_SEED } from '../helpers/seed.js';

describe('staffing two groups that share a type', () => {
  it("meets the target for each group's own customers, and one counter fewer in any group and hour misses", async () => {
    const result = await staff(loadScenario('test/fixtures/staffing/two-groups.yaml'), { seed: TEST_SEED });
    expect(result.groups).toEqual(['front', 'back']);
    for (const p of result.periods) {
      expect(p.met).toBe(true);
      for (const g of ['front', 'back']) expect(p.groups[g].serviceLevel.mean, `${p.clock} ${g}`).toBeGreaterThanOrEqual(0.8);
    }
    // Cases take longer than quick questions: the back desk needs more counters at the peak.
    const peak = result.periods[1];
    expect(peak.required.back).toBeGreaterThan(peak.required.front);
    // Minimal: every period and group above `min` was tried one lower, and something missed.
    const tried = result.minimality.filter((c) => c.counters !== null);
    expect(tried).toHaveLength(result.periods.reduce((n, p) => n + (p.required.front > 0 ? 1 : 0) + (p.required.back > 0 ? 1 : 0), 0));
    for (const c of tried) expect(c.missed, `${c.group} at ${c.clock}`).not.toBeNull();

    // Every format shows the two groups; the table and Markdown add each group's own customers.
    const csv = renderStaffing(result, 'csv').split('\n');
    expect(csv[0]).toBe('plan,period,group,figure,statistic,value');
    expect(csv).toContain(`required,09:00-10:00,back,counters,value,${result.periods[0].required.back}`);
    // Rounded to what they mean, as the study's CSV: shares to 4 decimals, minutes and counts to 2.
    const sl = result.periods[0].metrics.serviceLevel.mean;
    expect(csv).toContain(`required,09:00-10:00,,serviceLevel,mean,${Number(sl.toFixed(4))}`);
    for (const row of csv.slice(1, -1)) expect(row.split(',').at(-1), row).toMatch(/^(-?\d+(\.\d{1,4})?)?$/);
    for (const format of ['table', 'markdown'] as const) {
      const text = renderStaffing(result, format);
      expect(text).toContain("Each group's own customers");
      expect(text).toMatch(/front required.*back required/);
    }
  });
});
