/**
 * Reading a scenario file: the file to text, the text to data (parse-text.ts), the data to a
 * validated Scenario (validate.ts), and each variant checked the same way, so that a file which
 * loads is a file whose every alternative can run. Only ScenarioError ever escapes.
 */
import { dirname, resolve } from 'node:path';
import { ScenarioError } from './errors.js';
import { gridPicks, gridSize } from './grid.js';
import { MAX_FILE_CHARS } from './limits.js';
import { parseText, type TextFormat } from './parse-text.js';
import { readInputFile } from './read-input.js';
import { fileProblem } from './trace.js';
import { validateScenario } from './validate.js';
import { variantScenario } from './variants.js';
import type { LoadedScenario } from './loaded.js';

export type { LoadedScenario } from './loaded.js';

export interface ParseOptions {
  /** Folder trace paths are relative to; default: the folder of `file`. */
  baseDir?: string;
  /** Syntax; default: by the extension of `file`, else by the content. */
  format?: TextFormat;
}

/** Parses and validates scenario text as if read from `file`. Throws only ScenarioError. */
export function parseScenarioText(text: string, file: string, options: ParseOptions = {}): LoadedScenario {
  const raw = parseText(text, file, options.format);
  const scenario = validateScenario(raw, file);
  // The grid's combinations come after the listed variants (validate.ts); messages point at the grid.
  const listed = scenario.variants.length - gridSize(scenario.grid);
  const variants = scenario.variants.map((variant, index) =>
    variantScenario(raw, variant, index < listed ? { file, index } : { file, gridPicks: gridPicks(scenario.grid!, index - listed) }),
  );
  const baseDir = options.baseDir ?? dirname(resolve(file));
  const traces = [scenario, ...variants]
    .map((s) => s.arrivals.trace)
    .filter((t): t is string => t !== undefined)
    .map((t) => resolve(baseDir, t));
  return { file, baseDir, raw, scenario, variants, inputs: [...new Set([resolve(file), ...traces])] };
}

/** Reads, parses and validates a scenario file (YAML or JSON). Throws only ScenarioError. */
export function loadScenario(file: string): LoadedScenario {
  let text: string;
  try {
    // A scenario is kilobytes (4 bytes per character at most); special files (/dev/zero, FIFOs) are refused.
    text = readInputFile(file, MAX_FILE_CHARS * 4).toString('utf8');
  } catch (e) {
    throw new ScenarioError({ file, path: '(file)', found: fileProblem(e), expected: 'a readable scenario file (YAML or JSON)' });
  }
  return parseScenarioText(text, file);
}

