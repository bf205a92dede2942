/**
 * The Result of a run or a comparison: what every renderer reads and nothing else produces.
 * Its JSON form is the public contract of ../shared/SCENARIO.md.
 */
import type { MetricTable } from './metric-table.js';

/**
 * A figure over replications. With fewer than two replications there is no spread: `sd` and
 * `ci95` are null (not 0 and a point), and no difference built from them is significant.
 */
export interface Summary {
  mean: number;
  sd: number | null;
  ci95: [number, number] | null;
}

/**
 * Metrics of one replication, keyed by metric name. Utilisation of a counter group is under
 * `utilization.<group>` (and `utilization.kiosks`); the JSON renderer nests those keys.
 * Keys appear in a fixed order, so iteration order is deterministic.
 */
export type MetricValues = Record<string, number>;
export type MetricSummaries = Record<string, Summary>;

/** Everything one replication measured. */
export interface ReplicationMetrics {
  metrics: MetricValues;
  byType: Record<string, MetricValues>;
  byPeriod: MetricValues[];
  /** Counts for the benchmark and sanity checks, not reported. */
  events: number;
  customers: number;
}

export interface PeriodInfo {
  /** Minutes from opening. */
  start: number;
  end: number;
  /** Clock time of `start`, "HH:MM". */
  clock: string;
}

export interface PeriodResult extends PeriodInfo {
  metrics: MetricSummaries;
}

export interface VariantResult {
  name: string;
  replications: number;
  metrics: MetricSummaries;
  byType: Record<string, MetricSummaries>;
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

export interface Result {
  scenario: string;
  seed: number;
  replications: number;
  /** Minutes after midnight of opening, for clock times in reports. */
  openClock: number;
  waitTarget: number;
  variants: VariantResult[];
  comparisons?: Comparison[];
  /**
   * With --precision: the half-width asked for (share of the mean wait), whether every variant
   * reached it, and the cap on replications.
   */
  precision?: { target: number; reached: boolean; maxReplications: number };
  warnings: string[];
}

/** The customer metrics, in report order. */
export const CUSTOMER_METRICS = [
  'arrived',
  'served',
  'abandoned',
  'balked',
  'waitMean',
  'waitP50',
  'waitP90',
  'waitP95',
  'waitP99',
  'waitMax',
  'serviceLevel',
  'timeInSystemMean',
  'throughputPerHour',
  'kioskShare',
] as const;

/** Metrics of the whole hall that are not per customer. */
export const HALL_METRICS = ['queueLengthMean', 'queueLengthMax'] as const;

export const UTILIZATION_PREFIX = 'utilization.';
