/**
 * Values the loader used to accept and the run then died on: appointments every 1e-9 minutes (a
 * V8 fatal error), a period of 1e-9 ("Invalid typed array length"), 2,050 counter groups with shift
 * plans (the calendar's packed target overflowed). Each is now either refused at load time with
 * one line, the same in `validate` and `run`, or runs.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventCalendar, MAX_TARGET } from '../../src/core/calendar.js';
import { frontdesk } from '../helpers/cli.js';

const HALL = `name: limits
horizon: 480
arrivals: { perHour: 30 }
types: { a: { share: 1, service: { dist: exponential, mean: 5 } } }
counters: { c: { staff: 3, serves: [a] } }
`;

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'frontdesk-limits-')), 'hall.yaml');
  writeFileSync(path, text);
  return path;
}

/** validate and run give the same one-line refusal, exit 1. */
function refusedAlike(path: string, pattern: RegExp): void {
  const validate = frontdesk(['validate', path]);
  const run = frontdesk(['run', path, '-n', '1']);
  for (const result of [validate, run]) {
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(pattern);
  }
  expect(run.stderr).toBe(validate.stderr);
}

describe('load-time limits', () => {
  it('refuses appointments that would book millions of visits a day', () => {
    for (const every of ['1e-9', '1e-4']) {
      refusedAlike(file(`${HALL}appointments: { every: ${every}, perSlot: 1, noShow: 0 }\n`), /appointments\.every: found .* booked visits a day\); expected at most 1,000,000/);
    }
  });

  it('runs appointments within the limit', () => {
    const run = frontdesk(['run', file(`${HALL}appointments: { every: 10, perSlot: 1, noShow: 0 }\n`), '-n', '1', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
  });

  // A horizon of many days no longer multiplies the periods: they are folded by time of day
  // (test/model/folded-periods.test.ts), so the minute is the only limit.
  it('refuses a period under a minute, in the file and on the command line', () => {
    refusedAlike(file(`${HALL}period: 1e-9\n`), /period: found 1e-9; expected at least 1 minute/);
    const run = frontdesk(['run', file(HALL), '-n', '1', '--period', '1e-9']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('frontdesk: --period: found 1e-9; expected at least 1 minute\n');
  });

  it('refuses a hall of more counters than the calendar and memory can hold', () => {
    refusedAlike(file(HALL.replace('staff: 3', 'staff: 100000') + 'kiosks: { count: 5, uptake: { a: 0.1 }, service: { dist: exponential, mean: 2 } }\n'), /counters: found 100,005 counters and kiosks/);
  });

  it('runs 2,050 counter groups with shift plans (the packed shift target no longer overflows)', () => {
    const groups = Array.from({ length: 2050 }, (_, g) => `  g${g}: { staff: [{ at: 0, count: 1 }, { at: 240, count: 2 }], serves: [a] }`).join('\n');
    const text = `name: many groups\nhorizon: 480\narrivals: { perHour: 30 }\ntypes: { a: { share: 1, service: { dist: exponential, mean: 5 } } }\ncounters:\n${groups}\n`;
    const path = file(text);
    const out = `${path}.json`;
    const run = frontdesk(['run', path, '-n', '1', '--out', out, '--workers', '1']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result.variants[0].byPeriod[7].metrics.openCounters.g2049.mean).toBe(2);
  });
});

describe('the calendar', () => {
  it('refuses a target its packing cannot carry instead of handing back another one', () => {
    const calendar = new EventCalendar();
    calendar.schedule(1, 0, MAX_TARGET);
    expect(calendar.pop()).toBe(true);
    expect(calendar.target).toBe(MAX_TARGET);
    expect(() => calendar.schedule(1, 0, MAX_TARGET + 1)).toThrow(/does not fit the calendar/);
  });
});
