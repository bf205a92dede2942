/**
 * Offsets of booked customers from their slot time, in minutes: negative is early, positive late.
 *
 * Distribution draws durations (never negative), so an offset that may be negative is drawn from
 * the same law moved right by its lowest value and moved back after the draw; a normal offset is
 * the plain, untruncated normal (punctuality is symmetric around the mean; truncating it would
 * bias arrivals late). Drawn once per booking when a day is planned: not a hot path.
 */
import { Distribution, type DistributionSpec } from './distributions.js';
import { normalQuantile } from './normal-quantile.js';
import type { Rng } from './random.js';

/** Below the streams' 2^-32 resolution: keeps the normal quantile finite at u = 0. */
const TINY = 2 ** -33;

export class ArrivalOffset {
  private constructor(
    private readonly law: Distribution | null,
    private readonly shift: number,
    private readonly normal: { mean: number; sd: number } | null,
  ) {}

  static from(spec: DistributionSpec): ArrivalOffset {
    if (spec.dist === 'normal') return new ArrivalOffset(null, 0, { mean: spec.mean, sd: spec.sd });
    const lowest = lowestValue(spec);
    if (lowest >= 0) return new ArrivalOffset(Distribution.from(spec), 0, null);
    return new ArrivalOffset(Distribution.from(shifted(spec, -lowest)), -lowest, null);
  }

  /** Mean offset in minutes. */
  get mean(): number {
    return this.normal ? this.normal.mean : this.law!.mean - this.shift;
  }

  sample(rng: Rng): number {
    if (this.normal) {
      const u = rng();
      return this.normal.mean + this.normal.sd * normalQuantile(u > 0 ? u : TINY);
    }
    return this.law!.sample(rng) - this.shift;
  }
}

function lowestValue(spec: DistributionSpec): number {
  switch (spec.dist) {
    case 'uniform':
    case 'triangular':
      return spec.min;
    case 'deterministic':
      return spec.value;
    case 'empirical':
      return Math.min(...spec.values);
    default:
      return 0;
  }
}

function shifted(spec: DistributionSpec, by: number): DistributionSpec {
  switch (spec.dist) {
    case 'uniform':
      return { ...spec, min: spec.min + by, max: spec.max + by };
    case 'triangular':
      return { ...spec, min: spec.min + by, mode: spec.mode + by, max: spec.max + by };
    case 'deterministic':
      return { ...spec, value: spec.value + by };
    case 'empirical':
      return { ...spec, values: spec.values.map((v) => v + by) };
    default:
      return spec;
  }
}
