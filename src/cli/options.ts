/** Options shared by `run` and `compare`, and their checking. */
import { extname } from 'node:path';
import type { Argv } from 'yargs';
import { CSV_LAYOUTS, REPORT_FORMATS, type CsvLayout, type ReportFormat } from '../report/formats.js';
import { defaultWorkers } from '../runner/cores.js';
import { parseShard, type Shard } from '../runner/shard-plan.js';
import { MAX_REPLICATIONS } from '../scenario/limits.js';
import { UsageError } from './usage-error.js';

/**
 * Numbers arrive as the text typed (options of type string): yargs would turn `-n abc` into NaN
 * and the message could only say "found NaN". Checked by `checkStudyArgs`.
 */
export type NumberText = string | number;

export interface StudyArgs {
  /** `run` only: the file's variant to report instead of the baseline. */
  variant?: string;
  replications?: NumberText;
  seed?: NumberText;
  period?: NumberText;
  workers?: NumberText;
  /** As given; see reportFormat for the format used. */
  format?: ReportFormat;
  /** CSV layout: `tidy` (the default) or `wide`; see report/csv.ts. */
  csv?: CsvLayout;
  out?: string;
  trace?: string;
  precision?: string;
  'max-replications'?: NumberText;
  shard?: string;
}

export function withStudyOptions<T>(y: Argv<T>) {
  return y
    .option('replications', { requiresArg: true, alias: 'n', type: 'string', describe: 'Replications per variant (default: the file\'s, else 10)' })
    .option('seed', { requiresArg: true, alias: 's', type: 'string', describe: 'Random seed (default: the file\'s, else 1)' })
    .option('period', { requiresArg: true, type: 'string', describe: 'Length of a byPeriod period, minutes (default: the file\'s period, else 60)' })
    .option('workers', { requiresArg: true, alias: 'w', type: 'string', describe: `Threads of work (default and most: the cores, here ${defaultWorkers()}; more are taken as that many)` })
    .option('precision', {
      requiresArg: true,
      type: 'string',
      describe: 'Add replications until the mean wait\'s 95% CI is within this share of the mean, e.g. 5%',
    })
    .option('max-replications', {
      requiresArg: true,
      type: 'string',
      describe: 'Most replications per variant: caps the file\'s replications, and --precision (default 1000)',
    })
    .option('format', { requiresArg: true, alias: 'f', choices: REPORT_FORMATS, describe: 'Report format (default: from the --out file\'s extension, else table)' })
    .option('csv', csvOption)
    .option('out', { requiresArg: true, alias: 'o', type: 'string', describe: 'Write the report to this file (atomically) instead of stdout; .json .csv .md .html choose the format' })
    .option('trace', { requiresArg: true, type: 'string', describe: 'Also write one CSV row per customer visit (lines, services, outcome) to this file' })
    .option('shard', {
      requiresArg: true,
      type: 'string',
      describe: 'Run only shard K of N (e.g. 3/8) of the replications and write a part for `frontdesk merge` (to --out, else stdout)',
    });
}

/** The format an --out file's extension asks for (SCENARIO.md, "Output format from the file name"). */
const FORMAT_OF_EXTENSION: Readonly<Record<string, string>> = { '.json': 'json', '.csv': 'csv', '.md': 'markdown', '.html': 'html' };

/** `--csv tidy|wide`, for run, compare and merge. */
export const csvOption = {
  requiresArg: true,
  choices: CSV_LAYOUTS,
  describe: 'CSV layout: tidy (one figure per row, the default) or wide (a row per alternative, type and period; a column per figure with its 95% interval); implies --format csv',
} as const;

/**
 * `--format` always wins; else `--out`'s extension (.json .csv .md .html); else CSV when a CSV layout
 * is asked for (`--csv wide`); anything else is the table.
 */
export function reportFormat(format: ReportFormat | undefined, out: string | undefined, csv?: CsvLayout): ReportFormat {
  if (format !== undefined) return format;
  const byName = out === undefined ? undefined : FORMAT_OF_EXTENSION[extname(out).toLowerCase()];
  if (byName !== undefined && (REPORT_FORMATS as readonly string[]).includes(byName)) return byName as ReportFormat;
  return csv !== undefined ? 'csv' : 'table';
}

/** A CSV layout with another format (`--format json --csv wide`) is a mistake, said at once. */
export function checkCsvLayout(args: { format?: ReportFormat; out?: string; csv?: CsvLayout }): void {
  if (args.csv === undefined) return;
  const format = reportFormat(args.format, args.out, args.csv);
  if (format !== 'csv') throw new UsageError(`--csv: found it with the ${format} format; expected the CSV format (--format csv, or an --out file ending .csv)`);
}

/** The number typed, or NaN for text that is not one (`abc`, an empty value). */
function numberOf(text: NumberText): number {
  if (typeof text === 'number') return text;
  return /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(text) ? Number(text) : Number.NaN;
}

/** How a value was typed, for messages: `"abc"` for text, `12.5` for a number. */
function shown(text: NumberText): string {
  return typeof text === 'number' || !Number.isNaN(numberOf(text)) ? String(text).trim() : JSON.stringify(text);
}

function wholeNumber(name: string, text: NumberText | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = numberOf(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name}: found ${shown(text)}; expected a whole number from ${min} to ${max}`);
  }
  return value;
}

export interface CheckedStudyArgs {
  replications?: number;
  seed?: number;
  period?: number;
  workers: number;
  precision?: number;
  maxReplications?: number;
  shard?: Shard;
}

export function checkStudyArgs(args: StudyArgs): CheckedStudyArgs {
  const checked: CheckedStudyArgs = {
    replications: wholeNumber('replications', args.replications, 1, MAX_REPLICATIONS),
    seed: wholeNumber('seed', args.seed, 0, Number.MAX_SAFE_INTEGER),
    // More threads than cores only compete for them (--workers 1000 on 2 cores reached 8.4 GB): clamped.
    workers: Math.min(wholeNumber('workers', args.workers, 1, 1024) ?? defaultWorkers(), defaultWorkers()),
    maxReplications: wholeNumber('max-replications', args['max-replications'], 2, MAX_REPLICATIONS),
  };
  if (checked.replications !== undefined && checked.maxReplications !== undefined && checked.replications > checked.maxReplications) {
    throw new UsageError(
      `--replications: found ${checked.replications}; expected at most --max-replications (${checked.maxReplications})`,
    );
  }
  if (args.period !== undefined) {
    const period = numberOf(args.period);
    if (!(Number.isFinite(period) && period > 0)) {
      throw new UsageError(`--period: found ${shown(args.period)}; expected a positive number of minutes`);
    }
    checked.period = period;
  }
  if (args.precision !== undefined) checked.precision = parsePrecision(args.precision);
  if (args.shard !== undefined) checked.shard = checkShard(args);
  // A shard writes a part, not a report: merge takes the report's format and layout.
  else checkCsvLayout(args);
  return checked;
}

/** "5%" or "0.05" -> 0.05. */
export function parsePrecision(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  const value = match ? Number(match[1]) / (match[2] ? 100 : 1) : NaN;
  if (!(value > 0 && value < 1)) {
    throw new UsageError(`--precision: found "${text}"; expected a share of the mean such as 5% or 0.05`);
  }
  return value;
}

/**
 * `--shard K/N`, and what cannot go with it: `--precision` decides how many replications to add
 * from the intervals of all of them, which no shard sees (run a pilot with --precision, then shard
 * with -n set to what it reached); a per-customer trace belongs to one process.
 */
function checkShard(args: StudyArgs): Shard {
  const shard = parseShard(args.shard ?? '');
  if (!shard) throw new UsageError(`--shard: found "${args.shard}"; expected K/N with 1 <= K <= N, e.g. 3/8`);
  if (args.precision !== undefined) {
    throw new UsageError(
      '--precision: found it with --shard; expected one or the other (a shard cannot see the other shards\' replications: run --precision once, then shard with -n set to the replications it reached)',
    );
  }
  if (args.trace !== undefined) throw new UsageError('--trace: found it with --shard; expected one or the other (trace the replications you need in one process)');
  return shard;
}
