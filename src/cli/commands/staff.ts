/**
 * `frontdesk staff FILE`: the fewest counters per period that meet the scenario's `staffing`
 * target, Erlang's answer beside them, and with `staffing.shifts` the cheapest roster covering them
 * (see src/staffing/). `--write-scenario` writes the scenario with the plan as shift plans.
 */
import type { CommandModule } from 'yargs';
import type { StaffingFormat } from '../../report/staffing.js';
import { writeFileAtomic } from '../output.js';
import { reportDate } from '../report-date.js';
import { UsageError } from '../usage-error.js';
import { version } from '../version.js';

const FORMATS = ['table', 'json', 'csv', 'markdown', 'html'] as const;
type StaffFormat = (typeof FORMATS)[number];

interface StaffArgs {
  file: string;
  format: StaffFormat;
  out?: string;
  'write-scenario'?: string;
  'service-level'?: string;
  'max-abandon'?: string;
  'wait-target'?: number;
  replications?: number;
  'max-replications'?: number;
  seed?: number;
}

export const staffCommand: CommandModule<object, StaffArgs> = {
  command: 'staff <file>',
  describe: 'Find the fewest counters per hour that meet the service target, and the cheapest shifts that cover them',
  builder: (y) =>
    y
      .positional('file', { type: 'string', demandOption: true, describe: 'Scenario file with a `staffing` block (YAML or JSON)' })
      .option('service-level', { type: 'string', describe: 'Share served within the wait target each period, e.g. 80% (overrides the file)' })
      .option('max-abandon', { type: 'string', describe: 'Largest share who abandon or balk each period, e.g. 5% (overrides the file)' })
      .option('wait-target', { type: 'number', describe: 'Minutes within which a customer counts as served in time (overrides waitTarget)' })
      .option('replications', { alias: 'n', type: 'number', describe: "Replications per candidate plan (default: the file's)" })
      .option('max-replications', { type: 'number', describe: 'Replications a plan may get when a period sits close to the target (default 8x)' })
      .option('seed', { alias: 's', type: 'number', describe: "Random seed (default: the file's)" })
      .option('format', { alias: 'f', choices: FORMATS, default: 'table' as StaffFormat, describe: 'Report format' })
      .option('out', { alias: 'o', type: 'string', describe: 'Write the report to this file (atomically) instead of stdout' })
      .option('write-scenario', { type: 'string', describe: 'Also write the scenario with the found staffing as shift plans (YAML, or JSON for .json)' })
      .example('$0 staff scenarios/bank-staffing.yaml', 'Windows per hour and the cheapest shifts')
      .example('$0 staff hall.yaml --service-level 80% --wait-target 10 --write-scenario planned.yaml', 'Write the plan into a runnable scenario') as never,
  handler: async (args) => {
    // The search's modules load only when the command runs (main.ts).
    const [{ renderStaffing }, { loadScenario }, { staff, StaffingError }, { scenarioWithStaffing }] = await Promise.all([
      import('../../report/staffing.js'),
      import('../../scenario/load.js'),
      import('../../staffing/staff.js'),
      import('../../staffing/write-scenario.js'),
    ]);
    const overrides = {
      serviceLevel: share('service-level', args['service-level']),
      maxAbandon: share('max-abandon', args['max-abandon']),
      waitTarget: positive('wait-target', args['wait-target'], 0),
      replications: whole('replications', args.replications, 2),
      maxReplications: whole('max-replications', args['max-replications'], 2),
      seed: whole('seed', args.seed, 0),
    };
    const loaded = loadScenario(args.file);
    if (!loaded.scenario.staffing && overrides.serviceLevel === undefined && overrides.maxAbandon === undefined) {
      throw new UsageError(`${args.file}: no staffing block; add one (see the README) or give --service-level or --max-abandon`);
    }
    const status = new SearchStatus();
    let result;
    try {
      result = await staff(loaded, {
        ...overrides,
        onProgress: (what, days) => status.update(what, days),
        pause: () => new Promise((resolve) => setImmediate(resolve)),
      });
    } catch (error) {
      if (error instanceof StaffingError) throw new UsageError(`${args.file}: ${error.message}`);
      throw error;
    } finally {
      status.stop();
    }
    if (args['write-scenario'] !== undefined) {
      const path = args['write-scenario'];
      writeFileAtomic(path, scenarioWithStaffing(loaded.raw, result, path.endsWith('.json') ? 'json' : 'yaml'), loaded.inputs);
    }
    const color = args.out === undefined && args.format === 'table' && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
    // The HTML report loads its charting library only when asked for (report/html/).
    const text =
      args.format === 'html'
        ? (await import('../../report/html/staffing.js')).renderStaffingHtml(result, {
            version: version(),
            date: reportDate(),
            question: loaded.scenario.question,
            description: loaded.scenario.description,
            files: [args.file],
          })
        : renderStaffing(result, args.format as StaffingFormat, color);
    if (args.out !== undefined) writeFileAtomic(args.out, text, loaded.inputs);
    else process.stdout.write(text);
    if (args.format !== 'table' || args.out !== undefined) for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
  },
};

function share(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  const value = match ? Number(match[1]) / (match[2] ? 100 : 1) : NaN;
  if (!(value >= 0 && value <= 1)) throw new UsageError(`--${name}: found "${text}"; expected a share such as 80% or 0.8`);
  return value;
}

function positive(name: string, value: number | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!(Number.isFinite(value) && value >= min)) throw new UsageError(`--${name}: found ${value}; expected a number of minutes >= ${min}`);
  return value;
}

function whole(name: string, value: number | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!(Number.isSafeInteger(value) && value >= min)) throw new UsageError(`--${name}: found ${value}; expected a whole number >= ${min}`);
  return value;
}

/**
 * What the search is doing, on one line of stderr, for searches that take more than a second
 * (terminals only). With FRONTDESK_PROGRESS=lines, as for run and compare: plain lines whatever
 * stderr is, the first at once (a supervising process learns the search is under way), then one
 * every five seconds.
 */
class SearchStatus {
  private readonly started = Date.now();
  private shown = false;
  private lastLine = -Infinity;
  private readonly mode: 'line' | 'lines' | 'off' =
    process.env.FRONTDESK_PROGRESS === 'lines' ? 'lines' : Boolean(process.stderr.isTTY) && !process.env.CI ? 'line' : 'off';

  update(what: string, days: number): void {
    const now = Date.now();
    if (this.mode === 'lines') {
      if (now - this.lastLine < 5000) return;
      this.lastLine = now;
      process.stderr.write(`Searching: ${what}, ${days} days simulated\n`);
      return;
    }
    if (this.mode === 'off' || now - this.started < 1000) return;
    this.shown = true;
    process.stderr.write(`\r\x1b[2KSearching: ${what}, ${days} days simulated`);
  }

  stop(): void {
    if (this.shown) process.stderr.write('\r\x1b[2K');
    this.shown = false;
  }
}
