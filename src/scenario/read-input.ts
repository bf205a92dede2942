/**
 * Reading an input file (a scenario or a trace) that may be hostile. `stat().size` is 0 for
 * /dev/zero, /dev/urandom and FIFOs, so a size check before an unbounded read lets them grow the
 * process until memory runs out, and opening a FIFO that has no writer blocks forever (a blocked
 * open ignores Ctrl-C: the signal handler never gets the thread back). So: open without blocking,
 * look at what the descriptor is (fstat, not the path: no race with a swapped file), accept only a
 * regular file, and read at most `maxBytes`, whatever the file system claims its size is.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Why an input file was not read, in words for a ScenarioError's `found`. */
export class InputFileProblem extends Error {
  override readonly name = 'InputFileProblem';
}

/** What a non-regular file is, for messages. */
function kindOf(stat: import('node:fs').Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * The bytes of the regular file at `path`, at most `maxBytes` of them. Throws InputFileProblem for
 * a special file or one larger than `maxBytes`, and the file system's own error (ENOENT, EACCES, ...)
 * when it cannot be opened.
 */
export function readInputFile(path: string, maxBytes: number): Buffer {
  // O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting for one.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new InputFileProblem(kindOf(stat));
    if (stat.size > maxBytes) throw new InputFileProblem(tooLarge(stat.size, maxBytes));
    // Read to the end (or one byte past the limit): a file that grows while read is still bounded.
    let buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(stat.size + 1, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) break;
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) throw new InputFileProblem(tooLarge(length, maxBytes));
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

function tooLarge(bytes: number, maxBytes: number): string {
  return `a file of ${megabytes(bytes)}${bytes === maxBytes + 1 ? ' or more' : ''}`;
}

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}
