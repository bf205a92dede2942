import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricTable } from '../../src/runner/metric-table.js';
import { parseShard, partBytes, partManifest, readPart, shardReplications, type StudyPart } from '../../src/runner/shard.js';

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

describe('a part file', () => {
  const columns = { metricKeys: ['waitMean', 'served'], typeNames: [], typeKeys: [], periodKeys: ['served'], periodCount: 1 };
  const rows = new Float64Array([1.5, Number.NaN, -0, 3, Number.POSITIVE_INFINITY, 1e-300]);
  const manifest = partManifest({
    frontdesk: 'test',
    command: 'run',
    scenarios: [{ file: 'hall.yaml', sha256: '0'.repeat(64) }],
    seed: 1,
    replications: 4,
    options: { period: 60 },
    alternatives: ['baseline'],
    shard: { index: 2, count: 2 },
  });
  const table = new MetricTable(columns);
  table.append(rows, 2);
  const part: StudyPart = {
    manifest,
    frame: { title: 'hall', seed: 1, openClock: 540, waitTarget: 10, alternatives: [{ name: 'baseline', periods: [] }], warnings: [] },
    samples: [table],
    about: { files: ['hall.yaml'] },
  };
  const bytes = Buffer.concat(partBytes(part));

  it('starts its rows at a multiple of 8 bytes, after one line of JSON', () => {
    const newline = bytes.indexOf(10);
    expect((newline + 1) % 8).toBe(0);
    expect(bytes.length).toBe(newline + 1 + rows.length * 8);
    expect(JSON.parse(bytes.subarray(0, newline).toString('utf8')).manifest).toEqual(manifest);
  });

  it('reads back every number exactly (NaN, -0, infinity), also from bytes that do not start at a multiple of 8', () => {
    const shifted = Buffer.alloc(bytes.length + 3);
    bytes.copy(shifted, 3);
    for (const source of [bytes, shifted.subarray(3)]) {
      const read = readPart(source, 'part');
      expect(read.manifest).toEqual(manifest);
      expect(read.frame).toEqual(part.frame);
      expect(read.about).toEqual(part.about);
      expect(read.samples[0].rows).toBe(2);
      expect([...read.samples[0].rowValues]).toEqual([...rows]);
      expect(Object.is(read.samples[0].rowValues[2], -0)).toBe(true);
    }
  });
});
