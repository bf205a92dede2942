/**
 * The standard normal quantile and distribution functions. Normal and lognormal service times are
 * drawn by inversion (one uniform in, one draw out) so that variants keep common random numbers;
 * that needs a quantile accurate to double precision in the tails, which Box–Muller never gives.
 */

/* Wichura's AS 241 (PPND16), Applied Statistics 37(3), 1988: three rational approximations,
 * relative error about 1e-16. Coefficients are the published ones, grouped per region. */
const SPLIT_CENTRAL = 0.425;
const SPLIT_TAIL = 5;
const CENTRAL_R = 0.180625;
const INTERMEDIATE_SHIFT = 1.6;

const A0 = 3.387132872796366608, A1 = 133.14166789178437745, A2 = 1971.5909503065514427;
const A3 = 13731.693765509461125, A4 = 45921.953931549871457, A5 = 67265.770927008700853;
const A6 = 33430.575583588128105, A7 = 2509.0809287301226727;
const B1 = 42.313330701600911252, B2 = 687.1870074920579083, B3 = 5394.1960214247511077;
const B4 = 21213.794301586595867, B5 = 39307.89580009271061, B6 = 28729.085735721942674;
const B7 = 5226.495278852854561;

const C0 = 1.42343711074968357734, C1 = 4.6303378461565452959, C2 = 5.7694972214606914055;
const C3 = 3.64784832476320460504, C4 = 1.27045825245236838258, C5 = 0.24178072517745061177;
const C6 = 0.0227238449892691845833, C7 = 7.7454501427834140764e-4;
const D1 = 2.05319162663775882187, D2 = 1.6763848301838038494, D3 = 0.68976733498510000455;
const D4 = 0.14810397642748007459, D5 = 0.0151986665636164571966, D6 = 5.475938084995344946e-4;
const D7 = 1.05075007164441684324e-9;

const E0 = 6.6579046435011037772, E1 = 5.4637849111641143699, E2 = 1.7848265399172913358;
const E3 = 0.29656057182850489123, E4 = 0.026532189526576123093, E5 = 0.0012426609473880784386;
const E6 = 2.71155556874348757815e-5, E7 = 2.01033439929228813265e-7;
const F1 = 0.59983220655588793769, F2 = 0.13692988092273580531, F3 = 0.0148753612908506148525;
const F4 = 7.868691311456132591e-4, F5 = 1.8463183175100546818e-5, F6 = 1.4215117583164458887e-7;
const F7 = 2.04426310338993978564e-15;

/**
 * Returns z with Phi(z) = p (Wichura's AS 241). Exact endpoints give -Infinity and +Infinity;
 * callers that sample keep p strictly inside (0, 1) so a draw is always finite.
 */
export function normalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= SPLIT_CENTRAL) {
    const r = CENTRAL_R - q * q;
    return (
      (q * (((((((A7 * r + A6) * r + A5) * r + A4) * r + A3) * r + A2) * r + A1) * r + A0)) /
      (((((((B7 * r + B6) * r + B5) * r + B4) * r + B3) * r + B2) * r + B1) * r + 1)
    );
  }
  const tail = q < 0 ? p : 1 - p;
  if (!(tail > 0)) return Number.isNaN(p) ? NaN : q < 0 ? -Infinity : Infinity;
  let r = Math.sqrt(-Math.log(tail));
  let z: number;
  if (r <= SPLIT_TAIL) {
    r -= INTERMEDIATE_SHIFT;
    z =
      (((((((C7 * r + C6) * r + C5) * r + C4) * r + C3) * r + C2) * r + C1) * r + C0) /
      (((((((D7 * r + D6) * r + D5) * r + D4) * r + D3) * r + D2) * r + D1) * r + 1);
  } else {
    r -= SPLIT_TAIL;
    z =
      (((((((E7 * r + E6) * r + E5) * r + E4) * r + E3) * r + E2) * r + E1) * r + E0) /
      (((((((F7 * r + F6) * r + F5) * r + F4) * r + F3) * r + F2) * r + F1) * r + 1);
  }
  return q < 0 ? -z : z;
}
