/**
 * A scenario file as loaded: what load.ts produces and variants.ts reads. Its own file so that
 * the two do not import each other.
 */
import type { Scenario } from './schema.js';

export interface LoadedScenario {
  /** The file as the caller named it; messages use it. */
  file: string;
  /** Absolute folder of the file: trace paths are relative to it. */
  baseDir: string;
  /** The parsed data before validation: variants apply their changes to it. */
  raw: unknown;
  /** The baseline, validated, defaults filled in. */
  scenario: Scenario;
  /** Each variant's full scenario, validated, in file order (what applyVariant returns). */
  variants: Scenario[];
  /** Absolute paths of the files this scenario reads (itself and any trace): outputs must not overwrite them. */
  inputs: string[];
}
