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

/** Runs the command, sends SIGINT once it reports progress, and resolves when it exits. */
function interruptedOnceUnderWay(args: string[]): Promise<Interrupted> {
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
        child.kill('SIGINT');
      }
    });
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
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
