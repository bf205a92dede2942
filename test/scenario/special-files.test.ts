/**
 * Special files as inputs: /dev/zero and /dev/urandom have `stat().size` 0 and never end, and a
 * FIFO without a writer blocks whoever opens it. Each must be refused at once with one line, as
 * the scenario and as `arrivals.trace`. The child runs with a timeout: a hang fails the test
 * (signal SIGKILL) instead of hanging the suite.
 */
import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readInputFile } from '../../src/scenario/read-input.js';
import { ROOT } from '../helpers/cli.js';

const MAIN = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));

/** Runs the CLI, killed after 30 s: a refusal takes milliseconds, a hang takes forever. */
function guarded(args: string[]) {
  const run = spawnSync(process.execPath, [MAIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000, killSignal: 'SIGKILL' });
  return { code: run.status, signal: run.signal, stderr: run.stderr };
}

function fifo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-fifo-'));
  const path = join(dir, 'pipe');
  execFileSync('mkfifo', [path]);
  return path;
}

const posix = process.platform !== 'win32';

describe.runIf(posix)('special files as inputs', () => {
  for (const device of ['/dev/zero', '/dev/urandom']) {
    it(`refuses ${device} as the scenario, at once`, () => {
      const run = guarded(['validate', device]);
      expect(run.signal).toBeNull();
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`frontdesk: ${device}: (file): found a character device; expected a readable scenario file (YAML or JSON)\n`);
    });
  }

  it('refuses a FIFO with no writer as the scenario, without blocking', () => {
    const path = fifo();
    const run = guarded(['run', path]);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/found a named pipe \(FIFO\)/);
  });

  for (const [label, trace] of [['a FIFO', fifo()], ['/dev/zero', '/dev/zero']] as const) {
    it(`refuses ${label} as arrivals.trace, in validate and run`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'frontdesk-trace-'));
      const file = join(dir, 'hall.yaml');
      writeFileSync(
        file,
        `name: t\nhorizon: 60\narrivals: { trace: ${JSON.stringify(trace)} }\ntypes: { a: { share: 1, service: { dist: exponential, mean: 1 } } }\ncounters: { c: { staff: 1, serves: [a] } }\n`,
      );
      for (const command of ['validate', 'run']) {
        const run = guarded([command, file]);
        expect(run.signal).toBeNull();
        expect(run.code).toBe(1);
        expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(run.stderr).toMatch(/\(file\): found a (named pipe|character device)/);
      }
    });
  }
});

describe('readInputFile', () => {
  it('reads a regular file and refuses one over the byte limit, naming its size', () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-read-'));
    const path = join(dir, 'f.txt');
    writeFileSync(path, 'x'.repeat(5000));
    expect(readInputFile(path, 5000).length).toBe(5000);
    expect(() => readInputFile(path, 4999)).toThrow(/a file of 5 KB/);
  });

  it.runIf(posix)('reads no more than the limit from an endless device', () => {
    expect(() => readInputFile('/dev/zero', 1024)).toThrow(/a character device/);
  });

  // fit reads its ticket log through the same reader (src/fit/read-file.ts, at most 256 MB).
  for (const [label, log] of [['/dev/zero', '/dev/zero'], ['/dev/urandom', '/dev/urandom'], ['a FIFO with no writer', fifo()]] as const) {
    it(`refuses ${label} as fit's ticket log, at once`, () => {
      const run = guarded(['fit', log]);
      expect(run.signal).toBeNull();
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`frontdesk: ${log}: (file): found ${log.startsWith('/dev/') ? 'a character device' : 'a named pipe (FIFO)'}; expected a regular file: a ticket log (CSV)\n`);
    });
  }

  it("refuses a ticket log over fit's byte limit without reading past it", () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-fit-big-'));
    const log = join(dir, 'huge.csv');
    // A sparse file: 300 MB by its size, no disk used; the reader refuses it from fstat alone.
    execFileSync('truncate', ['-s', '300M', log]);
    const run = guarded(['fit', log]);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`frontdesk: ${log}: (file): found a file of 300 MB; expected a ticket log (CSV) of at most 256 MB\n`);
  });
});
