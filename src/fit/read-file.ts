/**
 * Reading a ticket log safely: only a regular file (a FIFO, a device or /dev/zero would block or
 * never end), never more than a byte limit, and every failure a one-line ScenarioError naming the
 * file. Small on purpose: when scenario/ has a shared safe reader (issue 11), this should use it.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { ScenarioError } from '../scenario/errors.js';
import { fileProblem } from '../scenario/trace.js';

/** A year of tickets of a large hall is tens of megabytes; beyond this is a mistake. */
export const MAX_LOG_BYTES = 256 * 1024 * 1024;

export function readLogFile(file: string, maxBytes = MAX_LOG_BYTES): string {
  const fail = (found: string, expected: string): never => {
    throw new ScenarioError({ file, path: '(file)', found, expected });
  };
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return fail(fileProblem(e), 'a readable ticket log (CSV)');
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) fail(stat.isDirectory() ? 'a folder' : 'a special file (not a regular file)', 'a regular file: a ticket log (CSV)');
    if (stat.size > maxBytes) fail(`${(stat.size / 1024 / 1024).toFixed(0)} MB`, `a ticket log of at most ${maxBytes / 1024 / 1024} MB`);
    // Read at most one byte beyond the limit: a file growing while read is still caught.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let filled = 0;
    for (;;) {
      const n = readSync(fd, buffer, filled, buffer.length - filled, null);
      if (n === 0) break;
      filled += n;
      if (filled === buffer.length) fail(`more than ${maxBytes / 1024 / 1024} MB`, `a ticket log of at most ${maxBytes / 1024 / 1024} MB`);
    }
    return buffer.toString('utf8', 0, filled);
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    return fail(fileProblem(e), 'a readable ticket log (CSV)');
  } finally {
    closeSync(fd);
  }
}
