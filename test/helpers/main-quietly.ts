/**
 * Runs the CLI's entry, `main()`, in this process with stdout swallowed and stderr captured: for
 * tests that need the thread's own state (a trace read count) or many quick runs (fuzzing), where a
 * child process per run would be too slow or would hide the state.
 */
import { vi } from 'vitest';
import { main } from '../../src/cli/main.js';

export async function mainQuietly(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  // The report is awaited until stdout takes it: the stand-in must call back, as stdout does.
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(((_chunk: unknown, a?: unknown, b?: unknown) => {
    (typeof a === 'function' ? a : (b as (() => void) | undefined))?.();
    return true;
  }) as never);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await main(args), stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
