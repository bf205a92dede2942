/**
 * Writing a study's report: for `run` and `compare`, and for `merge`, which loads this without
 * the scenario's modules (it needs no scenario).
 */
import { printable, printableData } from '../report/printable.js';
import type { CsvLayout, ReportFormat } from '../report/formats.js';
import { renderReport } from '../report/index.js';
import type { Result } from '../runner/result.js';
import { checkCsvLayout, reportFormat } from './options.js';
import { checkOutputTarget, writeOutput, writeStdout, type OutputTarget } from './output.js';
import { reportDate } from './report-date.js';
import { version } from './version.js';

/** What a report says about the study beyond its Result (the HTML header): a shard's part keeps it for merge. */
export interface ReportAbout {
  question?: string;
  description?: string;
  /** The file's `staffing.serviceLevel`: the service-level chart draws it as the target line. */
  serviceLevelTarget?: number;
  files: string[];
}

/**
 * Prints or writes the report of a study (a whole one, or merged parts), then its warnings. The
 * format is `--format`, else the --out file's extension; `outTarget` is the --out file already
 * checked (else it is checked here).
 */
export async function writeReport(
  result: Result,
  args: { format?: ReportFormat; out?: string; csv?: CsvLayout },
  inputs: readonly string[],
  about: ReportAbout,
  outTarget: OutputTarget | undefined = args.out === undefined ? undefined : checkOutputTarget(args.out, 'report', inputs),
): Promise<void> {
  checkCsvLayout(args);
  const format = reportFormat(args.format, args.out, args.csv);
  // Names from the file may hold terminal escapes: shown as visible escapes except in JSON (printable.ts).
  const raw = result;
  result = format === 'json' ? raw : printableData(raw);
  const color = outTarget === undefined && format === 'table' && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  // A terminal's own width; a file or a pipe gets a width that still reads well on a laptop.
  const width = outTarget === undefined && process.stdout.isTTY ? process.stdout.columns : 120;
  const text = await renderReport(result, format, {
    color,
    width,
    html: format === 'html' ? { version: version(), date: reportDate(), ...about } : undefined,
    csv: args.csv,
  });
  if (outTarget !== undefined) await writeOutput(outTarget, text);
  else await writeStdout(text);
  if (format !== 'table' || outTarget !== undefined) {
    for (const warning of raw.warnings) process.stderr.write(`warning: ${printable(warning)}\n`);
  }
}
