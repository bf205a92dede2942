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
const EPS = 4.5e-16;
const TINY = 1e-300;

/** Q(½, x) = Γ(½, x) / Γ(½) = erfc(√x), for x ≥ 0. */
function upperGammaHalf(x: number): number {
  if (x === Number.POSITIVE_INFINITY) return 0;
  const a = 0.5;
  const front = Math.exp(-x + a * Math.log(x) - LN_SQRT_PI);
  if (x < a + 1) {
    // P(a, x) = front · Σ xⁿ / (a (a+1) … (a+n)); the result Q ≥ 0.08 here, so 1 − P is safe.
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) break;
    }
    return 1 - front * sum;
  }
  // Q(a, x) = front · 1/(x+1−a− 1·(1−a)/(x+3−a− 2·(2−a)/(x+5−a− …))), modified Lentz.
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
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
  return front * h;
}
