import { logBeta } from './log-beta.js';

/**
 * The regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), for 0 ≤ x ≤ 1 and
 * a, b > 0: the distribution function of a Beta(a, b) variable, and through it of Student's t
 * (see `studentTQuantile`).
 *
 * Evaluated by its continued fraction (Abramowitz & Stegun 26.5.8) with the modified Lentz
 * algorithm, as in Numerical Recipes' `betai`: the fraction converges fast for
 * x < (a + 1)/(a + b + 2), and on the other side we use I_x(a, b) = 1 − I_{1−x}(b, a).
 *
 * `oneMinusX` may be passed when the caller knows 1 − x more precisely than by subtraction (for
 * Student's t, x = ν/(ν + t²) and 1 − x = t²/(ν + t²)); it matters when x is within a few ulps of 1.
 *
 * @example
 * regularizedIncompleteBeta(0.5, 2, 2);      // 0.5, to 1e-15 (symmetric)
 * regularizedIncompleteBeta(0.3, 1, 1);      // 0.3, to 1e-15 (uniform)
 * regularizedIncompleteBeta(0.25, 0.5, 0.5); // 1/3, to 1e-15 (arcsine law: (2/π)·asin(√0.25))
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number, oneMinusX: number = 1 - x): number {
  if (!(x >= 0 && x <= 1)) throw new RangeError(`regularizedIncompleteBeta: x must be in [0, 1], got ${x}`);
  if (!(a > 0 && b > 0)) throw new RangeError(`regularizedIncompleteBeta: a and b must be positive, got ${a}, ${b}`);
  if (x === 0) return 0;
  if (oneMinusX === 0) return 1;
  // x^a (1−x)^b / B(a, b) leads both branches, computed in logs. Near 1 the logarithm is taken
  // through log1p of the small complement: ln x ≈ −(1 − x) would otherwise keep only the digits
  // of x that survive rounding, and a = df/2 ≈ 5e11 multiplies that error.
  const logX = x > 0.5 ? Math.log1p(-oneMinusX) : Math.log(x);
  const logOneMinusX = oneMinusX > 0.5 ? Math.log1p(-x) : Math.log(oneMinusX);
  const front = Math.exp(a * logX + b * logOneMinusX - logBeta(a, b));
  if (x < (a + 1) / (a + b + 2)) return (front * continuedFraction(x, a, b)) / a;
  return 1 - (front * continuedFraction(oneMinusX, b, a)) / b;
}

const TINY = 1e-300;
// Two ulps of 1: a tighter test could wait forever for a step of exactly 1.
const EPS = 4.5e-16;
const MAX_TERMS = 10_000;

/** The continued fraction of I_x(a, b), modified Lentz (Numerical Recipes §6.4, `betacf`). */
function continuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_TERMS; m++) {
    const m2 = 2 * m;
    // Even step of the recurrence.
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    // Odd step.
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) return h;
  }
  throw new Error(`regularizedIncompleteBeta: continued fraction did not converge (x ${x}, a ${a}, b ${b})`);
}
