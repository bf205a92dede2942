/**
 * Reading a ticket log: through the project's reader of inputs that may be hostile
 * (scenario/read-input.ts: a regular file only, at most a byte limit, a FIFO never waited on),
 * every failure a one-line ScenarioError naming the file.
 */
import { ScenarioError } from '../scenario/errors.js';
import { InputFileProblem, readInputFile } from '../scenario/read-input.js';
import { fileProblem } from '../scenario/trace.js';

/** A year of tickets of a large hall is tens of megabytes; beyond this is a mistake. */
export const MAX_LOG_BYTES = 256 * 1024 * 1024;

export function readLogFile(file: string, maxBytes = MAX_LOG_BYTES): string {
  try {
    return readInputFile(file, maxBytes).toString('utf8');
  } catch (e) {
    const found = e instanceof InputFileProblem ? e.message : fileProblem(e);
    const expected = e instanceof InputFileProblem && !found.startsWith('a file of') ? 'a regular file: a ticket log (CSV)' : `a ticket log (CSV) of at most ${maxBytes >= 1 << 20 ? `${maxBytes / (1 << 20)} MB` : `${maxBytes} bytes`}`;
    throw new ScenarioError({ file, path: '(file)', found, expected });
  }
}
