import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.js';
import { compareResult, runResult } from './fixtures.js';
import { markdownTables } from './helpers.js';

function expectConsistentTables(text: string, count: number): string[][][] {
  const tables = markdownTables(text);
  expect(tables).toHaveLength(count);
  for (const t of tables) {
    const n = t[0].length;
    for (const row of t) expect(row).toHaveLength(n);
    expect(t[1].every((c) => c === ':---' || c === '---:')).toBe(true);
  }
  return tables;
}

describe('renderMarkdown', () => {
  test('a run: the same sections as the terminal table, as pipe tables', () => {
    const text = renderMarkdown(runResult());
    expect(text.startsWith('# Bank branch, today\n\n30 replications, seed 2026, wait target 10 min\n')).toBe(true);
    const [key, util, byType, byPeriod] = expectConsistentTables(text, 4);
    expect(key).toContainEqual(['Mean wait', '12.5 min ±0.5']);
    expect(key).toContainEqual(['Service level (≤10 min)', '83.4% ±2.1']);
    expect(util).toContainEqual(['general', '87.2% ±1.2']);
    expect(byType[0]).toEqual(['Type', 'Arrived', 'Served', 'Abandoned', 'Mean wait', 'p90 wait', 'Service level', 'Kiosk share']);
    expect(byType).toHaveLength(2 + 2);
    expect(byPeriod[2][0]).toBe('09:00–10:00');
    expect(byPeriod[0]).toContain('Util. general');
    expect(byPeriod[0]).toContain('Open general');
    expect(text).toContain('## By period');
    expect(text.endsWith('|\n')).toBe(true);
  });

  test('a compare: changes, escaped significance mark, legend and warnings', () => {
    const text = renderMarkdown(compareResult());
    const [table, byType, byPeriodWait] = expectConsistentTables(text, 4);
    expect(byPeriodWait[0]).toEqual(['Period', 'baseline', 'two more kiosks']);
    expect(byPeriodWait).toContainEqual(['09:00–10:00', '5.1 ±0.5', '5.1 ±0.5']);
    expect(table[0]).toEqual(['Figure', 'baseline', 'two more kiosks']);
    expect(table).toContainEqual(['Mean wait (min)', '12.5 ±0.5', '7.1 ±0.5 (−43%) \\*']);
    // Each type's rows, its paired change marked like the hall's.
    expect(byType[0]).toEqual(['Type', 'Figure', 'baseline', 'two more kiosks']);
    expect(byType).toContainEqual(['consult', 'Mean wait (min)', '8.2 ±0.5', '8.2 ±0.5 (−15%) \\*']);
    expect(byType).toContainEqual(['transaction', 'Mean wait (min)', '16.4 ±0.5', '16.4 ±0.5 (+1.8%)']);
    expect(byType).toContainEqual(['', 'Service level (≤10 min)', '83.4% ±2.1', '83.4% ±2.1']);
    expect(table).toContainEqual(['Utilisation general', '87.2% ±1.2', '86.1% ±1.3 (−1.1 pts)']);
    expect(text).toContain('\\* significant: the 95% CI of the paired difference');
    expect(text).toContain('## Warnings\n\n- replication 7: 3 customers still inside at the end of the drain\n');
  });

  test('names with pipes and Markdown characters do not break the table', () => {
    const r = compareResult();
    r.variants[1].name = 'desk A|B *new*';
    r.variants[0].byType = {};
    const text = renderMarkdown(r);
    const [table] = expectConsistentTables(text, 3);
    expect(table[0][2]).toBe('desk A\\|B \\*new\\*');
  });
});
