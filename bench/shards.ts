/**
 * Shards against one process: `compare bench/scenarios/sweep.yaml -n 1000` (11 alternatives x
 * 1,000 replications) as 2 shards run side by side (`--shard K/2 --workers 1`, what GNU parallel
 * does on a 2-core machine) plus `merge`, against one process with 1 worker and one with the
 * default workers (threads on every core). Each run is a fresh CLI process, timed from outside as a
 * batch engine sees it; the three are alternated so a slow moment of the machine hits all alike.
 * The merged JSON must be the one process's JSON, byte for byte, or the benchmark fails.
 *
 * Beside the wall times, each process's CPU seconds (cpu-usage.ts): on a shared machine two more
 * processes need not get two more cores, and the CPU times show what each step costs whatever the
 * machine is doing.
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

/** CPU seconds (user + system) of each process that wrote to `file`, in the order they exited. */
function cpuSeconds(file: string): number[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const { user, system } = JSON.parse(line) as { user: number; system: number };
      return user + system;
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

export async function benchShards({ repeats, log, write }: BenchContext, replications = 1000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-shards-'));
  const study = ['compare', SWEEP, '-n', String(replications)];
  const one: number[] = [];
  const oneDefault: number[] = [];
  const shards: number[] = [];
  const cpu = { oneProcessOneWorker: [] as number[], oneProcessDefaultWorkers: [] as number[], shard: [] as number[], merge: [] as number[] };
  try {
    for (let i = 0; i < repeats; i++) {
      const cpuFile = (name: string) => join(dir, `cpu-${name}-${i}.jsonl`);
      const whole = await timed(() => frontdesk([...study, '--workers', '1', '--format', 'json'], cpuFile('one')));
      one.push(whole.seconds);
      oneDefault.push((await timed(() => frontdesk([...study, '--format', 'json'], cpuFile('default')))).seconds);
      const parts = [1, 2].map((k) => join(dir, `part-${k}.part`));
      const sharded = await timed(async () => {
        await Promise.all(parts.map((part, k) => frontdesk([...study, '--shard', `${k + 1}/2`, '--workers', '1', '--out', part], cpuFile('shards'))));
        return frontdesk(['merge', ...parts, '--format', 'json'], cpuFile('merge'));
      });
      if (sharded.value !== whole.value) throw new Error('bench shards: the merged report differs from the one process report');
      shards.push(sharded.seconds);
      cpu.oneProcessOneWorker.push(...cpuSeconds(cpuFile('one')));
      cpu.oneProcessDefaultWorkers.push(...cpuSeconds(cpuFile('default')));
      cpu.shard.push(...cpuSeconds(cpuFile('shards')));
      cpu.merge.push(...cpuSeconds(cpuFile('merge')));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const figures = { oneProcessOneWorker: median(one), oneProcessDefaultWorkers: median(oneDefault), twoShardsAndMerge: median(shards) };
  const ratio = figures.twoShardsAndMerge.median / figures.oneProcessOneWorker.median;
  const ratioDefault = figures.twoShardsAndMerge.median / figures.oneProcessDefaultWorkers.median;
  const s = (x: number) => `${x.toFixed(2)} s`;
  const cpuFigures = {
    oneProcessOneWorker: median(cpu.oneProcessOneWorker),
    oneProcessDefaultWorkers: median(cpu.oneProcessDefaultWorkers),
    eachShard: median(cpu.shard),
    merge: median(cpu.merge),
  };
  log(`shards, 11 alternatives x ${replications} replications (median of ${repeats}): one process ${s(figures.oneProcessOneWorker.median)} `);
  log(`(default workers ${s(figures.oneProcessDefaultWorkers.median)}), 2 shards in parallel + merge ${s(figures.twoShardsAndMerge.median)}: `);
  log(`ratio ${ratio.toFixed(2)} to 1 worker, ${ratioDefault.toFixed(2)} to default workers (target <= 0.6)\n`);
  log(`  CPU (user + system, median): one process ${s(cpuFigures.oneProcessOneWorker.median)} (default workers ${s(cpuFigures.oneProcessDefaultWorkers.median)}), `);
  log(`each shard ${s(cpuFigures.eachShard.median)}, merge ${s(cpuFigures.merge.median)}\n`);
  write('shards', {
    description: `compare of 10 variants x ${replications} replications: 2 CLI processes --shard K/2 --workers 1 side by side, then merge, against one CLI process`,
    ...figures,
    ratioToOneWorker: ratio,
    ratioToDefaultWorkers: ratioDefault,
    cpuSeconds: cpuFigures,
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const repeats = Number(process.argv[2] ?? 3);
  await benchShards({ repeats, log: (t) => process.stdout.write(t), write: (_, d) => process.stdout.write(`${JSON.stringify(d)}\n`) }, Number(process.argv[3] ?? 1000));
}
