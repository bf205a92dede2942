/** Shared bits of the scenario tests: fixture paths, a minimal valid scenario, error capture. */
import { fileURLToPath } from 'node:url';
import { ScenarioError } from '../../src/scenario/errors.js';

export const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/scenario/${name}`, import.meta.url));

/** The smallest useful scenario, as YAML: tests change one thing in it. */
export const MINIMAL = [
  'name: x',
  'horizon: 480',
  'arrivals: { perHour: 60 }',
  'types:',
  '  consult: { service: { dist: exponential, mean: 5 } }',
  'counters:',
  '  general: { staff: 2, serves: [consult] }',
  '',
].join('\n');

/** Runs `fn`, expecting a ScenarioError; returns it (fails the test on success or on another error). */
export function scenarioError(fn: () => unknown): ScenarioError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw new Error(`expected a ScenarioError, got ${String(e)}`);
  }
  throw new Error('expected a ScenarioError, but nothing was thrown');
}
