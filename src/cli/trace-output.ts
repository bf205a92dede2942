/**
 * The --trace file, streamed: rows go to disk as batches finish, so a study of thousands of days
 * holds a few batches of rows in memory, never the whole trace (5,000 branch days are ~2 million
 * rows; collecting them, then `push(...rows)`, overflowed the stack after the whole simulation).
 *
 * The file lists the baseline's rows, then each variant's, each in replication order. The study
 * finishes the alternatives side by side, so the baseline's rows go straight into the output and
 * each variant's into a scratch file beside it, appended at the end. Scratch files are removed on
 * failure and on Ctrl-C, like the output's own temporary file.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { TraceSink } from '../runner/study.js';
import { TRACE_HEADER } from '../runner/visit-trace.js';
import { onInterrupt } from './interrupt.js';
import { OutputError, OutputFile, writeProblem, type OutputTarget } from './output.js';

interface Scratch {
  path: string;
  handle: FileHandle;
}

export class TraceOutput implements TraceSink {
  private readonly scratch = new Map<number, Scratch>();
  private readonly forget: () => void;

  private constructor(
    private readonly target: OutputTarget,
    private readonly file: OutputFile,
  ) {
    this.forget = onInterrupt(() => {
      for (const s of this.scratch.values()) rmSync(s.path, { force: true });
    });
  }

  static async open(target: OutputTarget): Promise<TraceOutput> {
    const file = await OutputFile.open(target);
    await file.write(`${TRACE_HEADER}\n`);
    return new TraceOutput(target, file);
  }

  async write(alternative: number, rows: string): Promise<void> {
    if (rows === '') return;
    if (alternative === 0) return this.file.write(rows);
    const scratch = this.scratch.get(alternative) ?? (await this.openScratch(alternative));
    await this.guard(() => scratch.handle.writeFile(rows));
  }

  /** Appends the variants' rows in order and makes the file visible. */
  async commit(): Promise<void> {
    const order = [...this.scratch.keys()].sort((a, b) => a - b);
    for (const alternative of order) {
      const { handle } = this.scratch.get(alternative)!;
      const chunk = Buffer.allocUnsafe(1 << 20);
      for (let at = 0; ; ) {
        const { bytesRead } = await this.guard(() => handle.read(chunk, 0, chunk.length, at));
        if (bytesRead === 0) break;
        // Bytes, not text: a chunk may end inside a character.
        await this.file.write(chunk.subarray(0, bytesRead));
        at += bytesRead;
      }
    }
    await this.removeScratch();
    await this.file.commit();
  }

  /** Gives up: removes the scratch files and the output's temporary file. */
  async abort(): Promise<void> {
    await this.removeScratch();
    await this.file.abort();
  }

  private async openScratch(alternative: number): Promise<Scratch> {
    // Beside the output (same disk) unless the output is a device or a FIFO.
    const folder = this.target.kind === 'file' ? dirname(this.target.path) : tmpdir();
    const path = join(folder, `.${basename(this.target.path)}.${process.pid}.${alternative}.${randomBytes(4).toString('hex')}.part`);
    const handle = await this.guard(() => open(path, 'wx+'));
    const scratch = { path, handle };
    this.scratch.set(alternative, scratch);
    return scratch;
  }

  private async removeScratch(): Promise<void> {
    for (const { path, handle } of this.scratch.values()) {
      await handle.close().catch(() => {});
      rmSync(path, { force: true });
    }
    this.scratch.clear();
    this.forget();
  }

  private async guard<T>(step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      throw new OutputError(`${this.target.path}: cannot write the trace: ${writeProblem(error)}`);
    }
  }
}
