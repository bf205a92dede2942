#!/usr/bin/env node
/**
 * The `frontdesk` command. Exit codes (a public contract, see SCENARIO.md): 0 success; 1 invalid
 * scenario or arguments, one line on stderr naming the file, the field and what was expected;
 * 2 any other failure.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { ScenarioError } from '../scenario/errors.js';
import { compareCommand } from './commands/compare.js';
import { fitCommand } from './commands/fit.js';
import { onInterrupt } from './interrupt.js';
import { mergeCommand } from './commands/merge.js';
import { OutputError, ReaderGone, writeProblem } from './output.js';
import { runCommand } from './commands/run.js';
import { schemaCommand } from './commands/schema.js';
import { staffCommand } from './commands/staff.js';
import { validateCommand } from './commands/validate.js';
import { UsageError } from './usage-error.js';
import { version } from './version.js';

/**
 * A reader that closes the pipe early (`frontdesk ... | head`) has what it wanted: end quietly.
 * Any other failure of standard output or error (`> /dev/full`) is one line and exit 2, never
 * Node's unhandled 'error' event with its stack trace.
 */
function guardStandardStreams(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      if (stream === process.stdout) process.stderr.write(`frontdesk: standard output: cannot write: ${writeProblem(error)}\n`);
      process.exit(2);
    });
  }
}

export async function main(argv: string[]): Promise<number> {
  // Exit 130 on Ctrl-C even before anything registered an undo step.
  onInterrupt(() => {});
  try {
    const cli = yargs(argv);
    skipEagerHelp(cli, argv);
    await cli
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
      // A mistyped command (`frontdesk comapre`) gets "Did you mean compare?".
      .recommendCommands()
      .version(version())
      .alias('h', 'help')
      .wrap(Math.min(100, process.stdout.columns || 100))
      .fail((message, error) => {
        // yargs' own errors (YError: a missing option value, ...) are usage errors too.
        if (error && error.name !== 'YError') throw error;
        // yargs says only "Did you mean compare?"; name what was typed too.
        if (!error && /^Did you mean /.test(message ?? '')) throw new UsageError(`unknown command "${argv[0]}". ${message}`);
        throw new UsageError(usageLine(error?.message ?? message));
      })
      .parseAsync();
    return 0;
  } catch (error) {
    if (error instanceof ReaderGone) return 0;
    if (error instanceof OutputError) {
      process.stderr.write(`frontdesk: ${error.message}\n`);
      return 2;
    }
    if (error instanceof ScenarioError || error instanceof UsageError) {
      process.stderr.write(`frontdesk: ${error.message}\n`);
      return 1;
    }
    const detail = process.env.FRONTDESK_DEBUG && error instanceof Error ? (error.stack ?? error.message) : errorText(error);
    process.stderr.write(`frontdesk: ${detail}\n`);
    return 2;
  }
}

/**
 * After calling a command's handler, yargs formats the command's whole help text and keeps it
 * (cliui, string-width: 30-60 ms of CPU per run), only so that a later `showHelp()` could still
 * show it. Nothing here ever shows it after a handler ran: the `.fail` handler above turns every
 * failure into our own one line (yargs prints help on failure only without a fail handler), and
 * no command calls showHelp or getHelp. `--help` never runs a handler, so the help texts are
 * untouched, but it is left alone when asked for all the same. The Angular CLI does the same
 * (angular/angular-cli#34087). getInternalMethods is not in yargs' types, hence the cast.
 */
function skipEagerHelp(cli: object, argv: string[]): void {
  if (argv.some((arg) => arg === '--help' || arg === '-h')) return;
  const internal = (cli as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } }).getInternalMethods?.();
  const usage = internal?.getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}

/**
 * yargs' complaint in one line, in the form of the other errors where it can be:
 * `--format: found "xml"; expected one of table, json, csv, markdown`.
 */
export function usageLine(message: string): string {
  const choice = /Argument: (\S+), Given: (.*), Choices: (.*)$/s.exec(message);
  if (choice) return `--${choice[1]}: found ${choice[2].trim()}; expected one of ${choice[3].replace(/"/g, '').replace(/\s+/g, ' ').trim()}`;
  const missing = /^Not enough arguments following: (\S+)$/.exec(message.trim());
  if (missing) return `${missing[1].length === 1 ? '-' : '--'}${missing[1]}: found nothing; expected a value after it`;
  return message.replace(/\s*\n\s*/g, '; ').trim();
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Whether this module is the program (not imported, e.g. by a test that calls main in-process). */
function isProgram(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isProgram()) {
  guardStandardStreams();
  process.exitCode = await main(hideBin(process.argv));
}
