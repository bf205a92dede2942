/** `--csv tidy|wide` as a planner types it: the layout, the format it implies, and a clash refused. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontdesk } from '../helpers/cli.js';
import { parseCsv } from '../report/helpers.js';

const BANK = 'scenarios/bank-branch.yaml';

describe('--csv', () => {
  it('wide: a row per alternative, type and period, then per comparison; --csv alone means CSV', () => {
    const run = frontdesk(['compare', BANK, '-n', '3', '--csv', 'wide']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = parseCsv(run.stdout);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^variant,scope,period,seed,replications,waitTarget,arrived,arrived_ci95_lo,arrived_ci95_hi,/);
    expect(lines[0]).toContain(',staffHours.transactions,staffHours.transactions_ci95_lo,staffHours.transactions_ci95_hi,');
    // 7 alternatives x (hall + 2 types + 8 hours), then 6 variants x (hall + 2 types) of changes.
    expect(rows).toHaveLength(1 + 7 * 11 + 6 * 3);
    expect(rows.filter((r) => r[0] === 'reorganised' && r[1].startsWith('comparison')).map((r) => r[1])).toEqual(['comparison', 'comparison:consult', 'comparison:transaction']);
    expect(rows.filter((r) => r[0] === 'merged windows, consultations first')).toHaveLength(11 + 3);
    for (const r of rows) expect(r).toHaveLength(rows[0].length);
  });

  it('goes with an --out file ending .csv, and the tidy layout has the per-type comparisons', () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-csv-'));
    const wide = join(dir, 'wide.csv');
    expect(frontdesk(['compare', BANK, '-n', '2', '--csv', 'wide', '-o', wide]).code).toBe(0);
    expect(readFileSync(wide, 'utf8')).toMatch(/^variant,scope,period,seed,/);
    const tidy = frontdesk(['compare', BANK, '-n', '2', '--format', 'csv']);
    expect(tidy.stdout).toMatch(/^self-service zone,comparison:consult,,waitMean,diff_mean,-?\d+(\.\d{1,2})?$/m);
  });

  it('with another format is one line naming the clash, exit 1', () => {
    for (const args of [['--csv', 'wide', '--format', 'json'], ['--csv', 'wide', '-o', join(tmpdir(), 'x.md')]]) {
      const run = frontdesk(['run', BANK, '-n', '2', ...args]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^frontdesk: --csv: found it with the (json|markdown) format; expected the CSV format \(--format csv, or an --out file ending \.csv\)\n$/);
    }
    expect(frontdesk(['run', BANK, '--csv', 'long']).stderr).toMatch(/csv.*long|long.*csv/i);
  });
});
