/**
 * Writing results without ever losing a file: through a temporary file in the same folder and a
 * rename (atomic on one file system), so a reader sees the old file or the new one, never half of
 * one; never over an input of the run; and an interrupted run leaves no temporary file behind.
 */
import { randomBytes } from 'node:crypto';
import { realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { onInterrupt } from './interrupt.js';
import { UsageError } from './usage-error.js';

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

/**
 * Writes `content` to `path` atomically. `inputs` are the files the run read: writing over one of
 * them is refused with a usage error (exit 1), since it would destroy the planner's scenario.
 */
export function writeFileAtomic(path: string, content: string, inputs: readonly string[] = []): void {
  for (const input of inputs) {
    if (sameFile(path, input)) throw new UsageError(`${path}: refusing to write over an input file of this run`);
  }
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const forget = onInterrupt(() => rmSync(temp, { force: true }));
  try {
    writeFileSync(temp, content, { flag: 'wx' });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  } finally {
    forget();
  }
}
