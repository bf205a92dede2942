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
  const run = result.variants.length === 1 ? result.variants[0] : undefined;
  const body = run ? runBlocks(result, run) : compareBlocks(result, variantsPerPanel);
  // `run --variant NAME` reports a variant on its own: the header says which.
  const extra = run && run.name !== 'baseline' ? [`Variant: ${run.name}`] : [];
  return [...headerBlocks(result, extra), ...body, ...warningBlocks(result)];
}
