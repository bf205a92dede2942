/**
 * A full disk, simulated: writes to the report's and the trace's files fail with ENOSPC (a small
 * file system in a temporary folder is not portable). The command runs in-process through its
 * entry, `main`, by test/helpers/main-quietly.ts (vi.mock is hoisted above every import, so the
 * helper's `main` writes through the mock too); it must exit 2 with one line naming the planner's
 * path and leave no file behind.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mainQuietly } from '../helpers/main-quietly.js';

const disk = vi.hoisted(() => ({ full: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof real.open = async (...args) => {
    const handle = await real.open(...args);
    if (!disk.full) return handle;
    const noSpace = Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    return new Proxy(handle, {
      get(target, key, receiver) {
        if (key === 'write' || key === 'writeFile') return async () => Promise.reject(noSpace);
        const value = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  };
  return { ...real, open, default: { ...real, open } };
});

afterEach(() => {
  disk.full = false;
});

describe('a full disk', () => {
  for (const option of ['--out', '--trace']) {
    it(`${option}: exit 2, one line naming the file, the old file kept, no temporary file left`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'frontdesk-full-'));
      const target = join(dir, 'r.json');
      writeFileSync(target, 'previous');
      disk.full = true;
      const extra = option === '--trace' ? ['--out', join(dir, 'report.json')] : [];
      const { code, stderr } = await mainQuietly(['run', 'scenarios/bank-branch.yaml', '-n', '1', '--workers', '1', option, target, ...extra]);
      expect(code).toBe(2);
      const what = option === '--out' ? 'report' : 'trace';
      expect(stderr).toBe(`frontdesk: ${target}: cannot write the ${what}: no space left on the device\n`);
      expect(readdirSync(dir)).toEqual(['r.json']);
      expect(readFileSync(target, 'utf8')).toBe('previous');
    });
  }
});
