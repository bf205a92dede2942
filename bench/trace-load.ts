/**
 * A large recorded day: a scenario replaying `arrivals.trace` of many rows, to measure what reading a
 * trace costs in time and memory (see "Replaying a recorded day" in README.md).
 *
 *   node dist/bench/trace-load.js make DIR ROWS   writes DIR/trace.yaml and DIR/trace.csv
 *     (14,000,000 rows make a file of about 200 MB, the size the issue measured)
 *   node dist/bench/trace-load.js read FILE       compiles the scenario FILE (reading its trace) in
 *     a fresh process and prints one JSON line: seconds, rows, peak RSS and RSS before reading
 * `npm run bench` calls benchTraceLoad (2 M rows, about 28 MB; quick: 500,000).
 *
 * The rows are like a real export: times in minutes with three decimals, a type on every row, a
 * service time on every fourth. Generated, never committed (a bench trace is hundreds of MB).
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileScenario } from '../src/scenario/compile.js';
import { loadScenario } from '../src/scenario/load.js';
import type { BenchContext } from './grid-load.js';

const here = fileURLToPath(import.meta.url);

/** Minutes the generated day lasts: long enough that even 14 M rows keep the hall below capacity. */
const HORIZON = 30_000;

/** Writes `dir`/trace.yaml and `dir`/trace.csv with `rows` arrivals; returns the scenario's path. */
export function writeTraceScenario(dir: string, rows: number): string {
  mkdirSync(dir, { recursive: true });
  const perMinute = rows / HORIZON;
  // Twelve counters at about 80% load, whatever the number of rows.
  const serviceMean = (12 * 0.8) / perMinute;
  const scenario = [
    'name: Recorded long day',
    'open: "00:00"',
    `horizon: ${HORIZON}`,
    'arrivals: { trace: trace.csv }',
    'types:',
    `  a: { share: 1, service: { dist: exponential, mean: ${serviceMean.toPrecision(3)} } }`,
    `  b: { share: 1, service: { dist: exponential, mean: ${serviceMean.toPrecision(3)} } }`,
    'counters:',
    '  desk: { staff: 12, serves: [a, b] }',
    '',
  ].join('\n');
  const yaml = join(dir, 'trace.yaml');
  const fd = openSync(yaml, 'w');
  writeSync(fd, scenario);
  closeSync(fd);

  const csv = openSync(join(dir, 'trace.csv'), 'w');
  // A fixed xorshift stream: the same file for the same size, no dependency on the model's streams.
  let state = 0x9e3779b9;
  const uniform = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) + 0.5) / 4294967296;
  };
  const gap = (HORIZON * 0.999) / rows;
  let time = 0;
  let chunk = 'time,type,service\n';
  for (let i = 0; i < rows; i++) {
    time += -gap * Math.log(uniform());
    const t = Math.min(time, HORIZON - 0.001);
    const service = i % 4 === 0 ? (-serviceMean * Math.log(uniform())).toFixed(3) : '';
    chunk += `${t.toFixed(3)},${uniform() < 0.5 ? 'a' : 'b'},${service}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(csv, chunk);
      chunk = '';
    }
  }
  writeSync(csv, chunk);
  closeSync(csv);
  return yaml;
}

interface TraceFigures {
  wallSeconds: number;
  rows: number;
  maxRssBytes: number;
  /** RSS with the scenario loaded, before the trace is read. */
  rssBeforeBytes: number;
}

/** Reads the trace of the scenario `file` (by compiling it, as every command does) in this process. */
function readIn(file: string): TraceFigures {
  const loaded = loadScenario(file);
  const rssBeforeBytes = process.memoryUsage.rss();
  const start = process.hrtime.bigint();
  const model = compileScenario(loaded.scenario, { baseDir: loaded.baseDir });
  const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rows = model.arrivals.kind === 'trace' ? model.arrivals.times.length : 0;
  return { wallSeconds, rows, maxRssBytes: process.resourceUsage().maxRSS * 1024, rssBeforeBytes };
}

/** Reading a generated trace of `rows` rows in a fresh process, `repeats` times. */
export function benchTraceLoad({ repeats, log, write }: BenchContext, rows: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-trace-'));
  try {
    const file = writeTraceScenario(dir, rows);
    const runs = Array.from({ length: repeats }, () => JSON.parse(execFileSync(process.execPath, [here, 'read', file], { encoding: 'utf8' })) as TraceFigures);
    const seconds = runs.map((r) => r.wallSeconds).sort((a, b) => a - b);
    const median = seconds[Math.floor(seconds.length / 2)];
    const peakPerRow = (runs[0].maxRssBytes - runs[0].rssBeforeBytes) / runs[0].rows;
    log(`trace, ${rows.toLocaleString('en')} rows: read in ${median.toFixed(2)} s (${(rows / median / 1e6).toFixed(2)} M rows/s), `);
    log(`peak RSS ${(runs[0].maxRssBytes / 2 ** 20).toFixed(0)} MiB, ${peakPerRow.toFixed(0)} bytes a row above the loaded scenario (arrays, a chunk of the file)\n`);
    write('trace', {
      description: `compiling a scenario that replays a generated trace of ${rows} rows (bench/trace-load.ts), in a fresh process`,
      rows: runs[0].rows,
      wallSeconds: { median, min: seconds[0], max: seconds[seconds.length - 1] },
      maxRssMiB: runs[0].maxRssBytes / 2 ** 20,
      peakBytesPerRow: peakPerRow,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === here) {
  const [what, a, b] = process.argv.slice(2);
  if (what === 'make' && a && Number(b) > 0) {
    console.log(writeTraceScenario(a, Number(b)));
  } else if (what === 'read' && a) {
    console.log(JSON.stringify(readIn(a)));
  } else {
    console.error('usage: node dist/bench/trace-load.js make DIR ROWS | read FILE');
    process.exit(1);
  }
}
