/**
 * Small things a user trips on (issue 10, item 8): counted nouns, panel titles, a non-number where
 * a number goes, a mistyped command, help that agrees with the README, documents that point to
 * what exists, and how to get the `frontdesk` command of the examples.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareBlocks } from '../../src/report/compare.js';
import { compareResult } from '../report/fixtures.js';
import { frontdesk, ROOT } from '../helpers/cli.js';

const BANK = 'scenarios/bank-branch.yaml';

describe('small things', () => {
  it('validate counts in the singular when there is one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-small-'));
    const file = join(dir, 'one.yaml');
    writeFileSync(
      file,
      'name: One of each\nhorizon: 60\narrivals: { perHour: 10 }\ntypes: { walkin: { share: 1, service: { dist: exponential, mean: 2 } } }\n' +
        'counters: { desk: { staff: 1, serves: [walkin] } }\nkiosks: { count: 1, service: { dist: exponential, mean: 1 } }\n' +
        'variants: [{ name: two desks, set: { counters.desk.staff: 2 } }]\n',
    );
    const run = frontdesk(['validate', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${file}: valid. "One of each": 1 customer type, 1 counter group (1 counter), 1 kiosk, 1 variant.\n`);
  });

  it('a comparison panel with one variant says "variant 2 of 2", not "variants 2–2 of 2"', () => {
    const r = compareResult();
    r.variants.push({ ...r.variants[1], name: 'third' });
    const titles = compareBlocks(r, 1).flatMap((b) => (b.kind === 'table' && b.title?.startsWith('Variants side by side') ? [b.title] : []));
    expect(titles).toEqual([
      'Variants side by side, baseline first (means over replications, variant 1 of 2)',
      'Variants side by side, baseline first (means over replications, variant 2 of 2)',
    ]);
  });

  it('-n abc names what was typed, not NaN', () => {
    const run = frontdesk(['run', BANK, '-n', 'abc']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('frontdesk: --replications: found "abc"; expected a whole number from 1 to 1000000\n');
    expect(frontdesk(['run', BANK, '--period', 'hourly']).stderr).toBe('frontdesk: --period: found "hourly"; expected a positive number of minutes\n');
    expect(frontdesk(['run', BANK, '-n', '2.5']).stderr).toBe('frontdesk: --replications: found 2.5; expected a whole number from 1 to 1000000\n');
  });

  it('a mistyped command gets a suggestion', () => {
    const run = frontdesk(['comapre', BANK]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('frontdesk: unknown command "comapre". Did you mean compare?\n');
  });

  it('--help states the --period default as the README does', () => {
    const help = frontdesk(['run', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain("(default: the file's period, else 60)");
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain("(default: the file's `period`, else 60)");
  });

  it('documents point to what exists, and say how to get the frontdesk command', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).not.toContain('scenario guide below');
    expect(readme).toMatch(/`npm link`/);
    expect(readFileSync(join(ROOT, 'src/scenario/README.md'), 'utf8')).not.toMatch(/SCENARIO\.md/);
  });
});
