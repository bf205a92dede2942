/**
 * The command under fuzzed input: bundled scenarios with one field changed to a hostile value
 * (negative, zero, tiny, a string with terminal escapes, null, a list, an object), run through the
 * CLI's entry in-process. Every outcome must be exit 0 or a one-line error with exit 1: no
 * uncaught exception, no exit 2, no stack trace. Seeded (test/setup/fast-check.ts): the same
 * cases every run.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mainQuietly as quietly } from '../helpers/main-quietly.js';

const BUNDLED = ['scenarios/bank-branch.yaml', 'scenarios/service-hall.yaml', 'scenarios/hotel-front-desk.yaml', 'scenarios/hospital-registration.yaml'];

/** Every path to a leaf of the data (keys and list indices). */
function leafPaths(node: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) leafPaths(value, [...path, Array.isArray(node) ? Number(key) : key], out);
  } else out.push(path);
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

const HOSTILE = [-1, 0, 1e-9, 0.5, 3, 'x\u001b[31mred\u0007\nline', '', null, true, [], {}, 'HH:MM', '25:00'];

describe('fuzzed bundled scenarios through the CLI entry', () => {
  it('end in exit 0 or one line with exit 1, never an uncaught error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-fuzz-'));
    const sources = BUNDLED.map((file) => parse(readFileSync(file, 'utf8')) as unknown);
    let n = 0;
    let ran = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: sources.length - 1 }).chain((s) =>
          fc.tuple(fc.constant(s), fc.constantFrom(...leafPaths(sources[s])), fc.constantFrom(...HOSTILE)),
        ),
        async ([s, path, value]) => {
          const file = join(dir, `hall-${n++}.json`);
          writeFileSync(file, JSON.stringify(setAt(sources[s], path, value)));
          const checked = await quietly(['validate', file]);
          expect([0, 1], checked.stderr).toContain(checked.code);
          if (checked.code === 1) expect(checked.stderr.trimEnd().split('\n'), checked.stderr).toHaveLength(1);
          // Running costs time: only the cheap changes (no larger numbers than the file had) run.
          if (checked.code === 0 && !(typeof value === 'number' && value > 1)) {
            ran++;
            const run = await quietly(['run', file, '-n', '1', '--workers', '1', '--format', 'json']);
            expect(run.code, `${path.join('.')} = ${JSON.stringify(value)}: ${run.stderr}`).toBe(0);
          }
        },
      ),
      { numRuns: 200 },
    );
    // The property must have reached the simulation, not only the checks.
    expect(ran).toBeGreaterThan(5);
  });
});
