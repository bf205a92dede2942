/**
 * A ticket-machine log read into tickets: one row per ticket, with when it was issued, its type,
 * when it was called and finished, and at which counter. Every broken row is collected (not just
 * the first), because an export usually breaks the same way in many places and the planner wants
 * to see the pattern: up to MAX_SHOWN rows are named with their line numbers, then "and N more".
 */
import { ScenarioError, clip } from '../scenario/errors.js';
import { parseCsv } from './csv.js';
import { ROLES, matchColumns, type Role } from './columns.js';
import { parseDate, parseTimestamp, type Timestamp } from './timestamps.js';

export interface Ticket {
  /** Line of the log it came from. */
  line: number;
  /** Index into TicketLog.days. */
  day: number;
  /** Minutes after midnight of its day. */
  issued: number;
  /** Index into TicketLog.types (0 when the log has no type column). */
  type: number;
  /** Minutes after midnight of its issue day; NaN when the customer left unserved. */
  called: number;
  /** Minutes after midnight of its issue day; NaN when not recorded. */
  finished: number;
  /** Index into TicketLog.counters; -1 when not recorded. */
  counter: number;
}

export interface TicketLog {
  file: string;
  /** Tickets by day, then by issue time (then by line). */
  tickets: Ticket[];
  /** Day numbers (days since 1970-01-01) in order; [null] for a log without dates (one day). */
  days: Array<number | null>;
  /** Type names as written in the log, in order of first appearance; ["customer"] without a type column. */
  types: string[];
  /** Counter names as written, in order of first appearance. */
  counters: string[];
  /** Which optional columns the log has. */
  has: Record<Role, boolean>;
  /** The clock's resolution in minutes: 1/60 when times have seconds, else 1. */
  resolution: number;
}

export interface ReadOptions {
  /** Role -> header name, from --columns. */
  columns?: Partial<Record<Role, string>>;
}

/** Rows named at once before "and N more". */
export const MAX_SHOWN = 20;

interface Problem {
  line: number;
  column: string;
  found: string;
  expected: string;
}

/**
 * A log with broken rows: the message names the file and each row's line (one line each), like
 * a ScenarioError, so the CLI reports it the same way (exit 1, no stack trace).
 */
export class TicketLogError extends ScenarioError {
  readonly problems: readonly Problem[];
  constructor(file: string, problems: Problem[]) {
    const first = problems[0];
    super({ file, path: where(first), found: first.found, expected: first.expected, more: problems.length - 1 });
    this.name = 'TicketLogError';
    this.problems = problems;
    const shown = problems.slice(0, MAX_SHOWN).map((p) => `${file}: ${where(p)}: found ${p.found}; expected ${p.expected}`);
    const rest = problems.length - shown.length;
    const rows = new Set(problems.map((p) => p.line)).size;
    this.message =
      (problems.length > 1 ? `${rows} broken row${rows === 1 ? '' : 's'}, nothing written:\n` : '') +
      shown.join('\n') +
      (rest > 0 ? `\n... and ${rest} more problem${rest === 1 ? '' : 's'}` : '');
  }
}

function where(p: Problem): string {
  return p.column === '' ? `line ${p.line}` : `line ${p.line}, column ${p.column}`;
}

const quote = (text: string) => (text === '' ? 'nothing' : JSON.stringify(clip(text)));

export function parseTicketLog(text: string, file: string, options: ReadOptions = {}): TicketLog {
  const table = parseCsv(text);
  const problems: Problem[] = [];
  const fail = (): never => {
    throw new TicketLogError(file, problems);
  };
  if (table.unterminatedQuoteAt !== undefined) {
    problems.push({ line: table.unterminatedQuoteAt, column: '', found: 'a quoted field that never ends', expected: 'a closing " (a quote inside a field is written "")' });
    fail();
  }
  if (table.records.length === 0) {
    problems.push({ line: 1, column: '', found: 'an empty file', expected: 'a header line, then one line per ticket' });
    fail();
  }
  const [headerRecord, ...rows] = table.records;
  const header = headerRecord.fields;
  const { index, problems: headerProblems } = matchColumns(header, options.columns ?? {});
  for (const p of headerProblems) {
    const m = /^found (.*); expected (.*)$/s.exec(p)!;
    problems.push({ line: headerRecord.line, column: '', found: m[1], expected: m[2] });
  }
  if (problems.length > 0) fail();
  if (rows.length === 0) {
    problems.push({ line: headerRecord.line + 1, column: '', found: 'no tickets', expected: 'at least one line after the header' });
    fail();
  }
  const has = Object.fromEntries(ROLES.map((r) => [r, index[r] !== undefined])) as Record<Role, boolean>;
  const name = (role: Role) => header[index[role]!];

  const typeIds = new Map<string, number>();
  const counterIds = new Map<string, number>();
  const idOf = (map: Map<string, number>, key: string) => {
    let id = map.get(key);
    if (id === undefined) map.set(key, (id = map.size));
    return id;
  };
  interface Raw {
    line: number;
    day: number | null;
    issued: number;
    type: number;
    called: number;
    finished: number;
    counter: number;
  }
  const raw: Raw[] = [];
  let withSeconds = false;
  let datedRows = 0;

  for (const record of rows) {
    const { line, fields } = record;
    const before = problems.length;
    const bad = (role: Role | '', found: string, expected: string) => problems.push({ line, column: role === '' ? '' : name(role), found, expected });
    if (fields.length !== header.length) {
      bad('', `${fields.length} field${fields.length === 1 ? '' : 's'}`, `${header.length}, as in the header (separator "${table.separator === '\t' ? 'tab' : table.separator}")`);
      continue;
    }
    const cell = (role: Role) => (index[role] === undefined ? '' : fields[index[role]!]);

    let day: number | null = null;
    if (has.date) {
      day = parseDate(cell('date'));
      if (day === null) bad('date', quote(cell('date')), 'a date YYYY-MM-DD (or DD.MM.YYYY)');
    }
    const stamp = (role: Role, required: boolean): Timestamp | null | undefined => {
      const t = cell(role);
      if (t === '') {
        if (required) bad(role, 'nothing', 'a time HH:MM[:SS] or YYYY-MM-DD HH:MM[:SS]');
        return undefined;
      }
      const s = parseTimestamp(t);
      if (s === null) bad(role, quote(t), 'a time HH:MM[:SS] or YYYY-MM-DD HH:MM[:SS]');
      else if (s.seconds) withSeconds = true;
      return s;
    };
    const issued = stamp('issued', true);
    const called = has.called ? stamp('called', false) : undefined;
    const finished = has.finished ? stamp('finished', false) : undefined;
    if (problems.length > before || !issued) continue;

    if (issued.day !== null) {
      if (day !== null && day !== issued.day) bad('issued', quote(cell('issued')), `the same date as the date column (${cell('date')})`);
      day = issued.day;
    }
    // Minutes after midnight of the issue day, for a call or end written with or without a date.
    const sameDay = (s: Timestamp) => (s.day === null || day === null ? s.minutes : s.minutes + (s.day - day) * 1440);
    const calledAt = called ? sameDay(called) : NaN;
    const finishedAt = finished ? sameDay(finished) : NaN;
    if (calledAt < issued.minutes) bad('called', quote(cell('called')), `a time at or after the ticket was issued (${cell('issued')})`);
    if (finished && !called) bad('finished', quote(cell('finished')), 'nothing when the ticket was never called (called is empty)');
    if (finishedAt < calledAt) bad('finished', quote(cell('finished')), `a time at or after the ticket was called (${cell('called')})`);
    const typeText = cell('type');
    if (has.type && typeText === '') bad('type', 'nothing', 'the service the ticket was drawn for');
    const counterText = cell('counter');
    if (problems.length > before) continue;
    if (day !== null) datedRows++;
    raw.push({
      line,
      day,
      issued: issued.minutes,
      type: has.type ? idOf(typeIds, typeText) : 0,
      called: calledAt,
      finished: finishedAt,
      counter: counterText === '' ? -1 : idOf(counterIds, counterText),
    });
  }
  // Days must be all known or all unknown: a row without a date among dated ones would make a day of its own.
  if (datedRows > 0 && datedRows < raw.length) {
    for (const r of raw) {
      if (r.day === null) problems.push({ line: r.line, column: name('issued'), found: 'a time without a date', expected: 'a date, as other rows have (YYYY-MM-DD HH:MM, or a date column)' });
    }
  }
  problems.sort((a, b) => a.line - b.line);
  if (problems.length > 0) fail();

  const dayNumbers = [...new Set(raw.map((r) => r.day))].sort((a, b) => (a ?? 0) - (b ?? 0));
  const dayIndex = new Map(dayNumbers.map((d, i) => [d, i]));
  const tickets: Ticket[] = raw.map((r) => ({ ...r, day: dayIndex.get(r.day)! }));
  tickets.sort((a, b) => a.day - b.day || a.issued - b.issued || a.line - b.line);
  return {
    file,
    tickets,
    days: dayNumbers,
    types: has.type ? [...typeIds.keys()] : ['customer'],
    counters: [...counterIds.keys()],
    has,
    resolution: withSeconds ? 1 / 60 : 1,
  };
}
