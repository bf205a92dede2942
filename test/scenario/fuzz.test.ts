/**
 * Whatever a file contains, loading it either succeeds or throws ScenarioError: never another
 * exception, never a hang. And whatever loads also compiles (the schema is no looser than the
 * model's own guards).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compileScenario } from '../../src/scenario/compile.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { locateJsonError } from '../../src/scenario/json-locate.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { validateScenario } from '../../src/scenario/validate.js';
import { applyVariant } from '../../src/scenario/variants.js';
import { fixture } from './helpers.js';

/** Loads (and, when that works, compiles); returns 'ok' or 'error', and rethrows anything else. */
function outcome(run: () => void): 'ok' | 'error' {
  try {
    run();
    return 'ok';
  } catch (e) {
    if (e instanceof ScenarioError) {
      expect(e.message).not.toContain('\n');
      return 'error';
    }
    throw e;
  }
}

function loadAndCompile(text: string, file: string): void {
  const loaded = parseScenarioText(text, file);
  for (const scenario of [loaded.scenario, ...loaded.variants]) compileScenario(scenario, { baseDir: loaded.baseDir });
}

const examples = ['bank-branch.yaml', 'extensions.yaml'].map((name) => parseScenarioText(readFileSync(fixture(name), 'utf8'), fixture(name)).raw);

type Container = Record<string, unknown> | unknown[];

/** Every (container, key) pair in a value, so a mutation can pick any place. */
function places(root: unknown): [Container, string | number][] {
  const out: [Container, string | number][] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) node.forEach((child, i) => (out.push([node, i]), stack.push(child)));
    else for (const [key, child] of Object.entries(node)) (out.push([node as Record<string, unknown>, key]), stack.push(child));
  }
  return out;
}

const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'delete', 'add', 'number', 'string'),
  value: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(-1, 0, 1e308, -1e-300, 0.5, 'x', '', '09:00', '99:99', 'consult', null, [], {})),
  key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('dist', 'mean', 'staff', 'count', 'at', '__proto__', 'constructor', 'balk', 'k')),
});

function mutate(base: unknown, steps: { at: number; kind: string; value: unknown; key: string }[]): unknown {
  const copy = structuredClone(base);
  for (const step of steps) {
    const all = places(copy);
    if (all.length === 0) break;
    const [node, key] = all[step.at % all.length];
    const target = node as Record<string | number, unknown>;
    switch (step.kind) {
      case 'replace':
        target[key] = step.value;
        break;
      case 'delete':
        if (Array.isArray(node)) node.splice(Number(key), 1);
        else delete target[key];
        break;
      case 'add':
        if (!Array.isArray(node)) Object.defineProperty(node, step.key, { value: step.value, enumerable: true, writable: true, configurable: true });
        else node.push(step.value);
        break;
      case 'number':
        if (typeof target[key] === 'number') target[key] = (target[key] as number) * -3 + 0.5;
        break;
      case 'string':
        if (typeof target[key] === 'string') target[key] = `${target[key] as string}x`;
        break;
    }
  }
  return copy;
}

const TIMEOUT = 120_000;

describe('fuzz: loading never throws anything but ScenarioError', () => {
  it('random JSON values as JSON and YAML files', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        outcome(() => loadAndCompile(text, 'x.json'));
        outcome(() => loadAndCompile(text, 'x.yaml'));
      }),
      { numRuns: 300 },
    );
  }, TIMEOUT);

  it('any JavaScript value given to validation directly', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true, withBoxedValues: true, withSparseArray: true, withMap: true, withSet: true, withDate: true, withTypedArray: true }), (value) => {
        outcome(() => validateScenario(value, 'x'));
        const text = JSON.stringify(value) as string | undefined;
        if (text !== undefined) outcome(() => parseScenarioText(text, 'x.yaml'));
      }),
      { numRuns: 300 },
    );
  }, TIMEOUT);

  it('random text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('[', ']', '{', '}', ':', '-', ' ', '\n', '&a ', '*a', '"', "'", '#', '!', '|', '>', 'a', '1', ',', '\t', '? ') })), (text) => {
        outcome(() => loadAndCompile(text, 'x.yaml'));
        outcome(() => loadAndCompile(text, 'x.json'));
      }),
      { numRuns: 500 },
    );
  }, TIMEOUT);

  it('random mutations of the valid examples, as data and as YAML text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.array(mutation, { minLength: 1, maxLength: 4 }), (example, steps) => {
        const mutated = mutate(example, steps);
        outcome(() => {
          const scenario = validateScenario(mutated, 'x.yaml');
          try {
            compileScenario(scenario, { baseDir: '.' });
          } catch (e) {
            // A valid scenario whose distribution the model refuses means the schema is too loose.
            if (e instanceof ScenarioError) expect(e.found).not.toMatch(/distribution it cannot use/);
            throw e;
          }
        });
        outcome(() => loadAndCompile(stringify(mutated), 'x.yaml'));
        outcome(() => loadAndCompile(JSON.stringify(mutated), 'x.json'));
      }),
      { numRuns: 400 },
    );
  }, TIMEOUT);

  it('random edits of the YAML text of the example', () => {
    const text = readFileSync(fixture('extensions.yaml'), 'utf8');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat({ max: 5 }), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 5 }), (edits) => {
        let edited = text;
        for (const [at, remove, insert] of edits) {
          const i = at % (edited.length + 1);
          edited = edited.slice(0, i) + insert + edited.slice(i + remove);
        }
        outcome(() => loadAndCompile(edited, 'x.yaml'));
      }),
      { numRuns: 400 },
    );
  }, TIMEOUT);

  it('random variants', () => {
    const raw = examples[0];
    fc.assert(
      fc.property(
        fc.dictionary(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('kiosks.count', 'types.consult.service.mean', 'counters.general.staff', 'a..b', 'types.__proto__.x', 'kiosks.uptake.consult')), fc.jsonValue({ maxDepth: 2 }), {
          minKeys: 1,
          maxKeys: 3,
        }),
        (set) => {
          const before = JSON.stringify(raw);
          outcome(() => applyVariant(raw, { name: 'v', set }, { file: 'x.yaml', index: 0 }));
          expect(JSON.stringify(raw)).toBe(before);
        },
      ),
      { numRuns: 300 },
    );
  }, TIMEOUT);
});

describe('the JSON error locator agrees with JSON.parse', () => {
  const valid = (text: string) => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };

  it('on JSON texts and on edits of them', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.string({ maxLength: 3 }), (json, at, insert) => {
        expect(locateJsonError(json)).toBeNull();
        const i = at % (json.length + 1);
        const edited = json.slice(0, i) + insert + json.slice(i);
        expect(locateJsonError(edited) === null).toBe(valid(edited));
      }),
      { numRuns: 1000 },
    );
  });
});
