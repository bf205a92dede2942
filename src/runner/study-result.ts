/**
 * A study's Result from its frame and its replications. Apart from running the study (study.ts),
 * so that `merge` makes the Result of the parts without loading the model: the unsharded study
 * and the merged parts call the same function, so both print the same bytes.
 */
import { pairedComparisons, pairedTypeComparisons } from './paired.js';
import type { MetricTable } from './metric-table.js';
import type { Comparison, PeriodFold, PeriodInfo, Result, TypeComparison, VariantResult } from './result.js';
import { summarizeVariant } from './summarize.js';

/**
 * What a study's result says besides its replications: the names, each alternative's periods,
 * the opening and target, and the warnings known before any replication. Plain data: a shard
 * writes it into its part, and merging the parts needs neither the scenario nor its trace.
 */
export interface StudyFrame {
  title: string;
  seed: number;
  openClock: number;
  waitTarget: number;
  /** Each alternative's byPeriod periods; `fold` when they are folded by time of day (a horizon longer than a day). */
  alternatives: { name: string; periods: PeriodInfo[]; fold?: PeriodFold }[];
  /** Warnings known before any replication: replaced settings, overloaded halls. */
  warnings: string[];
}

/**
 * Where resultOf gets each alternative's replications: a table per alternative, or a function
 * that reads alternative `a`'s table when its turn comes (merge reads the parts' rows that way).
 */
export type AlternativeRows = MetricTable[] | ((a: number) => MetricTable);

/**
 * The result from the frame and every alternative's replications, in replication order: the one
 * place where summaries, comparisons and warnings are made, for a study run in one process and
 * for the merged parts of a sharded one alike, so both print the same bytes.
 *
 * Alternatives are taken one at a time, in order: each is summarised and paired with the baseline
 * as it comes. With `keepRows` false a variant's rows are let go once paired (and the baseline's
 * at the end), so a caller that reads them on demand holds the baseline and one variant, not the
 * whole study: merge of a grid of hundreds of variants holds the rows of two of them.
 */
export function resultOf(frame: StudyFrame, rows: AlternativeRows, keepRows = true): Result {
  const rowsOf = typeof rows === 'function' ? rows : (a: number) => rows[a];
  const compare = frame.alternatives.length > 1;
  const variants: VariantResult[] = [];
  const comparisons: Comparison[] = [];
  const typeComparisons: TypeComparison[] = [];
  frame.alternatives.forEach((alt, a) => {
    const variant = summarizeVariant(alt.name, rowsOf(a), alt.periods, compare, alt.fold);
    variants.push(variant);
    if (a === 0) return;
    comparisons.push(...pairedComparisons(variants[0], variant));
    typeComparisons.push(...pairedTypeComparisons(variants[0], variant));
    if (!keepRows) delete variant.samples;
  });
  if (!keepRows) delete variants[0].samples;
  const replications = variants[0].replications;
  const result: Result = {
    scenario: frame.title,
    seed: frame.seed,
    replications,
    openClock: frame.openClock,
    waitTarget: frame.waitTarget,
    variants,
    warnings: [...spreadWarnings(replications), ...frame.warnings],
  };
  if (compare) {
    result.comparisons = comparisons;
    result.typeComparisons = typeComparisons;
  }
  return result;
}

/** One line, first, when the replications cannot say how far to trust a figure. */
function spreadWarnings(replications: number): string[] {
  if (replications >= 2) return [];
  return [
    `${replications} replication${replications === 1 ? '' : 's'}: no spread can be estimated, so every interval is n/a (sd and ci95 null) ` +
      'and no change is marked significant; run 2 or more (-n)',
  ];
}

