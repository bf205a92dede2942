import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShard, shardReplications } from '../../src/runner/shard.js';

describe('shardReplications', () => {
  it('splits [0, R) into N contiguous blocks in shard order, sizes within one of each other', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 300 }), (replications, count) => {
        fc.pre(count <= replications);
        let next = 0;
        const sizes: number[] = [];
        for (let index = 1; index <= count; index++) {
          const { first, count: n } = shardReplications(replications, { index, count });
          expect(first).toBe(next);
          next = first + n;
          sizes.push(n);
        }
        expect(next).toBe(replications);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});

describe('parseShard', () => {
  it('reads K/N with 1 <= K <= N and nothing else', () => {
    expect(parseShard('3/7')).toEqual({ index: 3, count: 7 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/3', '4/3', '3', '1/0', '-1/3', '1.5/3', '1/3/5', '', 'a/b']) expect(parseShard(bad), bad).toBeNull();
  });
});
