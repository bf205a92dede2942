/**
 * Running count, mean, variance, minimum and maximum of observations (waits, times in system),
 * kept in five numbers whatever the number of customers.
 *
 * Why Welford's update rather than sums of x and x²: a day of waits near 8 minutes with a spread
 * of seconds would lose most of its digits in `Σx² − (Σx)²/n`; Welford keeps them, and a run of
 * equal values keeps a variance of exactly 0.
 *
 * With no observations every statistic is NaN; with one, the variance is 0.
 *
 * @example
 * const waits = new Tally();
 * waits.add(2); waits.add(4); waits.add(9);
 * waits.mean;     // 5
 * waits.variance; // 13 (sample variance, n − 1)
 * waits.max;      // 9
 */
export class Tally {
  private n = 0;
  private m = 0;
  /** Sum of squared deviations from the running mean. */
  private m2 = 0;
  private lo = Number.NaN;
  private hi = Number.NaN;

  /** Record one observation. */
  add(x: number): void {
    const n = ++this.n;
    if (n === 1) {
      this.m = x;
      this.m2 = 0;
      this.lo = x;
      this.hi = x;
      return;
    }
    const delta = x - this.m;
    this.m += delta / n;
    this.m2 += delta * (x - this.m);
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
  }

  /**
   * Fold another tally into this one (Chan, Golub and LeVeque's pairwise update), so that per-type
   * or per-worker tallies can be combined without revisiting the observations.
   */
  merge(other: Tally): void {
    if (other.n === 0) return;
    if (this.n === 0) {
      this.n = other.n;
      this.m = other.m;
      this.m2 = other.m2;
      this.lo = other.lo;
      this.hi = other.hi;
      return;
    }
    const n = this.n + other.n;
    const delta = other.m - this.m;
    this.m += (delta * other.n) / n;
    this.m2 += other.m2 + (delta * delta * this.n * other.n) / n;
    this.n = n;
    if (other.lo < this.lo) this.lo = other.lo;
    if (other.hi > this.hi) this.hi = other.hi;
  }

  /** Forget every observation (used at the end of warm-up). */
  reset(): void {
    this.n = 0;
    this.m = 0;
    this.m2 = 0;
    this.lo = Number.NaN;
    this.hi = Number.NaN;
  }

  get count(): number {
    return this.n;
  }

  get mean(): number {
    return this.n === 0 ? Number.NaN : this.m;
  }

  /** Sum of the observations. */
  get sum(): number {
    return this.n === 0 ? 0 : this.m * this.n;
  }

  /** Sample variance (divisor n − 1). */
  get variance(): number {
    if (this.n === 0) return Number.NaN;
    if (this.n === 1) return 0;
    // Rounding can leave m2 a hair below zero when all values are nearly equal.
    return this.m2 > 0 ? this.m2 / (this.n - 1) : 0;
  }

  /** Sample standard deviation. */
  get sd(): number {
    return Math.sqrt(this.variance);
  }

  get min(): number {
    return this.lo;
  }

  get max(): number {
    return this.hi;
  }
}
