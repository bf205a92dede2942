/**
 * An interrupted run loses nothing: Ctrl-C (SIGINT) in the middle of a long study leaves neither
 * a half-written report nor a temporary file, and an existing report is left as it was.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const MAIN = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));

function interrupted(args: string[], afterMs: number): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGINT'), afterMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
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
      const { code, signal } = await interrupted([...args, '--out', out, '--trace', join(dir, 'trace.csv')], 1500);
      expect([code, signal]).toEqual([130, null]);
      expect(readdirSync(dir)).toEqual(['report.json']);
      expect(readFileSync(out, 'utf8')).toBe('previous report');
    });
  }
});
