/**
 * Load time of many variants: a 1,000-combination grid (bench/scenarios/grid.yaml) and a file of
 * 4,000 listed variants (written to a temporary folder: it is 170 kB of repetition). Loading reads,
 * parses and validates the baseline and every variant, as `validate`, `run` and `compare` do
 * before simulating; it used to grow with the square of the number of variants.
 *   node dist/bench/grid-load.js <scenario file>   one measurement in a fresh process (a JSON line)
 * `npm run bench` calls benchLoading.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../src/scenario/load.js';

const here = fileURLToPath(import.meta.url);
const scenarioPath = (name: string) => fileURLToPath(new URL(`../../bench/scenarios/${name}.yaml`, import.meta.url));

interface LoadFigures {
  wallSeconds: number;
  variants: number;
  maxRssBytes: number;
}

/** The sweep's branch with `n` listed variants (each a different staffing). */
function listedVariantsText(n: number): string {
  const hall = readFileSync(scenarioPath('sweep'), 'utf8').split('\nvariants:')[0];
  const lines = Array.from({ length: n }, (_, i) => `  - { name: v${i}, set: { counters.transactions.staff: ${6 + (i % 10)} } }`);
  return `${hall}\nvariants:\n${lines.join('\n')}\n`;
}

function measureIn(file: string): LoadFigures {
  return JSON.parse(execFileSync(process.execPath, [here, file], { encoding: 'utf8' })) as LoadFigures;
}

export interface BenchContext {
  repeats: number;
  log: (text: string) => void;
  write: (name: string, data: Record<string, unknown>) => void;
}

export function benchLoading({ repeats, log, write }: BenchContext): void {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-'));
  try {
    const listed = join(dir, 'variants-4000.yaml');
    writeFileSync(listed, listedVariantsText(4000));
    const cases = [
      { name: 'grid 1,000 combinations', file: scenarioPath('grid') },
      { name: 'file of 4,000 listed variants', file: listed },
    ];
    const out: Record<string, unknown> = {};
    for (const c of cases) {
      const runs = Array.from({ length: repeats }, () => measureIn(c.file));
      const seconds = runs.map((r) => r.wallSeconds).sort((a, b) => a - b);
      const median = seconds[Math.floor(seconds.length / 2)];
      log(`load, ${c.name}: ${median.toFixed(2)} s (${runs[0].variants} variants; min ${seconds[0].toFixed(2)}, max ${seconds[seconds.length - 1].toFixed(2)})\n`);
      out[c.name] = { variants: runs[0].variants, wallSeconds: { median, min: seconds[0], max: seconds[seconds.length - 1] }, maxRssMiB: runs[0].maxRssBytes / 2 ** 20 };
    }
    write('load', { description: 'loadScenario (read, parse, validate every variant) in a fresh process', ...out });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === here) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: grid-load.js <scenario file>\n');
    process.exit(2);
  }
  const start = process.hrtime.bigint();
  const loaded = loadScenario(file);
  const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  const figures: LoadFigures = { wallSeconds, variants: loaded.variants.length, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
