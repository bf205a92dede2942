import { gammaln as packageGammaln } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { gammaln } from '../../src/core/gammaln.js';

describe('gammaln', () => {
  it("gives the same bits as simple-statistics' gammaln, which it copies", () => {
    const inputs = [-1, 0, 1e-300, 1e-9, 0.5, 1, 1.5, 2, 2.4, 3, 9.999, 10, 10.5, 171.6, 500, 1e6, 5e6 + 0.25, 1e300, Number.NaN, Number.POSITIVE_INFINITY];
    for (let i = 1; i < 2000; i++) inputs.push(i * 0.0137 + Math.sin(i) * 1e-3, i * i * 0.731);
    for (const x of inputs) expect(Object.is(gammaln(x), packageGammaln(x)), `gammaln(${x})`).toBe(true);
  });
});
