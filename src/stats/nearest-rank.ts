/**
 * The 1-based rank of the q-quantile among n sorted observations by the nearest-rank definition:
 * `ceil(q · n)`, so the 0.9-quantile of 10 waits is the 9th smallest and the 1-quantile the largest.
 *
 * Why nearest rank rather than interpolation: it always names a wait some customer actually had,
 * which is what a planner means by "90% of customers waited at most …", and a histogram can
 * answer it without keeping the waits.
 *
 * Why the tolerance: `0.07 * 100` is `7.000000000000001` in floating point, and a bare `ceil`
 * would then pick the 8th value instead of the 7th.
 *
 * @example
 * nearestRank(0.9, 10);  // 9
 * nearestRank(0.07, 100); // 7
 * nearestRank(1, 5);     // 5
 */
export function nearestRank(q: number, n: number): number {
  if (!(q > 0 && q <= 1)) throw new RangeError(`quantile level must be in (0, 1], got ${q}`);
  const exact = q * n;
  const rank = Math.ceil(exact - 1e-9 * Math.max(1, exact));
  return rank < 1 ? 1 : rank > n ? n : rank;
}
