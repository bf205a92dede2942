/**
 * Shared bits of the validation suites: the theory-inside-the-CI assertion with a message that
 * says by how much it missed, and per-replication ratios summarised like any other figure.
 */
import { expect } from 'vitest';
import type { ReplicationMetrics, Summary } from '../../src/runner/result.js';
import { summarizeFigure } from '../../src/runner/summarize.js';
import { inside } from '../helpers/replicate.js';

/** The analytic value must lie in the simulated 95% CI (the interval is never widened by hand). */
export function expectInside(label: string, summary: Summary, theory: number): void {
  // VALIDATION_REPORT=1 prints every comparison, for the record of what the suite showed.
  if (process.env.VALIDATION_REPORT) {
    console.log(`${label}: theory ${theory.toPrecision(6)}, CI [${summary.ci95![0].toPrecision(6)}, ${summary.ci95![1].toPrecision(6)}]`);
  }
  expect(
    inside(summary, theory),
    `${label}: theory ${theory} outside simulated CI [${summary.ci95![0]}, ${summary.ci95![1]}] (mean ${summary.mean})`,
  ).toBe(true);
}

/** Summary over replications of a figure computed from each replication's metrics. */
export function perReplication(runs: ReplicationMetrics[], figure: (run: ReplicationMetrics) => number): Summary {
  return summarizeFigure(runs.map(figure));
}
