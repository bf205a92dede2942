/**
 * `npm run bench [-- --quick]`: frontdesk's speed, memory and parallel scaling, each case in a
 * fresh process and repeated, written with the machine's CPU and Node version to
 * bench/results/<benchmark>.json (`--quick`: bench/results/quick/). Tests never time anything;
 * this does.
 *
 * - mm10: M/M/10 at 90% load (10 million customers; quick: 1 million), frontdesk's event loop
 *   against a plain, feature-free event loop for the same model, measured alternately in the same
 *   run; the ratio of their times is the cost of frontdesk's features.
 * - memory: peak RSS of mm10 with 10x the customers against 1x: statistics stream, so memory
 *   should stay flat.
 * - city-hall: 12 types, 60 counters in 8 skill groups with shifts, 10 kiosks, patience, balking,
 *   250 working days (quick: 25), through the whole runner.
 * - fit: `frontdesk fit` on a ticket log of 20 days x ~500 tickets (bench/fit-log.ts; target < 2 s).
 * - sweep: a compare of 10 variants x 100 replications (quick: 20) of a one-day branch on 1 and
 *   on 2 worker threads; sweep-large, the same with 1,000 replications (not in --quick).
 * - load: loading a 1,000-combination grid and a file of 4,000 listed variants (bench/grid-load.ts).
 * - trace: reading a generated trace of 2 million rows (quick: 500,000): time, peak RSS and peak
 *   bytes a row (bench/trace-load.ts).
 * - staff-bank, staff-hall: `frontdesk staff` on the bundled example and a 12-hour, 4-group hall,
 *   with the days the search simulated (bench/staffing.ts).
 * - shards: the sweep with 1,000 replications (quick: 100) as 2 shards side by side + merge, against
 *   one process, and the same shards one after the other as on two machines (bench/shards.ts).
 * - horizon: `frontdesk run` with its default options on mm10 with 2 M and 10 M customers (154 and
 *   772 days): peak RSS ratio (target <= 1.3), JSON size, time against the one-period day (bench/horizon.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { CaseFigures } from './case.js';
import { benchFit } from './fit-log.js';
import { benchLoading } from './grid-load.js';
import { benchStaffing } from './staffing.js';
import { benchShards } from './shards.js';
import { benchTraceLoad } from './trace-load.js';
import { benchHorizon } from './horizon.js';

import { benchHtmlReport } from './html-report.js';

const quick = process.argv.includes('--quick');
const repeats = quick ? 1 : 3;
const caseScript = fileURLToPath(new URL('./case.js', import.meta.url));
const resultsDir = fileURLToPath(new URL(quick ? '../../bench/results/quick/' : '../../bench/results/', import.meta.url));

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
};

function measure(...args: Array<string | number>): CaseFigures {
  const out = execFileSync(process.execPath, [caseScript, ...args.map(String)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out) as CaseFigures;
}

interface Spread {
  median: number;
  min: number;
  max: number;
}

function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

function figures(runs: CaseFigures[]) {
  return {
    customers: runs[0].customers,
    events: Number.isFinite(runs[0].events) ? runs[0].events : undefined,
    wallSeconds: spread(runs.map((r) => r.wallSeconds)),
    customersPerSecond: spread(runs.map((r) => r.customers / r.wallSeconds)),
    eventsPerSecond: Number.isFinite(runs[0].events) ? spread(runs.map((r) => r.events / r.wallSeconds)) : undefined,
    maxRssMiB: spread(runs.map((r) => r.maxRssBytes / 2 ** 20)),
    waitMean: runs[0].waitMean,
  };
}

function write(name: string, data: Record<string, unknown>): void {
  mkdirSync(resultsDir, { recursive: true });
  const path = `${resultsDir}${name}.json`;
  // The 1-minute load average as the benchmark ends: above ~0.5 on 2 cores, other work shared the machine.
  const load = { loadAverage1m: Number(loadavg()[0].toFixed(2)) };
  const record = { benchmark: name, date: new Date().toISOString(), quick, repeats, machine: { ...machine, ...load }, ...data };
  writeFileSync(`${path}.tmp`, `${JSON.stringify(record, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
  log(`  written to ${path}\n`);
}

function log(text: string): void {
  process.stdout.write(text);
}

/** Runs `a` and `b` alternately `repeats` times, so a slow moment of the machine hits both alike. */
function alternate(a: () => CaseFigures, b: () => CaseFigures): [CaseFigures[], CaseFigures[]] {
  const as: CaseFigures[] = [];
  const bs: CaseFigures[] = [];
  for (let i = 0; i < repeats; i++) {
    as.push(a());
    bs.push(b());
  }
  return [as, bs];
}

const M = (x: number) => `${(x / 1e6).toFixed(2)} M`;
const s = (x: number) => `${x.toFixed(2)} s`;

// mm10 and memory
const big = quick ? 1_000_000 : 10_000_000;
const small = big / 10;
const [fdRuns, bareRuns] = alternate(
  () => measure('mm10', big),
  () => measure('bare', big),
);
const fd = figures(fdRuns);
const bare = figures(bareRuns);
const ratio = fd.wallSeconds.median / bare.wallSeconds.median;
log(`mm10, M/M/10 at 90% load, ${big.toLocaleString('en')} customers (median of ${repeats}):\n`);
log(`  frontdesk  ${M(fd.customersPerSecond.median)} customers/s, ${M(fd.eventsPerSecond!.median)} events/s, ${s(fd.wallSeconds.median)}\n`);
log(`  bare loop  ${M(bare.customersPerSecond.median)} customers/s, ${s(bare.wallSeconds.median)}\n`);
log(`  frontdesk / bare loop: ${ratio.toFixed(2)} (target <= 2.0)\n`);
write('mm10', { description: `M/M/10 at 90% load, ${big} customers, one replication`, frontdesk: fd, bareLoop: bare, ratioToBareLoop: ratio });

const smallRuns = Array.from({ length: repeats }, () => measure('mm10', small));
const smallFigures = figures(smallRuns);
const memoryRatio = fd.maxRssMiB.median / smallFigures.maxRssMiB.median;
log(`memory: peak RSS ${fd.maxRssMiB.median.toFixed(0)} MiB with ${big.toLocaleString('en')} customers, `);
log(`${smallFigures.maxRssMiB.median.toFixed(0)} MiB with ${small.toLocaleString('en')}: ratio ${memoryRatio.toFixed(2)} (target <= 1.3)\n`);
write('memory', { description: 'peak RSS of mm10 at two sizes', large: fd, small: smallFigures, ratio: memoryRatio });

// long horizons through the CLI with its default options (bench/horizon.ts)
benchHorizon({ repeats, log, write });

// city-hall
const days = quick ? 25 : 250;
const hall = figures(Array.from({ length: repeats }, () => measure('city-hall', days)));
log(`city-hall, ${days} working days: ${M(hall.customersPerSecond.median)} customers/s, ${s(hall.wallSeconds.median)}, peak RSS ${hall.maxRssMiB.median.toFixed(0)} MiB\n`);
write('city-hall', { description: `12 types, 60 counters in 8 groups with shifts, 10 kiosks, ${days} days, 1 worker`, ...hall });

// sweep: the 100 replications, and a ten times larger study to show where threads pay
function sweep(name: string, reps: number, target: string): void {
  const [oneRuns, twoRuns] = alternate(
    () => measure('sweep', reps, 1),
    () => measure('sweep', reps, 2),
  );
  const one = figures(oneRuns);
  const two = figures(twoRuns);
  const parallel = two.wallSeconds.median / one.wallSeconds.median;
  log(`${name}, 11 alternatives x ${reps} replications: 1 worker ${s(one.wallSeconds.median)}, 2 workers ${s(two.wallSeconds.median)}: `);
  log(`ratio ${parallel.toFixed(2)}${target}\n`);
  write(name, { description: `compare of 10 variants x ${reps} replications`, oneWorker: one, twoWorkers: two, ratioTwoToOne: parallel });
}
sweep('sweep', quick ? 20 : 100, ' (target <= 0.6)');
if (!quick) sweep('sweep-large', 1000, '');

// loading many variants (bench/grid-load.ts)
benchLoading({ repeats, log, write });

// reading a recorded day (bench/trace-load.ts)
benchTraceLoad({ repeats, log, write }, quick ? 500_000 : 2_000_000);

// shards side by side against one process (bench/shards.ts)
await benchShards({ repeats, log, write }, quick ? 100 : 1000);

// fitting a ticket log (bench/fit-log.ts)
benchFit({ repeats, log, write });

// the staffing search (bench/staffing.ts)
benchStaffing({ repeats, log, write });

// the HTML report on top of the simulation (bench/html-report.ts)
benchHtmlReport({ repeats, log, write });
