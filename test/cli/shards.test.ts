/**
 * Shards as a batch engine runs them: each `--shard K/N` a separate process, the parts merged in
 * any order, the report byte-identical to the one process would print; parts that do not form
 * exactly one study refused, naming them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { frontdesk, type CliRun } from '../helpers/cli.js';

const MAIN = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/scenario/', import.meta.url));

/** The CLI in a child process, not waited for: shards run side by side as a batch engine runs them. */
function frontdeskAsync(args: string[]): Promise<CliRun & { bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    // SOURCE_DATE_EPOCH: the HTML report's date, the only thing in a report that is not a function of the study.
    const child = spawn(process.execPath, [MAIN, ...args], { env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1764547200' } });
    const stdout: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => stdout.push(d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const bytes = Buffer.concat(stdout);
      resolve({ code, stdout: bytes.toString('utf8'), bytes, stderr });
    });
  });
}

/** A small hall with a trace (its content is part of the study) and three alternatives. */
const SCENARIO = `name: Sharded hall
open: "09:00"
horizon: 240
replications: 7
seed: 11
arrivals: { profile: [{ at: 0, perHour: 40 }, { at: 60, perHour: 70 }] }
types:
  consult: { share: 1, service: { dist: lognormal, mean: 5, cv: 0.7 }, patience: { dist: exponential, mean: 20 } }
  transaction: { share: 1, service: { dist: exponential, mean: 8 } }
counters:
  general: { staff: 4, serves: [consult, transaction] }
variants:
  - { name: five counters, set: { counters.general.staff: 5 } }
grid:
  queue: [single, per-counter]
`;

/** Each report's format options: every format, and CSV in both layouts. */
const FORMATS = [['json'], ['table'], ['csv'], ['csv', '--csv', 'wide'], ['markdown'], ['html']].map((f) => ['--format', ...f]);

let dir: string;
let hall: string;
let traced: string;

/** A shuffle that does not depend on the machine: parts reach merge in a scrambled order. */
function scrambled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = (i * 7 + 3) % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

async function writeParts(command: string, file: string, shards: number, extra: string[] = [], name = command): Promise<string[]> {
  const parts = Array.from({ length: shards }, (_, k) => join(dir, `${name}-${k + 1}-of-${shards}.part`));
  const runs = await Promise.all(parts.map((part, k) => frontdeskAsync([command, file, '--shard', `${k + 1}/${shards}`, '--out', part, ...extra])));
  for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0, stderr: '' });
  return parts;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-shards-'));
  hall = join(dir, 'hall.yaml');
  writeFileSync(hall, SCENARIO);
  mkdirSync(join(dir, 'data'));
  copyFileSync(join(FIXTURES, 'traced.yaml'), join(dir, 'traced.yaml'));
  copyFileSync(join(FIXTURES, 'data', 'arrivals.csv'), join(dir, 'data', 'arrivals.csv'));
  traced = join(dir, 'traced.yaml');
});

describe('merged shards', () => {
  const whole = new Map<string, CliRun>();
  beforeAll(async () => {
    const runs = await Promise.all(FORMATS.map((format) => frontdeskAsync(['compare', hall, ...format])));
    FORMATS.forEach((format, i) => whole.set(format.join(' '), runs[i]));
  });

  it.each([1, 2, 3, 7])('print what one process prints, in every format, with %i shard(s) in any order', async (shards) => {
    const parts = await writeParts('compare', hall, shards);
    const merged = await Promise.all(FORMATS.map((format) => frontdeskAsync(['merge', ...scrambled(parts), ...format])));
    FORMATS.forEach((format, i) => {
      const one = whole.get(format.join(' '))!;
      expect(one.code).toBe(0);
      expect(merged[i].stderr).toBe(one.stderr);
      expect(merged[i].code).toBe(0);
      expect(merged[i].stdout).toBe(one.stdout);
    });
  });

  it('do the same for run, for a traced scenario and with options, and write the report with --out', async () => {
    const extra = ['-n', '9', '--seed', '5', '--period', '30'];
    const parts = await writeParts('run', traced, 3, extra);
    const whole = frontdesk(['run', traced, ...extra, '--format', 'json']);
    const out = join(dir, 'merged-run.json');
    const merged = frontdesk(['merge', ...scrambled(parts), '--out', out, '--format', 'json']);
    expect(merged.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(whole.stdout);
  });

  it('do the same for a horizon longer than a day, whose byPeriod is folded by time of day', async () => {
    const days = join(dir, 'three-days.yaml');
    writeFileSync(
      days,
      [
        'name: Three days',
        'horizon: 4320',
        'replications: 5',
        'seed: 3',
        'arrivals: { perHour: 12 }',
        'types: { customer: { share: 1, service: { dist: exponential, mean: 4 } } }',
        'counters: { desk: { staff: 1, serves: [customer] } }',
        'variants: [{ name: two desks, set: { counters.desk.staff: 2 } }]',
        '',
      ].join('\n'),
    );
    const parts = await writeParts('compare', days, 2, [], 'days');
    const whole = frontdesk(['compare', days, '--format', 'json']);
    expect(JSON.parse(whole.stdout).variants[0].byPeriodFolded).toBeDefined();
    expect(frontdesk(['merge', ...scrambled(parts), '--format', 'json']).stdout).toBe(whole.stdout);
  });

  it('can be written to stdout (a batch engine that captures it) and merged from there', async () => {
    const runs = await Promise.all([1, 2].map((k) => frontdeskAsync(['run', hall, '--shard', `${k}/2`])));
    const parts = runs.map((run, k) => {
      expect(run.code, run.stderr).toBe(0);
      const part = join(dir, `stdout-${k + 1}.part`);
      writeFileSync(part, run.bytes);
      return part;
    });
    expect(frontdesk(['merge', parts[1], parts[0], '--format', 'json']).stdout).toBe(frontdesk(['run', hall, '--format', 'json']).stdout);
    // A part from a pipe has no size to read against: merge reads it whole, with the same checks.
    const fromPipe = (part: string) =>
      spawnSync('/bin/sh', ['-c', 'cat "$1" | "$2" "$3" merge /dev/stdin "$4" --format json', 'sh', part, process.execPath, MAIN, parts[0]], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
    expect(fromPipe(parts[1]).stdout).toBe(frontdesk(['run', hall, '--format', 'json']).stdout);
    const damaged = join(dir, 'stdout-cut.part');
    writeFileSync(damaged, readFileSync(parts[1]).subarray(0, -8));
    const cut = fromPipe(damaged);
    expect(cut.status).toBe(1);
    expect(cut.stderr).toBe('frontdesk: /dev/stdin: found a damaged part (replication rows truncated); expected a part written by "frontdesk run|compare FILE --shard K/N --out PART"\n');
  });

  it('keep every replication: the merged study has them all, the parts split them evenly', async () => {
    const parts = await writeParts('run', hall, 3, ['-n', '10'], 'even');
    // The manifest is the part's first line.
    const rows = parts.map((p) => JSON.parse(readFileSync(p, 'utf8').split('\n')[0]).manifest.shard);
    expect(rows.map((s: { first: number; replications: number }) => [s.first, s.replications])).toEqual([
      [0, 3],
      [3, 3],
      [6, 4],
    ]);
    expect(JSON.parse(frontdesk(['merge', ...parts, '--format', 'json']).stdout).replications).toBe(10);
  });
});

describe('merge refuses parts that are not exactly one study', () => {
  let parts: string[];
  beforeAll(async () => {
    parts = await writeParts('compare', hall, 3, [], 'study');
  });

  const refused = (args: string[]): string => {
    const run = frontdesk(['merge', ...args]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n'), run.stderr).toHaveLength(1);
    return run.stderr;
  };

  it('a missing part, naming it and its replications', () => {
    expect(refused([parts[2], parts[0]])).toBe('frontdesk: merge: found 2 of 3 parts; expected also part 2/3 (replications 3-4)\n');
  });

  it('a repeated part, naming both files', () => {
    const copy = join(dir, 'copy-of-1.json');
    copyFileSync(parts[0], copy);
    expect(refused([...parts, copy])).toBe(`frontdesk: merge: found part 1/3 in ${parts[0]} and ${copy}; expected each part once\n`);
  });

  it('a part of another seed, another shard count or another command, naming it and the difference', async () => {
    const [otherSeed] = await writeParts('compare', hall, 3, ['--seed', '12'], 'seed');
    expect(refused([parts[0], otherSeed, parts[1], parts[2]])).toBe(
      `frontdesk: merge: found a part of another study than ${parts[0]}: ${otherSeed} (seed 12, not 11); expected the parts of one study\n`,
    );
    const fourths = await writeParts('compare', hall, 4, [], 'fourths');
    expect(refused([parts[0], parts[1], fourths[2]])).toMatch(new RegExp(`${fourths[2]} \\(4 shards, not 3\\)`));
    const runs = await writeParts('run', hall, 3, [], 'runs');
    expect(refused([runs[1], ...parts])).toMatch(new RegExp(`another study than .*${runs[1]} \\("run", not "compare"\\)`));
  });

  it('a part of a scenario or trace whose content changed, though the file name is the same', async () => {
    const before = await writeParts('run', traced, 2, [], 'trace-before');
    const csv = join(dir, 'data', 'arrivals.csv');
    const original = readFileSync(csv, 'utf8');
    writeFileSync(csv, original.replace('12.5,,', '12.75,,'));
    try {
      const [, after] = await writeParts('run', traced, 2, [], 'trace-after');
      expect(refused([before[0], after])).toMatch(new RegExp(`${after} \\(scenario .*traced.yaml with other content than .*traced.yaml`));
    } finally {
      writeFileSync(csv, original);
    }
  });

  it('a file that is not a part, or a damaged one', () => {
    const json = join(dir, 'report.json');
    writeFileSync(json, frontdesk(['run', hall, '-n', '2', '--format', 'json']).stdout);
    expect(refused([json])).toBe(`frontdesk: ${json}: found a file that is not a frontdesk part; expected a part written by "frontdesk run|compare FILE --shard K/N --out PART"\n`);
    // A part is a line of JSON (head -1 shows the manifest), then the rows as binary doubles.
    const part = readFileSync(parts[0]);
    const line = part.subarray(0, part.indexOf(10)).toString('utf8');
    expect(JSON.parse(line)).toMatchObject({ format: 'frontdesk-part', manifest: { seed: 11, shard: { index: 1, count: 3 } } });
    const damaged = join(dir, 'damaged.part');
    writeFileSync(damaged, part.subarray(0, part.length - 40));
    expect(refused([damaged, parts[1], parts[2]])).toMatch(/damaged\.part: found a damaged part \(replication rows truncated\)/);
    writeFileSync(damaged, Buffer.concat([part, Buffer.from('more')]));
    expect(refused([damaged, parts[1], parts[2]])).toMatch(/damaged\.part: found a damaged part \(bytes after its replication rows\)/);
    const unclosed = Buffer.from(part);
    unclosed[line.lastIndexOf('}')] = 0x20;
    writeFileSync(damaged, unclosed);
    expect(refused([damaged, parts[1], parts[2]])).toMatch(/damaged\.part: found a damaged part \(its first line is not JSON\)/);
    // A part of the earlier format (JSON with base64 rows) names its version.
    const older = join(dir, 'older.part');
    writeFileSync(older, `${line.trimEnd().replace('"formatVersion":2', '"formatVersion":1')}\n`);
    expect(refused([older])).toMatch(/older\.part: found part format version 1 \(this frontdesk reads version 2\)/);
    expect(refused([join(dir, 'nowhere.json')])).toMatch(/nowhere\.json: found no such file; expected a part file/);
  });
});

describe('--shard refuses', () => {
  it.each([
    [['--shard', '0/3'], '--shard: found "0/3"; expected K/N with 1 <= K <= N, e.g. 3/8'],
    [['--shard', '4/3'], '--shard: found "4/3"; expected K/N with 1 <= K <= N, e.g. 3/8'],
    [['--shard', 'two'], '--shard: found "two"; expected K/N with 1 <= K <= N, e.g. 3/8'],
    [['--shard', '1/8', '-n', '5'], '--shard: found 8 shards for 5 replications; expected at most one shard per replication (fewer shards, or more replications with -n)'],
    [
      ['--shard', '1/2', '--precision', '5%'],
      "--precision: found it with --shard; expected one or the other (a shard cannot see the other shards' replications: run --precision once, then shard with -n set to the replications it reached)",
    ],
    [['--shard', '1/2', '--trace', 'x.csv'], '--trace: found it with --shard; expected one or the other (trace the replications you need in one process)'],
  ])('%j', (args, message) => {
    const run = frontdesk(['run', hall, ...args]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`frontdesk: ${message}\n`);
  });
});
