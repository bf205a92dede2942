/**
 * Shards against one process: `compare bench/scenarios/sweep.yaml -n 1000` (11 alternatives x
 * 1,000 replications) as 2 shards run side by side (`--shard K/2 --workers 1`, what GNU parallel
 * does on a 2-core machine) plus `merge`, against one process with 1 worker and one with the
 * default workers (threads on every core). Each run is a fresh CLI process, timed from outside as a
 * batch engine sees it; the three are alternated so a slow moment of the machine hits all alike.
 * The merged JSON must be the one process's JSON, byte for byte, or the benchmark fails.
 * `npm run bench` calls benchShards.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchContext } from './grid-load.js';

const MAIN = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const SWEEP = fileURLToPath(new URL('../../bench/scenarios/sweep.yaml', import.meta.url));

function frontdesk(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`frontdesk ${args.join(' ')} exited with ${code}`))));
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
  try {
    for (let i = 0; i < repeats; i++) {
      const whole = await timed(() => frontdesk([...study, '--workers', '1', '--format', 'json']));
      one.push(whole.seconds);
      oneDefault.push((await timed(() => frontdesk([...study, '--format', 'json']))).seconds);
      const parts = [1, 2].map((k) => join(dir, `part-${k}.part`));
      const sharded = await timed(async () => {
        await Promise.all(parts.map((part, k) => frontdesk([...study, '--shard', `${k + 1}/2`, '--workers', '1', '--out', part])));
        return frontdesk(['merge', ...parts, '--format', 'json']);
      });
      if (sharded.value !== whole.value) throw new Error('bench shards: the merged report differs from the one process report');
      shards.push(sharded.seconds);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const figures = { oneProcessOneWorker: median(one), oneProcessDefaultWorkers: median(oneDefault), twoShardsAndMerge: median(shards) };
  const ratio = figures.twoShardsAndMerge.median / figures.oneProcessOneWorker.median;
  const ratioDefault = figures.twoShardsAndMerge.median / figures.oneProcessDefaultWorkers.median;
  const s = (x: number) => `${x.toFixed(2)} s`;
  log(`shards, 11 alternatives x ${replications} replications (median of ${repeats}): one process ${s(figures.oneProcessOneWorker.median)} `);
  log(`(default workers ${s(figures.oneProcessDefaultWorkers.median)}), 2 shards in parallel + merge ${s(figures.twoShardsAndMerge.median)}: `);
  log(`ratio ${ratio.toFixed(2)} to 1 worker, ${ratioDefault.toFixed(2)} to default workers (target <= 0.6)\n`);
  write('shards', {
    description: `compare of 10 variants x ${replications} replications: 2 CLI processes --shard K/2 --workers 1 side by side, then merge, against one CLI process`,
    ...figures,
    ratioToOneWorker: ratio,
    ratioToDefaultWorkers: ratioDefault,
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const repeats = Number(process.argv[2] ?? 3);
  await benchShards({ repeats, log: (t) => process.stdout.write(t), write: (_, d) => process.stdout.write(`${JSON.stringify(d)}\n`) }, Number(process.argv[3] ?? 1000));
}
