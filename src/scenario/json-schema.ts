/**
 * The JSON Schema of the scenario file, generated from the zod schema so the two never disagree.
 * `frontdesk schema` prints it; editors use it for completion and inline errors (VS Code with a
 * "$schema" key in a JSON file, or a `# yaml-language-server: $schema=...` comment in YAML).
 * Checks between values (names that must exist, ascending times) are not expressible here;
 * `frontdesk validate` does those.
 */
import { z } from 'zod';
import { scenarioSchema } from './schema.js';

export function scenarioJsonSchema(): Record<string, unknown> {
  // io: 'input' describes the file as written: fields with defaults are optional.
  const generated = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema: _ignored, description, ...rest } = generated;
  void _ignored;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'frontdesk scenario',
    description:
      `${String(description ?? '')} Durations are in minutes, arrival rates per hour; a time may be ` +
      'written "HH:MM", measured from `open`. Names of types and counter groups are identifiers without dots.',
    ...rest,
  };
}
