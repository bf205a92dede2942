/**
 * Figures a planner can bet on, as the command prints them (issue 10): what the report says when
 * the replications cannot support a figure, which target a service level is judged at, and how
 * replication control reports itself.
 */
import { describe, expect, it } from 'vitest';
import { frontdesk } from '../helpers/cli.js';

const BANK = 'scenarios/bank-branch.yaml';

describe('compare with one replication', () => {
  it('prints n/a instead of ±0.0, no significance mark, and one warning line', () => {
    const run = frontdesk(['compare', BANK, '-n', '1', '--workers', '1']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/±0\.0/);
    expect(run.stdout).toMatch(/n\/a/);
    const body = run.stdout.split('\n').filter((l) => !l.startsWith('*'));
    expect(body.filter((l) => /\*\s*(\||$)|\*\s{2,}/.test(l))).toEqual([]);
    expect(run.stdout.match(/no spread can be estimated/g)).toHaveLength(1);
  });

  it('gives null sd and ci95 in JSON, and empty fields in CSV', () => {
    const json = JSON.parse(frontdesk(['run', BANK, '-n', '1', '--format', 'json']).stdout);
    expect(json.variants[0].metrics.waitMean).toEqual({ mean: expect.any(Number), sd: null, ci95: null });
    const csv = frontdesk(['run', BANK, '-n', '1', '--format', 'csv']).stdout;
    expect(csv).toMatch(/^baseline,overall,,waitMean,sd,$/m);
    expect(csv).toMatch(/^baseline,overall,,waitMean,ci95_lo,$/m);
  });
});

describe('replication control', () => {
  it('--max-replications below the file\'s replications caps them', () => {
    const json = JSON.parse(frontdesk(['run', BANK, '--max-replications', '3', '--format', 'json']).stdout);
    expect(json.replications).toBe(3);
  });

  it('refuses -n above --max-replications in one line', () => {
    const run = frontdesk(['run', BANK, '-n', '50', '--max-replications', '10']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('frontdesk: --replications: found 50; expected at most --max-replications (10)\n');
  });

  it('--precision that hits the cap names the alternative that stopped it', () => {
    const run = frontdesk(['compare', BANK, '--precision', '0.5%', '--max-replications', '3', '-n', '2', '--format', 'json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.replications).toBe(3);
    expect(json.precision.reached).toBe(false);
    expect(json.precision.notReached.length).toBeGreaterThan(0);
    const table = frontdesk(['compare', BANK, '--precision', '0.5%', '--max-replications', '3', '-n', '2']).stdout;
    expect(table).toContain(`the mean wait of "${json.precision.notReached[0]}"`);
  });
});
