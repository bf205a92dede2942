import { normalQuantile } from '../core/normal-quantile.js';
import { studentTCdf, studentTDensity } from './student-t-cdf.js';

/** Above this, the expansion in the normal quantile is exact to double precision (see below). */
const LARGE_DF = 1e5;

/**
 * The p-quantile of Student's t with `df` degrees of freedom: the multiplier of a confidence
 * interval, e.g. t(0.975, 29) = 2.045229642 for a 95% interval from 30 replications.
 *
 * simple-statistics has the t statistic (`tTest`) but not this inverse. Approximations such as
 * Hill (1970) or Cornish–Fisher are off in the third decimal for the small df that few
 * replications give, so up to 1e5 degrees of freedom we invert the exact distribution function
 * (`studentTCdf`, via the regularized incomplete beta) by safeguarded Newton steps on the
 * log of the tail, which reach ~1e-13 relative in a handful of iterations even far out in the
 * tail. df = 1 (Cauchy) and df = 2 have closed forms, used directly.
 *
 * Above 1e5 the beta form starts to lose digits, and the expansion in the normal quantile z
 * (Abramowitz & Stegun 26.7.5) t = z + g₁/df + g₂/df² + g₃/df³ + g₄/df⁴ is better than 1e-15.
 * df = Infinity gives the normal quantile.
 *
 * @example
 * studentTQuantile(0.975, 1);    // 12.7062047362
 * studentTQuantile(0.975, 4);    // 2.7764451052
 * studentTQuantile(0.975, 29);   // 2.0452296421
 * studentTQuantile(0.025, 1000); // -1.9623390808
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`studentTQuantile: p must be in [0, 1], got ${p}`);
  if (!(df > 0)) throw new RangeError(`studentTQuantile: degrees of freedom must be positive, got ${df}`);
  if (p === 0.5) return 0;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  // Work with the smaller tail: 1 − p is exact for p in [½, 1] (Sterbenz), and the tail keeps its
  // relative precision where p itself has none left.
  const tail = p < 0.5 ? p : 1 - p;
  const t = df > LARGE_DF ? largeDfQuantile(tail, df) : upperQuantile(tail, df);
  return p < 0.5 ? -t : t;
}

/** The t > 0 with P(T > t) = tail, for 0 < tail < ½. */
function upperQuantile(tail: number, df: number): number {
  if (df === 1) return 1 / Math.tan(Math.PI * tail);
  if (df === 2) return (1 - 2 * tail) / Math.sqrt(2 * tail * (1 - tail));
  // Newton on ln P(T > t) against ln t: the t tail is a power law far out (ln S ≈ c − df·ln t,
  // a straight line, solved in one step) and close to normal near the centre, so steps in these
  // coordinates converge in a handful of iterations from anywhere. A bracket [lo, hi] catches any
  // step that strays (or a tail that underflows to 0) and falls back to bisection.
  const logTarget = Math.log(tail);
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  // The t quantile lies beyond the normal one, by about (z³ + z) / (4 df).
  let t = -normalQuantile(tail);
  for (let i = 0; i < 200; i++) {
    const upper = studentTCdf(-t, df); // the upper tail at t, computed without cancellation
    if (upper > tail) lo = t;
    else if (upper < tail) hi = t;
    else return t;
    const slope = (t * studentTDensity(t, df)) / upper; // −d ln S / d ln t
    let next = t * Math.exp((Math.log(upper) - logTarget) / slope);
    // Only a power-law tail thinner than any double (df < 1, tail < 1e-100) overflows here.
    if (next === Number.POSITIVE_INFINITY && hi === Number.POSITIVE_INFINITY) return next;
    if (!(next > lo && next < hi)) next = hi === Number.POSITIVE_INFINITY ? 2 * t : lo > 0 ? Math.sqrt(lo * hi) : hi / 2;
    if (Math.abs(next - t) <= 1e-14 * next) return next;
    t = next;
  }
  return t;
}

/** A&S 26.7.5: the upper t quantile as a series in 1/df around the normal quantile. */
function largeDfQuantile(tail: number, df: number): number {
  const z = -normalQuantile(tail);
  if (df === Number.POSITIVE_INFINITY) return z;
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}
