import { describe, expect, it } from 'vitest';
import { nearestRank } from '../../src/stats/nearest-rank.js';

describe('nearestRank', () => {
  it('is ceil(q n), clamped to [1, n]', () => {
    expect(nearestRank(0.9, 10)).toBe(9);
    expect(nearestRank(0.91, 10)).toBe(10);
    expect(nearestRank(0.5, 5)).toBe(3);
    expect(nearestRank(1, 5)).toBe(5);
    expect(nearestRank(0.01, 5)).toBe(1);
    expect(nearestRank(1e-12, 3)).toBe(1);
  });

  it('is not fooled by floating-point products', () => {
    expect(0.07 * 100).toBeGreaterThan(7); // the trap
    expect(nearestRank(0.07, 100)).toBe(7);
    expect(nearestRank(0.29, 100)).toBe(29);
  });

  it('rejects levels outside (0, 1]', () => {
    expect(() => nearestRank(0, 10)).toThrow(RangeError);
    expect(() => nearestRank(1.5, 10)).toThrow(RangeError);
    expect(() => nearestRank(Number.NaN, 10)).toThrow(RangeError);
  });
});
