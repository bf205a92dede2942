/**
 * The byte scanner reads every trace as the former string parser did (test/scenario/trace-before.ts):
 * the same times (to the bit, -0 included), types and service times, or the same one-line message,
 * on the bundled traces and on generated and mutated ones.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/errors.js';
import { parseTraceText, type TraceContext } from '../../src/scenario/trace.js';
import { countLines, scanTrace } from '../../src/scenario/trace-scan.js';
import { TEST_SEED } from '../helpers/seed.js';
import { traceService, traceTypes } from '../helpers/trace.js';
import { parseTraceTextBefore } from './trace-before.js';
import { fixture } from './helpers.js';

type Outcome = { times: number[]; types: number[]; service: number[] } | { error: string };

function outcome(parse: () => { times: ArrayLike<number>; types: number[]; service: number[] }): Outcome {
  try {
    const t = parse();
    return { times: Array.from(t.times), types: t.types, service: t.service };
  } catch (e) {
    if (e instanceof ScenarioError) return { error: e.message };
    throw e;
  }
}

function both(text: string, context: TraceContext): { before: Outcome; now: Outcome } {
  const before = outcome(() => {
    const t = parseTraceTextBefore(text, 'data/arrivals.csv', context);
    return { times: t.times, types: Array.from(t.types), service: Array.from(t.service) };
  });
  const now = outcome(() => {
    const t = parseTraceText(text, 'data/arrivals.csv', context);
    return { times: t.times, types: traceTypes(t), service: traceService(t) };
  });
  return { before, now };
}

/** The text's bytes pulled in chunks of `size` bytes (a new Buffer each, as the file reader gives them). */
function chunksOf(text: string, size: number): () => Buffer | null {
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  return () => {
    if (at >= bytes.length) return null;
    const chunk = Buffer.from(bytes.subarray(at, at + size));
    at += size;
    return chunk;
  };
}

/** The scan fed in chunks, its arrays starting at 1 row (so they grow), types resolved by name. */
function inChunks(text: string, size: number, context: TraceContext): Outcome {
  return outcome(() => {
    const t = scanTrace(chunksOf(text, size), 'data/arrivals.csv', context, 1);
    const types = Array.from(t.typeCodes, (code) => (code === 0 ? -1 : context.typeNames.indexOf(t.names[code - 1])));
    return { times: t.times, types, service: t.service === null ? Array.from(t.times, () => NaN) : Array.from(t.service) };
  });
}

let chunkSize = 0;

/**
 * Same outcome, numbers compared bit for bit (toStrictEqual tells -0 from 0 and NaN from nothing),
 * from the whole text and from the text in chunks of 1 to 5 bytes (a CRLF, a UTF-8 character, a
 * BOM or a number split between chunks).
 */
function expectSame(text: string, context: TraceContext): Outcome {
  const { before, now } = both(text, context);
  expect(now).toStrictEqual(before);
  chunkSize = (chunkSize % 5) + 1;
  expect(inChunks(text, chunkSize, context)).toStrictEqual(before);
  return now;
}

const context: TraceContext = { typeNames: ['consult', 'transaction', 'café'], openClock: 540, horizon: 480 };

describe('trace scanner against the former parser', () => {
  it('reads the bundled traces identically', () => {
    const traces: Array<[string, TraceContext]> = [
      [fixture('data/arrivals.csv'), { typeNames: ['consult', 'transaction'], openClock: 540, horizon: 120 }],
      [fixture('../validation/data/shift-change.csv'), { typeNames: ['walkin', 'booked'], openClock: 540, horizon: 120 }],
    ];
    for (const [path, ctx] of traces) {
      const outcome = expectSame(readFileSync(path, 'utf8'), ctx);
      expect('times' in outcome && outcome.times.length).toBeGreaterThan(3);
    }
  });

  it('counts lines in chunks as split() does, or more only by CRLFs split between chunks', () => {
    for (const text of ['', 'a', 'a\n', 'a\r\nb', 'a\rb\n\n', '\r\r\n\n\r']) {
      const lines = text.split(/\r\n|\n|\r/).length;
      expect(countLines(Buffer.from(text))).toBe(lines);
      expect(countLines(chunksOf(text, 1))).toBe(lines + (text.match(/\r\n/g)?.length ?? 0));
    }
  });

  it('agrees on numbers at the edges of the quick path', () => {
    const numbers = [
      '0', '-0', '+0', '00', '0.', '.0', '.5', '5.', '+.5', '-.5', '1e2', '1E-2', '1.5e+1', '.e1', '.', '+', '-', 'e5',
      '123456789012345', '1234567890123456', '12345678901234567890', '0.000000000000000000001', '0.0000000000000000000001',
      '9007199254740993', '0.1', '0.2', '0.30000000000000004', '3.141592653589793', '2.5000000000000000001', '1_0', '0x10',
      'Infinity', 'NaN', '1e400', ' 7 ', '"8"', '" 9 "', '1..2', '1.2.3', '١٢', '12:30', '9:05', '24:00', '25:00',
    ];
    for (const n of numbers) {
      expectSame(`time,service\n${n},${n}\n`, { ...context, horizon: 1e6 });
      expectSame(`time\n${n}\n`, context);
    }
  });

  it('agrees on any decimal digits (the quick path declines what it cannot read exactly)', () => {
    const digits = fc.tuple(fc.constantFrom('', '+', '-'), fc.stringMatching(/^\d{0,30}$/), fc.stringMatching(/^\d{0,30}$/), fc.boolean());
    fc.assert(
      fc.property(digits, ([sign, whole, part, dot]) => {
        const n = `${sign}${whole}${dot ? '.' : ''}${part}`;
        expectSame(`time;service\n1;${n}\n`, { ...context, horizon: 1e40 });
        expectSame(`time\n${n}\n`, { ...context, horizon: 1e40 });
      }),
      { numRuns: 3000, seed: TEST_SEED },
    );
  });

  const pad = fc.constantFrom('', '', '', '', ' ', '\t', '\u00a0', '\ufeff');
  /**
   * A time written in one of the ways exports write it, never below `minutes` (rounded up to the
   * format's grid), so rows stay ascending; returns the text and the minute it stands for.
   */
  const timeFormat = fc.constantFrom('fixed0', 'fixed3', 'fixed6', 'string', 'exponent', 'plus', 'long', 'clock');
  const write = (minutes: number, format: string, openClock: number): [string, number] => {
    const up = (decimals: number) => Math.ceil(minutes * 10 ** decimals) / 10 ** decimals;
    let text: string;
    switch (format) {
      case 'fixed0':
        text = up(0).toFixed(0);
        break;
      case 'fixed3':
        text = up(3).toFixed(3);
        break;
      case 'fixed6':
        text = up(6).toFixed(6);
        break;
      case 'exponent':
        text = (minutes * (1 + 1e-5)).toExponential(5);
        break;
      case 'plus':
        text = `+${up(2).toFixed(2)}`;
        break;
      case 'long':
        text = minutes.toFixed(20);
        break;
      case 'clock': {
        const clock = (openClock + Math.ceil(minutes)) % 1440;
        return [`${String(Math.floor(clock / 60)).padStart(2, '0')}:${String(clock % 60).padStart(2, '0')}`, Math.ceil(minutes)];
      }
      default:
        text = String(minutes);
    }
    return [text, Number(text)];
  };
  const oops = fc.constantFrom('', '-1', 'x', '1e400', '25:00', 'é', '1,5', '0x1');
  const row = fc.record({
    gap: fc.double({ min: 0, max: 20, noNaN: true }),
    format: timeFormat,
    type: fc.oneof({ weight: 100, arbitrary: fc.constantFrom('consult', 'transaction', 'café', '') }, fc.constantFrom('Consult', 'consul', 'cafe\u0301')),
    service: fc.oneof({ weight: 8, arbitrary: fc.double({ min: 0, max: 60, noNaN: true }).map((x) => x.toFixed(2)) }, { weight: 4, arbitrary: fc.constant('') }, fc.double({ min: 0, max: 60, noNaN: true }).map(String)),
    spoil: fc.oneof({ weight: 150, arbitrary: fc.constant(null) }, fc.constantFrom('time', 'service', 'more', 'fewer', 'back')),
    oops,
    skip: fc.oneof({ weight: 12, arbitrary: fc.constant(null) }, fc.constantFrom('', '   ', '# note', '  # note, with; separators', '\u00a0', '\t')),
    dress: fc.tuple(pad, pad, fc.constantFrom(false, false, false, true)),
  });
  const header = fc.oneof(
    { weight: 20, arbitrary: fc.shuffledSubarray(['time', 'type', 'service'], { minLength: 1 }).filter((c) => c.includes('time')) },
    fc.shuffledSubarray(['time', 'type', 'service', 'Time', '"service"', 'sevice', ''], { minLength: 1 }),
  );
  const trace = (openClock: number) =>
    fc
      .record({
        bom: fc.boolean(),
        columns: header,
        separator: fc.constantFrom(',', ';', '\t'),
        newline: fc.constantFrom('\n', '\r\n', '\r'),
        rows: fc.array(row, { maxLength: 40 }),
        trailing: fc.boolean(),
        comments: fc.array(fc.constantFrom('', '# exported', ' '), { maxLength: 2 }),
      })
      .map(({ bom, columns, separator, newline, rows, trailing, comments }) => {
        let minutes = 0;
        const lines = rows.map((r) => {
          if (r.skip !== null) return r.skip;
          const [time, written] = write(minutes + r.gap, r.format, openClock);
          minutes = written;
          const fields = columns.map((c) => {
            const name = c.replace(/"/g, '').toLowerCase();
            let text = name === 'time' ? time : name === 'type' ? r.type : name === 'service' ? r.service : '1';
            if (r.spoil === name) text = r.oops;
            if (r.spoil === 'back' && name === 'time') text = write(Math.max(0, minutes - 30), 'fixed3', openClock)[0];
            const [a, b, quote] = r.dress;
            return quote ? `"${a}${text}${b}"` : `${a}${text}${b}`;
          });
          if (r.spoil === 'more') fields.push('1');
          if (r.spoil === 'fewer') fields.pop();
          return fields.join(separator);
        });
        return `${bom ? '\ufeff' : ''}${[...comments, columns.join(separator), ...lines].join(newline)}${trailing ? newline : ''}`;
      });

  it('agrees on generated traces', () => {
    let read = 0;
    let rows = 0;
    const contexts = fc.tuple(fc.constantFrom(540, 0, 1380), fc.constantFrom(1e9, 1e9, 480, 60));
    fc.assert(
      fc.property(
        contexts.chain(([openClock, horizon]) => fc.tuple(fc.constant(openClock), fc.constant(horizon), trace(openClock))),
        ([openClock, horizon, text]) => {
          const outcome = expectSame(text, { ...context, horizon, openClock });
          if ('times' in outcome) {
            read++;
            rows += outcome.times.length;
          }
        },
      ),
      { numRuns: 3000, seed: TEST_SEED },
    );
    // Both sides of the comparison were exercised: many traces read, many refused.
    expect(read).toBeGreaterThan(300);
    expect(read).toBeLessThan(2700);
    expect(rows).toBeGreaterThan(5000);
  });

  it('agrees on bundled traces with bytes inserted, deleted or replaced', () => {
    const base = readFileSync(fixture('data/arrivals.csv'), 'utf8');
    const ctx = { typeNames: ['consult', 'transaction'], openClock: 540, horizon: 120 };
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 3 }),
      insert: fc.string({ unit: fc.constantFrom(',', ';', '\t', '\n', '\r', ' ', '"', '#', '.', '-', 'e', '0', '9', ':', 'é', '\u00a0', 'a') , maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = base;
        for (const { at, remove, insert } of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i + remove);
        }
        expectSame(text, ctx);
      }),
      { numRuns: 2000, seed: TEST_SEED },
    );
  });
});
