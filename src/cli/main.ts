#!/usr/bin/env node
/**
 * The `frontdesk` command. Exit codes (a public contract, see SCENARIO.md): 0 success; 1 invalid
 * scenario or arguments, one line on stderr naming the file, the field and what was expected;
 * 2 any other failure.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { ScenarioError } from '../scenario/errors.js';
import { compareCommand } from './commands/compare.js';
import { fitCommand } from './commands/fit.js';
import { onInterrupt } from './interrupt.js';
import { mergeCommand } from './commands/merge.js';
import { runCommand } from './commands/run.js';
import { schemaCommand } from './commands/schema.js';
import { staffCommand } from './commands/staff.js';
import { validateCommand } from './commands/validate.js';
import { UsageError } from './usage-error.js';
import { version } from './version.js';

export async function main(argv: string[]): Promise<number> {
  // Exit 130 on Ctrl-C even before anything registered an undo step.
  onInterrupt(() => {});
  try {
    await yargs(argv)
      .scriptName('frontdesk')
      .usage('$0 <command> [options]\n\nSimulate a front desk (counters, kiosks, lines, shifts) and compare staffing plans.')
      .command(runCommand)
      .command(compareCommand)
      .command(staffCommand)
      .command(mergeCommand)
      .command(validateCommand)
      .command(schemaCommand)
      .command(fitCommand)
      .demandCommand(1, 'Name a command: run, compare, staff, merge, validate, schema or fit.')
      .strict()
      .version(version())
      .alias('h', 'help')
      .wrap(Math.min(100, process.stdout.columns || 100))
      .fail((message, error) => {
        throw error ?? new UsageError(message);
      })
      .parseAsync();
    return 0;
  } catch (error) {
    if (error instanceof ScenarioError || error instanceof UsageError) {
      process.stderr.write(`frontdesk: ${error.message}\n`);
      return 1;
    }
    const detail = process.env.FRONTDESK_DEBUG && error instanceof Error ? (error.stack ?? error.message) : errorText(error);
    process.stderr.write(`frontdesk: ${detail}\n`);
    return 2;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const exitCode = await main(hideBin(process.argv));
process.exitCode = exitCode;
