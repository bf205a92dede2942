/**
 * Writing results without ever losing a file.
 *
 * - A regular file (or a new one) is written through a temporary file in the same folder and a
 *   rename (atomic on one file system), so a reader sees the old file or the new one, never half
 *   of one; an interrupted run (Ctrl-C, SIGTERM, SIGHUP) leaves no temporary file behind.
 * - A special file (a device such as /dev/null, a FIFO, a terminal) is written directly: renaming
 *   over it would replace the device with a regular file (as root, `--out /dev/null` would).
 * - The target is checked before the simulation starts (`checkOutputTarget`), so a missing folder
 *   or a read-only one costs a second, not the whole run; every failure names the planner's path,
 *   never the hidden temporary file, in one line.
 * - Never over an input of the run.
 */
import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, openSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { onInterrupt } from './interrupt.js';
import { UsageError } from './usage-error.js';

/** A failure of the environment (disk full, no permission): one line on stderr, exit 2. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
}

/** The reader of a pipe went away (`... | head`): nothing is wrong with the run; end quietly. */
export class ReaderGone extends Error {
  override readonly name = 'ReaderGone';
}

/** Whether two paths name the same file (after links), or would once created. */
export function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

/** A file-system error in words, without the path Node puts in its message. */
export function writeProblem(error: unknown): string {
  const code = (error as { code?: string })?.code;
  switch (code) {
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'the folder does not exist';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'EISDIR':
      return 'it is a folder';
    case 'EIO':
      return 'input/output error';
    default: {
      const message = String((error as Error)?.message ?? error).split('\n')[0];
      return code ? `${code}: ${message.replace(/,? (open|write|rename|close) '.*$/, '')}` : message;
    }
  }
}

export type OutputKind = 'file' | 'special';

/** Where an output goes, checked: see checkOutputTarget. */
export interface OutputTarget {
  /** As the planner named it: messages use it. */
  path: string;
  /** `report` or `trace`, for messages. */
  what: string;
  kind: OutputKind;
}

/**
 * Checks, before any work, that `path` can take the `what` (report, trace): not an input of the
 * run (UsageError, exit 1), not a folder, and in a folder that exists and may be written (else
 * OutputError, exit 2). A special file (device, FIFO) must be writable; it is written directly.
 */
export function checkOutputTarget(path: string, what: string, inputs: readonly string[] = []): OutputTarget {
  for (const input of inputs) {
    if (sameFile(path, input)) throw new UsageError(`${path}: refusing to write over an input file of this run (the ${what} would destroy it)`);
  }
  const fail = (why: string): never => {
    throw new OutputError(`${path}: cannot write the ${what}: ${why}`);
  };
  let kind: OutputKind = 'file';
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) fail('it is a folder');
    if (!stat.isFile()) kind = 'special';
    accessSync(path, constants.W_OK);
  } catch (error) {
    if (error instanceof OutputError) throw error;
    if ((error as { code?: string }).code !== 'ENOENT') fail(writeProblem(error));
  }
  if (kind === 'file') {
    // The temporary file and the rename need the folder to exist and be writable.
    const folder = dirname(resolve(path));
    try {
      if (!statSync(folder).isDirectory()) fail(`${dirname(path)} is not a folder`);
      accessSync(folder, constants.W_OK | constants.X_OK);
    } catch (error) {
      if (error instanceof OutputError) throw error;
      const code = (error as { code?: string }).code;
      fail(code === 'ENOENT' ? `the folder ${dirname(path)} does not exist` : code === 'ENOTDIR' ? `${dirname(path)} is not a folder` : writeProblem(error));
    }
  }
  return { path, what, kind };
}

/**
 * An output written in pieces (a trace streams as replications finish), made visible at `commit`:
 * until then a regular file's content lives in a temporary file beside it, removed by `abort` or
 * by an interruption.
 */
export class OutputFile {
  private handle: FileHandle | null = null;
  private temp: string | null = null;
  private forget: (() => void) | null = null;

  private constructor(private readonly target: OutputTarget) {}

  static async open(target: OutputTarget): Promise<OutputFile> {
    const file = new OutputFile(target);
    await file.guard(async () => {
      if (target.kind === 'special') {
        // No O_CREAT, no O_TRUNC: a device or FIFO is written as it is. Opened asynchronously so
        // that a FIFO with no reader yet keeps Ctrl-C working while it waits for one.
        file.handle = await open(target.path, constants.O_WRONLY);
        return;
      }
      const temp = tempPathFor(target.path);
      file.temp = temp;
      file.forget = onInterrupt(() => rmSync(temp, { force: true }));
      file.handle = await open(temp, 'wx');
    });
    return file;
  }

  async write(text: string | Uint8Array): Promise<void> {
    await this.guard(async () => {
      // writeFile writes it all (write may take part of it, as a pipe does); from the current position.
      await this.handle!.writeFile(text);
    });
  }

  /** Closes the file and, for a regular file, renames the temporary file onto the target. */
  async commit(): Promise<void> {
    await this.guard(async () => {
      const handle = this.handle!;
      this.handle = null;
      await handle.close();
      if (this.temp) renameSync(this.temp, this.target.path);
      this.temp = null;
      this.forget?.();
    });
  }

  /** Gives up: closes the file and removes the temporary one (the target is left as it was). */
  async abort(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close().catch(() => {});
    if (this.temp) rmSync(this.temp, { force: true });
    this.temp = null;
    this.forget?.();
  }

  /** Runs a step; on failure removes what was begun and throws OutputError (or ReaderGone) naming the target. */
  private async guard(step: () => Promise<void>): Promise<void> {
    try {
      await step();
    } catch (error) {
      await this.abort();
      if ((error as { code?: string }).code === 'EPIPE') throw new ReaderGone(this.target.path);
      throw new OutputError(`${this.target.path}: cannot write the ${this.target.what}: ${writeProblem(error)}`);
    }
  }
}

/**
 * Writes a whole output (a report) to a checked target: atomically for a regular file. Pieces are
 * written one after the other (a part's rows straight from their tables, not copied into one buffer).
 */
export async function writeOutput(target: OutputTarget, content: string | Uint8Array | readonly Uint8Array[]): Promise<void> {
  const file = await OutputFile.open(target);
  for (const piece of typeof content === 'string' || content instanceof Uint8Array ? [content] : content) await file.write(piece);
  await file.commit();
}

/**
 * Writes `content` to `path` at once (synchronously), with the same rules: refused over one of the
 * `inputs`, a special file written directly, a regular one through a temporary file and a rename,
 * failures as OutputError naming `path`.
 */
export function writeFileAtomic(path: string, content: string, inputs: readonly string[] = [], what = 'report'): void {
  const target = checkOutputTarget(path, what, inputs);
  const failed = (error: unknown): OutputError | ReaderGone =>
    (error as { code?: string }).code === 'EPIPE' ? new ReaderGone(path) : new OutputError(`${path}: cannot write the ${what}: ${writeProblem(error)}`);
  if (target.kind === 'special') {
    try {
      const fd = openSync(path, constants.O_WRONLY);
      try {
        writeFileSync(fd, content);
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      throw failed(error);
    }
    return;
  }
  const temp = tempPathFor(path);
  const forget = onInterrupt(() => rmSync(temp, { force: true }));
  try {
    writeFileSync(temp, content, { flag: 'wx' });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw failed(error);
  } finally {
    forget();
  }
}

/** A hidden name beside `path`, unique to this process and call. */
function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Writes to standard output and waits until it is taken: a reader that went away (`| head`)
 * becomes ReaderGone, any other failure (`> /dev/full`) an OutputError, instead of an unhandled
 * 'error' event with a stack trace.
 */
export function writeStdout(text: string | Uint8Array): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const stdout = process.stdout;
    const onError = (error: unknown) => {
      stdout.off('error', onError);
      reject((error as { code?: string })?.code === 'EPIPE' ? new ReaderGone('stdout') : new OutputError(`standard output: cannot write: ${writeProblem(error)}`));
    };
    stdout.on('error', onError);
    try {
      stdout.write(text, (error) => {
        if (error) onError(error);
        else {
          stdout.off('error', onError);
          resolvePromise();
        }
      });
    } catch (error) {
      onError(error);
    }
  });
}
