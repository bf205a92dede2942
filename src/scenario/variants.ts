/**
 * Variants: one turn of the improve-and-compare loop. A variant names dotted paths into the file
 * and their new values (`kiosks.count: 4`, `types.transaction.service.mean: 10`, or a whole
 * `counters: {...}`); the result is validated exactly like a file, so a bad value in a variant gets
 * the same kind of message, pointed at the variant entry that caused it.
 */
import { ScenarioError, describeFound, formatPath, oneOf } from './errors.js';
import type { LoadedScenario } from './loaded.js';
import type { Scenario, Variant } from './schema.js';
import { validateScenario } from './validate.js';

export interface VariantOptions {
  /** The scenario file, for messages. */
  file?: string;
  /** Position of the variant in `variants`, for messages. */
  index?: number;
  /** For a combination of the file's `grid`: the position of its value in each path's list, for messages. */
  gridPicks?: Record<string, number>;
}

/** Where a variant's settings are written in the file, for messages. */
export interface Origin {
  /** The variant as a whole: `variants[2]`, or `grid`. */
  label: string;
  /** The entry that names a dotted path: `variants[2].set."kiosks.count"`, `grid."kiosks.count"`. */
  entry(dotted: string): string;
  /** The value given to that path: the same entry for a listed variant, `grid."kiosks.count"[1]` in a grid. */
  value(dotted: string): string;
}

function listedOrigin(label: string): Origin {
  const entry = (dotted: string) => `${label}.set.${JSON.stringify(dotted)}`;
  return { label, entry, value: entry };
}

function gridOrigin(picks: Record<string, number>): Origin {
  const entry = (dotted: string) => `grid.${JSON.stringify(dotted)}`;
  return { label: 'grid', entry, value: (dotted) => `${entry(dotted)}[${picks[dotted]}]` };
}

/** Keys that would reach an object's prototype instead of a field. */
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return value !== null && typeof value === 'object';
}

function childKeys(node: Container): string[] {
  return Array.isArray(node) ? node.map((_, i) => String(i)) : Object.keys(node);
}

function hasChild(node: Container, key: string): boolean {
  if (Array.isArray(node)) return /^(0|[1-9]\d*)$/.test(key) && Number(key) < node.length;
  return Object.prototype.hasOwnProperty.call(node, key);
}

/**
 * The variant's data: a deep copy of the raw baseline without `variants`, with each `set` entry
 * applied in order. Throws ScenarioError for a path that does not lead anywhere.
 */
export function variantData(raw: unknown, variant: Variant, label: string | Origin, file: string): Record<string, unknown> {
  const origin = typeof label === 'string' ? listedOrigin(label) : label;
  if (!isContainer(raw) || Array.isArray(raw)) {
    throw new ScenarioError({ file, path: origin.label, found: describeFound(raw), expected: 'a scenario object to change' });
  }
  // Copy the baseline without its alternatives: cloning them too made loading n variants cost n^2.
  const { variants: _variants, grid: _grid, ...baseline } = raw as Record<string, unknown>;
  const copy = structuredClone(baseline);
  for (const [dotted, value] of Object.entries(variant.set)) {
    const where = origin.entry(dotted);
    const parts = dotted.split('.');
    const bad = parts.find((p) => p === '' || FORBIDDEN.has(p));
    if (bad !== undefined) {
      throw new ScenarioError({
        file,
        path: where,
        found: bad === '' ? 'an empty part in the path' : `the part ${JSON.stringify(bad)}`,
        expected: 'a dotted path of field names, e.g. kiosks.count or types.consult.service.mean',
      });
    }
    if (parts[0] === 'variants') {
      throw new ScenarioError({ file, path: where, found: 'a path into variants', expected: 'a path into the scenario itself (variants cannot change variants)' });
    }
    if (parts[0] === 'grid') {
      throw new ScenarioError({ file, path: where, found: 'a path into grid', expected: 'a path into the scenario itself (variants cannot change the grid)' });
    }
    let node: Container = copy;
    for (let i = 0; i < parts.length - 1; i++) {
      const key = parts[i];
      const next: unknown = hasChild(node, key) ? (node as Record<string, unknown>)[key] : undefined;
      if (!isContainer(next)) {
        const at = parts.slice(0, i + 1).join('.');
        const known = childKeys(node);
        throw new ScenarioError({
          file,
          path: where,
          found: next === undefined ? `nothing at ${JSON.stringify(at)}` : `${describeFound(next)} at ${JSON.stringify(at)}`,
          expected:
            next === undefined
              ? `${known.length > 0 ? `an existing key there: ${oneOf(known, key)}` : 'a path that exists in the scenario'}; to add a whole part, set it as an object`
              : 'an object or list to change a field of',
        });
      }
      node = next;
    }
    const last = parts[parts.length - 1];
    if (Array.isArray(node)) {
      if (!hasChild(node, last)) {
        throw new ScenarioError({ file, path: where, found: `no item ${JSON.stringify(last)} in a list of ${node.length}`, expected: `an index from 0 to ${node.length - 1}` });
      }
      if (value === null) node.splice(Number(last), 1);
      else node[Number(last)] = structuredClone(value);
    } else if (value === null) {
      // null removes a key: `kiosks: null` compares the hall without kiosks.
      delete node[last];
    } else {
      node[last] = structuredClone(value);
    }
  }
  return copy;
}

/** The set entries as key lists, longest first: the most specific explains an error best. */
function setPaths(variant: Variant): { dotted: string; keys: string[] }[] {
  return Object.keys(variant.set)
    .map((dotted) => ({ dotted, keys: dotted.split('.') }))
    .sort((a, b) => b.keys.length - a.keys.length);
}

function startsWith(long: readonly PropertyKey[], short: readonly string[]): boolean {
  return short.length <= long.length && short.every((k, i) => String(long[i]) === k);
}

/**
 * Re-addresses a validation error of the variant's data to the variant: at the `set` entry it
 * lies under (or above), else at the variant with the scenario path.
 */
function relocate(error: ScenarioError, variant: Variant, origin: Origin): ScenarioError {
  const segments = error.segments;
  const elsewhere = () => error.relocated({ path: `${origin.label} (${variant.name}): ${error.path}` });
  if (!segments) return elsewhere();
  for (const { dotted, keys } of setPaths(variant)) {
    if (startsWith(segments, keys) || startsWith(keys, segments.map(String))) {
      const rest = segments.slice(keys.length);
      const suffix = rest.length === 0 ? '' : formatPath(rest);
      const joined = suffix === '' ? '' : suffix.startsWith('[') ? suffix : `.${suffix}`;
      return error.relocated({ path: `${origin.value(dotted)}${joined}` });
    }
  }
  return elsewhere();
}

/** A variant's validated scenario from the raw baseline data. Throws ScenarioError. */
export function variantScenario(raw: unknown, variant: Variant, options: VariantOptions = {}): Scenario {
  const file = options.file ?? 'scenario';
  const origin =
    options.gridPicks !== undefined
      ? gridOrigin(options.gridPicks)
      : listedOrigin(options.index !== undefined ? `variants[${options.index}]` : `variant ${JSON.stringify(variant.name)}`);
  const data = variantData(raw, variant, origin, file);
  try {
    return validateScenario(data, file);
  } catch (e) {
    if (e instanceof ScenarioError) throw relocate(e, variant, origin);
    throw e;
  }
}

/**
 * The scenario of a variant: `applyVariant(loaded, i)` for the i-th variant of a loaded file
 * (already validated when the file was loaded), or `applyVariant(raw, variant)` for raw baseline
 * data (as parsed, before validation) and a variant `{ name, set }`. Never changes its inputs.
 */
export function applyVariant(loaded: LoadedScenario, index: number): Scenario;
export function applyVariant(raw: unknown, variant: Variant, options?: VariantOptions): Scenario;
export function applyVariant(source: unknown, which: number | Variant, options: VariantOptions = {}): Scenario {
  if (typeof which === 'number') {
    const loaded = source as LoadedScenario;
    const scenario = loaded.variants[which];
    if (scenario === undefined) {
      throw new ScenarioError({ file: loaded.file, path: `variants[${which}]`, found: 'nothing', expected: `a variant index from 0 to ${loaded.variants.length - 1}` });
    }
    // A copy: callers may adjust what they get (e.g. a benchmark's horizon) without touching the loaded file.
    return structuredClone(scenario);
  }
  return variantScenario(source, which, options);
}
