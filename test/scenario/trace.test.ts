import { describe, expect, it } from 'vitest';
import { traceService, traceTypes } from '../helpers/trace.js';
import { parseTraceText, readTrace } from '../../src/scenario/trace.js';
import { fixture, scenarioError } from './helpers.js';

const context = { typeNames: ['consult', 'transaction'], openClock: 540, horizon: 480 };
const parse = (text: string) => parseTraceText(text, 'data/arrivals.csv', context);
const messageOf = (text: string) => scenarioError(() => parse(text)).message;

describe('trace CSV', () => {
  it('reads times in minutes or HH:MM, optional type and service', () => {
    const t = parse('time,type,service\n0,consult,4\n09:30,,\n45.5,transaction,12\n');
    expect(Array.from(t.times)).toEqual([0, 30, 45.5]);
    expect(traceTypes(t)).toEqual([0, -1, 1]);
    expect(traceService(t)).toEqual([4, NaN, 12]);
  });

  it('needs only the time column, in any order, and tolerates CRLF, a BOM, blank and comment lines, ; separators', () => {
    expect(Array.from(parse('\uFEFFtime\r\n1\r\n\r\n# note\r\n2\r\n').times)).toEqual([1, 2]);
    const t = parse('service;Time\n3;1\n;2\n');
    expect(Array.from(t.times)).toEqual([1, 2]);
    expect(traceService(t)).toEqual([3, NaN]);
    expect(traceTypes(t)).toEqual([-1, -1]);
  });

  it('reads the fixture file', () => {
    const t = readTrace(fixture('data/arrivals.csv'), 'data/arrivals.csv', { ...context, horizon: 120 });
    expect(Array.from(t.times)).toEqual([0, 5, 12.5, 30]);
  });

  it.each([
    ['a bad time', 'time,type\n1,consult\n2,consult\nabc,consult\n', 'data/arrivals.csv: line 4, column time: found "abc"; expected minutes or HH:MM'],
    ['a missing time', 'time,type\n,consult\n', 'data/arrivals.csv: line 2, column time: found nothing; expected minutes or HH:MM'],
    ['a negative time', 'time\n-5\n', 'data/arrivals.csv: line 2, column time: found -5; expected minutes from opening (>= 0) or HH:MM'],
    ['times out of order', 'time\n10\n5\n', 'data/arrivals.csv: line 3, column time: found "5" (before the previous arrival, 10); expected arrival times in ascending order'],
    ['a time after the horizon', 'time\n10\n500\n', 'data/arrivals.csv: line 3, column time: found "500"; expected a time before the horizon at minute 480 (17:00)'],
    ['an unknown type', 'time,type\n1,consul\n', 'data/arrivals.csv: line 2, column type: found "consul"; expected a customer type or nothing: one of consult, transaction (did you mean "consult"?)'],
    ['a bad service time', 'time,service\n1,fast\n', 'data/arrivals.csv: line 2, column service: found "fast"; expected a service time in minutes (a number >= 0), or nothing'],
    ['hex is not a number', 'time\n0x10\n', 'data/arrivals.csv: line 2, column time: found "0x10"; expected minutes or HH:MM'],
    ['an unknown column', 'time,sevice\n1,2\n', 'data/arrivals.csv: line 1, column 2: found the column "sevice"; expected only the columns time, type, service (did you mean "service"?)'],
    ['no time column', 'type\nconsult\n', 'data/arrivals.csv: line 1: found the columns "type"; expected a column named time (minutes from opening or "HH:MM")'],
    ['a repeated column', 'time,time\n1,2\n', 'data/arrivals.csv: line 1, column 2: found the column "time" again; expected each column once'],
    ['a short row', 'time,type\n1,consult\n2\n', 'data/arrivals.csv: line 3: found 1 field; expected 2 (time, type), as in the header'],
    ['an empty file', '\n\n', 'data/arrivals.csv: line 1: found an empty file; expected a header line with a column named time, then one line per arrival'],
    ['a header only', 'time\n', 'data/arrivals.csv: line 2: found no arrivals; expected at least one line after the header'],
  ])('%s', (_, text, message) => {
    expect(messageOf(text)).toBe(message);
  });
});
