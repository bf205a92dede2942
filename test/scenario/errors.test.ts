import { describe, expect, it } from 'vitest';
import { ScenarioError, closest, describeFound, formatPath, oneOf, valueAt } from '../../src/scenario/errors.js';

describe('ScenarioError', () => {
  it('says file, path, found and expected on one line', () => {
    const e = new ScenarioError({ file: 'scenarios/x.yaml', path: 'types.consult.service.dist', found: '"lognorm"', expected: 'one of exponential, deterministic' });
    expect(e.message).toBe('scenarios/x.yaml: types.consult.service.dist: found "lognorm"; expected one of exponential, deterministic');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ScenarioError');
    expect([e.file, e.path, e.found, e.expected]).toEqual(['scenarios/x.yaml', 'types.consult.service.dist', '"lognorm"', 'one of exponential, deterministic']);
  });

  it('counts further problems and keeps to one line whatever it is given', () => {
    expect(new ScenarioError({ file: 'f', path: 'p', found: 'a', expected: 'b', more: 1 }).message).toBe('f: p: found a; expected b (and 1 more problem)');
    expect(new ScenarioError({ file: 'f', path: 'p', found: 'a', expected: 'b', more: 3 }).message).toBe('f: p: found a; expected b (and 3 more problems)');
    expect(new ScenarioError({ file: 'f', path: 'p', found: 'a\nb', expected: 'c\r\nd' }).message).toBe('f: p: found a b; expected c d');
  });
});

describe('describeFound', () => {
  it('shows values compactly', () => {
    expect(describeFound(undefined)).toBe('nothing');
    expect(describeFound(null)).toBe('null');
    expect(describeFound('lognorm')).toBe('"lognorm"');
    expect(describeFound('x'.repeat(100))).toBe(`"${'x'.repeat(39)}…"`);
    expect(describeFound(-5)).toBe('-5');
    expect(describeFound(NaN)).toBe('NaN');
    expect(describeFound(Infinity)).toBe('Infinity');
    expect(describeFound(true)).toBe('true');
    expect(describeFound({ a: 1 })).toBe('an object');
    expect(describeFound([1, 2, 3])).toBe('a list of 3');
    expect(describeFound([])).toBe('an empty list');
  });
});

describe('formatPath', () => {
  it('writes dotted paths with list indices and quotes odd names', () => {
    expect(formatPath(['types', 'consult', 'service', 'dist'])).toBe('types.consult.service.dist');
    expect(formatPath(['counters', 'general', 'staff', 0, 'at'])).toBe('counters.general.staff[0].at');
    expect(formatPath(['types', 'my type'])).toBe('types."my type"');
    expect(formatPath([])).toBe('(top level)');
  });
});

describe('suggestions', () => {
  it('suggests the near name, including swapped letters', () => {
    expect(closest('meen', ['dist', 'mean'])).toBe('mean');
    expect(closest('cuont', ['count', 'uptake'])).toBe('count');
    expect(closest('zzz', ['count', 'uptake'])).toBeUndefined();
    expect(oneOf(['a', 'b'])).toBe('one of a, b');
    expect(oneOf(['single'])).toBe('single');
    expect(oneOf(['exponential', 'lognormal'], 'lognorm')).toBe('one of exponential, lognormal (did you mean "lognormal"?)');
  });

  it('reads own properties only', () => {
    expect(valueAt({ a: [{ b: 2 }] }, ['a', 0, 'b'])).toBe(2);
    expect(valueAt({}, ['constructor'])).toBeUndefined();
    expect(valueAt(3, ['a'])).toBeUndefined();
  });
});
