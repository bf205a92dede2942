/**
 * The digamma and trigamma functions (first and second derivatives of ln Γ), which the gamma
 * distribution's maximum-likelihood equation needs. simple-statistics has `gammaln` but not these.
 * Method: the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then the asymptotic series; accurate to
 * about 1e-12 for x > 0.
 *
 * @example digamma(1) // −0.5772156649 (minus the Euler–Mascheroni constant)
 */
export function digamma(x: number): number {
  if (!(x > 0)) return NaN;
  let result = 0;
  while (x < 10) {
    result -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  return result + Math.log(x) - 0.5 / x - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f / 132))));
}

/** @example trigamma(1) // π²/6 = 1.6449340668 */
export function trigamma(x: number): number {
  if (!(x > 0)) return NaN;
  let result = 0;
  while (x < 10) {
    result += 1 / (x * x);
    x += 1;
  }
  const f = 1 / (x * x);
  return result + 1 / x + f / 2 + (1 / (x * x * x)) * (1 / 6 - f * (1 / 30 - f * (1 / 42 - f / 30)));
}
