/**
 * An interrupted run loses nothing: Ctrl-C (SIGINT) in the middle of a long study leaves neither
 * a half-written report nor a temporary file, and an existing report is left as it was.
 *
 * The signal goes when the child says the study is under way (its first progress line, with
 * FRONTDESK_PROGRESS=lines), not after a fixed delay: on a loaded machine a fixed 1.5 s could
 * come before the study started (3 failures in 4 runs), and no test may depend on the machine's
 * speed. The study is 100,000 replications, so it is still running when the signal arrives.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const MAIN = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));

interface Interrupted {
  code: number | null;
  signal: string | null;
  /** What the child wrote on stderr before and after the signal. */
  stderr: string;
}

/**
 * Runs the command, sends `signal` once it reports progress, and resolves when it exits. A child
 * still alive `guardMs` after the signal is killed (SIGKILL), so a stop request that is not acted on
 * fails the test instead of hanging it; the guard bounds the wait, it is not what is tested.
 */
function interruptedOnceUnderWay(args: string[], signal: NodeJS.Signals = 'SIGINT', guardMs = 60_000): Promise<Interrupted> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, FRONTDESK_PROGRESS: 'lines' },
    });
    let stderr = '';
    let sent = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      if (!sent && /replications/.test(stderr)) {
        sent = true;
        child.kill(signal);
        guard = setTimeout(() => child.kill('SIGKILL'), guardMs);
      }
    });
    let guard: NodeJS.Timeout | undefined;
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stderr });
    });
  });
}

describe('SIGINT', () => {
  for (const workers of ['1', '2']) {
    it(`leaves no file behind and keeps an old report (${workers} worker${workers === '1' ? '' : 's'})`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'frontdesk-sigint-'));
      const out = join(dir, 'report.json');
      writeFileSync(out, 'previous report');
      const args = ['run', 'bench/scenarios/city-hall.yaml', '-n', '100000', '--workers', workers, '--format', 'json'];
      const { code, signal, stderr } = await interruptedOnceUnderWay([...args, '--out', out, '--trace', join(dir, 'trace.csv')]);
      expect(stderr).toMatch(/^Simulating: \d+\/100000 replications/);
      expect([code, signal]).toEqual([130, null]);
      expect(readdirSync(dir)).toEqual(['report.json']);
      expect(readFileSync(out, 'utf8')).toBe('previous report');
    });
  }
});

/**
 * One enormous day: 10,000 walk-ins a minute for 100,000 minutes (a billion customers, many minutes
 * of work). The readiness line (`0/1 replications`) comes before the day starts, and nothing
 * between it and the day lets a signal handler run, so the stop request is served only from inside
 * the day. Before days ran in slices it waited for the day's end: the guard killed the child.
 */
const ENORMOUS_DAY = [
  'name: One enormous day',
  'horizon: 100000',
  'arrivals: { perHour: 600000 }',
  'types: { walkin: { share: 1, service: { dist: exponential, mean: 0.009 } } }',
  'counters: { desk: { staff: 100, serves: [walkin] } }',
  '',
].join('\n');

describe('a stop request inside one long day', () => {
  const cases: Array<[NodeJS.Signals, number, string]> = [
    ['SIGINT', 130, '1'],
    ['SIGTERM', 143, '2'],
    ['SIGHUP', 129, '1'],
  ];
  for (const [signal, exitCode, workers] of cases) {
    it(`${signal} ends the day at once with ${exitCode} and leaves no file behind (${workers} worker${workers === '1' ? '' : 's'})`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'frontdesk-long-day-'));
      const scenario = join(dir, 'enormous.yaml');
      writeFileSync(scenario, ENORMOUS_DAY);
      const out = join(dir, 'report.json');
      writeFileSync(out, 'previous report');
      const { code, signal: killedBy, stderr } = await interruptedOnceUnderWay(['run', scenario, '-n', '1', '--workers', workers, '--out', out], signal);
      expect(stderr).toMatch(/^Simulating: 0\/1 replications/);
      expect([code, killedBy]).toEqual([exitCode, null]);
      expect(readdirSync(dir).sort()).toEqual(['enormous.yaml', 'report.json']);
      expect(readFileSync(out, 'utf8')).toBe('previous report');
    }, 90_000);
  }
});
