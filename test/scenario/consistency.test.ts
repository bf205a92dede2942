/**
 * Input consistency: a variant whose model cannot be built is refused by run as by validate and
 * compare, naming the variant; JSON duplicate keys are refused like YAML's; --workers is clamped
 * to the cores.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStudyArgs } from '../../src/cli/options.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { frontdesk } from '../helpers/cli.js';

const HALL = {
  name: 'hall',
  horizon: 120,
  arrivals: { perHour: 30 },
  types: { a: { share: 1, service: { dist: 'exponential', mean: 2 } } },
  counters: { c: { staff: 2, serves: ['a'] } },
};

describe('a variant that cannot compile', () => {
  it('is refused by run, validate and compare alike, naming the variant', () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-variant-'));
    const file = join(dir, 'hall.json');
    writeFileSync(file, JSON.stringify({ ...HALL, variants: [{ name: 'recorded day', set: { arrivals: { trace: 'missing.csv' } } }] }));
    const runs = ['validate', 'run', 'compare'].map((command) => frontdesk([command, file, '-n', '2'].slice(0, command === 'validate' ? 2 : 4)));
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/missing\.csv: \(file\) \(in variants\[0\] "recorded day"\): found no such file/);
    }
  });
});

describe('JSON duplicate keys', () => {
  it('are refused with the line and column of the second one, like YAML duplicates', () => {
    const text = '{\n  "name": "a",\n  "horizon": 60,\n  "name": "b"\n}';
    let error: unknown;
    try {
      parseScenarioText(text, 'hall.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as Error).message).toBe('hall.json: line 4, column 3: found "\\"name\\": \\"b\\""; expected each key once in an object (this key appears again)');
  });

  it('are told apart from equal keys in different objects and from equal values', () => {
    const text = JSON.stringify({ ...HALL, counters: { c: { staff: 2, serves: ['a'] }, d: { staff: 1, serves: ['a'] } }, description: 'staff' });
    expect(() => parseScenarioText(text, 'hall.json')).not.toThrow();
  });
});

describe('--workers', () => {
  it('is clamped to the cores: more threads only compete for them', () => {
    expect(checkStudyArgs({ workers: 1000 } as never).workers).toBe(availableParallelism());
    expect(checkStudyArgs({ workers: 1 } as never).workers).toBe(1);
  });
});
