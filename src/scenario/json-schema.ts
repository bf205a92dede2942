/**
 * The JSON Schema of the scenario file, generated from the zod schema so the two never disagree.
 * `frontdesk schema` prints it; editors use it for completion and inline errors (VS Code with a
 * "$schema" key in a JSON file, or a `# yaml-language-server: $schema=...` comment in YAML).
 * Checks between values (names that must exist, ascending times) are not expressible here;
 * `frontdesk validate` does those.
 */
import { z } from 'zod';
import { scenarioSchema } from './schema.js';

/**
 * What the result of a run reports, in one paragraph, so that whoever reads the schema of the file
 * also reads how its figures are to be taken (README, "The result"; SCENARIO.md, December 2026).
 */
const RESULT_RULES =
  'The result (`frontdesk run|compare --format json`) reports per variant: waits, serviceLevel (served within ' +
  'waitTarget over arrived), abandonShare (abandoned and balked over arrived), utilization per group and kiosks ' +
  '(share of staffed time serving: a broken counter is not busy, even holding a suspended customer), availability ' +
  'per group and kiosks (share of staffed time not broken), interrupted (services suspended by a breakdown), ' +
  'lastDeparture (when the last customer left, minutes from open), overtime (minutes past the horizon, 0 when none), ' +
  'staffHours per counter group (counter-hours on duty from the opening to the group\'s last counter closing; with ' +
  'drain the counters serving the last customers after the horizon count) and cost (staffHours times the group\'s ' +
  'cost per counter-hour, over the groups that have one; null when none has). ' +
  'Each figure is {mean, sd, ci95} over replications; with fewer than 2 replications sd and ci95 are null and ' +
  'nothing is significant; intervals are clipped to the figure\'s range; a figure that does not exist is null. ' +
  'byPeriod cuts the day into periods from `open`; when the horizon is longer than a day (1440 minutes) it is ' +
  'folded by time of day: period i covers [i*period, (i+1)*period) of every day (the last cut at 1440), its ' +
  'customers are every day\'s arrivals then and its lines and utilisation every day\'s clock time then; counts are ' +
  'totals over the days, each period says how many days it covers (days), and the variant carries ' +
  'byPeriodFolded {dayMinutes: 1440, days: (horizon - warmup) / 1440}. A horizon of at most a day is not folded. ' +
  'In a comparison every alternative runs with the same seed, replications and period and is judged at the ' +
  'baseline\'s waitTarget.';

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
      'written "HH:MM", measured from `open`. Names of types and counter groups are identifiers without dots. ' +
      RESULT_RULES,
    ...rest,
  };
}
