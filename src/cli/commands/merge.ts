import { readFileSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import { REPORT_FORMATS, type CsvLayout, type ReportFormat } from '../../report/formats.js';
import type { StudyPart } from '../../runner/shard.js';
import { csvOption } from '../options.js';
import { UsageError } from '../usage-error.js';

type MergeArgs = { parts: string[]; format?: ReportFormat; csv?: CsvLayout; out?: string };

function readPartFile(readPart: (bytes: Uint8Array, file: string) => StudyPart, file: string): StudyPart {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new UsageError(`${file}: found ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'a file that cannot be read'}; expected a part file`);
  }
  return readPart(bytes, file);
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
    const [{ mergeParts, PartError, readPart }, { writeReport }] = await Promise.all([import('../../runner/shard.js'), import('../write-report.js')]);
    try {
      const { result, about } = mergeParts(args.parts.map((file) => ({ file, part: readPartFile(readPart, file) })));
      await writeReport(result, args, args.parts, about);
    } catch (e) {
      if (e instanceof PartError) throw new UsageError(e.message);
      throw e;
    }
  },
};
