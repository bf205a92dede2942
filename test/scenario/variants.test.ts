import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenarioText } from '../../src/scenario/load.js';
import { applyVariant, variantData } from '../../src/scenario/variants.js';
import { MINIMAL, fixture, scenarioError } from './helpers.js';

const BASE = `${MINIMAL}kiosks: { count: 2, uptake: { consult: 0.4 }, service: { dist: exponential, mean: 3 } }\n`;
const raw = () => parseScenarioText(BASE, 'x.yaml').raw;

describe('applyVariant', () => {
  it('sets nested values by dotted path', () => {
    const s = applyVariant(raw(), { name: 'v', set: { 'kiosks.count': 4, 'types.consult.service.mean': 10 } });
    expect(s.kiosks?.count).toBe(4);
    expect(s.types.consult.service).toEqual({ dist: 'exponential', mean: 10 });
  });

  it('replaces whole objects', () => {
    const s = applyVariant(raw(), {
      name: 'merge',
      set: { counters: { merged: { staff: 3, serves: ['consult'] } }, 'types.consult.service': { dist: 'deterministic', value: 4 } },
    });
    expect(Object.keys(s.counters)).toEqual(['merged']);
    expect(s.types.consult.service).toEqual({ dist: 'deterministic', value: 4 });
  });

  it('sets list items by index and removes keys with null', () => {
    const base = parseScenarioText(MINIMAL.replace('staff: 2', 'staff: [{ at: 0, count: 1 }, { at: 60, count: 3 }]'), 'x.yaml').raw;
    const s = applyVariant(base, { name: 'v', set: { 'counters.general.staff.1.count': 5 } });
    expect(s.counters.general.staff).toEqual([{ at: 0, count: 1 }, { at: 60, count: 5 }]);
    expect(applyVariant(raw(), { name: 'no kiosks', set: { kiosks: null } }).kiosks).toBeUndefined();
  });

  it('does not change the baseline', () => {
    const before = raw();
    const snapshot = structuredClone(before);
    applyVariant(before, { name: 'v', set: { 'kiosks.count': 4, counters: { g: { staff: 1, serves: ['consult'] } } } });
    expect(before).toEqual(snapshot);
  });

  it('keeps variants out of a variant', () => {
    const base = parseScenarioText(`${BASE}variants: [{ name: v, set: { kiosks.count: 4 } }]\n`, 'x.yaml');
    expect(variantData(base.raw, base.scenario.variants[0], 'variants[0]', 'x.yaml')).not.toHaveProperty('variants');
    expect(base.variants[0].variants).toEqual([]);
  });

  it('returns the loaded file variants by index, as copies', () => {
    const loaded = loadScenario(fixture('bank-branch.yaml'));
    const first = applyVariant(loaded, 0);
    expect(first.kiosks?.count).toBe(4);
    first.kiosks!.count = 99;
    expect(applyVariant(loaded, 0).kiosks?.count).toBe(4);
    expect(loaded.scenario.kiosks?.count).toBe(2);
    expect(scenarioError(() => applyVariant(loaded, 1)).message).toMatch(/variants\[1\]: found nothing; expected a variant index from 0 to 0$/);
  });
});

describe('variant errors', () => {
  const fileWith = (variant: string) => `${BASE}variants:\n  - ${variant}\n`;
  const messageOf = (variant: string) => scenarioError(() => parseScenarioText(fileWith(variant), 'x.yaml')).message;

  it.each([
    ['a misspelt key', '{ name: v, set: { kiosks.cuont: 4 } }', 'x.yaml: variants[0].set."kiosks.cuont": found unknown key "cuont"; expected only count, uptake, service, fallback, breakdown (did you mean "count"?)'],
    [
      'a path whose parent does not exist',
      '{ name: v, set: { kiosk.count: 4 } }',
      'x.yaml: variants[0].set."kiosk.count": found nothing at "kiosk"; expected an existing key there: one of name, horizon, arrivals, types, counters, kiosks (did you mean "kiosks"?); to add a whole part, set it as an object',
    ],
    ['a bad value', '{ name: v, set: { types.consult.service.mean: -1 } }', 'x.yaml: variants[0].set."types.consult.service.mean": found -1; expected a positive number of minutes'],
    [
      'a problem inside a replaced object',
      '{ name: v, set: { counters: { g: { staff: 1, serves: [nobody] } } } }',
      'x.yaml: variants[0].set."counters".g.serves[0]: found "nobody"; expected a customer type: consult (and 1 more problem)',
    ],
    [
      'an empty list',
      '{ name: v, set: { counters.general.serves: [] } }',
      'x.yaml: variants[0].set."counters.general.serves": found an empty list; expected a non-empty list',
    ],
    [
      'a conflict with a sibling',
      '{ name: v, set: { arrivals.profile: [{ at: 0, perHour: 3 }] } }',
      'x.yaml: variants[0].set."arrivals.profile": found perHour and profile together; expected exactly one of perHour, profile, trace',
    ],
    ['a path into a number', '{ name: v, set: { horizon.x: 1 } }', 'x.yaml: variants[0].set."horizon.x": found 480 at "horizon"; expected an object or list to change a field of'],
    ['a reserved part', '{ name: v, set: { types.__proto__.x: 1 } }', 'x.yaml: variants[0].set."types.__proto__.x": found the part "__proto__"; expected a dotted path of field names, e.g. kiosks.count or types.consult.service.mean'],
    ['an empty part', '{ name: v, set: { kiosks..count: 1 } }', 'x.yaml: variants[0].set."kiosks..count": found an empty part in the path; expected a dotted path of field names, e.g. kiosks.count or types.consult.service.mean'],
    ['a path into variants', '{ name: v, set: { variants.0.name: w } }', 'x.yaml: variants[0].set."variants.0.name": found a path into variants; expected a path into the scenario itself (variants cannot change variants)'],
    ['a list index out of range', '{ name: v, set: { counters.general.serves.3: consult } }', 'x.yaml: variants[0].set."counters.general.serves.3": found no item "3" in a list of 1; expected an index from 0 to 0'],
  ])('%s', (_, variant, message) => {
    expect(messageOf(variant)).toBe(message);
  });

  it('names the variant when the problem is not under one of its paths', () => {
    const base = parseScenarioText(BASE.replace('serves: [consult]', 'serves: [consult, other]').replace('types:\n', 'types:\n  other: { service: { dist: exponential, mean: 3 } }\n'), 'x.yaml').raw;
    const error = scenarioError(() => applyVariant(base, { name: 'drop other', set: { 'counters.general.serves': ['consult'] } }, { file: 'x.yaml', index: 2 }));
    expect(error.message).toBe('x.yaml: variants[2] (drop other): types.other: found a type no counter group serves; expected its name in some counters.*.serves');
  });
});
