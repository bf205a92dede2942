/**
 * Service, patience and inter-arrival time distributions, in minutes.
 *
 * Every draw is made by inversion from ONE uniform wherever a closed or accurate quantile exists,
 * so a variant that only changes a parameter maps each customer's uniform to a correspondingly
 * changed time (exponential 15 -> 10 scales every draw by 2/3) and paired comparisons stay tight:
 *
 * - one uniform per draw, non-decreasing in it: exponential, uniform, triangular, normal
 *   (truncated at 0), lognormal, weibull, empirical (values are sorted, one uniform picks one),
 *   deterministic (draws the uniform and ignores it, so switching a type between a fixed and a
 *   random service time leaves its stream in step), and any distribution with zero spread;
 * - k uniforms: erlang k (one uniform when k = 1);
 * - a variable number: gamma (Marsaglia–Tsang rejection, two or three uniforms per attempt).
 */
import type { Rng } from './random.js';
import { normalCdf } from './normal-cdf.js';
import { normalQuantile } from './normal-quantile.js';

export type DistributionSpec =
  | { dist: 'exponential'; mean: number }
  | { dist: 'deterministic'; value: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'triangular'; min: number; mode: number; max: number }
  | { dist: 'normal'; mean: number; sd: number }
  | { dist: 'lognormal'; mean: number; cv?: number; sd?: number }
  | { dist: 'gamma'; mean: number; cv: number }
  | { dist: 'erlang'; mean: number; k: number }
  | { dist: 'weibull'; shape: number; scale: number }
  | { dist: 'empirical'; values: number[] };

/* Sampling kinds: small integers so `sample` is one dense switch. */
const EXPONENTIAL = 0;
const DETERMINISTIC = 1;
const UNIFORM = 2;
const TRIANGULAR = 3;
const NORMAL = 4;
const LOGNORMAL = 5;
const GAMMA = 6;
const ERLANG = 7;
const WEIBULL = 8;
const EMPIRICAL = 9;

/** Stands in for a uniform of exactly 0 before a normal quantile; below the 2^-32 resolution of
 * the streams, so it replaces nothing else and Phi^-1 stays finite (about -6.4). */
const SMALLEST_UNIFORM = 2 ** -33;

/** A running product of uniforms is folded into a log sum below this, so erlang k never
 * underflows (each factor is at least 2^-32, so the product stays far above the subnormals). */
const PRODUCT_FLOOR = 1e-250;

const NO_VALUES = new Float64Array(0);

/**
 * A compiled distribution. One class with numeric fields and a switch, rather than a class per
 * family, keeps the event loop's call site monomorphic: `sample` runs millions of times a second.
 * Build with `Distribution.from`; the fields p0..p4 hold precomputed constants per kind.
 */
export class Distribution {
  /** Theoretical mean of what `sample` draws (for a truncated normal, of the truncated law). */
  readonly mean: number;
  /** Theoretical variance of what `sample` draws. */
  readonly variance: number;
  private readonly kind: number;
  private readonly p0: number;
  private readonly p1: number;
  private readonly p2: number;
  private readonly p3: number;
  private readonly p4: number;
  private readonly values: Float64Array;

  private constructor(law: Law) {
    // A law with no spread is sampled as its mean: exact, and still one uniform per draw.
    const degenerate = law.variance === 0;
    const p = law.params;
    this.kind = degenerate ? DETERMINISTIC : law.kind;
    this.mean = law.mean;
    this.variance = law.variance;
    this.p0 = degenerate ? law.mean : (p[0] ?? 0);
    this.p1 = p[1] ?? 0;
    this.p2 = p[2] ?? 0;
    this.p3 = p[3] ?? 0;
    this.p4 = p[4] ?? 0;
    this.values = law.values;
  }

  /**
   * Compiles a spec, precomputing everything `sample` needs. Throws a plain Error on parameters
   * no distribution of durations can have; the scenario layer reports friendlier errors first,
   * this is the last guard before nonsense reaches the event loop.
   */
  static from(spec: DistributionSpec): Distribution {
    return new Distribution(compile(spec));
  }

  /** Draws one time in minutes. Allocates nothing; see the module comment for uniforms used. */
  sample(rng: Rng): number {
    switch (this.kind) {
      case EXPONENTIAL:
        return -this.p0 * Math.log(1 - rng());
      case DETERMINISTIC:
        rng();
        return this.p0;
      case UNIFORM:
        return this.p0 + this.p1 * rng();
      case TRIANGULAR: {
        const u = rng();
        return u < this.p2
          ? this.p0 + Math.sqrt(u * this.p3)
          : this.p1 - Math.sqrt((1 - u) * this.p4);
      }
      case NORMAL: {
        // Inversion on the kept range: u is mapped into [Phi(-mean/sd), 1).
        let p = this.p2 + rng() * this.p3;
        if (p < SMALLEST_UNIFORM) p = SMALLEST_UNIFORM;
        const x = this.p0 + this.p1 * normalQuantile(p);
        return x > 0 ? x : 0;
      }
      case LOGNORMAL: {
        let u = rng();
        if (u < SMALLEST_UNIFORM) u = SMALLEST_UNIFORM;
        return Math.exp(this.p0 + this.p1 * normalQuantile(u));
      }
      case GAMMA:
        return this.sampleGamma(rng);
      case ERLANG: {
        let product = 1;
        let logSum = 0;
        for (let i = 0; i < this.p1; i++) {
          product *= 1 - rng();
          if (product < PRODUCT_FLOOR) {
            logSum += Math.log(product);
            product = 1;
          }
        }
        return -this.p0 * (logSum + Math.log(product));
      }
      case WEIBULL:
        return this.p0 * Math.pow(-Math.log(1 - rng()), this.p1);
      case EMPIRICAL: {
        const values = this.values;
        return values[(rng() * values.length) | 0];
      }
      default:
        throw new Error(`corrupt distribution kind ${this.kind}`);
    }
  }

  /**
   * Marsaglia and Tsang (2000): a squeeze-and-reject method that accepts about 98% of attempts
   * for shape >= 1. Its normal comes from the quantile of one uniform to match the rest of this
   * module. Shapes below 1 draw Gamma(shape + 1) and scale by U^(1/shape), the standard boost.
   * Fields: p0 = d, p1 = c, p2 = scale, p3 = 1/shape when boosting, else 0.
   */
  private sampleGamma(rng: Rng): number {
    const d = this.p0;
    const c = this.p1;
    for (;;) {
      let u = rng();
      if (u < SMALLEST_UNIFORM) u = SMALLEST_UNIFORM;
      const z = normalQuantile(u);
      let v = 1 + c * z;
      if (v <= 0) continue;
      v = v * v * v;
      const w = rng();
      const z2 = z * z;
      if (w < 1 - 0.0331 * z2 * z2 || Math.log(w) < 0.5 * z2 + d * (1 - v + Math.log(v))) {
        const x = d * v * this.p2;
        return this.p3 === 0 ? x : x * Math.pow(rng(), this.p3);
      }
    }
  }
}

/** What a family builder hands the constructor: moments, kind and the kind's constants. */
interface Law {
  kind: number;
  mean: number;
  variance: number;
  params: readonly number[];
  values: Float64Array;
}

/** Builds a Law; only runs when a scenario compiles, so the small arrays cost nothing. */
function law(
  kind: number,
  mean: number,
  variance: number,
  params: readonly number[] = [],
  values = NO_VALUES,
): Law {
  return { kind, mean, variance, params, values };
}

/** Validates a spec and turns it into a Law; every family has its own builder below. */
function compile(spec: DistributionSpec): Law {
  if (typeof spec !== 'object' || spec === null) throw new Error('a distribution must be an object');
  switch (spec.dist) {
    case 'exponential': {
      const mean = nonNegative('exponential', 'mean', spec.mean);
      return law(EXPONENTIAL, mean, mean * mean, [mean]);
    }
    case 'deterministic': {
      const value = nonNegative('deterministic', 'value', spec.value);
      return law(DETERMINISTIC, value, 0, [value]);
    }
    case 'uniform':
      return uniform(spec.min, spec.max);
    case 'triangular':
      return triangular(spec.min, spec.mode, spec.max);
    case 'normal':
      return truncatedNormal(spec.mean, spec.sd);
    case 'lognormal':
      return lognormal(spec.mean, spec.cv, spec.sd);
    case 'gamma':
      return gamma(spec.mean, spec.cv);
    case 'erlang':
      return erlang(spec.mean, spec.k);
    case 'weibull':
      return weibull(spec.shape, spec.scale);
    case 'empirical':
      return empirical(spec.values);
    default:
      throw new Error(`unknown distribution "${String((spec as { dist: unknown }).dist)}"`);
  }
}

/** Uniform on [min, max]: p0 = min, p1 = width. */
function uniform(min: number, max: number): Law {
  nonNegative('uniform', 'min', min);
  nonNegative('uniform', 'max', max);
  if (min > max) throw new Error(`uniform: min (${min}) must not exceed max (${max})`);
  const width = max - min;
  return law(UNIFORM, (min + max) / 2, (width * width) / 12, [min, width]);
}

/**
 * Triangular by its two-piece quantile: p0 = min, p1 = max, p2 = F(mode), and the products
 * under the square roots of the left (p3) and right (p4) pieces.
 */
function triangular(min: number, mode: number, max: number): Law {
  nonNegative('triangular', 'min', min);
  finite('triangular', 'mode', mode);
  finite('triangular', 'max', max);
  if (min > max) throw new Error(`triangular: min (${min}) must not exceed max (${max})`);
  if (mode < min || mode > max) {
    throw new Error(`triangular: mode (${mode}) must lie between min (${min}) and max (${max})`);
  }
  const width = max - min;
  const modeShare = width > 0 ? (mode - min) / width : 1;
  const mean = (min + mode + max) / 3;
  const variance =
    (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18;
  return law(TRIANGULAR, mean, Math.max(variance, 0), [
    min,
    max,
    modeShare,
    width * (mode - min),
    width * (max - mode),
  ]);
}

/**
 * Normal truncated at 0 (a time cannot be negative), sampled by inversion on the kept range.
 * Moments are those of the truncated law. p0 = mean, p1 = sd, p2 = Phi(-mean/sd) (mass cut
 * off), p3 = Phi(mean/sd) (mass kept, computed directly so it is exact in the tails).
 */
function truncatedNormal(mean: number, sd: number): Law {
  nonNegative('normal', 'mean', mean);
  nonNegative('normal', 'sd', sd);
  if (sd === 0) return law(NORMAL, mean, 0);
  const alpha = -mean / sd;
  const kept = normalCdf(mean / sd);
  const lambda = Math.exp(-0.5 * alpha * alpha) / Math.sqrt(2 * Math.PI) / kept;
  const truncatedMean = mean + sd * lambda;
  const truncatedVariance = sd * sd * (1 + alpha * lambda - lambda * lambda);
  return law(NORMAL, truncatedMean, truncatedVariance, [mean, sd, normalCdf(alpha), kept]);
}

/**
 * Lognormal given by its own mean and cv (or sd), the figures a planner measures, converted to
 * the underlying normal: p0 = mu, p1 = sigma.
 */
function lognormal(mean: number, cv: number | undefined, sd: number | undefined): Law {
  nonNegative('lognormal', 'mean', mean);
  if ((cv === undefined) === (sd === undefined)) {
    throw new Error('lognormal: give exactly one of cv and sd');
  }
  let spread: number;
  if (cv !== undefined) {
    spread = nonNegative('lognormal', 'cv', cv);
  } else {
    const s = nonNegative('lognormal', 'sd', sd as number);
    if (mean === 0 && s > 0) throw new Error('lognormal: a mean of 0 allows only sd 0');
    spread = mean > 0 ? s / mean : 0;
  }
  const sigma2 = Math.log1p(spread * spread);
  const sdOfTime = spread * mean;
  const mu = Math.log(mean) - sigma2 / 2;
  return law(LOGNORMAL, mean, sdOfTime * sdOfTime, [mu, Math.sqrt(sigma2)]);
}

/** Gamma by mean and cv: shape 1/cv^2, scale mean*cv^2; constants for Marsaglia–Tsang. */
function gamma(mean: number, cv: number): Law {
  nonNegative('gamma', 'mean', mean);
  nonNegative('gamma', 'cv', cv);
  const sdOfTime = cv * mean;
  if (sdOfTime === 0) return law(GAMMA, mean, 0);
  const shape = 1 / (cv * cv);
  const scale = mean * cv * cv;
  const boosted = shape < 1;
  const d = (boosted ? shape + 1 : shape) - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  return law(GAMMA, mean, sdOfTime * sdOfTime, [d, c, scale, boosted ? 1 / shape : 0]);
}

/** Erlang k: the sum of k exponential phases of mean mean/k. p0 = phase mean, p1 = k. */
function erlang(mean: number, k: number): Law {
  nonNegative('erlang', 'mean', mean);
  if (!Number.isInteger(k) || k < 1) {
    throw new Error(`erlang: k must be a positive integer, got ${k}`);
  }
  return law(ERLANG, mean, (mean * mean) / k, [mean / k, k]);
}

/** Weibull by inversion: p0 = scale, p1 = 1/shape. */
function weibull(shape: number, scale: number): Law {
  finite('weibull', 'shape', shape);
  if (shape <= 0) throw new Error(`weibull: shape must be > 0, got ${shape}`);
  nonNegative('weibull', 'scale', scale);
  const g1 = gammaFunction(1 + 1 / shape);
  const g2 = gammaFunction(1 + 2 / shape);
  const variance = scale * scale * Math.max(g2 - g1 * g1, 0);
  return law(WEIBULL, scale * g1, variance, [scale, 1 / shape]);
}

/**
 * Resamples observed times with equal weight. The values are sorted so the draw is monotone in
 * its uniform: a variant that rescales the observations keeps each customer at the same rank.
 * Moments are those of the resampling law (population mean and variance of the values).
 */
function empirical(values: readonly number[]): Law {
  if (!Array.isArray(values) || values.length === 0) {
    throw new Error('empirical: values must be a non-empty list of times');
  }
  const sorted = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    sorted[i] = nonNegative('empirical', `values[${i}]`, values[i]);
  }
  sorted.sort();
  let sum = 0;
  for (const x of sorted) sum += x;
  const mean = sum / sorted.length;
  let squares = 0;
  for (const x of sorted) squares += (x - mean) * (x - mean);
  return law(EMPIRICAL, mean, squares / sorted.length, [], sorted);
}

/** Guards a parameter that must be a finite number; returns it for chaining. */
function finite(dist: string, field: string, x: number): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new Error(`${dist}: ${field} must be a finite number, got ${String(x)}`);
  }
  return x;
}

/** Guards a parameter that must be a finite number >= 0 (times, spreads). */
function nonNegative(dist: string, field: string, x: number): number {
  finite(dist, field, x);
  if (x < 0) throw new Error(`${dist}: ${field} must be >= 0, got ${x}`);
  return x;
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/**
 * Gamma function for the Weibull moments (Lanczos, g = 7, n = 9; relative error about 1e-15
 * for the arguments 1 + 1/shape and 1 + 2/shape, which are always above 1).
 */
function gammaFunction(x: number): number {
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return Math.sqrt(2 * Math.PI) * Math.pow(t, z + 0.5) * Math.exp(-t) * sum;
}

/** Short label for reports, e.g. "exponential, mean 15 min" or "lognormal, mean 5 min, cv 0.6". */
export function describeDistribution(spec: DistributionSpec): string {
  switch (spec.dist) {
    case 'exponential':
      return `exponential, mean ${minutes(spec.mean)}`;
    case 'deterministic':
      return `deterministic, ${minutes(spec.value)}`;
    case 'uniform':
      return `uniform, ${num(spec.min)} to ${minutes(spec.max)}`;
    case 'triangular':
      return `triangular, ${num(spec.min)} to ${minutes(spec.max)}, mode ${minutes(spec.mode)}`;
    case 'normal':
      return `normal, mean ${minutes(spec.mean)}, sd ${minutes(spec.sd)}`;
    case 'lognormal':
      return spec.cv !== undefined
        ? `lognormal, mean ${minutes(spec.mean)}, cv ${num(spec.cv)}`
        : `lognormal, mean ${minutes(spec.mean)}, sd ${minutes(spec.sd ?? NaN)}`;
    case 'gamma':
      return `gamma, mean ${minutes(spec.mean)}, cv ${num(spec.cv)}`;
    case 'erlang':
      return `erlang, mean ${minutes(spec.mean)}, k ${num(spec.k)}`;
    case 'weibull':
      return `weibull, shape ${num(spec.shape)}, scale ${minutes(spec.scale)}`;
    case 'empirical': {
      const n = spec.values.length;
      if (n === 0) return 'empirical, no values';
      const mean = spec.values.reduce((a, b) => a + b, 0) / n;
      return `empirical, ${n} value${n === 1 ? '' : 's'}, mean ${minutes(mean)}`;
    }
    default:
      return String((spec as { dist: unknown }).dist);
  }
}

/** Six significant digits at most, so float noise (0.30000000000000004) never reaches a report. */
function num(x: number): string {
  return String(Number(x.toPrecision(6)));
}

function minutes(x: number): string {
  return `${num(x)} min`;
}
