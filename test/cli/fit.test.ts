/**
 * `frontdesk fit` as a planner meets it: a log in, a valid commented scenario out (atomically, and
 * nothing at all when the log is broken), and `--check` comparing model and log period by period.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { traceToTicketLog } from '../../src/fit/trace-to-log.js';
import { frontdesk } from '../helpers/cli.js';

const KNOWN = 'test/fixtures/fit/known-hall.yaml';
let dir: string;
let log: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-fit-cli-'));
  const trace = join(dir, 'trace.csv');
  const run = frontdesk(['run', KNOWN, '-n', '5', '--seed', '3', '--trace', trace, '--out', join(dir, 'run.txt')]);
  expect(run.code, run.stderr).toBe(0);
  // An export as a European system writes it: `;`, a date column, its own column names, CRLF.
  log = join(dir, 'hall log.csv');
  writeFileSync(
    log,
    traceToTicketLog(readFileSync(trace, 'utf8'), {
      openClock: 480,
      firstDay: '2026-11-02',
      separator: ';',
      dateColumn: true,
      crlf: true,
      header: { date: 'Date', issued: 'Ticket time', type: 'Service', called: 'Call time', finished: 'End', counter: 'Desk' },
    }),
  );
}, 120_000); // a whole simulation: vitest's 10 s hook default is too tight on a loaded machine

describe('frontdesk fit', () => {
  it('writes a commented scenario that the project loads and runs', () => {
    const out = join(dir, 'fitted.yaml');
    const fit = frontdesk(['fit', log, '--out', out, '--wait-target', '8']);
    expect(fit.stderr).toBe('');
    expect(fit.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^# Fitted by `frontdesk fit` from hall log\.csv: \d[\d ]* tickets over 5 days \(2026-11-02 to 2026-11-06\)\./);
    expect(text).toMatch(/waitTarget: 8 /);
    expect(text).toMatch(/<- chosen/);
    expect(text).toMatch(/KS 0\.\d{3}/);
    const validate = frontdesk(['validate', out]);
    expect(validate.code, validate.stderr).toBe(0);
    expect(frontdesk(['run', out, '-n', '2']).code).toBe(0);
  });

  it('prints the scenario without --out; maps columns with --columns', () => {
    const renamed = join(dir, 'renamed.csv');
    writeFileSync(renamed, readFileSync(log, 'utf8').replace('Ticket time', 'Printed at').replace('Call time', 'Aufruf'));
    const fit = frontdesk(['fit', renamed, '--columns', 'issued=printed at,called=Aufruf']);
    expect(fit.code, fit.stderr).toBe(0);
    expect(fit.stdout).toMatch(/^name: "Fitted from renamed\.csv"$/m);
  });

  it('--check prints observed against simulated figures per period', () => {
    const fit = frontdesk(['fit', log, '--check', '-n', '10', '--out', join(dir, 'checked.yaml')]);
    expect(fit.code, fit.stderr).toBe(0);
    expect(fit.stdout).toMatch(/^\| period \| Arrived +\| Mean wait +\| p90 wait +\| Left unserved +\| Service level +\|$/m);
    expect(fit.stdout.match(/^\| \d\d:00 /gm)).toHaveLength(9);
    expect(fit.stdout).toMatch(/(No period departs|Departs in \d+ of 9 periods).*\d+ of \d+ figures outside their range; about \d+ would be by chance alone/);
  });

  it('a broken log: every broken row named with its line, exit 1, nothing written', () => {
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, 'issued,called\n09:00,09:01\n09:02,later\n9h,09:05\n09:07,09:06\n');
    const out = join(dir, 'never.yaml');
    const fit = frontdesk(['fit', broken, '--out', out]);
    expect(fit.code).toBe(1);
    const lines = fit.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      'frontdesk: 3 broken rows, nothing written:',
      `${broken}: line 3, column called: found "later"; expected a time HH:MM[:SS] or YYYY-MM-DD HH:MM[:SS]`,
      `${broken}: line 4, column issued: found "9h"; expected a time HH:MM[:SS] or YYYY-MM-DD HH:MM[:SS]`,
      `${broken}: line 5, column called: found "09:06"; expected a time at or after the ticket was issued (09:07)`,
    ]);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to write over the log, and a bad --columns, in one line with exit 1', () => {
    const over = frontdesk(['fit', log, '--out', log]);
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/refusing to write over an input file/);
    const bad = frontdesk(['fit', log, '--columns', 'arrival=Ticket time']);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/--columns: found "arrival=Ticket time"; expected ROLE=Header with ROLE one of issued, date, type, called, finished, counter/);
    for (const [option, message] of [
      [['--seed', '1.5'], /--seed: found 1\.5; expected a whole number/],
      [['--check', '-n', '1'], /--replications: found 1; expected a whole number >= 2 for --check/],
      [['--wait-target', '0'], /--wait-target: found 0; expected a positive number of minutes/],
    ] as const) {
      const run = frontdesk(['fit', log, ...option]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});
