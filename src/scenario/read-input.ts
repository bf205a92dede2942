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
  const input = InputFile.open(path, maxBytes);
  try {
    return input.whole();
  } finally {
    input.close();
  }
}

/**
 * A regular input file opened as `readInputFile` opens it, read in passes of chunks rather than
 * whole: a trace of hundreds of MB is scanned a chunk at a time (see scenario/trace-scan.ts), so
 * its bytes are never all in memory. Every pass stops at `maxBytes`, whatever the file does.
 */
export class InputFile {
  private constructor(
    private readonly fd: number,
    private readonly maxBytes: number,
    /** Size when opened, as fstat said it. */
    private readonly size: number,
  ) {}

  /** Opens `path`; throws InputFileProblem, or the file system's error (ENOENT, EACCES, ...). */
  static open(path: string, maxBytes: number): InputFile {
    // O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting for one.
    const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) throw new InputFileProblem(kindOf(stat));
      if (stat.size > maxBytes) throw new InputFileProblem(tooLarge(stat.size, maxBytes));
      return new InputFile(fd, maxBytes, stat.size);
    } catch (e) {
      closeSync(fd);
      throw e;
    }
  }

  /** All the bytes, at most `maxBytes`. */
  whole(): Buffer {
    // Read to the end (or one byte past the limit): a file that grows while read is still bounded.
    const maxBytes = this.maxBytes;
    let buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(this.size + 1, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) break;
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const n = readSync(this.fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) throw new InputFileProblem(tooLarge(length, maxBytes));
    return buffer.subarray(0, length);
  }

  /**
   * A pass from the start: each call gives the next chunk, null at the end. A chunk is a Buffer of
   * its own, or with `reuse` the same memory each time (for a reader that keeps nothing of it).
   */
  pass(chunkBytes = 1024 * 1024, reuse = false): () => Buffer | null {
    let position = 0;
    const reused = reuse ? Buffer.allocUnsafe(chunkBytes) : null;
    return () => {
      const chunk = reused ?? Buffer.allocUnsafe(chunkBytes);
      const n = readSync(this.fd, chunk, 0, chunkBytes, position);
      if (n === 0) return null;
      position += n;
      if (position > this.maxBytes) throw new InputFileProblem(tooLarge(position, this.maxBytes));
      return chunk.subarray(0, n);
    };
  }

  close(): void {
    closeSync(this.fd);
  }
}

function tooLarge(bytes: number, maxBytes: number): string {
  return `a file of ${megabytes(bytes)}${bytes === maxBytes + 1 ? ' or more' : ''}`;
}

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}
