/**
 * The Result of a run or a comparison: what every renderer reads and nothing else produces.
 * Its JSON form is the public contract of SCENARIO.md (the scenario and result contract).
 */
import type { MetricValues, ReplicationMetrics } from '../model/metric-columns.js';
import type { Summary } from '../stats/summary.js';
import type { MetricTable } from './metric-table.js';

// What a day measures is the model's, a summary is the statistics'; named here too because every
// reader of a Result needs them.
export type { MetricValues, ReplicationMetrics, Summary };

/**
 * Summaries of one scope's figures, keyed as in figures/figures.ts (`figureKeys`), in report order.
 */
export type MetricSummaries = Record<string, Summary>;

export interface PeriodInfo {
  /** Minutes from opening (folded: the offset of its time of day from opening). */
  start: number;
  end: number;
  /** Clock time of `start`, "HH:MM". */
  clock: string;
  /** Folded by time of day only: the days its figures cover (fractional where warm-up or the horizon cuts it). */
  days?: number;
}

/**
 * A horizon longer than a day has its byPeriod folded by time of day (model/periods.ts): each
 * period gathers that time of every day; counts are totals over the days, other figures are
 * over the same customers and clock time.
 */
export interface PeriodFold {
  /** Minutes in the day that is folded: 1440. */
  dayMinutes: number;
  /** Days after warm-up, (horizon − warmup) / 1440. */
  days: number;
}

export interface PeriodResult extends PeriodInfo {
  metrics: MetricSummaries;
}

export interface VariantResult {
  name: string;
  replications: number;
  metrics: MetricSummaries;
  byType: Record<string, MetricSummaries>;
  /** Present only when byPeriod is folded by time of day (a horizon longer than a day). */
  byPeriodFolded?: PeriodFold;
  byPeriod: PeriodResult[];
  /** Per-replication values kept for paired comparisons; not rendered. */
  samples?: MetricTable;
}

export interface Comparison {
  variant: string;
  metric: string;
  diff: Summary;
  /** Change of the mean against the baseline mean, in percent; null when the baseline is 0. */
  pct: number | null;
  /** True when the 95% CI of the paired difference excludes 0. */
  significant: boolean;
}

/** A paired comparison of one customer type's figure (`byType`). */
export interface TypeComparison extends Comparison {
  type: string;
}

export interface Result {
  scenario: string;
  seed: number;
  replications: number;
  /** Minutes after midnight of opening, for clock times in reports. */
  openClock: number;
  waitTarget: number;
  variants: VariantResult[];
  comparisons?: Comparison[];
  /** `compare` only: the paired difference of each customer type's figures against the baseline. */
  typeComparisons?: TypeComparison[];
  /**
   * With --precision: the half-width asked for (share of the mean wait), whether every variant
   * reached it, the cap on replications, and the alternatives that had not reached it at the cap
   * (the ones that stopped the study there), in study order.
   */
  precision?: { target: number; reached: boolean; maxReplications: number; notReached: string[] };
  warnings: string[];
}
