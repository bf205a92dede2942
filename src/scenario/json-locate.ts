/**
 * Finds where a JSON text stops being JSON. `JSON.parse` says what is wrong but not always where
 * (Node 20 often gives no position), and planners need a line and column. This scanner walks the
 * text once, without recursion (deep files must not overflow the stack), and reports the offset of
 * the first character that cannot continue a valid document and what could have come there.
 */

export interface JsonSyntaxProblem {
  offset: number;
  expected: string;
}

type State = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'after-value';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

function matchAt(pattern: RegExp, text: string, offset: number): number {
  pattern.lastIndex = offset;
  return pattern.test(text) ? pattern.lastIndex : -1;
}

/** Scans a string starting at its opening quote; returns the offset after it, or a problem. */
function scanString(text: string, start: number): number | JsonSyntaxProblem {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c < 32) return { offset: i, expected: 'no line breaks or control characters inside a string (write \\n)' };
    if (c === 92) {
      const next = text[i + 1];
      if (next === 'u') {
        if (matchAt(HEX4, text, i + 2) < 0) return { offset: i, expected: 'a \\u escape with 4 hex digits' };
        i += 6;
        continue;
      }
      if (next === undefined || !'"\\/bfnrt'.includes(next)) return { offset: i, expected: 'a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)' };
      i += 2;
      continue;
    }
    i++;
  }
  return { offset: text.length, expected: 'a closing " for the string' };
}

/** The first syntax problem of a JSON text, or null when it is valid JSON. */
export function locateJsonError(text: string): JsonSyntaxProblem | null {
  const stack: string[] = [];
  let state: State = 'value';
  let i = 0;
  const n = text.length;
  for (;;) {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    const top = stack[stack.length - 1];
    if (i >= n) {
      if (state === 'after-value' && stack.length === 0) return null;
      return { offset: n, expected: expectedIn(state, top) };
    }
    const c = text[i];
    switch (state) {
      case 'value':
      case 'value-or-close': {
        if (c === ']' && state === 'value-or-close') {
          stack.pop();
          i++;
          state = 'after-value';
        } else if (c === '{') {
          stack.push('{');
          i++;
          state = 'key-or-close';
        } else if (c === '[') {
          stack.push('[');
          i++;
          state = 'value-or-close';
        } else if (c === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return end;
          i = end;
          state = 'after-value';
        } else {
          const end = Math.max(matchAt(NUMBER, text, i), matchAt(LITERAL, text, i));
          if (end < 0) return { offset: i, expected: expectedIn(state, top) };
          i = end;
          state = 'after-value';
        }
        break;
      }
      case 'key':
      case 'key-or-close': {
        if (c === '}' && state === 'key-or-close') {
          stack.pop();
          i++;
          state = 'after-value';
        } else if (c === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return end;
          i = end;
          state = 'colon';
        } else return { offset: i, expected: expectedIn(state, top) };
        break;
      }
      case 'colon':
        if (c !== ':') return { offset: i, expected: expectedIn(state, top) };
        i++;
        state = 'value';
        break;
      case 'after-value':
        if (top === '[' && (c === ',' || c === ']')) {
          if (c === ']') stack.pop();
          state = c === ',' ? 'value' : 'after-value';
          i++;
        } else if (top === '{' && (c === ',' || c === '}')) {
          if (c === '}') stack.pop();
          state = c === ',' ? 'key' : 'after-value';
          i++;
        } else return { offset: i, expected: expectedIn(state, top) };
        break;
    }
  }
}

function expectedIn(state: State, top: string | undefined): string {
  switch (state) {
    case 'value':
      return 'a value (a string in double quotes, a number, an object, a list, true, false or null)';
    case 'value-or-close':
      return 'a value or "]"';
    case 'key':
      return 'a key in double quotes';
    case 'key-or-close':
      return 'a key in double quotes or "}"';
    case 'colon':
      return '":" after the key';
    case 'after-value':
      if (top === '[') return '"," or "]"';
      if (top === '{') return '"," or "}"';
      return 'the end of the file';
  }
}

/**
 * The first key that appears twice in one object of a valid JSON text, with its offset, or null.
 * JSON.parse keeps the last value silently; YAML files refuse duplicates, so JSON files must too.
 * One pass, no recursion: a stack of the keys seen in each open object.
 */
export function duplicateJsonKey(text: string): { offset: number; key: string } | null {
  const stack: (Set<string> | null)[] = [];
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const end = scanString(text, i);
      if (typeof end !== 'number') return null;
      const keys = stack[stack.length - 1];
      let j = end;
      while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\n' || text[j] === '\r')) j++;
      // In a valid document, a string followed by ":" inside an object is a key.
      if (keys && text[j] === ':') {
        const key = JSON.parse(text.slice(i, end)) as string;
        if (keys.has(key)) return { offset: i, key };
        keys.add(key);
      }
      i = end;
      continue;
    }
    if (c === 123) stack.push(new Set());
    else if (c === 91) stack.push(null);
    else if (c === 125 || c === 93) stack.pop();
    i++;
  }
  return null;
}
