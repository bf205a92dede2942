/**
 * Shards against one process: `compare bench/scenarios/sweep.yaml -n 1000` (11 alternatives x
 * 1,000 replications) as 2 shards run side by side (`--shard K/2 --workers 1`, what GNU parallel
 * does on a 2-core machine) plus `merge`, against one process with 1 worker and one with the
 * default workers (threads on every core). Each run is a fresh CLI process, timed from outside as a
 * batch engine sees it; the runs are alternated so a slow moment of the machine hits all alike.
 * The merged JSON must be the one process's JSON, byte for byte, or the benchmark fails.
 *
 * Two more views say where the time goes:
 * - "on two machines": the same two shards one after the other, each alone on the machine, as a
 *   Slurm array or a Kubernetes Indexed Job spreads them over nodes; the study then takes the
 *   slower shard plus merge.
 * - CPU seconds of each process (cpu-usage.ts), split on Linux into the JavaScript thread (all the
 *   replications, with --workers 1) and V8's helper threads (compilation, garbage collection). A
 *   process alone has an idle core for its helpers; two shards side by side on two cores do not.
 * `npm run bench` calls benchShards.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchContext } from './grid-load.js';

const MAIN = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const SWEEP = fileURLToPath(new URL('../../bench/scenarios/sweep.yaml', import.meta.url));
const CPU_USAGE = pathToFileURL(fileURLToPath(new URL('./cpu-usage.js', import.meta.url))).href;

/** Runs the CLI; its CPU seconds are appended to `cpuFile` as it exits. */
function frontdesk(args: string[], cpuFile: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', CPU_USAGE, MAIN, ...args], {
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, FRONTDESK_BENCH_CPU: cpuFile },
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`frontdesk ${args.join(' ')} exited with ${code}`))));
  });
}

interface ProcessCpu {
  /** user + system, every thread */
  total: number;
  /** the JavaScript thread alone (Linux), else undefined */
  mainThread?: number;
}

/** CPU seconds of each process that wrote to `file`, in the order they exited. */
function cpuSeconds(file: string): ProcessCpu[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const { user, system, mainThread } = JSON.parse(line) as { user: number; system: number; mainThread?: number };
      return { total: user + system, mainThread };
    });
}

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, value };
}

function median(values: number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

/** Median, min and max of CPU figures; the thread split only where every process reported it. */
function cpuMedians(processes: ProcessCpu[]): { total: Spread; mainThread?: Spread; helperThreads?: Spread } {
  const total = median(processes.map((p) => p.total));
  if (processes.some((p) => p.mainThread === undefined)) return { total };
  return {
    total,
    mainThread: median(processes.map((p) => p.mainThread!)),
    helperThreads: median(processes.map((p) => p.total - p.mainThread!)),
  };
}

type Spread = ReturnType<typeof median>;

export async function benchShards({ repeats, log, write }: BenchContext, replications = 1000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-shards-'));
  const study = ['compare', SWEEP, '-n', String(replications)];
  const one: number[] = [];
  const oneDefault: number[] = [];
  const shards: number[] = [];
  const twoMachines: number[] = [];
  const cpu = { one: [] as ProcessCpu[], oneDefault: [] as ProcessCpu[], shardSideBySide: [] as ProcessCpu[], shardAlone: [] as ProcessCpu[], merge: [] as ProcessCpu[] };
  try {
    for (let i = 0; i < repeats; i++) {
      const cpuFile = (name: string) => join(dir, `cpu-${name}-${i}.jsonl`);
      const whole = await timed(() => frontdesk([...study, '--workers', '1', '--format', 'json'], cpuFile('one')));
      one.push(whole.seconds);
      oneDefault.push((await timed(() => frontdesk([...study, '--format', 'json'], cpuFile('default')))).seconds);
      const parts = [1, 2].map((k) => join(dir, `part-${k}.part`));
      const shardArgs = (k: number) => [...study, '--shard', `${k + 1}/2`, '--workers', '1', '--out', parts[k]];
      const sharded = await timed(async () => {
        await Promise.all(parts.map((_, k) => frontdesk(shardArgs(k), cpuFile('shards'))));
        return frontdesk(['merge', ...parts, '--format', 'json'], cpuFile('merge'));
      });
      if (sharded.value !== whole.value) throw new Error('bench shards: the merged report differs from the one process report');
      shards.push(sharded.seconds);
      // The same shards each alone, as on two machines: the study takes the slower one, then merge.
      const alone: number[] = [];
      for (const k of [0, 1]) alone.push((await timed(() => frontdesk(shardArgs(k), cpuFile('alone')))).seconds);
      const merged = await timed(() => frontdesk(['merge', ...parts, '--format', 'json'], cpuFile('merge-alone')));
      if (merged.value !== whole.value) throw new Error('bench shards: the merged report differs from the one process report');
      twoMachines.push(Math.max(...alone) + merged.seconds);
      cpu.one.push(...cpuSeconds(cpuFile('one')));
      cpu.oneDefault.push(...cpuSeconds(cpuFile('default')));
      cpu.shardSideBySide.push(...cpuSeconds(cpuFile('shards')));
      cpu.shardAlone.push(...cpuSeconds(cpuFile('alone')));
      cpu.merge.push(...cpuSeconds(cpuFile('merge')), ...cpuSeconds(cpuFile('merge-alone')));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const figures = {
    oneProcessOneWorker: median(one),
    oneProcessDefaultWorkers: median(oneDefault),
    twoShardsAndMerge: median(shards),
    twoMachinesAndMerge: median(twoMachines),
  };
  const base = figures.oneProcessOneWorker.median;
  const ratio = figures.twoShardsAndMerge.median / base;
  const ratioDefault = figures.twoShardsAndMerge.median / figures.oneProcessDefaultWorkers.median;
  const ratioTwoMachines = figures.twoMachinesAndMerge.median / base;
  const s = (x: number) => `${x.toFixed(2)} s`;
  const cpuFigures = {
    oneProcessOneWorker: cpuMedians(cpu.one),
    oneProcessDefaultWorkers: cpuMedians(cpu.oneDefault),
    eachShardSideBySide: cpuMedians(cpu.shardSideBySide),
    eachShardAlone: cpuMedians(cpu.shardAlone),
    merge: cpuMedians(cpu.merge),
  };
  const split = (c: ReturnType<typeof cpuMedians>) =>
    c.mainThread && c.helperThreads ? `${s(c.total.median)} (JavaScript thread ${s(c.mainThread.median)}, V8 helpers ${s(c.helperThreads.median)})` : s(c.total.median);
  log(`shards, 11 alternatives x ${replications} replications (median of ${repeats}): one process ${s(base)} `);
  log(`(default workers ${s(figures.oneProcessDefaultWorkers.median)}), 2 shards in parallel + merge ${s(figures.twoShardsAndMerge.median)}: `);
  log(`ratio ${ratio.toFixed(2)} to 1 worker, ${ratioDefault.toFixed(2)} to default workers (target <= 0.6); `);
  log(`on two machines (slower shard alone + merge) ${s(figures.twoMachinesAndMerge.median)}: ratio ${ratioTwoMachines.toFixed(2)}\n`);
  log(`  CPU (median): one process ${split(cpuFigures.oneProcessOneWorker)}; each shard side by side ${split(cpuFigures.eachShardSideBySide)}, `);
  log(`alone ${split(cpuFigures.eachShardAlone)}; merge ${s(cpuFigures.merge.total.median)}\n`);
  write('shards', {
    description: `compare of 10 variants x ${replications} replications: 2 CLI processes --shard K/2 --workers 1 side by side, then merge, against one CLI process; and the same shards one after the other (as on two machines)`,
    ...figures,
    ratioToOneWorker: ratio,
    ratioToDefaultWorkers: ratioDefault,
    ratioOnTwoMachines: ratioTwoMachines,
    cpuSeconds: cpuFigures,
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const repeats = Number(process.argv[2] ?? 3);
  await benchShards({ repeats, log: (t) => process.stdout.write(t), write: (_, d) => process.stdout.write(`${JSON.stringify(d)}\n`) }, Number(process.argv[3] ?? 1000));
}
