/**
 * A study's Result from its frame and its replications. Apart from running the study (study.ts),
 * so that `merge` makes the Result of the parts without loading the model: the unsharded study
 * and the merged parts call the same function, so both print the same bytes.
 */
import { pairedComparisons, pairedTypeComparisons } from './paired.js';
import type { MetricTable } from './metric-table.js';
import type { PeriodFold, PeriodInfo, Result, VariantResult } from './result.js';
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
 * The result from the frame and every alternative's replications, in replication order: the one
 * place where summaries, comparisons and warnings are made, for a study run in one process and
 * for the merged parts of a sharded one alike, so both print the same bytes.
 */
export function resultOf(frame: StudyFrame, samples: MetricTable[]): Result {
  const compare = frame.alternatives.length > 1;
  const variants: VariantResult[] = frame.alternatives.map((alt, a) => summarizeVariant(alt.name, samples[a], alt.periods, compare, alt.fold));
  const replications = samples[0].rows;
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
    result.comparisons = variants.slice(1).flatMap((v) => pairedComparisons(variants[0], v));
    result.typeComparisons = variants.slice(1).flatMap((v) => pairedTypeComparisons(variants[0], v));
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

