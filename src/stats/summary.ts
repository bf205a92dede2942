import { Tally } from './tally.js';
import { studentTQuantile } from './student-t-quantile.js';

export { studentTQuantile } from './student-t-quantile.js';

/**
 * A figure over replications: its mean, sample standard deviation and 95% confidence interval.
 * With fewer than two replications there is no spread: `sd` and `ci95` are null (not 0 and a
 * point), and no difference built from them is significant.
 */
export interface Summary {
  mean: number;
  sd: number | null;
  ci95: [number, number] | null;
}

/**
 * Mean, sample standard deviation and Student-t 95% confidence interval of one figure over
 * replications — the `S` of every metric in the result.
 *
 * ci95 = mean ± t(0.975, n − 1) · sd / √n. Replications are independent and each one's figure is an
 * average over many customers, so the t interval is the honest one for the few (10, 30) replications
 * planners run; at n = 5 a normal 1.96 in place of t(0.975, 4) = 2.78 would be 30% too narrow.
 *
 * - n < 2: sd and ci95 null. One value says nothing about spread; a made-up sd 0 and a
 *   point interval would make every difference look significant (SCENARIO.md, December 2026).
 *   With n = 0 the mean is NaN too.
 * - All values equal: sd exactly 0 and a zero-width interval (Welford keeps equal values exact).
 *
 * @example
 * summarize([1, 2, 3, 4, 5]);
 * // { mean: 3, sd: 1.5811…, ci95: [1.03676…, 4.96324…] }   (t(0.975, 4) = 2.77645)
 */
export function summarize(values: ArrayLike<number>): Summary {
  const tally = new Tally();
  for (let i = 0; i < values.length; i++) tally.add(values[i]);
  return summaryOf(tally);
}

/** The same summary from observations already tallied. */
export function summaryOf(tally: Tally): Summary {
  const n = tally.count;
  if (n === 0) return { mean: Number.NaN, sd: null, ci95: null };
  const mean = tally.mean;
  if (n === 1) return { mean, sd: null, ci95: null };
  const sd = tally.sd;
  if (sd === 0) return { mean, sd: 0, ci95: [mean, mean] };
  const half = (t975(n - 1) * sd) / Math.sqrt(n);
  return { mean, sd, ci95: [mean - half, mean + half] };
}

/**
 * t(0.975, df), remembered: a study summarises hundreds of figures over the same number of
 * replications, and each quantile is an iterative inversion.
 */
const t975Known: number[] = [];
function t975(df: number): number {
  return (t975Known[df] ??= studentTQuantile(0.975, df));
}

/**
 * Half the width of a summary's 95% interval, the "± x" a planner reads next to a mean; NaN when
 * there is no interval (fewer than two replications).
 *
 * @example
 * halfWidth({ mean: 3, sd: 1, ci95: [2.5, 3.5] }); // 0.5
 */
export function halfWidth(summary: Summary): number {
  return summary.ci95 ? (summary.ci95[1] - summary.ci95[0]) / 2 : Number.NaN;
}
