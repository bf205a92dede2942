/** `frontdesk staff` from the command line: the JSON of the contract, the written scenario, errors. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { frontdesk, ROOT } from '../helpers/cli.js';

const MAIN = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));

const FIXTURE = 'test/fixtures/staffing/small-day.yaml';
const dir = mkdtempSync(join(tmpdir(), 'frontdesk-staff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('frontdesk staff', () => {
  it('prints the contract JSON: required, erlang and metrics per period, staff-hours, the roster', () => {
    const run = frontdesk(['staff', FIXTURE, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ scenario: 'Small peaky day', seed: 7, replications: 20, target: { serviceLevel: 0.8, waitTarget: 5, maxAbandon: null } });
    expect(out.periods.map((p: { clock: string }) => p.clock)).toEqual(['10:00', '11:00', '12:00']);
    for (const p of out.periods) {
      expect(Object.keys(p.required)).toEqual(['desk']);
      expect(Number.isInteger(p.erlang.desk)).toBe(true);
      expect(Object.keys(p.metrics)).toEqual(['arrived', 'serviceLevel', 'abandonShare', 'waitMean']);
      expect(p.metrics.serviceLevel.mean).toBeGreaterThanOrEqual(0.8);
    }
    expect(out.staffHours.desk).toBe(out.periods.reduce((s: number, p: { required: { desk: number } }) => s + p.required.desk, 0));
    expect(out.roster.cost).toBeGreaterThan(0);
    out.roster.periods.forEach((p: { onDuty: { desk: number } }, i: number) => expect(p.onDuty.desk).toBeGreaterThanOrEqual(out.periods[i].required.desk));
  });

  it('writes a runnable scenario with the plan as shift plans, and never over an input', () => {
    const planned = join(dir, 'planned.yaml');
    const run = frontdesk(['staff', FIXTURE, '--format', 'json', '--write-scenario', planned]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(frontdesk(['validate', planned]).code).toBe(0);
    const text = readFileSync(planned, 'utf8');
    expect(text).toContain('staff:');
    const check = JSON.parse(frontdesk(['run', planned, '--format', 'json']).stdout);
    expect(check.variants[0].byPeriod).toHaveLength(out.periods.length);
    const refused = frontdesk(['staff', FIXTURE, '--write-scenario', FIXTURE]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/refusing to write over an input/);
  });

  it('takes the target from the command line, and refuses a bad one with exit 1', () => {
    const run = frontdesk(['staff', FIXTURE, '--format', 'json', '--service-level', '50%', '--wait-target', '2']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).target).toEqual({ serviceLevel: 0.5, waitTarget: 2, maxAbandon: null });
    const bad = frontdesk(['staff', FIXTURE, '--service-level', '180%']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--service-level: found "180%"/);
    expect(existsSync(join(dir, 'none'))).toBe(false);
  });
});

describe('frontdesk staff, interrupted', () => {
  it('leaves neither report nor scenario behind on Ctrl-C, and keeps an old report', async () => {
    const out = join(dir, 'staffing.json');
    const planned = join(dir, 'interrupted.yaml');
    writeFileSync(out, 'previous report');
    // The signal goes once the search says it is under way (its first progress line), not after a delay.
    const child = spawn(process.execPath, [MAIN, 'staff', 'bench/scenarios/staffing-hall.yaml', '-n', '200', '--out', out, '--write-scenario', planned], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, FRONTDESK_PROGRESS: 'lines' },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (!/Searching/.test(stderr) && /Searching/.test((stderr += chunk))) child.kill('SIGINT');
    });
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
    expect(stderr).toMatch(/^Searching: /);
    expect([code, signal]).toEqual([130, null]);
    expect(existsSync(planned)).toBe(false);
    expect(readFileSync(out, 'utf8')).toBe('previous report');
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
