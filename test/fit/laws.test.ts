/**
 * Maximum likelihood for each law, and the mathematics under it: samples drawn from a known law
 * are fitted back within the standard errors the fit itself reports, and AIC picks the family that
 * drew them.
 */
import { describe, expect, it } from 'vitest';
import { Distribution, type DistributionSpec } from '../../src/core/distributions.js';
import { streamFor } from '../../src/core/random.js';
import { fitPatience } from '../../src/fit/patience.js';
import { fitFamily, fitServiceTimes, ksDistance, type Family } from '../../src/fit/service-laws.js';
import { digamma, trigamma } from '../../src/stats/digamma.js';
import { lowerRegularizedGamma, upperRegularizedGamma } from '../../src/core/incomplete-gamma.js';
import { SEED, Z } from './seed.js';

function draw(spec: DistributionSpec, n: number, purpose: string): Float64Array {
  const d = Distribution.from(spec);
  const rng = streamFor(SEED, 0, purpose);
  return Float64Array.from({ length: n }, () => d.sample(rng));
}

describe('special functions', () => {
  it('digamma, trigamma and the regularized incomplete gamma at known values', () => {
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 12);
    expect(digamma(0.5)).toBeCloseTo(-1.9635100260214235, 12);
    expect(trigamma(1)).toBeCloseTo(Math.PI ** 2 / 6, 11);
    expect(trigamma(0.5)).toBeCloseTo(Math.PI ** 2 / 2, 11);
    expect(lowerRegularizedGamma(1, 2)).toBeCloseTo(1 - Math.exp(-2), 14);
    // Erlang-3 at 4: 1 − e^−4 (1 + 4 + 8)
    expect(lowerRegularizedGamma(3, 4)).toBeCloseTo(1 - Math.exp(-4) * 13, 13);
    expect(lowerRegularizedGamma(0.5, 0.3)).toBeCloseTo(0.5614219739190003, 12); // erf(sqrt(0.3))
    expect(upperRegularizedGamma(0.5, 2)).toBeCloseTo(0.04550026389635842, 15); // erfc(sqrt(2))
    expect(lowerRegularizedGamma(2.5, 1) + upperRegularizedGamma(2.5, 1)).toBeCloseTo(1, 15);
  });

  it('KS distance of a step function counts ties as one step', () => {
    expect(ksDistance(Float64Array.from([1, 1, 1, 1]), () => 0.5)).toBe(0.5);
    expect(ksDistance(Float64Array.from([0.25, 0.75]), (x) => x)).toBeCloseTo(0.25, 12);
  });
});

describe('service laws', () => {
  const cases: Array<[Family, DistributionSpec, Record<string, number>]> = [
    ['exponential', { dist: 'exponential', mean: 6 }, { mean: 6 }],
    ['lognormal', { dist: 'lognormal', mean: 5, cv: 0.6 }, { mean: 5, cv: 0.6 }],
    ['gamma', { dist: 'gamma', mean: 12, cv: 0.5 }, { mean: 12, cv: 0.5 }],
    ['weibull', { dist: 'weibull', shape: 1.6, scale: 9 }, { shape: 1.6, scale: 9 }],
  ];
  it.each(cases)('%s: parameters within their standard errors, family chosen by AIC, small KS distance', (family, spec, truth) => {
    const values = draw(spec, 4000, `fit-${family}`);
    const own = fitFamily(family, values)!;
    for (const [name, value] of Object.entries(truth)) {
      expect(Math.abs(own.parameters[name] - value), `${name}: ${own.parameters[name]} ± ${own.standardErrors[name]}`).toBeLessThan(Z * own.standardErrors[name]);
    }
    const fit = fitServiceTimes(values);
    // Exponential is gamma (and Weibull) with one parameter fixed: AIC may prefer it or them by a hair.
    if (family === 'exponential') expect(fit.best.aic).toBeGreaterThan(own.aic - 2.5);
    else expect(fit.best.family).toBe(family);
    // KS distance of the right law is of the order of 1/sqrt(n); of the wrong ones, larger.
    expect(own.ks).toBeLessThan(1.63 / Math.sqrt(values.length));
  });
});

describe('patience on censored data', () => {
  it('recovers an exponential patience where the shortcuts miss by far', () => {
    // Customers wait W ~ exponential(8) for their call; patience ~ exponential(20). A customer whose
    // patience runs out first is a leaver, and the log bounds its patience by its would-be wait W.
    const waits = draw({ dist: 'exponential', mean: 8 }, 6000, 'wait');
    const patience = draw({ dist: 'exponential', mean: 20 }, 6000, 'patience');
    const served: number[] = [];
    const leavers: number[] = [];
    waits.forEach((w, i) => (patience[i] > w ? served.push(w) : leavers.push(w)));
    const fit = fitPatience({ served: Float64Array.from(served), leavers: Float64Array.from(leavers) })!;
    const exp = fit.fits.find((f) => f.family === 'exponential')!;
    expect(Math.abs(exp.mean - 20)).toBeLessThan(Z * exp.standardErrors.mean);
    expect(fit.naive.leaversAtWouldBeWait).toBeGreaterThan(20 + Z * exp.standardErrors.mean);
    expect(fit.naive.leaversTimeLeftOut).toBeLessThan(20 - Z * exp.standardErrors.mean);
  });

  it('has no law when nobody left', () => {
    expect(fitPatience({ served: Float64Array.from([1, 2]), leavers: new Float64Array(0) })).toBeNull();
  });
});
