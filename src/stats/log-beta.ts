import { gammaln } from '../core/gammaln.js';

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0, accurate to about 1e-14 relative
 * even when one argument is huge (a Student-t with a million degrees of freedom needs B(500000, ½)).
 *
 * Why not just three `gammaln` calls: ln Γ(500000) ≈ 6·10⁶, so subtracting two of them throws away
 * the digits that matter. Above 10 we split ln Γ(x) = (x − ½)ln x − x + ½ln 2π + δ(x) (Stirling,
 * with its small correction δ) and cancel the large parts analytically, as R's `lbeta` does
 * (after Didonato and Morris, TOMS 708). Below 10 simple-statistics' Lanczos `gammaln` is exact
 * enough.
 *
 * @example
 * logBeta(1, 1);     // 0        (B = 1)
 * logBeta(2, 3);     // ln(1/12), to 1e-15
 * logBeta(0.5, 0.5); // ln π, to 1e-15
 */
export function logBeta(a: number, b: number): number {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (!(p > 0)) throw new RangeError(`logBeta: arguments must be positive, got ${a}, ${b}`);
  if (p >= 10) {
    // Both large: every term of Stirling's formula cancels pairwise except these.
    const correction = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(p + q);
    return (
      -0.5 * Math.log(q) + LN_SQRT_2PI + correction + (p - 0.5) * Math.log(p / (p + q)) + q * Math.log1p(-p / (p + q))
    );
  }
  if (q >= 10) {
    // Only q large: ln Γ(q) − ln Γ(p + q) by Stirling, ln Γ(p) directly.
    const correction = stirlingCorrection(q) - stirlingCorrection(p + q);
    return gammaln(p) + correction + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return gammaln(p) + gammaln(q) - gammaln(p + q);
}

const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * δ(x) = ln Γ(x) − [(x − ½)ln x − x + ½ln 2π], from the Stirling series Σ B₂ₖ / (2k(2k−1)x^(2k−1)).
 * For x ≥ 10 eight terms leave an error below 1e-17.
 */
function stirlingCorrection(x: number): number {
  const r = 1 / (x * x);
  return (
    (1 / 12 +
      r *
        (-1 / 360 +
          r * (1 / 1260 + r * (-1 / 1680 + r * (1 / 1188 + r * (-691 / 360360 + r * (1 / 156 + r * (-3617 / 122400)))))))) /
    x
  );
}
