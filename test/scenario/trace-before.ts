/**
 * The trace parser as it was before it scanned bytes (split lines, JS arrays): the reference the
 * byte scanner (src/scenario/trace-scan.ts) must agree with, row for row and message for message.
 * Kept verbatim; only its names and imports changed.
 */
import { ScenarioError, clip, oneOf } from '../../src/scenario/errors.js';
import { MAX_TRACE_ROWS } from '../../src/scenario/limits.js';
import { formatClock, parseClock, toMinutes } from '../../src/scenario/time.js';

/** The trace as the model wants it (see TraceArrivals in src/model/model.ts). */
export interface TraceDataBefore {
  times: Float64Array;
  /** Type id per arrival, -1 = draw from the shares. */
  types: Int32Array;
  /** Service minutes per arrival, NaN = draw from the type's distribution. */
  service: Float64Array;
}

interface TraceContext {
  /** Type names in scenario order: a name's index is its id. */
  typeNames: readonly string[];
  /** Opening clock time in minutes after midnight, for "HH:MM" times. */
  openClock: number;
  /** Arrivals must come before it. */
  horizon: number;
}

const COLUMNS = ['time', 'type', 'service'] as const;
type Column = (typeof COLUMNS)[number];

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A plain decimal number, or null: no hex, no Infinity, no empty string read as 0. */
function decimal(text: string): number | null {
  if (!DECIMAL.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

function unquote(field: string): string {
  const t = field.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).trim() : t;
}

function separatorOf(header: string): string {
  if (header.includes(',')) return ',';
  if (header.includes(';')) return ';';
  if (header.includes('\t')) return '\t';
  return ',';
}

/** Parses trace text; `file` is how messages name it. Throws ScenarioError. */
export function parseTraceTextBefore(rawText: string, file: string, context: TraceContext): TraceDataBefore {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const lines = text.split(/\r\n|\n|\r/);
  const fail = (where: string, found: string, expected: string): never => {
    throw new ScenarioError({ file, path: where, found, expected });
  };
  const skip = (line: string) => line.trim() === '' || line.trimStart().startsWith('#');

  let headerAt = 0;
  while (headerAt < lines.length && skip(lines[headerAt])) headerAt++;
  if (headerAt >= lines.length) fail('line 1', 'an empty file', 'a header line with a column named time, then one line per arrival');

  const separator = separatorOf(lines[headerAt]);
  const names = lines[headerAt].split(separator).map((n) => unquote(n).toLowerCase());
  const index: Partial<Record<Column, number>> = {};
  names.forEach((name, i) => {
    const where = `line ${headerAt + 1}, column ${i + 1}`;
    if (!(COLUMNS as readonly string[]).includes(name)) {
      fail(where, name === '' ? 'an empty column name' : `the column ${JSON.stringify(clip(name))}`, `only the columns time, type, service${suggest(name)}`);
    }
    if (index[name as Column] !== undefined) fail(where, `the column ${JSON.stringify(name)} again`, 'each column once');
    index[name as Column] = i;
  });
  if (index.time === undefined) {
    fail(`line ${headerAt + 1}`, `the columns ${JSON.stringify(clip(names.join(', ')))}`, 'a column named time (minutes from opening or "HH:MM")');
  }

  const typeIds = new Map(context.typeNames.map((name, i) => [name, i]));
  const times: number[] = [];
  const types: number[] = [];
  const service: number[] = [];
  let previous = -Infinity;
  for (let l = headerAt + 1; l < lines.length; l++) {
    const line = lines[l];
    if (skip(line)) continue;
    const row = l + 1;
    if (times.length >= MAX_TRACE_ROWS) fail(`line ${row}`, `more than ${MAX_TRACE_ROWS} arrivals`, `at most ${MAX_TRACE_ROWS} rows`);
    const fields = line.split(separator).map(unquote);
    if (fields.length !== names.length) {
      fail(`line ${row}`, `${fields.length} field${fields.length === 1 ? '' : 's'}`, `${names.length} (${names.join(', ')}), as in the header`);
    }
    const cell = (column: Column) => (index[column] === undefined ? '' : fields[index[column]!]);

    const timeText = cell('time');
    const at = `line ${row}, column time`;
    const number = decimal(timeText);
    let time: number;
    if (number !== null) {
      if (number < 0) fail(at, timeText, 'minutes from opening (>= 0) or HH:MM');
      time = number;
    } else if (parseClock(timeText) !== null) {
      time = toMinutes(timeText, context.openClock);
    } else {
      time = fail(at, timeText === '' ? 'nothing' : JSON.stringify(clip(timeText)), 'minutes or HH:MM');
    }
    if (time < previous) {
      fail(at, `${JSON.stringify(clip(timeText))} (before the previous arrival, ${previous})`, 'arrival times in ascending order');
    }
    if (time >= context.horizon) {
      fail(at, JSON.stringify(clip(timeText)), `a time before the horizon at minute ${context.horizon} (${formatClock(context.openClock + context.horizon)})`);
    }
    previous = time;

    const typeText = cell('type');
    let type = -1;
    if (typeText !== '') {
      const id = typeIds.get(typeText);
      if (id === undefined) fail(`line ${row}, column type`, JSON.stringify(clip(typeText)), `a customer type or nothing: ${oneOf(context.typeNames, typeText)}`);
      type = id!;
    }

    const serviceText = cell('service');
    let minutes = NaN;
    if (serviceText !== '') {
      const value = decimal(serviceText);
      if (value === null || value < 0) {
        fail(`line ${row}, column service`, JSON.stringify(clip(serviceText)), 'a service time in minutes (a number >= 0), or nothing');
      }
      minutes = value!;
    }

    times.push(time);
    types.push(type);
    service.push(minutes);
  }
  if (times.length === 0) fail(`line ${headerAt + 2}`, 'no arrivals', 'at least one line after the header');

  return { times: Float64Array.from(times), types: Int32Array.from(types), service: Float64Array.from(service) };
}

function suggest(name: string): string {
  const guess = oneOf(COLUMNS, name);
  const match = /\(did you mean "[^"]+"\?\)$/.exec(guess);
  return match ? ` ${match[0]}` : '';
}

