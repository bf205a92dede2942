/**
 * Long horizons with the CLI's default options: `frontdesk run` of the M/M/10 at 90% load
 * (bench/scenarios/mm10.yaml: one replication, the default 60-minute period, default workers)
 * with its horizon set for 2 million and for 10 million customers (154 and 772 days). Each run is
 * a fresh CLI process that reports its own peak RSS (bench/max-rss.ts, preloaded); the runs
 * alternate with the one-period event loop (`case.js mm10`, the mm10 benchmark) on the same 10
 * million customers, so a slow moment of the machine hits both alike.
 *
 * It shows what issue 11 asked: the peak RSS of 10 M against 2 M (target <= 1.3: memory flat in
 * customers and in days, since byPeriod is folded by time of day), the JSON's size, and the CLI's
 * whole run (start-up, simulation with per-period statistics, summary, report) against the bare
 * day of one period.
 *   node dist/bench/horizon.js [repeats]   alone, writing bench/results/horizon.json
 * `npm run bench` calls benchHorizon.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CaseFigures } from './case.js';
import type { BenchContext } from './grid-load.js';

const MAIN = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const CASE = fileURLToPath(new URL('./case.js', import.meta.url));
const MAX_RSS = pathToFileURL(fileURLToPath(new URL('./max-rss.js', import.meta.url))).href;
const MM10 = fileURLToPath(new URL('../../bench/scenarios/mm10.yaml', import.meta.url));
/** Arrivals a minute in mm10.yaml (540 an hour). */
const PER_MINUTE = 9;

interface CliFigures {
  wallSeconds: number;
  cpuSeconds: number;
  maxRssBytes: number;
  jsonBytes: number;
  customers: number;
  periods: number;
}

/** `frontdesk run FILE --out DIR/r.json`: nothing but the output named, every other option its default. */
function runCli(file: string, dir: string): CliFigures {
  const out = join(dir, 'r.json');
  const rssFile = join(dir, 'max-rss');
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, ['--import', MAX_RSS, MAIN, 'run', file, '--out', out], {
    env: { ...process.env, FRONTDESK_MAX_RSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  const [maxRss, cpu] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
  const result = JSON.parse(readFileSync(out, 'utf8'));
  const variant = result.variants[0];
  return { wallSeconds, cpuSeconds: cpu, maxRssBytes: maxRss, jsonBytes: statSync(out).size, customers: variant.metrics.arrived.mean, periods: variant.byPeriod.length };
}

function onePeriod(customers: number): CaseFigures {
  return JSON.parse(execFileSync(process.execPath, [CASE, 'mm10', String(customers)], { encoding: 'utf8' })) as CaseFigures;
}

function spread(values: number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

function summary(runs: CliFigures[]) {
  return {
    customers: runs[0].customers,
    periods: runs[0].periods,
    jsonBytes: runs[0].jsonBytes,
    wallSeconds: spread(runs.map((r) => r.wallSeconds)),
    cpuSeconds: spread(runs.map((r) => r.cpuSeconds)),
    maxRssMiB: spread(runs.map((r) => r.maxRssBytes / 2 ** 20)),
  };
}

export function benchHorizon({ repeats, log, write }: BenchContext): void {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-horizon-'));
  try {
    const text = readFileSync(MM10, 'utf8');
    const fileFor = (customers: number) => {
      const file = join(dir, `mm10-${customers}.yaml`);
      writeFileSync(file, text.replace(/^horizon: .*$/m, `horizon: ${Math.ceil(customers / PER_MINUTE)}`));
      return file;
    };
    const small = fileFor(2_000_000);
    const large = fileFor(10_000_000);
    const smallRuns: CliFigures[] = [];
    const largeRuns: CliFigures[] = [];
    const loopRuns: CaseFigures[] = [];
    for (let i = 0; i < repeats; i++) {
      smallRuns.push(runCli(small, dir));
      largeRuns.push(runCli(large, dir));
      loopRuns.push(onePeriod(10_000_000));
    }
    const two = summary(smallRuns);
    const ten = summary(largeRuns);
    const loop = spread(loopRuns.map((r) => r.wallSeconds));
    const rssRatio = ten.maxRssMiB.median / two.maxRssMiB.median;
    const timeRatio = ten.wallSeconds.median / loop.median;
    const M = (x: number) => `${(x / 1e6).toFixed(1)} M`;
    log(`horizon, CLI run with default options, M/M/10 at 90% (median of ${repeats}):\n`);
    for (const f of [two, ten]) {
      log(`  ${M(f.customers)} customers: ${f.wallSeconds.median.toFixed(2)} s (${f.cpuSeconds.median.toFixed(2)} s CPU), peak RSS ${f.maxRssMiB.median.toFixed(0)} MiB, `);
      log(`${f.periods} periods, JSON ${(f.jsonBytes / 1024).toFixed(0)} kB\n`);
    }
    log(`  peak RSS 10 M / 2 M: ${rssRatio.toFixed(2)} (target <= 1.3)\n`);
    log(`  10 M through the CLI / the one-period day alone (case.js mm10, ${loop.median.toFixed(2)} s): ${timeRatio.toFixed(2)}\n`);
    write('horizon', {
      description: 'frontdesk run of mm10.yaml with default options (one replication, 60-minute periods folded by time of day, default workers) at 2 M and 10 M customers, against the one-period event loop (case.js mm10) on 10 M',
      twoMillion: two,
      tenMillion: ten,
      onePeriodLoop: { customers: loopRuns[0].customers, wallSeconds: loop },
      rssRatio,
      timeRatioToOnePeriod: timeRatio,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const repeats = Number(process.argv[2] ?? 3);
  const results = fileURLToPath(new URL('../../bench/results/horizon.json', import.meta.url));
  benchHorizon({
    repeats,
    log: (t) => process.stdout.write(t),
    write: (name, data) => {
      const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, loadAverage1m: Number(loadavg()[0].toFixed(2)) };
      const record = { benchmark: name, date: new Date().toISOString(), quick: false, repeats, machine, ...data };
      writeFileSync(`${results}.tmp`, `${JSON.stringify(record, null, 2)}\n`);
      renameSync(`${results}.tmp`, results);
    },
  });
}
