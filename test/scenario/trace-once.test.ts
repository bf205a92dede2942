/**
 * A trace file is read and scanned once per process while it is unchanged: the baseline and all
 * variants that replay it, `validate`'s check and the run share one scan (src/scenario/trace.ts).
 * In-process through the CLI's entry, one worker (this thread), so the count is this thread's.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mainQuietly as quietly } from '../helpers/main-quietly.js';
import { traceReads } from '../../src/scenario/trace.js';

const dir = mkdtempSync(join(tmpdir(), 'frontdesk-trace-once-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function traceText(rows: number, type: (i: number) => string): string {
  let text = 'time,type,service\n';
  for (let i = 0; i < rows; i++) text += `${(i * 0.37).toFixed(2)},${type(i)},${i % 3 === 0 ? '2.5' : ''}\n`;
  return text;
}

const variants = Array.from({ length: 12 }, (_, i) => `  - { name: "staff ${i + 1}", set: { counters.desk.staff: ${i + 8} } }`);
const scenario = [
  'name: Replayed day, many variants',
  'open: "09:00"',
  'horizon: 480',
  'arrivals: { trace: day.csv }',
  'types:',
  '  a: { share: 1, service: { dist: exponential, mean: 3 } }',
  '  b: { share: 1, service: { dist: exponential, mean: 4 } }',
  'counters:',
  '  desk: { staff: 4, serves: [a, b] }',
  'variants:',
  ...variants,
  '  - { name: "longer day", set: { horizon: 600 } }',
  '',
].join('\n');

describe('a trace shared by many variants', () => {
  const file = join(dir, 'day.yaml');
  const trace = join(dir, 'day.csv');
  writeFileSync(file, scenario);
  writeFileSync(trace, traceText(1200, (i) => (i % 2 === 0 ? 'a' : 'b')));

  it('is read once by validate and compare of 14 alternatives together', async () => {
    const before = traceReads();
    expect((await quietly(['validate', file])).code).toBe(0);
    const out = join(dir, 'compare.json');
    const compared = await quietly(['compare', file, '-n', '2', '--workers', '1', '-o', out]);
    expect(compared.code).toBe(0);
    expect(compared.stderr).not.toMatch(/error|found/i);
    expect(traceReads() - before).toBe(1);
    const result = JSON.parse(readFileSync(out, 'utf8')) as { variants: Array<{ metrics: { arrived: { mean: number } } }> };
    expect(result.variants).toHaveLength(14);
    for (const v of result.variants) expect(v.metrics.arrived.mean).toBe(1200);
  });

  it('is read again when the file changes, and then once more only', async () => {
    const before = traceReads();
    writeFileSync(trace, traceText(900, (i) => (i % 2 === 0 ? 'a' : 'b')));
    const out = join(dir, 'run.json');
    expect((await quietly(['run', file, '-n', '1', '--workers', '1', '-o', out])).code).toBe(0);
    expect(traceReads() - before).toBe(1);
    const result = JSON.parse(readFileSync(out, 'utf8')) as { variants: Array<{ metrics: { arrived: { mean: number } } }> };
    expect(result.variants[0].metrics.arrived.mean).toBe(900);
  });

  it('names the first row a variant cannot replay, as a fresh read would', async () => {
    // Row 7 names the type c, which the baseline has and the variant "without c" removes.
    writeFileSync(trace, traceText(20, (i) => (i === 5 ? 'c' : 'a')));
    const types = (names: string[]) => `{ ${names.map((n) => `${n}: { share: 1, service: { dist: exponential, mean: 3 } }`).join(', ')} }`;
    writeFileSync(
      file,
      [
        'name: Three types',
        'horizon: 480',
        'arrivals: { trace: day.csv }',
        `types: ${types(['a', 'b', 'c'])}`,
        'counters: { desk: { staff: 8, serves: [a, b, c] } }',
        `variants: [{ name: without c, set: { types: ${types(['a', 'b'])}, counters.desk.serves: [a, b] } }]`,
        '',
      ].join('\n'),
    );
    const { code, stderr } = await quietly(['validate', file]);
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^frontdesk: \S*day\.csv: line 7, column type \(in variants\[0\] "without c"\): found "c"; expected a customer type or nothing: one of a, b \(did you mean "a"\?\)$/);
  });
});
