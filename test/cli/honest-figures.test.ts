/**
 * Figures a planner can bet on, as the command prints them (issue 10): what the report says when
 * the replications cannot support a figure, which target a service level is judged at, and how
 * replication control reports itself.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

const HALL = `name: Today
horizon: 240
replications: 8
seed: 5
waitTarget: 10
arrivals: { perHour: 100 }
types: { walkin: { share: 1, service: { dist: exponential, mean: 2 } } }
counters: { desk: { staff: 4, serves: [walkin] } }
`;

/** Today's hall, and the same hall with a laxer target and its own study settings. */
function files(): { today: string; laxer: string } {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-target-'));
  const today = join(dir, 'today.yaml');
  const laxer = join(dir, 'laxer.yaml');
  writeFileSync(today, HALL);
  writeFileSync(
    laxer,
    HALL.replace('name: Today', 'name: Laxer')
      .replace('waitTarget: 10', 'waitTarget: 15')
      .replace('seed: 5', 'seed: 7')
      .replace('replications: 8', 'replications: 50') + 'variants: [{ name: five desks, set: { counters.desk.staff: 5 } }]\n',
  );
  return { today, laxer };
}

describe('the wait target across files and variants', () => {
  it('judges every file at the first file\'s target: the same hall with a laxer target is no better', () => {
    const { today, laxer } = files();
    const json = JSON.parse(frontdesk(['compare', today, laxer, '--format', 'json']).stdout);
    expect(json.waitTarget).toBe(10);
    const [a, b] = json.variants;
    expect(b.metrics.serviceLevel.mean).toBe(a.metrics.serviceLevel.mean);
    const sl = json.comparisons.find((c: { metric: string }) => c.metric === 'serviceLevel');
    expect([sl.diff.mean, sl.significant]).toEqual([0, false]);
  });

  it('says so, and warns about every setting of the later file that does not apply', () => {
    const { today, laxer } = files();
    const run = frontdesk(['compare', today, laxer]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Service level (≤10 min)');
    expect(run.stdout).toContain(`"Laxer": service level judged at the baseline's wait target of 10 min, not its own 15 min`);
    expect(run.stdout).toContain(`${laxer}: its seed 7 is replaced by the study's 5`);
    expect(run.stdout).toContain(`${laxer}: its replications 50 is replaced by the study's 8`);
    expect(run.stdout).toContain(`${laxer}: its 1 variant is not compared`);
    const csv = frontdesk(['compare', today, laxer, '--format', 'csv']);
    expect(csv.stdout).toContain('\n,study,,waitTarget,value,10\n');
    expect(csv.stderr).toContain('wait target of 10 min, not its own 15 min');
  });

  it('judges a variant that sets waitTarget at the baseline\'s target, and says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-target-'));
    const file = join(dir, 'hall.yaml');
    writeFileSync(file, HALL + 'variants: [{ name: laxer, set: { waitTarget: 15, seed: 9 } }]\n');
    const run = frontdesk(['compare', file, '--format', 'json']);
    const json = JSON.parse(run.stdout);
    const sl = json.comparisons.find((c: { metric: string }) => c.metric === 'serviceLevel');
    expect([sl.diff.mean, sl.significant]).toEqual([0, false]);
    expect(json.warnings).toContain(`"laxer": service level judged at the baseline's wait target of 10 min, not its own 15 min, so that service levels compare`);
    expect(json.warnings).toContain(`variant "laxer": its seed is ignored; the study's seed 5 holds for every alternative`);
  });
});

describe('frontdesk schema', () => {
  it('states the figures and rules of the result next to the file it describes', () => {
    const schema = JSON.parse(frontdesk(['schema']).stdout);
    for (const words of ['abandonShare', 'availability', 'a broken counter is not busy', 'interrupted', 'fewer than 2 replications sd and ci95 are null', 'clipped', "baseline's waitTarget"]) {
      expect(schema.description).toContain(words);
    }
    expect(JSON.stringify(schema)).toContain('The failure clock runs in calendar time');
  });
});
