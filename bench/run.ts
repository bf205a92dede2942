/**
 * `npm run bench [-- --quick]`: measures frontdesk against a feature-free event loop on the same
 * M/M/10, each case in a fresh process and repeated, and writes the figures with the machine's CPU
 * and Node version to bench/results/<name>.json. Tests never time anything; this does.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { CaseFigures } from './case.js';

const quick = process.argv.includes('--quick');
const repeats = quick ? 2 : 3;
const customers = quick ? 500_000 : 2_000_000;
const caseScript = fileURLToPath(new URL('./case.js', import.meta.url));
const resultsDir = fileURLToPath(new URL('../../bench/results/', import.meta.url));

function measure(which: string, n: number): CaseFigures {
  const out = execFileSync(process.execPath, [caseScript, which, String(n)], { encoding: 'utf8' });
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

function summarizeRuns(runs: CaseFigures[]) {
  return {
    customers: runs[0].customers,
    events: runs[0].events,
    wallSeconds: spread(runs.map((r) => r.wallSeconds)),
    customersPerSecond: spread(runs.map((r) => r.customers / r.wallSeconds)),
    eventsPerSecond: spread(runs.map((r) => r.events / r.wallSeconds)),
    maxRssMiB: spread(runs.map((r) => r.maxRssBytes / 2 ** 20)),
    waitMean: runs[0].waitMean,
  };
}

function writeResult(name: string, data: unknown): string {
  mkdirSync(resultsDir, { recursive: true });
  const path = `${resultsDir}${name}.json`;
  writeFileSync(`${path}.tmp`, `${JSON.stringify(data, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
  return path;
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
};

// Interleave the two so that a slow moment of the machine hits both alike.
const frontdesk: CaseFigures[] = [];
const bareRuns: CaseFigures[] = [];
for (let i = 0; i < repeats; i++) {
  bareRuns.push(measure('bare', customers));
  frontdesk.push(measure('mm10', customers));
}
const fd = summarizeRuns(frontdesk);
const bare = summarizeRuns(bareRuns);
const ratio = fd.wallSeconds.median / bare.wallSeconds.median;
const result = {
  benchmark: 'mm10',
  description: `M/M/10 at 90% load, ${customers.toLocaleString('en')} customers, one replication`,
  date: new Date().toISOString(),
  quick,
  repeats,
  machine,
  frontdesk: fd,
  bareLoop: bare,
  ratioToBareLoop: ratio,
};
const path = writeResult(quick ? 'mm10-quick' : 'mm10', result);
const m = (x: number) => (x / 1e6).toFixed(2);
process.stdout.write(
  `mm10 (${customers.toLocaleString('en')} customers, median of ${repeats}):\n` +
    `  frontdesk  ${m(fd.customersPerSecond.median)} M customers/s, ${m(fd.eventsPerSecond.median)} M events/s, ` +
    `${fd.wallSeconds.median.toFixed(2)} s, peak RSS ${fd.maxRssMiB.median.toFixed(0)} MiB\n` +
    `  bare loop  ${m(bare.customersPerSecond.median)} M customers/s, ${bare.wallSeconds.median.toFixed(2)} s\n` +
    `  ratio frontdesk / bare loop: ${ratio.toFixed(2)}\n` +
    `written to ${path}\n`,
);
