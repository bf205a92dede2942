/**
 * The command as a planner and a script meet it: reports, byte-identical JSON for a seed, exit codes
 * and one-line errors, atomic output that never overwrites an input.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontdesk } from '../helpers/cli.js';

const BANK = 'scenarios/bank-branch.yaml';

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'frontdesk-cli-'));
}

function expectOneLineError(stderr: string) {
  const lines = stderr.trimEnd().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('frontdesk run', () => {
  it('prints a readable report with units and confidence intervals', () => {
    const run = frontdesk(['run', BANK, '-n', '5']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Mean wait\s+\d+\.\d min\s+±\d/);
    expect(run.stdout).toMatch(/Service level/);
    expect(run.stdout).toMatch(/09:00–10:00/);
  });

  it('gives byte-identical JSON for the same file and seed, and different numbers for another seed', () => {
    const a = frontdesk(['run', BANK, '-n', '4', '--format', 'json', '--workers', '1']);
    const b = frontdesk(['run', BANK, '-n', '4', '--format', 'json', '--workers', '2']);
    const c = frontdesk(['run', BANK, '-n', '4', '--format', 'json', '--seed', '7']);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const waitOf = (text: string) => JSON.parse(text).variants[0].metrics.waitMean.mean;
    expect(waitOf(c.stdout)).not.toBe(waitOf(a.stdout));
    const result = JSON.parse(a.stdout);
    expect(result).toMatchObject({ scenario: expect.any(String), seed: 2026, replications: 4 });
    expect(result.variants[0].name).toBe('baseline');
    expect(result.variants[0].metrics.waitMean).toEqual({ mean: expect.any(Number), sd: expect.any(Number), ci95: [expect.any(Number), expect.any(Number)] });
  });

  it('writes --out atomically and leaves no temporary file behind', () => {
    const dir = scratch();
    const out = join(dir, 'result.json');
    writeFileSync(out, 'old');
    const run = frontdesk(['run', BANK, '-n', '2', '--format', 'json', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).replications).toBe(2);
    expect(readdirSync(dir)).toEqual(['result.json']);
  });

  it('refuses to write over its own scenario file (exit 1, file untouched)', () => {
    const dir = scratch();
    const file = join(dir, 'hall.yaml');
    const text = readFileSync(BANK, 'utf8');
    writeFileSync(file, text);
    const run = frontdesk(['run', file, '-n', '1', '--out', file]);
    expect(run.code).toBe(1);
    expectOneLineError(run.stderr);
    expect(run.stderr).toMatch(/input file/);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('fails with exit 2 and no leftover when the output folder does not exist', () => {
    const dir = scratch();
    const run = frontdesk(['run', BANK, '-n', '1', '--out', join(dir, 'missing', 'r.txt')]);
    expect(run.code).toBe(2);
    expectOneLineError(run.stderr);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('errors', () => {
  it('names the file, the field, what was found and what was expected, with exit 1', () => {
    const dir = scratch();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, readFileSync(BANK, 'utf8').replace('dist: lognormal, mean: 5', 'dist: lognorm, mean: 5'));
    const run = frontdesk(['run', file]);
    expect(run.code).toBe(1);
    expectOneLineError(run.stderr);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toContain('types.consult.service.dist');
    expect(run.stderr).toContain('"lognorm"');
    expect(run.stderr).toMatch(/expected/);
  });

  it('reports a missing file with exit 1', () => {
    const run = frontdesk(['run', 'no/such/file.yaml']);
    expect(run.code).toBe(1);
    expectOneLineError(run.stderr);
    expect(run.stderr).toContain('no/such/file.yaml');
  });

  it('reports bad options with exit 1', () => {
    for (const args of [['run', BANK, '-n', '0'], ['run', BANK, '--precision', 'lots'], ['run', BANK, '--format', 'pdf'], ['fly']]) {
      const run = frontdesk(args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('validate, schema, help, version', () => {
  it('validates a good file', () => {
    const run = frontdesk(['validate', BANK]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/valid/);
  });

  it('prints the JSON Schema of the scenario file', () => {
    const run = frontdesk(['schema']);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout);
    expect(schema.properties).toHaveProperty('horizon');
    expect(schema.properties).toHaveProperty('counters');
    expect(schema.required).toContain('name');
  });

  it('has --help and --version', () => {
    const help = frontdesk(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['run', 'compare', 'validate', 'schema']) expect(help.stdout).toContain(command);
    const version = frontdesk(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('does not leave files in the working folder', () => {
    const dir = scratch();
    frontdesk(['run', join(process.cwd(), BANK), '-n', '1'], { cwd: dir });
    expect(existsSync(dir) && readdirSync(dir)).toEqual([]);
  });
});

describe('--trace', () => {
  it('writes one row per visit whose waits agree with the report, the same for any number of workers', () => {
    const dir = scratch();
    const one = join(dir, 'one.csv');
    const two = join(dir, 'two.csv');
    const run = frontdesk(['run', BANK, '-n', '3', '--format', 'json', '--trace', one, '--workers', '1']);
    expect(run.code).toBe(0);
    expect(frontdesk(['run', BANK, '-n', '3', '--format', 'json', '--trace', two, '--workers', '2']).code).toBe(0);
    expect(readFileSync(two, 'utf8')).toBe(readFileSync(one, 'utf8'));

    const [header, ...rows] = readFileSync(one, 'utf8').trimEnd().split('\n');
    expect(header).toBe('variant,replication,customer,type,arrival,lines,services,outcome,wait,departure');
    const result = JSON.parse(run.stdout).variants[0].metrics;
    expect(rows.length).toBe(3 * result.arrived.mean);
    const perReplication = [0, 1, 2].map((r) => {
      const served = rows.map((row) => row.split(',')).filter((f) => f[1] === String(r) && f[7] === 'served');
      return served.reduce((sum, f) => sum + Number(f[8]), 0) / served.length;
    });
    const mean = perReplication.reduce((a, b) => a + b, 0) / 3;
    expect(mean).toBeCloseTo(result.waitMean.mean, 9);
  });
});
