/**
 * Scanning a trace CSV's bytes into typed arrays (see trace.ts for the format and the messages).
 *
 * A recorded year is tens of millions of rows and hundreds of MB. Decoding it to one string,
 * splitting it into lines and fields and collecting JS number arrays cost about 160 bytes a row
 * (2.3 GB for a 200 MB file); here the bytes are read in place, a chunk at a time, each row becomes
 * 8 bytes of time, 1 byte of type code and (only when the file has a service column) 8 bytes of
 * service time, and the arrays are sized once by counting the lines first.
 *
 * The common row (plain ASCII, decimal numbers without exponent, at most 15 digits) is parsed from
 * the bytes without creating a string. Anything else (a clock time, an exponent, a non-ASCII
 * character anywhere on the line) takes the string path, which is the former parser's logic, so
 * every row is read as before and every message is worded as before.
 */
import { ScenarioError, clip, oneOf } from './errors.js';
import { MAX_TRACE_ROWS } from './limits.js';
import { formatClock, parseClock, toMinutes } from './time.js';

/** A parsed trace, before its type names are tied to a scenario's types (trace.ts binds them). */
export interface ScannedTrace {
  times: Float64Array;
  /** Per arrival: 0 = no type given, k = names[k - 1]. */
  typeCodes: Uint8Array | Uint16Array | Uint32Array;
  /** The type names found, in order of first appearance. */
  names: string[];
  /** Service minutes per arrival (NaN = not given), or null when the file has no service column. */
  service: Float64Array | null;
  /** Whether some time was a clock time "HH:MM" (so the times depend on the opening time). */
  usedClock: boolean;
}

/** What the rows are checked against (see TraceContext in trace.ts). */
export interface ScanContext {
  typeNames: readonly string[];
  openClock: number;
  horizon: number;
}

const COLUMNS = ['time', 'type', 'service'] as const;
type Column = (typeof COLUMNS)[number];

const LF = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const QUOTE = 34;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

/** Exact powers of ten: a 15-digit integer divided by one of them is correctly rounded. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** JavaScript's trim() whitespace among ASCII bytes: tab, LF, VT, FF, CR, space. */
function isSpace(b: number): boolean {
  return b === SPACE || (b >= 9 && b <= 13);
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A plain decimal number, or null: no hex, no Infinity, no empty string read as 0. */
function decimal(text: string): number | null {
  if (!DECIMAL.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/**
 * `decimal()` of the bytes [start, end) when it can be had exactly without a string, else NaN
 * (then the caller asks `decimal()`). Exact: at most 15 significant digits make an integer below
 * 2^53 and at most 22 decimals a power of ten that is a double, so the one division rounds
 * correctly, as Number() does (Clinger's fast path). An exponent or anything unusual declines.
 */
function quickDecimal(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (i < end && (bytes[i] === PLUS || bytes[i] === MINUS)) {
    negative = bytes[i] === MINUS;
    i++;
  }
  let mantissa = 0;
  let significant = 0;
  let decimals = 0;
  let digits = 0;
  let dot = false;
  for (; i < end; i++) {
    const b = bytes[i];
    if (b >= ZERO && b <= NINE) {
      digits++;
      if (mantissa !== 0 || b !== ZERO) significant++;
      mantissa = mantissa * 10 + (b - ZERO);
      if (dot) decimals++;
    } else if (b === DOT && !dot) {
      dot = true;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || significant > 15 || decimals > 22) return NaN;
  const value = decimals === 0 ? mantissa : mantissa / POW10[decimals];
  return negative ? -value : value;
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

function suggest(name: string): string {
  const guess = oneOf(COLUMNS, name);
  const match = /\(did you mean "[^"]+"\?\)$/.exec(guess);
  return match ? ` ${match[0]}` : '';
}

/** Where a scan takes its bytes from: all of them at once, or a pull of chunks (null at the end). */
export type TraceBytes = Buffer | (() => Buffer | null);

/**
 * Lines in the bytes, as `split(/\r\n|\n|\r/)` would count them (a CRLF split between two
 * chunks counts twice: an upper bound is all the arrays' sizes need).
 */
export function countLines(source: TraceBytes): number {
  let lines = 1;
  const pull = typeof source === 'function' ? source : once(source);
  for (let bytes = pull(); bytes !== null; bytes = pull()) {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === LF) lines++;
      else if (b === CR && bytes[i + 1] !== LF) lines++;
    }
  }
  return lines;
}

function once(bytes: Buffer): () => Buffer | null {
  let given = false;
  return () => {
    if (given) return null;
    given = true;
    return bytes;
  };
}

/** A copy of `array` with room for twice as many rows (a file that grew between counting and scanning). */
function grown<T extends RowArray>(array: T): T {
  const bigger = shared(array.constructor as { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, array.length * 2);
  bigger.set(array as never);
  return bigger;
}

type RowArray = Float64Array | Uint8Array | Uint16Array | Uint32Array;

/**
 * A zeroed array of `length` on shared memory: it crosses to worker threads without a copy
 * (trace.ts hands the scan to them), and otherwise behaves as any typed array.
 */
function shared<T extends RowArray>(kind: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, length: number): T {
  return new kind(new SharedArrayBuffer(length * kind.BYTES_PER_ELEMENT));
}

/** Type codes of a width that holds `codes` distinct values, with the old ones copied. */
function widerCodes(old: Uint8Array | Uint16Array | Uint32Array, codes: number): Uint8Array | Uint16Array | Uint32Array {
  const wider = codes <= 0xffff ? shared(Uint16Array, old.length) : shared(Uint32Array, old.length);
  wider.set(old);
  return wider;
}

/** The first `n` entries of `array`: a view when little is unused, else a copy that lets the rest go. */
function trimmed<T extends RowArray>(array: T, n: number): T {
  if (array.length - n <= array.length / 16) return array.subarray(0, n) as T;
  const copy = shared(array.constructor as { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, n);
  copy.set(array.subarray(0, n) as never);
  return copy;
}

/**
 * Parses trace bytes (UTF-8, as read from the file); `file` is how messages name it. Every row is
 * checked against `context` (its types, its horizon) as it is read, so the first problem in the
 * file is the one reported. Throws ScenarioError.
 *
 * `source` is the whole file, or a pull of its chunks: then only the chunk at hand (and the line
 * that spans two chunks) is in memory besides the arrays, sized by `capacity` (from countLines on
 * a first pass; they grow if the file did).
 */
export function scanTrace(source: TraceBytes, file: string, context: ScanContext, capacity = -1): ScannedTrace {
  const fail = (where: string, found: string, expected: string): never => {
    throw new ScenarioError({ file, path: where, found, expected });
  };
  const skip = (line: string) => line.trim() === '' || line.trimStart().startsWith('#');
  const pull = typeof source === 'function' ? source : once(source);
  if (capacity < 0) capacity = typeof source === 'function' ? 1024 : countLines(source);
  let bytes: Buffer = Buffer.alloc(0);
  let length = 0;
  let pos = 0;
  let done = false;
  /** Appends the next chunk to the bytes from `pos` on (the rest are done with); false at the end. */
  const refill = (): boolean => {
    const chunk = done ? null : pull();
    if (chunk === null) {
      done = true;
      return false;
    }
    bytes = pos >= length ? chunk : Buffer.concat([bytes.subarray(pos), chunk]);
    length = bytes.length;
    pos = 0;
    return true;
  };
  /** Whether bytes remain from `pos` on, pulling chunks as needed. */
  const more = (): boolean => {
    while (pos >= length && refill());
    return pos < length;
  };
  const decode = (start: number, end: number) => bytes.toString('utf8', start, end);

  // A BOM (spreadsheet exports write one) is dropped, once, at the very start.
  while (length < 3 && refill());
  if (length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) pos = 3;
  let l = 0; // index of the line at `pos`, as in the split lines
  let lineEnd = 0;
  let nonAscii = false;
  /**
   * Finds the end of the line starting at `pos` (sets lineEnd, nonAscii; pulls chunks until the
   * line is whole: a CR needs the byte after it, which may make it a CRLF); returns the next line's start.
   */
  const endOfLine = (): number => {
    for (;;) {
      let i = pos;
      let high = 0;
      for (; i < length; i++) {
        const b = bytes[i];
        if (b === LF || b === CR) break;
        high |= b;
      }
      if ((i < length && (bytes[i] === LF || i + 1 < length)) || !refill()) {
        lineEnd = i;
        nonAscii = high >= 0x80;
        if (i < length && bytes[i] === CR && i + 1 < length && bytes[i + 1] === LF) return i + 2;
        return i + 1;
      }
    }
  };

  // The header: the first line that is not blank or a comment.
  let header: string | null = null;
  let next = 0;
  while (more() || pos === length) {
    next = endOfLine();
    const line = decode(pos, lineEnd);
    if (!skip(line)) {
      header = line;
      break;
    }
    pos = next;
    l++;
  }
  if (header === null) fail('line 1', 'an empty file', 'a header line with a column named time, then one line per arrival');
  const headerAt = l;
  const separator = separatorOf(header!);
  const separatorByte = separator.charCodeAt(0);
  const names = header!.split(separator).map((n) => unquote(n).toLowerCase());
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
  const timeColumn = index.time!;
  const typeColumn = index.type ?? -1;
  const serviceColumn = index.service ?? -1;
  const fieldCount = names.length;

  pos = next;
  l++;
  capacity = Math.max(1, capacity);
  let times = shared(Float64Array, capacity);
  let typeCodes: Uint8Array | Uint16Array | Uint32Array = shared(Uint8Array, capacity);
  let service = serviceColumn >= 0 ? shared(Float64Array, capacity) : null;
  /** Room for one more row. */
  const room = () => {
    if (rows < times.length) return;
    times = grown(times);
    typeCodes = grown(typeCodes);
    if (service) service = grown(service);
  };
  const typeNames: string[] = [];
  const codeOf = new Map<string, number>();
  const knownIds = new Map(context.typeNames.map((name, i) => [name, i]));
  let usedClock = false;
  let previous = -Infinity;
  let rows = 0;

  const nameBytes: Buffer[] = [];
  /** The code of the type name in bytes [start, end) if it is one of the first names seen, else 0 (no string made). */
  const knownCode = (start: number, end: number): number => {
    const n = end - start;
    for (let c = 0; c < nameBytes.length && c < 16; c++) {
      const name = nameBytes[c];
      if (name.length !== n) continue;
      let k = 0;
      while (k < n && name[k] === bytes[start + k]) k++;
      if (k === n) return c + 1;
    }
    return 0;
  };
  /** The code of a type name, checked against the scenario's types on its first appearance. */
  const codeFor = (name: string, row: number): number => {
    let code = codeOf.get(name);
    if (code === undefined) {
      if (!knownIds.has(name)) fail(`line ${row}, column type`, JSON.stringify(clip(name)), `a customer type or nothing: ${oneOf(context.typeNames, name)}`);
      code = typeNames.push(name);
      codeOf.set(name, code);
      nameBytes.push(Buffer.from(name, 'utf8'));
      if (code === 0x100 || code === 0x10000) typeCodes = widerCodes(typeCodes, code);
    }
    return code;
  };
  /** A time read, checked for sign (when read as a number), order and horizon; `text` as written. */
  const checkedTime = (time: number, text: () => string, row: number): number => {
    const at = `line ${row}, column time`;
    if (time < previous) {
      fail(at, `${JSON.stringify(clip(text()))} (before the previous arrival, ${previous})`, 'arrival times in ascending order');
    }
    if (time >= context.horizon) {
      fail(at, JSON.stringify(clip(text())), `a time before the horizon at minute ${context.horizon} (${formatClock(context.openClock + context.horizon)})`);
    }
    previous = time;
    return time;
  };
  /** A time as text (the path for clock times and unusual numbers). */
  const timeOfText = (timeText: string, row: number): number => {
    const at = `line ${row}, column time`;
    const number = decimal(timeText);
    if (number !== null) {
      if (number < 0) fail(at, timeText, 'minutes from opening (>= 0) or HH:MM');
      return number;
    }
    if (parseClock(timeText) !== null) {
      usedClock = true;
      return toMinutes(timeText, context.openClock);
    }
    return fail(at, timeText === '' ? 'nothing' : JSON.stringify(clip(timeText)), 'minutes or HH:MM');
  };
  const serviceOfText = (serviceText: string, row: number): number => {
    if (serviceText === '') return NaN;
    const value = decimal(serviceText);
    if (value === null || value < 0) {
      fail(`line ${row}, column service`, JSON.stringify(clip(serviceText)), 'a service time in minutes (a number >= 0), or nothing');
    }
    return value!;
  };
  const tooMany = (row: number) => fail(`line ${row}`, `more than ${MAX_TRACE_ROWS} arrivals`, `at most ${MAX_TRACE_ROWS} rows`);
  const wrongFieldCount = (count: number, row: number) =>
    fail(`line ${row}`, `${count} field${count === 1 ? '' : 's'}`, `${fieldCount} (${names.join(', ')}), as in the header`);

  // Field bounds of the current row, after trimming and unquoting: [start, end) per column.
  const fieldStart = new Int32Array(fieldCount);
  const fieldEnd = new Int32Array(fieldCount);

  for (; more(); pos = next, l++) {
    next = endOfLine();
    const row = l + 1;
    const start = pos;
    const end = lineEnd;

    if (nonAscii) {
      // The string path: the former parser's row, word for word.
      const line = decode(start, end);
      if (skip(line)) continue;
      if (rows >= MAX_TRACE_ROWS) tooMany(row);
      room();
      const fields = line.split(separator).map(unquote);
      if (fields.length !== fieldCount) wrongFieldCount(fields.length, row);
      const timeText = fields[timeColumn];
      times[rows] = checkedTime(timeOfText(timeText, row), () => timeText, row);
      const typeText = typeColumn >= 0 ? fields[typeColumn] : '';
      const code = typeText === '' ? 0 : codeFor(typeText, row);
      typeCodes[rows] = code;
      if (service) service[rows] = serviceOfText(fields[serviceColumn], row);
      rows++;
      continue;
    }

    // Blank or comment line?
    let first = start;
    while (first < end && isSpace(bytes[first])) first++;
    if (first === end || bytes[first] === HASH) continue;
    if (rows >= MAX_TRACE_ROWS) tooMany(row);
    room();

    // Fields: split at the separator, then trim and unquote as unquote() does.
    let field = 0;
    let from = start;
    for (let i = start; i <= end; i++) {
      if (i < end && bytes[i] !== separatorByte) continue;
      if (field < fieldCount) {
        let s = from;
        let e = i;
        while (s < e && isSpace(bytes[s])) s++;
        while (e > s && isSpace(bytes[e - 1])) e--;
        if (e - s >= 2 && bytes[s] === QUOTE && bytes[e - 1] === QUOTE) {
          s++;
          e--;
          while (s < e && isSpace(bytes[s])) s++;
          while (e > s && isSpace(bytes[e - 1])) e--;
        }
        fieldStart[field] = s;
        fieldEnd[field] = e;
      }
      field++;
      from = i + 1;
    }
    if (field !== fieldCount) wrongFieldCount(field, row);

    const ts = fieldStart[timeColumn];
    const te = fieldEnd[timeColumn];
    const timeText = () => decode(ts, te);
    let time = quickDecimal(bytes, ts, te);
    if (time === time) {
      if (time < 0) fail(`line ${row}, column time`, timeText(), 'minutes from opening (>= 0) or HH:MM');
    } else {
      time = timeOfText(timeText(), row);
    }
    times[rows] = checkedTime(time, timeText, row);

    let code = 0;
    if (typeColumn >= 0 && fieldEnd[typeColumn] > fieldStart[typeColumn]) {
      code = knownCode(fieldStart[typeColumn], fieldEnd[typeColumn]);
      if (code === 0) code = codeFor(decode(fieldStart[typeColumn], fieldEnd[typeColumn]), row);
    }
    typeCodes[rows] = code;

    if (service) {
      const ss = fieldStart[serviceColumn];
      const se = fieldEnd[serviceColumn];
      let minutes = ss === se ? NaN : quickDecimal(bytes, ss, se);
      if (ss !== se && minutes !== minutes) minutes = serviceOfText(decode(ss, se), row);
      else if (minutes < 0) serviceOfText(decode(ss, se), row);
      service[rows] = minutes;
    }
    rows++;
  }
  if (rows === 0) fail(`line ${headerAt + 2}`, 'no arrivals', 'at least one line after the header');

  return {
    times: trimmed(times, rows),
    typeCodes: trimmed(typeCodes, rows),
    names: typeNames,
    service: service && trimmed(service, rows),
    usedClock,
  };
}
