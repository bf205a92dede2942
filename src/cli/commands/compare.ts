import type { CommandModule } from 'yargs';
import { withStudyOptions, type StudyArgs } from '../options.js';

type CompareArgs = StudyArgs & { files: string[] };

export const compareCommand: CommandModule<object, CompareArgs> = {
  command: 'compare <files..>',
  describe: 'Compare the baseline with each variant (or several files), with paired confidence intervals',
  builder: (y) =>
    withStudyOptions(
      y.positional('files', { type: 'string', array: true, demandOption: true, describe: 'Scenario file(s)' }),
    )
      .example('$0 compare scenarios/bank-branch.yaml', 'The baseline against each variant in the file')
      .example('$0 compare today.yaml tomorrow.yaml', 'Two files, the first as the reference') as never,
  // The study's modules load only when the command runs (main.ts).
  handler: async (args) => (await import('../study-command.js')).executeStudy(args.files, args, 'compare'),
};
