import { describe, it, expect } from 'vitest';
import { Distribution, describeDistribution, type DistributionSpec } from '../../src/core/distributions.js';
import { normalCdf } from '../../src/core/normal-cdf.js';
import { normalQuantile } from '../../src/core/normal-quantile.js';
import { streamFor, type Rng } from '../../src/core/random.js';
import { TEST_SEED } from '../helpers/seed.js';

const SEED = TEST_SEED;
const N = 200_000;
/** Four and a half standard errors: a false alarm about once in 150 000 checks. */
const Z = 4.5;
/** Largest uniform the 32-bit streams can return. */
const TOP = 1 - 2 ** -32;

interface SampleMoments {
  mean: number;
  variance: number;
  fourthCentral: number;
  min: number;
}

/** Draws n samples from a fixed stream and returns their moments (two-pass, for accuracy). */
function sampleMoments(dist: Distribution, purpose: string, n = N): SampleMoments {
  const rng = streamFor(SEED, 0, purpose);
  const xs = new Float64Array(n);
  let sum = 0;
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const x = dist.sample(rng);
    xs[i] = x;
    sum += x;
    if (x < min) min = x;
  }
  const mean = sum / n;
  let m2 = 0;
  let m4 = 0;
  for (const x of xs) {
    const d2 = (x - mean) * (x - mean);
    m2 += d2;
    m4 += d2 * d2;
  }
  return { mean, variance: m2 / (n - 1), fourthCentral: m4 / n, min };
}

/** A stream that always returns u: evaluates a one-uniform sampler as a quantile function. */
function fixed(u: number): Rng {
  return () => u;
}

/** Wraps a stream to count how many uniforms a sampler consumes. */
function counting(rng: Rng): { rng: Rng; calls: () => number } {
  let calls = 0;
  return {
    rng: () => {
      calls++;
      return rng();
    },
    calls: () => calls,
  };
}

const MOMENT_CASES: Array<[string, DistributionSpec]> = [
  ['exponential', { dist: 'exponential', mean: 15 }],
  ['deterministic', { dist: 'deterministic', value: 4 }],
  ['uniform', { dist: 'uniform', min: 2, max: 6 }],
  ['triangular', { dist: 'triangular', min: 2, mode: 4, max: 9 }],
  ['triangular, mode at min', { dist: 'triangular', min: 2, mode: 2, max: 8 }],
  ['triangular, mode at max', { dist: 'triangular', min: 1, mode: 5, max: 5 }],
  ['normal, barely truncated', { dist: 'normal', mean: 10, sd: 3 }],
  ['normal, heavily truncated', { dist: 'normal', mean: 2, sd: 2 }],
  ['normal, half-normal', { dist: 'normal', mean: 0, sd: 1.5 }],
  ['lognormal by cv', { dist: 'lognormal', mean: 5, cv: 0.6 }],
  ['lognormal by sd', { dist: 'lognormal', mean: 8, sd: 2 }],
  ['gamma, shape 4', { dist: 'gamma', mean: 5, cv: 0.5 }],
  ['gamma, shape 1', { dist: 'gamma', mean: 5, cv: 1 }],
  ['gamma, shape 0.44 (boosted)', { dist: 'gamma', mean: 5, cv: 1.5 }],
  ['erlang 3', { dist: 'erlang', mean: 12, k: 3 }],
  ['erlang 1', { dist: 'erlang', mean: 7, k: 1 }],
  ['weibull, shape 1.5', { dist: 'weibull', shape: 1.5, scale: 10 }],
  ['weibull, shape 0.7', { dist: 'weibull', shape: 0.7, scale: 4 }],
  ['empirical', { dist: 'empirical', values: [3, 5, 5, 8, 12, 2.5] }],
];

describe('Distribution moments', () => {
  it.each(MOMENT_CASES)('%s: sample mean and variance agree within sampling error', (name, spec) => {
    const dist = Distribution.from(spec);
    const s = sampleMoments(dist, name);
    const meanSe = Math.sqrt(dist.variance / N);
    expect(Math.abs(s.mean - dist.mean)).toBeLessThanOrEqual(Z * meanSe);
    // se(s^2) from the fourth central moment, estimated from the sample itself.
    const varianceSe = Math.sqrt(Math.max(s.fourthCentral - dist.variance ** 2, 0) / N);
    expect(Math.abs(s.variance - dist.variance)).toBeLessThanOrEqual(Z * varianceSe);
    expect(s.min).toBeGreaterThanOrEqual(0);
  });

  it('erlang with a large k sums logs instead of underflowing', () => {
    const dist = Distribution.from({ dist: 'erlang', mean: 30, k: 2000 });
    const n = 2000;
    const s = sampleMoments(dist, 'erlang 2000', n);
    expect(Number.isFinite(s.mean)).toBe(true);
    expect(Math.abs(s.mean - dist.mean)).toBeLessThanOrEqual(Z * Math.sqrt(dist.variance / n));
  });

  it('gives the textbook moments of the half-normal and of the exponential-shaped weibull', () => {
    const half = Distribution.from({ dist: 'normal', mean: 0, sd: 1 });
    expect(half.mean).toBeCloseTo(Math.sqrt(2 / Math.PI), 12);
    expect(half.variance).toBeCloseTo(1 - 2 / Math.PI, 12);
    const far = Distribution.from({ dist: 'normal', mean: 50, sd: 2 });
    expect(far.mean).toBe(50);
    expect(far.variance).toBeCloseTo(4, 12);

    const exponential = Distribution.from({ dist: 'weibull', shape: 1, scale: 6 });
    expect(exponential.mean).toBeCloseTo(6, 12);
    expect(exponential.variance).toBeCloseTo(36, 10);
    const rayleigh = Distribution.from({ dist: 'weibull', shape: 2, scale: 3 });
    expect(rayleigh.mean).toBeCloseTo((3 * Math.sqrt(Math.PI)) / 2, 12);
    expect(rayleigh.variance).toBeCloseTo(9 * (1 - Math.PI / 4), 12);
  });

  it('samples a zero-spread law exactly at its mean', () => {
    const specs: DistributionSpec[] = [
      { dist: 'deterministic', value: 4.25 },
      { dist: 'lognormal', mean: 5, cv: 0 },
      { dist: 'lognormal', mean: 5, sd: 0 },
      { dist: 'gamma', mean: 5, cv: 0 },
      { dist: 'normal', mean: 5, sd: 0 },
      { dist: 'uniform', min: 5, max: 5 },
      { dist: 'triangular', min: 5, mode: 5, max: 5 },
      { dist: 'empirical', values: [5, 5] },
    ];
    for (const spec of specs) {
      const dist = Distribution.from(spec);
      expect(dist.variance).toBe(0);
      const rng = streamFor(SEED, 0, 'degenerate');
      for (let i = 0; i < 100; i++) expect(dist.sample(rng)).toBe(dist.mean);
      for (const u of [0, TOP]) expect(dist.sample(fixed(u))).toBe(dist.mean);
    }
  });

  it('draws only listed values from an empirical law', () => {
    const values = [3, 5, 8, 12.5];
    const dist = Distribution.from({ dist: 'empirical', values });
    const rng = streamFor(SEED, 0, 'empirical members');
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(dist.sample(rng));
    expect([...seen].sort((a, b) => a - b)).toEqual(values);
    expect(dist.sample(fixed(0))).toBe(3);
    expect(dist.sample(fixed(TOP))).toBe(12.5);
  });
});

const ONE_UNIFORM: DistributionSpec[] = [
  { dist: 'exponential', mean: 15 },
  { dist: 'deterministic', value: 4 },
  { dist: 'uniform', min: 2, max: 6 },
  { dist: 'triangular', min: 2, mode: 4, max: 9 },
  { dist: 'normal', mean: 2, sd: 2 },
  { dist: 'lognormal', mean: 5, cv: 0.6 },
  { dist: 'erlang', mean: 7, k: 1 },
  { dist: 'weibull', shape: 1.5, scale: 10 },
  { dist: 'empirical', values: [3, 5, 8] },
  { dist: 'gamma', mean: 5, cv: 0 },
];

/** The one-uniform laws whose draw is a quantile function of that uniform. */
const MONOTONE: DistributionSpec[] = [
  { dist: 'exponential', mean: 15 },
  { dist: 'uniform', min: 2, max: 6 },
  { dist: 'triangular', min: 2, mode: 4, max: 9 },
  { dist: 'triangular', min: 2, mode: 2, max: 9 },
  { dist: 'normal', mean: 10, sd: 3 },
  { dist: 'normal', mean: 2, sd: 2 },
  { dist: 'normal', mean: 0, sd: 1 },
  { dist: 'lognormal', mean: 5, cv: 0.6 },
  { dist: 'lognormal', mean: 5, cv: 3 },
  { dist: 'weibull', shape: 1.5, scale: 10 },
  { dist: 'weibull', shape: 0.5, scale: 10 },
  { dist: 'empirical', values: [8, 3, 5, 3] },
];

describe('Distribution streams (common random numbers)', () => {
  it.each(ONE_UNIFORM.map((s) => [describeDistribution(s), s] as const))(
    '%s consumes exactly one uniform per draw',
    (_, spec) => {
      const dist = Distribution.from(spec);
      const { rng, calls } = counting(streamFor(SEED, 0, 'count'));
      for (let i = 0; i < 1000; i++) dist.sample(rng);
      expect(calls()).toBe(1000);
    },
  );

  it('erlang k consumes k uniforms per draw', () => {
    const dist = Distribution.from({ dist: 'erlang', mean: 12, k: 3 });
    const { rng, calls } = counting(streamFor(SEED, 0, 'count'));
    for (let i = 0; i < 1000; i++) dist.sample(rng);
    expect(calls()).toBe(3000);
  });

  it.each(MONOTONE.map((s) => [describeDistribution(s), s] as const))(
    '%s is non-decreasing in its uniform, finite and non-negative at both ends',
    (_, spec) => {
      const dist = Distribution.from(spec);
      const us = [0, 2 ** -32, 1e-9, 1e-6, 1e-3, TOP, 1 - 1e-3, 1 - 1e-6];
      for (let i = 1; i < 1000; i++) us.push(i / 1000);
      us.sort((a, b) => a - b);
      let previous = -Infinity;
      for (const u of us) {
        const x = dist.sample(fixed(u));
        expect(Number.isFinite(x)).toBe(true);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeGreaterThanOrEqual(previous);
        previous = x;
      }
    },
  );

  it('gives the same sequence for the same seed, another for another purpose', () => {
    for (const [, spec] of MOMENT_CASES) {
      const dist = Distribution.from(spec);
      const a = streamFor(SEED, 3, 'service');
      const b = streamFor(SEED, 3, 'service');
      const first = Array.from({ length: 50 }, () => dist.sample(a));
      const second = Array.from({ length: 50 }, () => dist.sample(b));
      expect(second).toEqual(first);
      if (dist.variance > 0) {
        const c = streamFor(SEED, 3, 'patience');
        expect(Array.from({ length: 50 }, () => dist.sample(c))).not.toEqual(first);
      }
    }
  });

  it('scales each draw in proportion when a variant changes only the mean', () => {
    const pairs: Array<[DistributionSpec, DistributionSpec, number]> = [
      [{ dist: 'exponential', mean: 15 }, { dist: 'exponential', mean: 10 }, 10 / 15],
      [{ dist: 'lognormal', mean: 5, cv: 0.6 }, { dist: 'lognormal', mean: 3, cv: 0.6 }, 3 / 5],
      [{ dist: 'gamma', mean: 5, cv: 1.5 }, { dist: 'gamma', mean: 3, cv: 1.5 }, 3 / 5],
      [{ dist: 'erlang', mean: 12, k: 3 }, { dist: 'erlang', mean: 6, k: 3 }, 1 / 2],
      [{ dist: 'weibull', shape: 1.5, scale: 10 }, { dist: 'weibull', shape: 1.5, scale: 4 }, 0.4],
    ];
    for (const [baseSpec, variantSpec, ratio] of pairs) {
      const base = Distribution.from(baseSpec);
      const variant = Distribution.from(variantSpec);
      const a = streamFor(SEED, 0, 'crn');
      const b = streamFor(SEED, 0, 'crn');
      for (let i = 0; i < 1000; i++) {
        const x = base.sample(a);
        expect(variant.sample(b)).toBeCloseTo(x * ratio, 9);
      }
    }
  });

  it('keeps the stream in step when a type switches between fixed and random service', () => {
    const fixedService = Distribution.from({ dist: 'deterministic', value: 10 });
    const randomService = Distribution.from({ dist: 'exponential', mean: 10 });
    const a = streamFor(SEED, 0, 'switch');
    const b = streamFor(SEED, 0, 'switch');
    for (let i = 0; i < 100; i++) fixedService.sample(a);
    for (let i = 0; i < 100; i++) randomService.sample(b);
    expect(a()).toBe(b());
  });
});

describe('normalQuantile and normalCdf', () => {
  it('match known quantiles to 1e-9', () => {
    const known: Array<[number, number]> = [
      [0.975, 1.959963984540054],
      [0.5, 0],
      [1e-6, -4.753424308822899],
      [0.025, -1.959963984540054],
      [0.9, 1.2815515655446004],
      [0.999, 3.090232306167813],
      [1e-12, -7.034483825301131],
    ];
    for (const [p, z] of known) {
      expect(Math.abs(normalQuantile(p) - z)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(z)));
    }
  });

  it('is antisymmetric, infinite at the endpoints and inverted by normalCdf', () => {
    for (const p of [1e-10, 0.001, 0.1, 0.3, 0.49]) {
      expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 6);
    }
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(Number.NaN)).toBeNaN();
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    // The round trip is bounded by normalCdf, whose relative error grows to ~1e-9 in the far tail.
    for (const p of [1e-8, 0.001, 0.2, 0.5, 0.8, 0.999]) {
      expect(Math.abs(normalCdf(normalQuantile(p)) - p) / p).toBeLessThan(p < 1e-3 ? 1e-9 : 1e-12);
    }
  });
});

describe('Distribution.from rejects impossible parameters', () => {
  const invalid: Array<[DistributionSpec, RegExp]> = [
    [{ dist: 'exponential', mean: -1 }, /exponential: mean must be >= 0/],
    [{ dist: 'exponential', mean: Number.NaN }, /mean must be a finite number/],
    [{ dist: 'deterministic', value: -2 }, /value must be >= 0/],
    [{ dist: 'uniform', min: 6, max: 2 }, /min \(6\) must not exceed max \(2\)/],
    [{ dist: 'triangular', min: 2, mode: 10, max: 9 }, /mode \(10\) must lie between/],
    [{ dist: 'triangular', min: 2, mode: 1, max: 9 }, /mode \(1\) must lie between/],
    [{ dist: 'normal', mean: -3, sd: 1 }, /normal: mean must be >= 0/],
    [{ dist: 'normal', mean: 3, sd: -1 }, /normal: sd must be >= 0/],
    [{ dist: 'lognormal', mean: 5, cv: -0.5 }, /lognormal: cv must be >= 0/],
    [{ dist: 'lognormal', mean: 5 }, /exactly one of cv and sd/],
    [{ dist: 'lognormal', mean: 5, cv: 0.5, sd: 2 }, /exactly one of cv and sd/],
    [{ dist: 'lognormal', mean: 0, sd: 2 }, /mean of 0 allows only sd 0/],
    [{ dist: 'gamma', mean: 5, cv: -1 }, /gamma: cv must be >= 0/],
    [{ dist: 'erlang', mean: 5, k: 0 }, /k must be a positive integer/],
    [{ dist: 'erlang', mean: 5, k: 2.5 }, /k must be a positive integer/],
    [{ dist: 'weibull', shape: 0, scale: 3 }, /shape must be > 0/],
    [{ dist: 'empirical', values: [] }, /non-empty list/],
    [{ dist: 'empirical', values: [1, -2] }, /values\[1\] must be >= 0/],
    [{ dist: 'poisson', mean: 3 } as unknown as DistributionSpec, /unknown distribution "poisson"/],
  ];
  it.each(invalid.map(([spec, message]) => [JSON.stringify(spec), spec, message] as const))(
    '%s',
    (_, spec, message) => {
      expect(() => Distribution.from(spec)).toThrow(message);
    },
  );
});

describe('describeDistribution', () => {
  it('gives short labels for reports', () => {
    expect(describeDistribution({ dist: 'exponential', mean: 15 })).toBe('exponential, mean 15 min');
    expect(describeDistribution({ dist: 'lognormal', mean: 5, cv: 0.6 })).toBe(
      'lognormal, mean 5 min, cv 0.6',
    );
    expect(describeDistribution({ dist: 'lognormal', mean: 5, sd: 3 })).toBe(
      'lognormal, mean 5 min, sd 3 min',
    );
    expect(describeDistribution({ dist: 'deterministic', value: 4 })).toBe('deterministic, 4 min');
    expect(describeDistribution({ dist: 'uniform', min: 2, max: 6 })).toBe('uniform, 2 to 6 min');
    expect(describeDistribution({ dist: 'triangular', min: 2, mode: 4, max: 9 })).toBe(
      'triangular, 2 to 9 min, mode 4 min',
    );
    expect(describeDistribution({ dist: 'normal', mean: 10, sd: 3 })).toBe(
      'normal, mean 10 min, sd 3 min',
    );
    expect(describeDistribution({ dist: 'gamma', mean: 5, cv: 0.5 })).toBe('gamma, mean 5 min, cv 0.5');
    expect(describeDistribution({ dist: 'erlang', mean: 12, k: 3 })).toBe('erlang, mean 12 min, k 3');
    expect(describeDistribution({ dist: 'weibull', shape: 1.5, scale: 10 })).toBe(
      'weibull, shape 1.5, scale 10 min',
    );
    expect(describeDistribution({ dist: 'empirical', values: [0.1, 0.2] })).toBe(
      'empirical, 2 values, mean 0.15 min',
    );
  });
});
