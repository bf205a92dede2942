import type { CommandModule } from 'yargs';
import { withStudyOptions, type StudyArgs } from '../options.js';

type RunArgs = StudyArgs & { file: string };

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <file>',
  describe: 'Simulate the scenario (its baseline) and report waits, service level and utilisation',
  builder: (y) =>
    withStudyOptions(y.positional('file', { type: 'string', demandOption: true, describe: 'Scenario file (YAML or JSON)' }))
      .option('variant', { type: 'string', requiresArg: true, describe: "Report this variant of the file (by its name) instead of the baseline, type by type and hour by hour" })
      .example('$0 run scenarios/bank-branch.yaml', 'Report of the branch as it is today')
      .example('$0 run hall.yaml -n 50 --format json --out result.json', '50 replications, JSON to a file')
      .example('$0 run scenarios/bank-branch.yaml --variant reorganised', 'One variant on its own, hour by hour') as never,
  // The study's modules load only when the command runs (main.ts).
  handler: async (args) => (await import('../study-command.js')).executeStudy([args.file], args, 'run'),
};
