/**
 * The one error a planner sees when a scenario is wrong. It names the file, the place in it and
 * what was found and expected, on ONE line, because the CLI prints it to stderr without a stack
 * trace and scripts grep it: `<file>: <path>: found <found>; expected <expected>`.
 */

export interface ScenarioErrorInit {
  /** The file as the user named it (scenario or trace), or `command line` for arguments. */
  file: string;
  /** Where in the file: `types.consult.service.dist`, `line 3, column 5`, `(file)`, `(top level)`. */
  path: string;
  /** What was there, already described for people (see describeFound). */
  found: string;
  /** What would have been accepted. */
  expected: string;
  /** How many further problems were found but not shown. */
  more?: number;
  /**
   * The place as keys from the root of the data, when the problem is in the data (not its syntax).
   * For an unknown key it ends with that key. Lets variants say which of their `set` entries caused it.
   */
  segments?: readonly PropertyKey[];
}

export class ScenarioError extends Error {
  readonly file: string;
  readonly path: string;
  readonly found: string;
  readonly expected: string;
  /** Number of further problems beyond the one in the message. */
  readonly more: number;
  /** See ScenarioErrorInit.segments. */
  readonly segments: readonly PropertyKey[] | undefined;

  constructor(init: ScenarioErrorInit) {
    const found = oneLine(init.found);
    const expected = oneLine(init.expected);
    const more = init.more ?? 0;
    const tail = more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : '';
    super(`${oneLine(init.file)}: ${oneLine(init.path)}: found ${found}; expected ${expected}${tail}`);
    this.name = 'ScenarioError';
    this.file = init.file;
    this.path = init.path;
    this.found = found;
    this.expected = expected;
    this.more = more;
    this.segments = init.segments;
  }

  /** The same problem reported at another place or file (used by variants to point at their `set`). */
  relocated(changes: Partial<ScenarioErrorInit>): ScenarioError {
    return new ScenarioError({
      file: this.file,
      path: this.path,
      found: this.found,
      expected: this.expected,
      more: this.more,
      segments: this.segments,
      ...changes,
    });
  }
}

/** Messages must stay on one line whatever a file contains. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const MAX_SHOWN = 40;

/** Cuts a string for display, marking the cut so nobody mistakes it for the whole value. */
export function clip(text: string, max = MAX_SHOWN): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Describes a value compactly for `found ...`: strings quoted (and cut when long), numbers as
 * written, objects as `an object`, lists as `a list of N`, a missing value as `nothing`.
 */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(clip(value));
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'symbol') return 'a symbol';
  return `a ${typeof value}`;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `types.consult.service.dist`, `staff[0].at`, `types."my type"`; empty path is `(top level)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = String(typeof key === 'symbol' ? key.description : key);
      const part = IDENTIFIER.test(name) ? name : JSON.stringify(clip(name));
      out += out === '' ? part : `.${part}`;
    }
  }
  return out === '' ? '(top level)' : out;
}

/** The value at `path` inside `root`, or undefined; reads own properties only. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/**
 * Edit distance counting a swap of neighbours as one edit (optimal string alignment), because
 * "cuont" for "count" is one slip of the fingers, not two. Small inputs only (names and keys).
 */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The candidate a typo most likely meant, if one is close enough to suggest. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 64) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const allowed = Math.max(1, Math.floor((best?.length ?? 0) / 3));
  return bestDistance <= allowed ? best : undefined;
}

/** `one of a, b, c` (or the single choice), with a suggestion when the found word is near one. */
export function oneOf(choices: readonly string[], found?: unknown): string {
  const list = choices.length === 1 ? choices[0] : `one of ${choices.join(', ')}`;
  const guess = typeof found === 'string' ? closest(found, choices) : undefined;
  return guess !== undefined && guess !== found ? `${list} (did you mean "${guess}"?)` : list;
}
