/** Small hand-built Results for the renderer tests: a run and a compare of a bank branch. */
import type { Comparison, MetricSummaries, Result, Summary, VariantResult } from '../../src/runner/result.js';

/** A summary with a symmetric 95% CI of half-width `half`. */
export function S(mean: number, half: number, sd = half * 2.7): Summary {
  return { mean, sd, ci95: [mean - half, mean + half] };
}

function customerMetrics(scale: number, wait: number): MetricSummaries {
  return {
    arrived: S(240 * scale, 4.1),
    served: S(236 * scale, 4.0),
    abandoned: S(3.4 * scale, 0.6),
    balked: S(0, 0),
    waitMean: S(wait, 0.5),
    waitP50: S(wait * 0.8, 0.4),
    waitP90: S(wait * 2.1, 1.1),
    waitP95: S(wait * 2.6, 1.4),
    waitP99: S(wait * 3.4, 2.2),
    waitMax: S(wait * 4.2, 3.1),
    serviceLevel: S(0.834, 0.021),
    timeInSystemMean: S(wait + 9.3, 0.6),
    throughputPerHour: S(29.5 * scale, 0.5),
    kioskShare: S(0.12, 0.01),
  };
}

function baseline(): VariantResult {
  return {
    name: 'baseline',
    replications: 30,
    metrics: {
      ...customerMetrics(2, 12.5),
      queueLengthMean: S(2.3, 0.2),
      queueLengthMax: S(11.4, 0.9),
      'utilization.general': S(0.872, 0.012),
      'utilization.kiosks': S(0.415, 0.02),
    },
    byType: {
      consult: customerMetrics(0.96, 8.2),
      transaction: { ...customerMetrics(1.04, 16.4), kioskShare: S(0, 0) },
    },
    byPeriod: [
      {
        start: 0,
        end: 60,
        clock: '09:00',
        metrics: {
          ...customerMetrics(0.25, 5.1),
          queueLengthMean: S(1.2, 0.2),
          queueLengthMax: S(6, 0.5),
          'utilization.general': S(0.75, 0.03),
          'utilization.kiosks': S(0.3, 0.04),
          'openCounters.general': S(3, 0),
        },
      },
      {
        start: 60,
        end: 120,
        clock: '10:00',
        metrics: {
          ...customerMetrics(0.25, 19.6),
          queueLengthMean: S(4.4, 0.5),
          queueLengthMax: S(14, 1.2),
          'utilization.general': S(0.968, 0.01),
          'utilization.kiosks': S(0.52, 0.05),
          'openCounters.general': S(4, 0),
        },
      },
    ],
    samples: undefined,
  };
}

export function runResult(): Result {
  return {
    scenario: 'Bank branch, today',
    seed: 2026,
    replications: 30,
    openClock: 9 * 60,
    waitTarget: 10,
    variants: [baseline()],
    warnings: [],
  };
}

function kiosks(): VariantResult {
  const b = baseline();
  return {
    ...b,
    name: 'two more kiosks',
    metrics: {
      ...b.metrics,
      waitMean: S(7.1, 0.5),
      waitP90: S(14.9, 0.9),
      serviceLevel: S(0.912, 0.015),
      abandoned: S(1.2, 0.3),
      'utilization.general': S(0.861, 0.013),
      'utilization.kiosks': S(0.3, 0.02),
      kioskShare: S(0.24, 0.01),
    },
  };
}

function comparison(metric: string, diff: Summary, pct: number | null): Comparison {
  return {
    variant: 'two more kiosks',
    metric,
    diff,
    pct,
    significant: diff.ci95![0] > 0 || diff.ci95![1] < 0,
  };
}

export function compareResult(): Result {
  return {
    ...runResult(),
    variants: [baseline(), kiosks()],
    comparisons: [
      comparison('waitMean', S(-5.4, 0.6), -43.2),
      comparison('waitP90', S(-11.35, 1.2), -43.2),
      comparison('serviceLevel', S(0.078, 0.02), 9.35),
      comparison('abandoned', S(-5.6, 0.7), -82.4),
      comparison('balked', S(0, 0), null),
      comparison('utilization.general', S(-0.011, 0.015), -1.26),
      comparison('utilization.kiosks', S(-0.115, 0.03), -27.7),
      comparison('throughputPerHour', S(0, 0.4), 0),
      comparison('kioskShare', S(0.12, 0.012), 100),
    ],
    typeComparisons: [
      { ...comparison('waitMean', S(-1.2, 0.4), -14.6), type: 'consult' },
      { ...comparison('waitMean', S(0.3, 0.5), 1.8), type: 'transaction' },
    ],
    warnings: ['replication 7: 3 customers still inside at the end of the drain'],
  };
}
