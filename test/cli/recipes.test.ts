/**
 * The README's batch-engine recipes, run as written: each shards the study of `hall.yaml` in 8
 * separate processes and merges the parts, and the report must be the bytes `frontdesk compare`
 * prints in one process. GNU parallel runs where it is installed (the test says it is skipped
 * otherwise); Slurm runs through a stand-in `sbatch` that runs the array's tasks as Slurm would
 * number them; the Kubernetes Job's container command runs once per completion index.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = join(ROOT, 'dist/src/cli/main.js');

/** The fenced block after `<!-- recipe: NAME -->` in the README. */
function recipe(name: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const match = new RegExp(`<!-- recipe: ${name} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (!match) throw new Error(`README.md has no recipe "${name}"`);
  return match[1];
}

const HALL = `name: Hall study
horizon: 240
replications: 16
seed: 3
arrivals: { perHour: 50 }
types:
  consult: { service: { dist: lognormal, mean: 6, cv: 0.8 }, patience: { dist: exponential, mean: 25 } }
counters:
  windows: { staff: 5, serves: [consult] }
grid:
  counters.windows.staff: [4, 6]
`;

/** A stand-in for Slurm's sbatch: an array job's tasks run at once, numbered as Slurm numbers them; --wrap runs its command. */
const FAKE_SBATCH = `
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
const args = process.argv.slice(2);
const wrap = args.find((a) => a.startsWith('--wrap'));
const jobId = String(1000 + Math.floor(Math.random() * 1000));
if (wrap !== undefined) {
  const command = wrap.includes('=') ? wrap.slice('--wrap='.length) : args[args.indexOf(wrap) + 1];
  const run = spawnSync('sh', ['-c', command], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
} else {
  const script = args[args.length - 1];
  const option = (name) => readFileSync(script, 'utf8').match(new RegExp('^#SBATCH --' + name + '=(\\\\S+)', 'm'))?.[1];
  const [from, to] = option('array').split('-').map(Number);
  const ids = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const codes = await Promise.all(ids.map((id) => new Promise((resolve) => {
    const env = { ...process.env, SLURM_ARRAY_JOB_ID: jobId, SLURM_ARRAY_TASK_ID: String(id), SLURM_ARRAY_TASK_COUNT: String(ids.length), SLURM_CPUS_PER_TASK: option('cpus-per-task') ?? '1' };
    spawn('bash', [script], { env, stdio: 'inherit' }).on('close', resolve);
  })));
  if (codes.some((c) => c !== 0)) process.exit(1);
}
if (args.includes('--parsable')) process.stdout.write(jobId + '\\n');
`;

let bin: string;
let env: NodeJS.ProcessEnv;
let expected: string;

/** A fresh folder with the study's scenario, as a batch engine's working directory. */
function studyFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-recipe-'));
  writeFileSync(join(dir, 'hall.yaml'), HALL);
  return dir;
}

/** Runs a program in `cwd` with `frontdesk` (and the stand-in `sbatch`) on the PATH. */
function execute(program: string, args: string[], cwd: string, extraEnv: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd, env: { ...env, ...extraEnv } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

function bash(script: string, cwd: string, extraEnv: Record<string, string> = {}) {
  return execute('bash', ['-c', script], cwd, extraEnv);
}

const hasParallel = spawnSync('parallel', ['--version'], { encoding: 'utf8' }).status === 0;

beforeAll(() => {
  if (!hasParallel) console.warn('recipes.test.ts: GNU parallel is not installed, so the README one-liner is not run (skipped; Debian package "parallel")');
  bin = mkdtempSync(join(tmpdir(), 'frontdesk-bin-'));
  // `frontdesk` on the PATH, as after `npm install -g .`.
  writeFileSync(join(bin, 'frontdesk'), `#!/bin/sh\nexec "${process.execPath}" "${MAIN}" "$@"\n`);
  writeFileSync(join(bin, 'fake-sbatch.mjs'), FAKE_SBATCH);
  writeFileSync(join(bin, 'sbatch'), `#!/bin/sh\nexec "${process.execPath}" "${join(bin, 'fake-sbatch.mjs')}" "$@"\n`);
  chmodSync(join(bin, 'frontdesk'), 0o755);
  chmodSync(join(bin, 'sbatch'), 0o755);
  env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}`, NO_COLOR: '1' };
  const whole = spawnSync(process.execPath, [MAIN, 'compare', 'hall.yaml', '--format', 'markdown'], { cwd: studyFolder(), encoding: 'utf8', env });
  expect(whole.status, whole.stderr).toBe(0);
  expected = whole.stdout;
});

describe('README recipes', () => {
  it.skipIf(!hasParallel)(
    `GNU parallel: the one-liner shards into 8 processes and merges the report one process prints${hasParallel ? '' : ' (skipped: GNU parallel is not installed)'}`,
    async () => {
      const dir = studyFolder();
      const run = await bash(recipe('gnu-parallel'), dir);
      expect(run.code, run.output).toBe(0);
      expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe(expected);
    },
  );

  it('Slurm: the array script and the dependent merge give the report one process prints', async () => {
    const dir = studyFolder();
    writeFileSync(join(dir, 'hall-study.sbatch'), recipe('slurm'));
    const run = await bash(recipe('slurm-submit'), dir);
    expect(run.code, run.output).toBe(0);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe(expected);
  });

  it('Kubernetes: the Indexed Job command at every completion index, then the merge, give the report one process prints', async () => {
    const dir = studyFolder();
    const job = parse(recipe('kubernetes'));
    expect(job.spec.completionMode).toBe('Indexed');
    const [container] = job.spec.template.spec.containers;
    const [program, ...rest] = [...container.command, ...container.args] as string[];
    const runs = await Promise.all(
      Array.from({ length: job.spec.completions as number }, (_, index) =>
        execute(program, rest, dir, { JOB_COMPLETION_INDEX: String(index) }),
      ),
    );
    for (const run of runs) expect(run.code, run.output).toBe(0);
    const merge = await bash(recipe('kubernetes-merge'), dir);
    expect(merge.code, merge.output).toBe(0);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe(expected);
  });
});
