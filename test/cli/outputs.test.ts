/**
 * Outputs that fail or surprise: the format from the --out file's name, --out and --trace on one
 * file, targets checked before the simulation, special files written in place, a closed pipe, and
 * SIGHUP during a write. Every failure is one line naming the planner's path, never a hidden
 * temporary file, and leaves nothing behind. (A full disk is simulated in output-errors.test.ts.)
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkOutputTarget } from '../../src/cli/output.js';
import { frontdesk, ROOT } from '../helpers/cli.js';

const MAIN = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
const BANK = 'scenarios/bank-branch.yaml';
const posix = process.platform !== 'win32';

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'frontdesk-out-'));
}

function expectOneLine(stderr: string) {
  expect(stderr.trimEnd().split('\n'), stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/\.tmp|\n\s+at /);
}

describe('the format from the --out file name', () => {
  it('takes .json, .csv and .md from the extension, the table otherwise, and --format always wins', () => {
    const dir = scratch();
    const out = (name: string, extra: string[] = []) => {
      const run = frontdesk(['run', BANK, '-n', '2', '-o', join(dir, name), ...extra]);
      expect(run.code, run.stderr).toBe(0);
      return readFileSync(join(dir, name), 'utf8');
    };
    expect(JSON.parse(out('r.json')).replications).toBe(2);
    expect(out('r.CSV').split('\n')[0]).toMatch(/,/);
    expect(out('r.md')).toMatch(/^#|\n\|/);
    expect(out('r.txt')).toMatch(/Mean wait\s+\d/);
    expect(out('r2.json', ['--format', 'table'])).toMatch(/Mean wait\s+\d/);
  });
});

describe('output targets', () => {
  it('refuses --out and --trace naming the same file (exit 1, one line, nothing written)', () => {
    const dir = scratch();
    const file = join(dir, 'x.csv');
    const run = frontdesk(['run', BANK, '-n', '2', '--out', file, '--trace', file]);
    expect(run.code).toBe(1);
    expectOneLine(run.stderr);
    expect(run.stderr).toMatch(/--out and --trace both name/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names the missing folder and the folder given as a target, with exit 2 and nothing left', () => {
    const dir = scratch();
    const missing = frontdesk(['run', BANK, '-n', '1', '--out', join(dir, 'nope', 'r.txt')]);
    expect(missing.code).toBe(2);
    expectOneLine(missing.stderr);
    expect(missing.stderr).toBe(`frontdesk: ${join(dir, 'nope', 'r.txt')}: cannot write the report: the folder ${join(dir, 'nope')} does not exist\n`);
    const folder = frontdesk(['run', BANK, '-n', '1', '--trace', dir]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe(`frontdesk: ${dir}: cannot write the trace: it is a folder\n`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('checks the target before simulating: a million replications never start', () => {
    // With the check after the simulation this would run for hours (the spawn's timeout fails it).
    const dir = scratch();
    const run = frontdesk(['run', 'bench/scenarios/city-hall.yaml', '-n', '1000000', '--out', join(dir, 'none', 'r.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/the folder .* does not exist/);
  });

  it.runIf(posix && process.getuid?.() !== 0)('names a folder without write permission', () => {
    const dir = scratch();
    execFileSync('chmod', ['555', dir]);
    const run = frontdesk(['run', BANK, '-n', '1', '--out', join(dir, 'r.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`frontdesk: ${join(dir, 'r.json')}: cannot write the report: permission denied\n`);
  });

  it.runIf(posix)('treats a device as a special target, written in place (never renamed over)', () => {
    // Not run end to end: a regression would replace /dev/null with a regular file on a root CI box.
    expect(checkOutputTarget('/dev/null', 'report').kind).toBe('special');
    expect(checkOutputTarget(join(scratch(), 'r.json'), 'report').kind).toBe('file');
  });

  it.runIf(posix)('writes the report into a FIFO (it stays a FIFO, the reader gets the JSON)', async () => {
    const dir = scratch();
    const fifo = join(dir, 'report');
    execFileSync('mkfifo', [fifo]);
    const chunks: Buffer[] = [];
    const read = new Promise<string>((resolve, reject) => {
      createReadStream(fifo)
        .on('data', (c) => chunks.push(c as Buffer))
        .on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
        .on('error', reject);
    });
    const child = spawn(process.execPath, [MAIN, 'run', BANK, '-n', '1', '--format', 'json', '--out', fifo], { cwd: ROOT, stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(JSON.parse(await read).replications).toBe(1);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['report']);
  });
});

describe('standard output that fails', () => {
  it.runIf(posix)('ends quietly (exit 0, nothing on stderr) when the reader closes the pipe', () => {
    const run = spawnSync('bash', ['-c', `"${process.execPath}" "${MAIN}" compare ${BANK} -n 2 --format json | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}" >&2`], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.stderr).toBe('0\n');
  });

  it.runIf(existsSync('/dev/full'))('says "no space left" in one line with exit 2 on a full device', () => {
    const full = spawnSync('bash', ['-c', `"${process.execPath}" "${MAIN}" compare ${BANK} -n 2 > /dev/full`], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(full.status).toBe(2);
    expect(full.stderr).toBe('frontdesk: standard output: cannot write: no space left on the device\n');
  });
});

describe('usage errors are one line', () => {
  it('names an unknown --format and its choices', () => {
    const run = frontdesk(['run', BANK, '--format', 'xml']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^frontdesk: --format: found "xml"; expected one of table, json, csv, markdown/);
    expectOneLine(run.stderr);
  });

  for (const args of [['-n'], ['--seed', '-n', '2'], ['--out'], ['--period']]) {
    it(`refuses an option without its value: ${args.join(' ')}`, () => {
      const run = frontdesk(['run', BANK, ...args]);
      expect(run.code).toBe(1);
      expectOneLine(run.stderr);
      expect(run.stderr).toMatch(/: found nothing; expected a value after it/);
    });
  }
});

describe('SIGHUP', () => {
  it.runIf(posix)('removes the temporary file of an output under way and exits 129', async () => {
    const dir = scratch();
    const target = join(dir, 'trace.csv');
    writeFileSync(target, 'old');
    // A child opens an output (its temporary file exists), says so, and waits: the readiness line.
    const script = `
      const { checkOutputTarget, OutputFile } = await import(${JSON.stringify(new URL('../../dist/src/cli/output.js', import.meta.url).href)});
      const file = await OutputFile.open(checkOutputTarget(${JSON.stringify(target)}, 'trace'));
      await file.write('half a trace');
      console.log('ready');
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.on('data', (d) => String(d).includes('ready') && resolve()));
    expect(readdirSync(dir)).toHaveLength(2);
    child.kill('SIGHUP');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(129);
    expect(readdirSync(dir)).toEqual(['trace.csv']);
    expect(readFileSync(target, 'utf8')).toBe('old');
  });
});
