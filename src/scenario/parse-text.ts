/**
 * Text to plain data, YAML or JSON, with every failure turned into a ScenarioError that names a
 * line and column. Hostile or broken files (huge, deeply nested, alias bombs, binary junk) must
 * end in such an error, quickly, and never in a hang, a crash or another kind of exception.
 */
import { Composer, Parser, isScalar, visit, type Document, type Node } from 'yaml';
import { ScenarioError, clip } from './errors.js';
import { duplicateJsonKey, locateJsonError } from './json-locate.js';
import { MAX_ALIAS_COUNT, MAX_DEPTH, MAX_FILE_CHARS } from './limits.js';
import { cstNesting, deeperThan, roughNesting } from './nesting.js';

export type TextFormat = 'yaml' | 'json' | 'auto';

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** `line 3, column 5` */
export function where(text: string, offset: number): string {
  const { line, column } = lineColumn(text, offset);
  return `line ${line}, column ${column}`;
}

/** What the text holds at an offset, for `found ...`: the rest of that line, quoted. */
function foundAt(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the file';
  const lineEnd = text.indexOf('\n', offset);
  const rest = text.slice(offset, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, '').trimEnd();
  return rest === '' ? 'the end of the line' : JSON.stringify(clip(rest));
}

function syntaxError(file: string, text: string, offset: number, expected: string): ScenarioError {
  return new ScenarioError({ file, path: where(text, offset), found: foundAt(text, offset), expected });
}

function tooDeep(file: string, text: string, offset: number): ScenarioError {
  return new ScenarioError({
    file,
    path: where(text, offset),
    found: `nesting deeper than ${MAX_DEPTH} levels`,
    expected: `a scenario nested at most ${MAX_DEPTH} levels deep`,
  });
}

/** yaml's reason for a syntax error, as a short lower-case clause. */
function reason(message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
  return first.charAt(0).toLowerCase() + first.slice(1);
}

/** Duplicate keys make a value silently disappear: refuse them (linear, unlike yaml's own check). */
function findDuplicateKey(doc: Document): Node | null {
  let duplicate: Node | null = null;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key) && isScalar(pair.key)) {
          duplicate = pair.key;
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return duplicate;
}

const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: false, merge: true, strict: true } as const;

function parseYaml(text: string, file: string): unknown {
  const rough = roughNesting(text, 1000);
  if (rough) throw tooDeep(file, text, rough.offset);
  // One pass of the (non-recursive) CST parser serves both the depth check and the composer.
  const tokens = Array.from(new Parser().parse(text));
  const deep = cstNesting(tokens, MAX_DEPTH);
  if (deep) throw tooDeep(file, text, deep.offset);

  // uniqueKeys is checked below in linear time: yaml's own check is quadratic in keys per mapping.
  const docs = Array.from(new Composer(YAML_OPTIONS).compose(tokens, true, text.length));
  const error = docs.flatMap((d) => d.errors).sort((a, b) => a.pos[0] - b.pos[0])[0];
  if (error) throw syntaxError(file, text, error.pos[0], `valid YAML (${reason(error.message)})`);
  if (docs.length > 1) {
    throw syntaxError(file, text, docs[1].range[0], 'valid YAML (one document: a scenario file holds a single document, no second "---")');
  }
  const doc = docs[0];

  const duplicate = findDuplicateKey(doc);
  if (duplicate) {
    const offset = duplicate.range?.[0] ?? 0;
    throw syntaxError(file, text, offset, 'each key once in a mapping (this key appears again)');
  }

  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      throw new ScenarioError({
        file,
        path: '(aliases)',
        found: `aliases (*name) that expand to more than ${MAX_ALIAS_COUNT} copies`,
        expected: `at most ${MAX_ALIAS_COUNT} alias expansions in the whole file`,
      });
    }
    throw new ScenarioError({ file, path: '(file)', found: `YAML that cannot be read (${clip(String((e as Error)?.message ?? e), 80)})`, expected: 'valid YAML' });
  }
}

/** Which syntax to read: `.json` files are JSON, other files YAML unless the text is plainly a JSON object. */
export function formatOf(file: string, text: string, format: TextFormat = 'auto'): 'yaml' | 'json' {
  if (format !== 'auto') return format;
  if (/\.json$/i.test(file)) return 'json';
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  return text.trimStart().startsWith('{') && locateJsonError(text) === null ? 'json' : 'yaml';
}

/**
 * Parses a scenario text (YAML or JSON) into plain data. Throws only ScenarioError.
 * `file` is used in messages and to pick the syntax by extension.
 */
export function parseText(rawText: string, file: string, format: TextFormat = 'auto'): unknown {
  if (rawText.length > MAX_FILE_CHARS) {
    throw new ScenarioError({
      file,
      path: '(file)',
      found: `${rawText.length.toLocaleString('en-US')} characters`,
      expected: `at most ${MAX_FILE_CHARS.toLocaleString('en-US')} characters (a scenario is a few kilobytes; put recorded arrivals in a trace CSV)`,
    });
  }
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  let data: unknown;
  try {
    data = formatOf(file, text, format) === 'json' ? parseJsonOrThrow(text, file) : parseYaml(text, file);
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    // Parsers are not supposed to throw anything else; if one does, it is still a bad file, not a crash.
    throw new ScenarioError({ file, path: '(file)', found: `text that cannot be parsed (${clip(String((e as Error)?.message ?? e), 80)})`, expected: 'valid YAML or JSON' });
  }
  if (deeperThan(data, MAX_DEPTH)) throw tooDeep(file, text, 0);
  return data;
}

function parseJsonOrThrow(text: string, file: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const problem = locateJsonError(text);
    throw syntaxError(file, text, problem?.offset ?? 0, problem ? `valid JSON: ${problem.expected}` : 'valid JSON');
  }
  const duplicate = duplicateJsonKey(text);
  if (duplicate) throw syntaxError(file, text, duplicate.offset, 'each key once in an object (this key appears again)');
  return data;
}
