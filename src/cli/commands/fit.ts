import type { CommandModule } from 'yargs';
import { resolve } from 'node:path';
import type { Role } from '../../fit/columns.js';
import { checkStudyArgs } from '../options.js';
import { writeFileAtomic } from '../output.js';
import { UsageError } from '../usage-error.js';

interface FitArgs {
  log: string;
  out?: string;
  columns?: string;
  period?: number;
  'wait-target'?: number;
  name?: string;
  check?: boolean;
  replications?: number;
  seed?: number;
  workers?: number;
}

function positive(name: string, value: number | undefined): number | undefined {
  if (value !== undefined && !(Number.isFinite(value) && value > 0)) throw new UsageError(`--${name}: found ${value}; expected a positive number of minutes`);
  return value;
}

export const fitCommand: CommandModule<object, FitArgs> = {
  command: 'fit <log>',
  describe: 'Fit a scenario to a ticket-machine log (CSV: issued, type, called, finished, counter), and check it',
  builder: (y) =>
    y
      .positional('log', { type: 'string', demandOption: true, describe: 'Ticket log, CSV with a header (one row per ticket)' })
      .option('out', { alias: 'o', type: 'string', describe: 'Write the fitted scenario (YAML) to this file (default: stdout)' })
      .option('columns', { type: 'string', describe: 'Name the log\'s columns: issued=Arrival,called=Call time,... (roles: issued, date, type, called, finished, counter)' })
      .option('period', { type: 'number', describe: 'Minutes per period of the arrival profile and shift plan (default 60)' })
      .option('wait-target', { type: 'number', describe: 'waitTarget written into the scenario, minutes (default 10)' })
      .option('name', { type: 'string', describe: 'Name of the fitted scenario' })
      .option('check', { type: 'boolean', describe: 'Also simulate the fitted scenario and compare it with the log, period by period' })
      .option('replications', { alias: 'n', type: 'number', describe: 'Replications for --check (default 30)' })
      .option('seed', { alias: 's', type: 'number', describe: 'Seed for --check (default 1)' })
      .option('workers', { alias: 'w', type: 'number', describe: 'Worker threads for --check (default: cores)' })
      .example('$0 fit hall.csv --out hall.yaml', 'Fit a scenario to a ticket log')
      .example('$0 fit export.csv --columns "issued=Ticket time,called=Call time" --check', 'Name the columns, then compare model and log') as never,
  handler: async (args) => {
    // The fitting modules load only when the command runs (main.ts).
    const [{ parseColumnMap }, { fitLog }, { readLogFile }, { scenarioText }, { parseTicketLog }, { parseScenarioText }] = await Promise.all([
      import('../../fit/columns.js'),
      import('../../fit/fit-log.js'),
      import('../../fit/read-file.js'),
      import('../../fit/scenario-text.js'),
      import('../../fit/ticket-log.js'),
      import('../../scenario/load.js'),
    ]);
    let columns: Partial<Record<Role, string>> = {};
    if (args.columns !== undefined) {
      try {
        columns = parseColumnMap(args.columns);
      } catch (e) {
        throw new UsageError(`--columns: ${(e as Error).message}`);
      }
    }
    // The same checks as run's options (whole numbers in range, a positive period), one line each.
    const checked = checkStudyArgs({ replications: args.replications, seed: args.seed, workers: args.workers, period: args.period, format: 'table' });
    const period = checked.period;
    const waitTarget = positive('wait-target', args['wait-target']);
    const log = parseTicketLog(readLogFile(args.log), args.log, { columns });
    const fitted = fitLog(log, { period });
    const text = scenarioText(fitted, { waitTarget, name: args.name });
    // The project's own loader must accept what fit writes; if not, that is a bug here (exit 2).
    const where = args.out ?? 'fitted.yaml';
    const loaded = parseScenarioText(text, where, { format: 'yaml', baseDir: resolve('.') });
    if (args.out !== undefined) writeFileAtomic(args.out, text, [args.log]);
    else if (!args.check) process.stdout.write(text);
    if (args.check) {
      const { checkFit } = await import('../fit-check.js');
      await checkFit(fitted, loaded, { replications: checked.replications, seed: checked.seed, workers: checked.workers });
      if (args.out === undefined) process.stderr.write('frontdesk fit: the scenario is not written (add --out FILE to keep it)\n');
    }
  },
};
