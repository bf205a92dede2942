/**
 * Walk-in arrival times for a piecewise-constant Poisson rate (a constant rate is one piece).
 *
 * Why inversion and not thinning: the next arrival is found by spending one unit-exponential
 * "budget" against the cumulative rate, piece by piece. That is exact, costs one uniform per
 * arrival whatever the profile, and so keeps arrival streams aligned between variants (common
 * random numbers): thinning would burn a varying number of uniforms on rejected candidates.
 */
import type { Rng } from '../core/random.js';
import type { PoissonArrivals } from './model.js';

export class WalkIns {
  private piece = 0;

  constructor(
    private readonly plan: PoissonArrivals,
    private readonly rng: Rng,
  ) {}

  /** The first arrival strictly after `now`, or Infinity when the rate stays 0 from here on. */
  next(now: number): number {
    const starts = this.plan.pieceStart;
    const rates = this.plan.ratePerMinute;
    const last = starts.length - 1;
    let budget = -Math.log(1 - this.rng());
    // A constant rate (one piece) is the common case: skip the walk along the pieces.
    if (starts.length === 1) return rates[0] > 0 ? now + budget / rates[0] : Infinity;
    let t = now;
    let p = this.piece;
    while (p < last && starts[p + 1] <= t) p++;
    for (;;) {
      const rate = rates[p];
      const end = p < last ? starts[p + 1] : Infinity;
      if (rate > 0) {
        const candidate = t + budget / rate;
        if (candidate < end) {
          this.piece = p;
          return candidate;
        }
        budget -= rate * (end - t);
      }
      if (p === last) {
        this.piece = p;
        return Infinity;
      }
      t = end;
      p++;
    }
  }
}
