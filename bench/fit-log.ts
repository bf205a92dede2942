/**
 * How long `frontdesk fit` takes on a log of 20 days x ~500 tickets (the bundled
 * scenarios/data/service-centre-tickets.csv, 9,979 tickets): read, parse, fit every law, write the
 * commented scenario and load it back with the project's loader, as the command does. Target: under
 * 2 s. --check (a simulation) is timed apart, for information.
 *   node dist/bench/fit-log.js [LOG]   one measurement in a fresh process (a JSON line)
 * `npm run bench` calls benchFit.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fitLog } from '../src/fit/fit-log.js';
import { readLogFile } from '../src/fit/read-file.js';
import { scenarioText } from '../src/fit/scenario-text.js';
import { parseTicketLog } from '../src/fit/ticket-log.js';
import { parseScenarioText } from '../src/scenario/load.js';
import type { BenchContext } from './grid-load.js';
import { seconds } from './stopwatch.js';

const here = fileURLToPath(import.meta.url);
const bundledLog = fileURLToPath(new URL('../../scenarios/data/service-centre-tickets.csv', import.meta.url));
const cli = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));

interface FitFigures {
  wallSeconds: number;
  tickets: number;
  days: number;
  maxRssBytes: number;
}

function spread(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

export function benchFit({ repeats, log, write }: BenchContext): void {
  const runs = Array.from({ length: repeats }, () => JSON.parse(execFileSync(process.execPath, [here, bundledLog], { encoding: 'utf8' })) as FitFigures);
  const fit = spread(runs.map((r) => r.wallSeconds));
  // The whole command with --check (30 simulated days), wall time of the process.
  const checks = Array.from({ length: repeats }, () => {
    const start = process.hrtime.bigint();
    execFileSync(process.execPath, [cli, 'fit', bundledLog, '--check', '--workers', '1'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return seconds(start);
  });
  const check = spread(checks);
  log(`fit, ${runs[0].days} days x ${Math.round(runs[0].tickets / runs[0].days)} tickets (${runs[0].tickets}): ${fit.median.toFixed(2)} s (target < 2 s; min ${fit.min.toFixed(2)}, max ${fit.max.toFixed(2)}); `);
  log(`frontdesk fit --check, whole process: ${check.median.toFixed(2)} s\n`);
  write('fit', {
    description: 'read, parse and fit a ticket log of 20 days, write the scenario and load it back (in a fresh process); and the whole `fit --check` command',
    tickets: runs[0].tickets,
    days: runs[0].days,
    wallSeconds: fit,
    maxRssMiB: runs[0].maxRssBytes / 2 ** 20,
    checkCommandWallSeconds: check,
  });
}

if (process.argv[1] === here) {
  const file = process.argv[2] ?? bundledLog;
  const start = process.hrtime.bigint();
  const ticketLog = parseTicketLog(readLogFile(file), file);
  const fitted = fitLog(ticketLog);
  parseScenarioText(scenarioText(fitted), 'fitted.yaml');
  const figures: FitFigures = { wallSeconds: seconds(start), tickets: fitted.tickets, days: fitted.days, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
