/**
 * What each part of the schema expects, in the planner's words. Every zod issue's `message` is made
 * the `expected ...` half of a ScenarioError: a field registered here says it in its own words
 * ("a positive number of minutes"); anything else gets a phrase built from the issue itself. Kept
 * in a private registry (not `.meta()`) so these phrases do not leak into the JSON Schema.
 */
import { z } from 'zod';
import { MAX_MINUTES } from './limits.js';
import { oneOf } from './errors.js';

interface Expectation {
  expected: string;
}

const expectations = z.registry<Expectation>();

/** Registers the phrase for every issue the schema itself raises (not its children). */
export function expecting<T extends z.ZodType>(schema: T, expected: string): T {
  expectations.add(schema, { expected });
  return schema;
}

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  object: 'an object (key: value pairs)',
  array: 'a list',
  record: 'an object (key: value pairs)',
  null: 'null',
};

function bound(value: number | bigint): string {
  const n = Number(value);
  return n === MAX_MINUTES ? `${n} (10 years of minutes)` : String(n);
}

/** Prefix of the message of an unknown-key issue, followed by the keys the object accepts. */
export const KNOWN_KEYS = 'only the keys ';

/** The schema's object keys, when the issue comes from an object schema. */
export function objectKeys(schema: unknown): string[] {
  const def = (schema as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def;
  return def?.shape ? Object.keys(def.shape) : [];
}

/** A phrase built from the issue alone, for fields without a registered phrase. */
function genericExpected(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const received = (issue as { received?: string }).received;
      if (issue.expected === 'number' && (received === 'NaN' || received === 'Infinity')) return 'a finite number';
      return TYPE_WORDS[issue.expected] ?? issue.expected;
    }
    case 'too_small': {
      const min = issue.minimum;
      if (issue.origin === 'array') return min === 1 ? 'a non-empty list' : `a list of at least ${min}`;
      if (issue.origin === 'string') return min === 1 ? 'non-empty text' : `text of at least ${min} characters`;
      return `a number ${issue.inclusive ? '>=' : '>'} ${bound(min)}`;
    }
    case 'too_big': {
      const max = issue.maximum;
      if (issue.origin === 'array') return `a list of at most ${max}`;
      if (issue.origin === 'string') return `text of at most ${max} characters`;
      return issue.inclusive ? `at most ${bound(max)}` : `less than ${bound(max)}`;
    }
    case 'invalid_value':
      return oneOf((issue.values as readonly unknown[]).map((v) => String(v)), issue.input);
    case 'unrecognized_keys':
      // issues.ts reads the list back to suggest the key that was meant.
      return `${KNOWN_KEYS}${objectKeys(issue.inst).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'regex' ? `text matching ${issue.pattern ?? 'the pattern'}` : `a valid ${issue.format}`;
    case 'invalid_union':
      if (issue.discriminator !== undefined) return oneOf(((issue.options ?? []) as readonly unknown[]).map(String));
      return 'one of the accepted forms';
    default:
      return 'a valid value';
  }
}

/**
 * Per-parse error map: the registered phrase when there is one, except that a number that is too
 * large always says the limit (the registered phrase usually describes the normal range).
 */
export function expectedPhrase(issue: z.core.$ZodRawIssue): string {
  const own = issue.schema ? expectations.get(issue.schema)?.expected : undefined;
  if (own === undefined) return genericExpected(issue);
  if (issue.code === 'too_big' && issue.origin !== 'array' && issue.origin !== 'string') return genericExpected(issue);
  if (issue.code === 'unrecognized_keys') return genericExpected(issue);
  if (issue.code === 'invalid_type' && issue.expected === 'number') {
    const received = (issue as { received?: string }).received;
    if (received === 'NaN' || received === 'Infinity') return `${own} (a finite number)`;
  }
  return own;
}
