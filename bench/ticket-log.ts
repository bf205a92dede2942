/**
 * A ticket-machine log simulated from a scenario: `days` replications with a visit trace, written
 * as a queue-management export (runner trace -> fit/trace-to-log.ts). It makes the bundled example
 * log (scenarios/data/service-centre-tickets.csv) reproducible, and the log the fit benchmark reads.
 *   node dist/bench/ticket-log.js SCENARIO --days 20 --seed 2026 --out LOG
 * The export looks like a European system's: `;`, a BOM, CRLF, a date column, its own column names,
 * services and desks by their display names.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { traceToTicketLog, type TicketLogStyle } from '../src/fit/trace-to-log.js';
import { runStudy } from '../src/runner/study.js';
import { TRACE_HEADER } from '../src/runner/visit-trace.js';
import { loadScenario } from '../src/scenario/load.js';
import { parseClock } from '../src/scenario/time.js';

/** How the example export names things: the planner sees these, not the scenario's identifiers. */
export const EXPORT_STYLE: Omit<TicketLogStyle, 'openClock'> = {
  firstDay: '2026-11-02',
  separator: ';',
  dateColumn: true,
  crlf: true,
  bom: true,
  header: { date: 'Date', issued: 'Ticket time', type: 'Service', called: 'Call time', finished: 'End', counter: 'Desk' },
  typeLabels: { passport_id: 'Passport & ID', registration: 'Registration', payments: 'Payments', consultation: 'Consultation' },
  counterLabel: 'Desk',
};

export async function simulateTicketLog(scenarioFile: string, days: number, seed: number): Promise<string> {
  const loaded = loadScenario(scenarioFile);
  const trace: string[] = [];
  await runStudy(loaded.scenario.name, [{ name: 'baseline', scenario: loaded.scenario, baseDir: loaded.baseDir }], {
    replications: days,
    seed,
    period: 60,
    workers: 1,
    trace,
  });
  return traceToTicketLog([TRACE_HEADER, ...trace].join('\n'), { ...EXPORT_STYLE, openClock: parseClock(loaded.scenario.open ?? '00:00') ?? 0 });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name: string, fallback?: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const file = args[0];
  const out = option('out');
  if (!file || !out) {
    process.stderr.write('usage: ticket-log.js SCENARIO --out LOG [--days 20] [--seed 2026]\n');
    process.exit(2);
  }
  const text = await simulateTicketLog(file, Number(option('days', '20')), Number(option('seed', '2026')));
  writeFileSync(out, text);
}
