/**
 * Plain data (parsed from a file, or built by a variant) to a validated Scenario: the schema first,
 * then the checks between values. Both report in the same one-line form, so a caller only ever
 * handles ScenarioError.
 */
import { ScenarioError, clip, describeFound, formatPath } from './errors.js';
import { expectedPhrase } from './expectations.js';
import { gridVariants } from './grid.js';
import { errorFromIssues } from './issues.js';
import { scenarioSchema, type Scenario } from './schema.js';
import { checkSemantics } from './semantics.js';

/**
 * The path of the first `__proto__` key in the data, or null. JSON.parse and yaml keep such a key
 * as an ordinary property, but copying it into a fresh object (as zod does) would replace that
 * object's prototype; so it is refused up front with its own message.
 */
function reservedKeyPath(data: unknown): PropertyKey[] | null {
  const stack: [unknown, PropertyKey[]][] = [[data, []]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      node.forEach((item, i) => stack.push([item, [...path, i]]));
      continue;
    }
    for (const key of Object.keys(node)) {
      if (key === '__proto__') return [...path, key];
      stack.push([(node as Record<string, unknown>)[key], [...path, key]]);
    }
  }
  return null;
}

/** Validates parsed data as a scenario; throws ScenarioError naming `file` and the field. */
export function validateScenario(data: unknown, file: string): Scenario {
  const reserved = reservedKeyPath(data);
  if (reserved) {
    throw new ScenarioError({
      file,
      path: formatPath(reserved),
      found: 'the key "__proto__"',
      expected: 'another name ("__proto__" is reserved)',
      segments: reserved,
    });
  }
  let result: ReturnType<typeof scenarioSchema.safeParse>;
  try {
    result = scenarioSchema.safeParse(data, { error: expectedPhrase });
  } catch (e) {
    // zod does not throw on data, but parsed input is untrusted: never let anything else escape.
    throw new ScenarioError({
      file,
      path: '(top level)',
      found: `${describeFound(data)} that cannot be checked (${clip(String((e as Error)?.message ?? e), 80)})`,
      expected: 'a scenario object',
    });
  }
  if (!result.success) throw errorFromIssues(result.error.issues, data, file);
  checkSemantics(result.data, file);
  const scenario = result.data;
  // A grid's combinations are variants like the listed ones, after them: everything downstream reads `variants`.
  if (scenario.grid !== undefined) scenario.variants = [...scenario.variants, ...gridVariants(scenario.grid, scenario.variants, file)];
  return scenario;
}
