import { describe, expect, it } from 'vitest';
import { ArrivalOffset } from '../../src/core/arrival-offset.js';
import { streamFor } from '../../src/core/random.js';

function draws(offset: ArrivalOffset, n: number): number[] {
  const rng = streamFor(5, 0, 'offsets');
  return Array.from({ length: n }, () => offset.sample(rng));
}

describe('ArrivalOffset', () => {
  it('draws an untruncated normal: early and late around the mean', () => {
    const n = 100_000;
    const xs = draws(ArrivalOffset.from({ dist: 'normal', mean: -2, sd: 3 }), n);
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    expect(Math.abs(mean + 2)).toBeLessThan(4.5 * (3 / Math.sqrt(n)));
    expect(Math.abs(sd - 3)).toBeLessThan(4.5 * (3 / Math.sqrt(2 * n)));
    expect(Math.min(...xs)).toBeLessThan(-10);
  });

  it('moves laws with negative values and back: uniform, triangular, deterministic, empirical', () => {
    const uniform = draws(ArrivalOffset.from({ dist: 'uniform', min: -5, max: 5 }), 10_000);
    expect(Math.min(...uniform)).toBeGreaterThanOrEqual(-5);
    expect(Math.max(...uniform)).toBeLessThanOrEqual(5);
    expect(Math.min(...uniform)).toBeLessThan(-4.9);
    expect(ArrivalOffset.from({ dist: 'triangular', min: -6, mode: 0, max: 3 }).mean).toBeCloseTo(-1, 12);
    expect(draws(ArrivalOffset.from({ dist: 'deterministic', value: -4 }), 3)).toEqual([-4, -4, -4]);
    expect(new Set(draws(ArrivalOffset.from({ dist: 'empirical', values: [-3, 0, 2] }), 200))).toEqual(new Set([-3, 0, 2]));
  });

  it('keeps late-only laws as they are', () => {
    const offset = ArrivalOffset.from({ dist: 'exponential', mean: 4 });
    expect(offset.mean).toBe(4);
    expect(Math.min(...draws(offset, 1000))).toBeGreaterThanOrEqual(0);
  });
});
