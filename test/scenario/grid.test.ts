import { describe, expect, it } from 'vitest';
import { gridPicks, gridSize } from '../../src/scenario/grid.js';
import { MAX_GRID_VARIANTS } from '../../src/scenario/limits.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { MINIMAL, scenarioError } from './helpers.js';

const KIOSKS = 'kiosks: { count: 1, uptake: { consult: 0.3 }, service: { dist: exponential, mean: 3 } }\n';
const withGrid = (grid: string, extra = '') => `${MINIMAL}${KIOSKS}${extra}grid: ${grid}\n`;
const load = (text: string) => parseScenarioText(text, 'x.yaml');
const messageOf = (text: string) => scenarioError(() => load(text)).message;

describe('grid', () => {
  it('adds one variant per combination after the listed ones, the first path slowest, named by its settings', () => {
    const loaded = load(withGrid('{ counters.general.staff: [3, 4, 5], kiosks.count: [0, 2] }', 'variants: [{ name: hand, set: { queue: per-counter } }]\n'));
    expect(loaded.scenario.variants.map((v) => v.name)).toEqual([
      'hand',
      'counters.general.staff=3, kiosks.count=0',
      'counters.general.staff=3, kiosks.count=2',
      'counters.general.staff=4, kiosks.count=0',
      'counters.general.staff=4, kiosks.count=2',
      'counters.general.staff=5, kiosks.count=0',
      'counters.general.staff=5, kiosks.count=2',
    ]);
    expect(loaded.variants.map((s) => [s.counters.general.staff, s.kiosks?.count, s.queue])).toEqual([
      [2, 1, 'per-counter'],
      [3, 0, 'single'],
      [3, 2, 'single'],
      [4, 0, 'single'],
      [4, 2, 'single'],
      [5, 0, 'single'],
      [5, 2, 'single'],
    ]);
    // A variant's scenario is a hall, not a study: it has neither variants nor a grid.
    expect(loaded.variants[1].grid).toBeUndefined();
    expect(loaded.variants[1].variants).toEqual([]);
  });

  it('shows strings as written and other values as JSON in the name; null removes the key', () => {
    const loaded = load(withGrid('{ queue: [single, per-counter], kiosks: [null, { count: 2, service: { dist: exponential, mean: 3 } }] }'));
    expect(loaded.scenario.variants.map((v) => v.name)).toEqual([
      'queue=single, kiosks=null',
      'queue=single, kiosks={"count":2,"service":{"dist":"exponential","mean":3}}',
      'queue=per-counter, kiosks=null',
      'queue=per-counter, kiosks={"count":2,"service":{"dist":"exponential","mean":3}}',
    ]);
    expect(loaded.variants[0].kiosks).toBeUndefined();
    expect(loaded.variants[1].kiosks?.count).toBe(2);
  });

  it('numbers combinations as a mixed-radix count, the last path fastest', () => {
    const grid = { a: [1, 2, 3], b: [1, 2], c: [1, 2, 3, 4] };
    expect(gridSize(grid)).toBe(24);
    expect(gridSize(undefined)).toBe(0);
    expect(gridPicks(grid, 0)).toEqual({ a: 0, b: 0, c: 0 });
    expect(gridPicks(grid, 5)).toEqual({ a: 0, b: 1, c: 1 });
    expect(gridPicks(grid, 23)).toEqual({ a: 2, b: 1, c: 3 });
  });

  it('loads a grid of thousands of combinations', () => {
    const values = (n: number) => `[${Array.from({ length: n }, (_, i) => i + 1).join(', ')}]`;
    const loaded = load(withGrid(`{ counters.general.staff: ${values(40)}, kiosks.count: ${values(50)} }`));
    expect(loaded.variants).toHaveLength(2000);
    expect(loaded.variants[1999].counters.general.staff).toBe(40);
    expect(loaded.variants[1999].kiosks?.count).toBe(50);
  });

  it.each([
    ['a bad value', '{ counters.general.staff: [3, -4] }', 'x.yaml: grid."counters.general.staff"[1]: found -4; expected a whole number >= 1'],
    ['a bad value in the second path', '{ queue: [single], kiosks.count: [1, 2, x] }', 'x.yaml: grid."kiosks.count"[2]: found "x"; expected a whole number >= 0'],
    [
      'a path that leads nowhere',
      '{ kiosk.count: [1, 2] }',
      'x.yaml: grid."kiosk.count": found nothing at "kiosk"; expected an existing key there: one of name, horizon, arrivals, types, counters, kiosks (did you mean "kiosks"?); to add a whole part, set it as an object',
    ],
    ['a value listed twice', '{ kiosks.count: [0, 2, 0] }', 'x.yaml: grid."kiosks.count"[2]: found 0, already listed at [0]; expected each value once (a combination is named by its values)'],
    ['an empty list', '{ kiosks.count: [] }', 'x.yaml: grid."kiosks.count": found an empty list; expected a list of the values this setting takes, e.g. [3, 4, 5]'],
    ['a single value instead of a list', '{ kiosks.count: 2 }', 'x.yaml: grid."kiosks.count": found 2; expected a list of the values this setting takes, e.g. [3, 4, 5]'],
    ['no path at all', '{}', 'x.yaml: grid: found an object; expected at least one dotted path, e.g. { kiosks.count: [0, 2] }'],
    ['a path into the grid', '{ grid.x: [1] }', 'x.yaml: grid."grid.x": found a path into grid; expected a path into the scenario itself (variants cannot change the grid)'],
    [
      'a change that breaks something elsewhere',
      '{ types: [{ other: { service: { dist: exponential, mean: 3 } } }] }',
      'x.yaml: grid (types={"other":{"service":{"dist":"exponential","mean":3}}}): counters.general.serves[0]: found "consult"; expected a customer type: other (and 2 more problems)',
    ],
  ])('refuses %s, naming the grid entry', (_, grid, message) => {
    expect(messageOf(withGrid(grid))).toBe(message);
  });

  it('refuses a combination named like a listed variant', () => {
    const text = withGrid('{ kiosks.count: [0, 2] }', 'variants: [{ name: kiosks.count=2, set: { kiosks.count: 2 } }]\n');
    expect(messageOf(text)).toBe(
      'x.yaml: grid: found the combination "kiosks.count=2", also the name of a listed variant; expected listed variants named otherwise than the grid\'s combinations',
    );
  });

  it('refuses more combinations than the limit, before building any', () => {
    const values = (n: number) => `[${Array.from({ length: n }, (_, i) => i).join(', ')}]`;
    const side = Math.ceil(Math.sqrt(MAX_GRID_VARIANTS + 1));
    expect(messageOf(withGrid(`{ kiosks.count: ${values(side)}, seed: ${values(side)} }`))).toBe(
      `x.yaml: grid: found ${(side * side).toLocaleString('en-US')} combinations (${side} × ${side}); expected at most ${MAX_GRID_VARIANTS.toLocaleString('en-US')} combinations; split the study into several files`,
    );
  });

  it('keeps a variant from setting the grid', () => {
    expect(messageOf(withGrid('{ kiosks.count: [0] }', 'variants: [{ name: v, set: { grid.x: 1 } }]\n'))).toBe(
      'x.yaml: variants[0].set."grid.x": found a path into grid; expected a path into the scenario itself (variants cannot change the grid)',
    );
  });
});
