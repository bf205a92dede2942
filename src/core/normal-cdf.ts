import { upperRegularizedGamma } from './incomplete-gamma.js';

/**
 * Φ(z) = P(Z ≤ z) for the standard normal, to about 1e-15 relative in either tail, and its
 * density φ(z).
 *
 * simple-statistics' `errorFunction` and `cumulativeStdNormalProbability` are accurate to about
 * 1e-7, which is fine for a table but not for the far end of a t-quantile expansion. Here we use
 * P(Z > z) = ½ Q(½, z²/2) (Q the regularized upper incomplete gamma function), evaluated by its
 * power series below z²/2 = 1.5 and by its continued fraction above (Numerical Recipes §6.2,
 * `gser` / `gcf`), both well conditioned where they are used.
 *
 * @example
 * normalCdf(0);                  // 0.5
 * normalCdf(-1.959963984540054); // 0.025, to 1e-16
 * normalCdf(-10);                // 7.61985302416047e-24
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z === 0) return 0.5;
  const tail = 0.5 * upperGammaHalf(0.5 * z * z);
  return z < 0 ? tail : 1 - tail;
}

/** φ(z), the standard normal density. */
export function normalDensity(z: number): number {
  return Math.exp(-0.5 * z * z) / SQRT_2PI;
}

const SQRT_2PI = Math.sqrt(2 * Math.PI);
const LN_SQRT_PI = 0.5 * Math.log(Math.PI); // ln Γ(½)

/** Q(½, x) = Γ(½, x) / Γ(½) = erfc(√x), for x ≥ 0. Below x = 1.5 the result is ≥ 0.08, so 1 − P is safe. */
function upperGammaHalf(x: number): number {
  return upperRegularizedGamma(0.5, x, LN_SQRT_PI);
}
