/**
 * Builds the blocks of the human-readable report from a Result: a run (one variant) or a
 * comparison (baseline and variants). Renderers only lay these out.
 */
import type { Result } from '../runner/result.js';
import { headerBlocks, warningBlocks } from './common.js';
import { compareBlocks } from './compare.js';
import type { Block } from './document.js';
import { runBlocks } from './run.js';

/** @param variantsPerPanel for a comparison, how many variants share a table with the baseline. */
export function buildReport(result: Result, variantsPerPanel = Infinity): Block[] {
  if (result.variants.length === 0) {
    return [...headerBlocks(result, ['No variants were simulated.']), ...warningBlocks(result)];
  }
  const body = result.variants.length === 1 ? runBlocks(result, result.variants[0]) : compareBlocks(result, variantsPerPanel);
  return [...headerBlocks(result), ...body, ...warningBlocks(result)];
}
