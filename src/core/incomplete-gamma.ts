/**
 * The regularized incomplete gamma functions P(a, x) = γ(a, x) / Γ(a) and Q(a, x) = 1 − P(a, x):
 * P is the cumulative distribution of a gamma law with shape a and scale 1 (the goodness of fit of
 * a fitted gamma service law needs it), and Q(½, z²/2) is twice the normal tail (normal-cdf.ts).
 * Power series below x = a + 1, Lentz's continued fraction for Q above (Numerical Recipes §6.2,
 * `gser` / `gcf`); each function takes the side that is computed directly and subtracts only where
 * the result is at least a few percent, so both are accurate to about 1e-15 relative.
 *
 * @example
 * lowerRegularizedGamma(1, 1); // 1 − e^−1 = 0.6321205588285577
 * upperRegularizedGamma(0.5, 2); // erfc(√2) = 0.04550026389635842
 */
import { gammaln } from './gammaln.js';

const EPS = 4.5e-16;
const TINY = 1e-300;
const MAX_STEPS = 1000;

/** Σ xⁿ / (a (a+1) … (a+n)): P(a, x) = front · this, for x < a + 1. */
function series(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_STEPS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) break;
  }
  return sum;
}

/** Q(a, x) = front · 1/(x+1−a− 1·(1−a)/(x+3−a− 2·(2−a)/(x+5−a− …))), modified Lentz, for x ≥ a + 1. */
function continuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_STEPS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h;
}

/** e^−x xᵃ / Γ(a); `logGammaA` may be given exactly (ln Γ(½) = ln √π). */
function front(a: number, x: number, logGammaA: number): number {
  return Math.exp(-x + a * Math.log(x) - logGammaA);
}

/** P(a, x) for a > 0, x ≥ 0. */
export function lowerRegularizedGamma(a: number, x: number, logGammaA = gammaln(a)): number {
  if (!(a > 0) || Number.isNaN(x)) return NaN;
  if (x <= 0) return 0;
  if (x === Infinity) return 1;
  return x < a + 1 ? Math.min(1, front(a, x, logGammaA) * series(a, x)) : Math.max(0, 1 - front(a, x, logGammaA) * continuedFraction(a, x));
}

/** Q(a, x) = 1 − P(a, x) for a > 0, x ≥ 0. */
export function upperRegularizedGamma(a: number, x: number, logGammaA = gammaln(a)): number {
  if (!(a > 0) || Number.isNaN(x)) return NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? Math.max(0, 1 - front(a, x, logGammaA) * series(a, x)) : front(a, x, logGammaA) * continuedFraction(a, x);
}
