import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import { REPORT_FORMATS, type CsvLayout, type ReportFormat } from '../../report/formats.js';
import type { PartSource } from '../../runner/shard.js';
import { csvOption } from '../options.js';
import { UsageError } from '../usage-error.js';

type MergeArgs = { parts: string[]; format?: ReportFormat; csv?: CsvLayout; out?: string };
type ShardModule = typeof import('../../runner/shard.js');

function unreadable(file: string, e: unknown): UsageError {
  return new UsageError(`${file}: found ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'a file that cannot be read'}; expected a part file`);
}

/** Reads `length` bytes at `position` of `fd` into `into` (a read may return fewer). */
function readFully(fd: number, into: Uint8Array, position: number, file: string): void {
  for (let done = 0; done < into.length; ) {
    let got: number;
    try {
      got = readSync(fd, into, done, into.length - done, position + done);
    } catch (e) {
      throw unreadable(file, e);
    }
    if (got === 0) throw unreadable(file, new Error('shorter than its first line said'));
    done += got;
  }
}

/**
 * A part file as merge reads it: its first line now, each alternative's rows later, straight into
 * the merged table (a part is mostly rows: 11 MB each on the bench; reading the whole file and
 * then copying its rows cost a buffer and a copy of every part). A pipe or device
 * (`merge <(ssh host cat part)`) has no size to check against, so it is read whole, as before.
 */
function openPart(shard: ShardModule, file: string, fds: number[]): PartSource {
  let fd: number;
  let size: number;
  let whole: Buffer | undefined;
  try {
    fd = openSync(file, 'r');
    fds.push(fd);
    const stat = fstatSync(fd);
    size = stat.size;
    if (!stat.isFile()) whole = readFileSync(fd);
  } catch (e) {
    throw unreadable(file, e);
  }
  if (whole) return shard.partSource(whole, file);
  // The first line: the manifest, the frame and where the rows are (a few kB; more for big grids).
  let head = Buffer.alloc(Math.min(size, 64 * 1024));
  readFully(fd, head, 0, file);
  while (head.indexOf(10) < 0 && head.length < size) {
    const more = Buffer.alloc(Math.min(size, head.length * 4));
    head.copy(more);
    readFully(fd, more.subarray(head.length), head.length, file);
    head = more;
  }
  const partHead = shard.readPartHead(head, size, file);
  return {
    file,
    head: partHead,
    readRows: (a, into) => {
      readFully(fd, new Uint8Array(into.buffer, into.byteOffset, into.byteLength), partHead.blocks[a].offset, file);
      shard.fromPartOrder(into);
    },
  };
}

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: 'merge <parts..>',
  describe: 'Put the parts of a sharded run or compare (--shard K/N) together and print its report',
  builder: (y) =>
    y
      .positional('parts', { type: 'string', array: true, demandOption: true, describe: 'Part files, in any order' })
      .option('format', { requiresArg: true, alias: 'f', choices: REPORT_FORMATS, describe: 'Report format (default: from the --out file\'s extension, else table)' })
      .option('csv', csvOption)
      .option('out', { requiresArg: true, alias: 'o', type: 'string', describe: 'Write the report to this file (atomically) instead of stdout; .json .csv .md .html choose the format' })
      .example('$0 merge parts/*.part --format json --out result.json', 'The report of the whole study, as one process would print it') as never,
  handler: async (args) => {
    // The runner and the report load only when the command runs (main.ts).
    const [shard, { writeReport }] = await Promise.all([import('../../runner/shard.js'), import('../write-report.js')]);
    const fds: number[] = [];
    try {
      const { result, about } = shard.mergeParts(args.parts.map((file) => openPart(shard, file, fds)));
      for (const fd of fds.splice(0)) closeSync(fd);
      await writeReport(result, args, args.parts, about);
    } catch (e) {
      if (e instanceof shard.PartError) throw new UsageError(e.message);
      throw e;
    } finally {
      for (const fd of fds) closeSync(fd);
    }
  },
};
