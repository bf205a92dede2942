/** Reading ticket-machine exports as they come: column names, separators, quoting, dates, broken rows. */
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/fit/csv.js';
import { parseColumnMap } from '../../src/fit/columns.js';
import { readLogFile } from '../../src/fit/read-file.js';
import { parseTicketLog, TicketLogError } from '../../src/fit/ticket-log.js';
import { parseTimestamp } from '../../src/fit/timestamps.js';
import { ScenarioError } from '../../src/scenario/errors.js';

const parse = (text: string, columns?: string) => parseTicketLog(text, 'log.csv', { columns: columns ? parseColumnMap(columns) : {} });

function logError(text: string, columns?: string): TicketLogError {
  try {
    parse(text, columns);
  } catch (e) {
    if (e instanceof TicketLogError) return e;
    throw e;
  }
  throw new Error('expected a TicketLogError');
}

describe('CSV (RFC 4180)', () => {
  it('reads quoted fields with separators, doubled quotes and line breaks, and keeps each record\'s first line', () => {
    const t = parseCsv('a,b\r\n"x, y","say ""hi"""\r\n"two\nlines",z\r\n\r\nlast,1');
    expect(t.separator).toBe(',');
    expect(t.records.map((r) => r.fields)).toEqual([['a', 'b'], ['x, y', 'say "hi"'], ['two\nlines', 'z'], ['last', '1']]);
    expect(t.records.map((r) => r.line)).toEqual([1, 2, 3, 6]);
  });

  it('detects ; and tab from the header, ignoring separators inside quotes', () => {
    expect(parseCsv('"a,b";c;d\n1;2;3').separator).toBe(';');
    expect(parseCsv('a\tb\n1\t2').records[1].fields).toEqual(['1', '2']);
  });

  it('reports a quote that never ends at the line where it starts', () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n').unterminatedQuoteAt).toBe(2);
  });
});

describe('timestamps', () => {
  it.each([
    ['09:05', null, 545],
    ['9:05:30', null, 545.5],
    ['2026-11-02 09:05', '2026-11-02', 545],
    ['2026-11-02T09:05:30', '2026-11-02', 545.5],
  ])('%s', (text, day, minutes) => {
    const t = parseTimestamp(text)!;
    expect(t.minutes).toBeCloseTo(minutes, 9);
    expect(t.day === null ? null : new Date(t.day * 86_400_000).toISOString().slice(0, 10)).toBe(day);
  });

  it.each(['25:00', '09:60', '2026-02-30 09:00', 'soon', '9'])('refuses %s', (text) => {
    expect(parseTimestamp(text)).toBeNull();
  });
});

describe('ticket log', () => {
  it('matches common column names without regard to case, and ignores other columns', () => {
    const log = parse('\uFEFFTicket No;Ticket time;Service;Call Time;END;Desk\r\n1;2026-11-02 09:00:00;Loans;2026-11-02 09:02:00;2026-11-02 09:10:30;D1\r\n2;2026-11-02 09:01:00;Cash;;;\r\n');
    expect(log.has).toMatchObject({ issued: true, type: true, called: true, finished: true, counter: true, date: false });
    expect(log.types).toEqual(['Loans', 'Cash']);
    expect(log.tickets[0]).toMatchObject({ issued: 540, called: 542, finished: 550.5, counter: 0, type: 0 });
    expect(Number.isNaN(log.tickets[1].called)).toBe(true);
    expect(log.resolution).toBeCloseTo(1 / 60, 12);
  });

  it('takes names from --columns, and a date column for times without dates; days in order', () => {
    const log = parse('Day,Arrival,Start,Stop\n03.11.2026,08:00,08:05,08:09\n2026-11-02,08:30,08:31,08:40\n', 'issued=Arrival,called=Start,finished=stop');
    expect(log.days.length).toBe(2);
    expect(log.tickets.map((t) => [t.day, t.issued])).toEqual([[0, 510], [1, 480]]);
    expect(log.types).toEqual(['customer']);
    expect(log.resolution).toBe(1);
  });

  it('a call after midnight is later than its ticket', () => {
    const log = parse('issued,called\n2026-11-02 23:50,2026-11-03 00:10\n');
    expect(log.tickets[0].called - log.tickets[0].issued).toBe(20);
  });

  it('names every broken row with its line, up to 20, then how many more; quoted text stays one field', () => {
    const rows = ['issued,type,called,finished'];
    rows.push('09:00,"a, b",09:01,09:05'); // fine: line 2
    for (let i = 0; i < 30; i++) rows.push(`09:${String(i).padStart(2, '0')},x,nope,`);
    const e = logError(rows.join('\n'));
    const lines = e.message.split('\n');
    expect(lines[0]).toBe('30 broken rows, nothing written:');
    expect(lines[1]).toBe('log.csv: line 3, column called: found "nope"; expected a time HH:MM[:SS] or YYYY-MM-DD HH:MM[:SS]');
    expect(lines).toHaveLength(22);
    expect(lines[21]).toBe('... and 10 more problems');
    expect(e).toBeInstanceOf(ScenarioError);
  });

  it.each([
    ['a missing issued column', 'when,type\n09:00,a\n', /line 1: found the columns "when", "type"; expected a column with the time each ticket was issued/],
    ['two columns for one role', 'issued,arrival\n09:00,09:00\n', /found two columns for issued: "issued" and "arrival"/],
    ['a --columns name not in the header', 'issued\n09:00\n', /found no column "Call" \(--columns called=Call\)/],
    ['a row with too few fields', 'issued,type\n09:00\n', /line 2: found 1 field; expected 2, as in the header/],
    ['a call before the ticket', 'issued,called\n09:00,08:59\n', /line 2, column called: found "08:59"; expected a time at or after the ticket was issued \(09:00\)/],
    ['an end before the call', 'issued,called,finished\n09:00,09:01,09:00:30\n', /column finished: found "09:00:30"; expected a time at or after the ticket was called/],
    ['an end without a call', 'issued,called,finished\n09:00,,09:05\n', /column finished: found "09:05"; expected nothing when the ticket was never called/],
    ['a row without a date among dated ones', 'issued\n2026-11-02 09:00\n09:05\n', /line 3, column issued: found a time without a date/],
    ['an impossible date', 'date,issued\n2026-02-30,09:00\n', /line 2, column date: found "2026-02-30"; expected a date/],
    ['an unterminated quote', 'issued,type\n09:00,"a\n', /line 2: found a quoted field that never ends/],
    ['a header only', 'issued,type\n', /line 2: found no tickets/],
  ])('refuses %s', (_what, text, message) => {
    expect(logError(text, _what.includes('--columns') ? 'called=Call' : undefined).message).toMatch(message);
  });
});

describe('reading the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-fit-'));
  it('refuses a folder, a missing file and a file over the byte limit', () => {
    mkdirSync(join(dir, 'folder'));
    expect(() => readLogFile(join(dir, 'folder'))).toThrow(/found a folder; expected a regular file/);
    expect(() => readLogFile(join(dir, 'none.csv'))).toThrow(/found no such file/);
    writeFileSync(join(dir, 'big.csv'), 'x'.repeat(2000));
    expect(() => readLogFile(join(dir, 'big.csv'), 1000)).toThrow(/found a file of 2 KB; expected a ticket log \(CSV\) of at most 1000 bytes/);
    expect(readLogFile(join(dir, 'big.csv'), 4000)).toHaveLength(2000);
  });

  it('refuses a special file without waiting on it', () => {
    expect(() => readLogFile('/dev/zero')).toThrow(/found a character device; expected a regular file/);
  });
});
