/**
 * Which law describes a type's service times: exponential, lognormal, gamma and Weibull are each
 * fitted by maximum likelihood, and the one with the least AIC (2 × parameters − 2 × log-likelihood)
 * is chosen. Each fit also has its Kolmogorov–Smirnov distance (largest gap between the fitted and
 * the observed cumulative distribution), written beside it so a planner sees how well it fits.
 * Standard errors come from the observed information, in the parameters the scenario file uses.
 */
import { gammaln, mean as average, sum } from 'simple-statistics';
import type { DistributionSpec } from '../core/distributions.js';
import { normalCdf } from '../core/normal-cdf.js';
import { digamma, trigamma } from '../stats/digamma.js';
import { lowerRegularizedGamma } from '../core/incomplete-gamma.js';
import type { FittedLaw } from './fitted-law.js';
import { bisect, standardErrors } from './optimize.js';

export type Family = 'exponential' | 'lognormal' | 'gamma' | 'weibull';
export const FAMILIES: readonly Family[] = ['exponential', 'lognormal', 'gamma', 'weibull'];

export interface LawFit extends FittedLaw<Family> {
  /** Kolmogorov–Smirnov distance between the fitted law and the data. */
  ks: number;
}

export interface ServiceFit {
  /** Number of service times. */
  n: number;
  sampleMean: number;
  sampleCv: number;
  /** The chosen law (least AIC). */
  best: LawFit;
  /** Every family's fit, by AIC (best first); families that could not be fitted are left out. */
  fits: LawFit[];
}

/** Summaries of the data every family's likelihood needs. */
interface Sums {
  n: number;
  sum: number;
  sumLog: number;
  sumLog2: number;
  values: Float64Array;
  logs: Float64Array;
}

function sums(values: Float64Array): Sums {
  const logs = values.map(Math.log);
  return { n: values.length, sum: sum(values as unknown as number[]), sumLog: sum(logs as unknown as number[]), sumLog2: logs.reduce((s, l) => s + l * l, 0), values, logs };
}

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** Log-likelihoods in the scenario's own parameters, so their standard errors are the planner's. */
const logLikelihood: Record<Family, (s: Sums, p: number[]) => number> = {
  exponential: (s, [m]) => (m > 0 ? -s.n * Math.log(m) - s.sum / m : -Infinity),
  lognormal: (s, [m, cv]) => {
    if (!(m > 0 && cv > 0)) return -Infinity;
    const v = Math.log1p(cv * cv);
    const mu = Math.log(m) - v / 2;
    const squares = s.sumLog2 - 2 * mu * s.sumLog + s.n * mu * mu;
    return -s.sumLog - s.n * (0.5 * Math.log(v) + HALF_LOG_2PI) - squares / (2 * v);
  },
  gamma: (s, [m, cv]) => {
    if (!(m > 0 && cv > 0)) return -Infinity;
    const k = 1 / (cv * cv);
    const theta = m / k;
    return (k - 1) * s.sumLog - s.sum / theta - s.n * (k * Math.log(theta) + gammaln(k));
  },
  weibull: (s, [k, scale]) => {
    if (!(k > 0 && scale > 0)) return -Infinity;
    let powers = 0;
    for (let i = 0; i < s.n; i++) powers += Math.pow(s.values[i] / scale, k);
    return s.n * (Math.log(k) - k * Math.log(scale)) + (k - 1) * s.sumLog - powers;
  },
};

const cdf: Record<Family, (p: number[]) => (x: number) => number> = {
  exponential: ([m]) => (x) => 1 - Math.exp(-x / m),
  lognormal: ([m, cv]) => {
    const v = Math.log1p(cv * cv);
    const mu = Math.log(m) - v / 2;
    const sd = Math.sqrt(v);
    return (x) => normalCdf((Math.log(x) - mu) / sd);
  },
  gamma: ([m, cv]) => {
    const k = 1 / (cv * cv);
    return (x) => lowerRegularizedGamma(k, (x * k) / m);
  },
  weibull: ([k, scale]) => (x) => 1 - Math.exp(-Math.pow(x / scale, k)),
};

/** Maximum-likelihood parameters of each family (closed form, or one monotone equation). */
function estimate(family: Family, s: Sums): number[] | null {
  const m = s.sum / s.n;
  const meanLog = s.sumLog / s.n;
  switch (family) {
    case 'exponential':
      return [m];
    case 'lognormal': {
      const v = Math.max(s.sumLog2 / s.n - meanLog * meanLog, 0);
      return v > 0 ? [Math.exp(meanLog + v / 2), Math.sqrt(Math.expm1(v))] : null;
    }
    case 'gamma': {
      // ln k − ψ(k) = ln(mean) − mean(ln x); the left side decreases in k.
      const c = Math.log(m) - meanLog;
      if (!(c > 1e-12)) return null;
      const k = bisect((k) => Math.log(k) - digamma(k) - c, 1e-4, 1e6);
      // One Newton step polishes the bisection.
      const polished = k - (Math.log(k) - digamma(k) - c) / (1 / k - trigamma(k));
      return [m, 1 / Math.sqrt(polished > 0 ? polished : k)];
    }
    case 'weibull': {
      // Σ x^k ln x / Σ x^k − 1/k − mean(ln x) = 0, increasing in k; scaled by the largest value for range.
      const top = Math.max(...s.values);
      const scaledLogs = s.logs.map((l) => l - Math.log(top));
      const g = (k: number) => {
        let a = 0;
        let b = 0;
        for (let i = 0; i < s.n; i++) {
          const p = Math.exp(k * scaledLogs[i]);
          a += p * s.logs[i];
          b += p;
        }
        return a / b - 1 / k - meanLog;
      };
      if (!(g(0.05) < 0 && g(100) > 0)) return null;
      const k = bisect(g, 0.05, 100);
      let powers = 0;
      for (let i = 0; i < s.n; i++) powers += Math.exp(k * scaledLogs[i]);
      return [k, top * Math.pow(powers / s.n, 1 / k)];
    }
  }
}

/** Largest gap between the fitted `F` and the data's step function (ties handled as one step). */
export function ksDistance(sorted: Float64Array, F: (x: number) => number): number {
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && sorted[j + 1] === sorted[i]) j++;
    const f = F(sorted[i]);
    d = Math.max(d, f - i / n, (j + 1) / n - f);
    i = j + 1;
  }
  return d;
}

const PARAMETER_NAMES: Record<Family, [string] | [string, string]> = {
  exponential: ['mean'],
  lognormal: ['mean', 'cv'],
  gamma: ['mean', 'cv'],
  weibull: ['shape', 'scale'],
};

function specOf(family: Family, p: number[]): DistributionSpec {
  switch (family) {
    case 'exponential':
      return { dist: 'exponential', mean: p[0] };
    case 'lognormal':
      return { dist: 'lognormal', mean: p[0], cv: p[1] };
    case 'gamma':
      return { dist: 'gamma', mean: p[0], cv: p[1] };
    case 'weibull':
      return { dist: 'weibull', shape: p[0], scale: p[1] };
  }
}

function meanOf(family: Family, p: number[]): number {
  return family === 'weibull' ? p[1] * Math.exp(gammaln(1 + 1 / p[0])) : p[0];
}

/** Fits one family; null when the data cannot carry it (e.g. all values equal). */
export function fitFamily(family: Family, values: Float64Array, sorted = Float64Array.from(values).sort()): LawFit | null {
  const s = sums(values);
  const p = estimate(family, s);
  if (!p || !p.every((v) => Number.isFinite(v) && v > 0)) return null;
  // The schema's bounds: a Weibull shape below 0.1 has no usable mean.
  if (family === 'weibull' && p[0] < 0.1) return null;
  const logLik = logLikelihood[family](s, p);
  const se = standardErrors((q) => logLikelihood[family](s, q), p);
  const names = PARAMETER_NAMES[family];
  return {
    family,
    spec: specOf(family, p),
    parameters: Object.fromEntries(names.map((name, i) => [name, p[i]])),
    standardErrors: Object.fromEntries(names.map((name, i) => [name, se[i]])),
    logLik,
    aic: 2 * p.length - 2 * logLik,
    ks: ksDistance(sorted, cdf[family](p)),
    mean: meanOf(family, p),
  };
}

/**
 * Fits every family to positive service times (minutes) and picks the least AIC. Times of 0 (a
 * service shorter than the log's clock resolution) must be replaced by the caller, since three of
 * the four laws give 0 no density.
 */
export function fitServiceTimes(values: Float64Array): ServiceFit {
  if (values.length === 0) throw new Error('fitServiceTimes: no values');
  const sorted = Float64Array.from(values).sort();
  const fits = FAMILIES.map((f) => fitFamily(f, values, sorted))
    .filter((f): f is LawFit => f !== null)
    .sort((a, b) => a.aic - b.aic);
  const m = average(values as unknown as number[]);
  const sd = values.length > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1)) : 0;
  return { n: values.length, sampleMean: m, sampleCv: m > 0 ? sd / m : 0, best: fits[0], fits };
}
