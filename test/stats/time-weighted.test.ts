import { describe, expect, it } from 'vitest';
import { TimeWeighted } from '../../src/stats/time-weighted.js';

describe('TimeWeighted', () => {
  it('integrates a hand-computed step function', () => {
    // Level: 0 on [0,2), 3 on [2,5), 2 on [5,6), 4 on [6,9), 0 on [9,10].
    const w = new TimeWeighted(0, 0);
    w.set(2, 3);
    w.add(5, -1);
    w.add(6, 2);
    // The area up to a time between events counts the current level up to that time.
    expect(w.area(7.5)).toBe(9 + 2 + 4 * 1.5);
    w.set(9, 0);
    const area = 0 * 2 + 3 * 3 + 2 * 1 + 4 * 3 + 0 * 1; // 23
    expect(w.area(10)).toBe(area);
    expect(w.mean(10)).toBeCloseTo(2.3, 12);
    expect(w.max).toBe(4);
    expect(w.level).toBe(0);
  });

  it('follows the example of its doc comment', () => {
    const w = new TimeWeighted(0, 0);
    w.set(2, 3);
    w.add(5, -1);
    expect(w.area(10)).toBe(19);
    expect(w.mean(10)).toBe(1.9);
    expect(w.max).toBe(3);
  });

  it('starts from a given time and level', () => {
    const w = new TimeWeighted(100, 2);
    expect(w.startTime).toBe(100);
    expect(w.area(110)).toBe(20);
    expect(w.mean(110)).toBe(2);
    // Over an empty interval the mean is the current level.
    expect(w.mean(100)).toBe(2);
  });

  it('reset at the end of warm-up keeps the level but forgets area and max', () => {
    const w = new TimeWeighted(0, 0);
    w.set(1, 10);
    w.set(4, 3);
    w.reset(30);
    expect(w.level).toBe(3);
    expect(w.max).toBe(3);
    expect(w.startTime).toBe(30);
    w.set(40, 1);
    expect(w.area(50)).toBe(3 * 10 + 1 * 10);
    expect(w.mean(50)).toBe(2);
    w.reset(50, 7);
    expect(w.level).toBe(7);
    expect(w.max).toBe(7);
    expect(w.area(51)).toBe(7);
  });

  it('several changes at the same instant leave no area between them', () => {
    const w = new TimeWeighted(0, 0);
    w.add(5, 1);
    w.add(5, 1);
    w.add(5, -2);
    expect(w.area(10)).toBe(0);
    expect(w.max).toBe(2);
  });

  it('refuses time going backwards', () => {
    const w = new TimeWeighted(0, 0);
    w.set(5, 1);
    expect(() => w.set(4, 2)).toThrow(RangeError);
    expect(() => w.area(4)).toThrow(RangeError);
    expect(() => w.reset(4)).toThrow(RangeError);
  });
});
