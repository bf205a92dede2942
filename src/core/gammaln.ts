/**
 * ln Γ(n) by Lanczos' approximation (g = 607/128, 15 terms): simple-statistics' `gammaln`
 * (ISC licence, simple-statistics 7.12.1, src/gammaln.js), the same coefficients and the same
 * operations in the same order, so the same bits (test/core/gammaln.test.ts checks it against the
 * package). Why a copy: the package is one 167 kB module, and importing it for this one function
 * cost every process (each shard, merge, a one-replication compare) about 4-8 ms of CPU at start.
 * `fit` still uses the package for its other functions.
 *
 * @example
 * gammaln(500); // 2605.1158503617335
 * gammaln(2.4); // 0.21685932244884043
 */
const COEFFICIENTS = [
  0.99999999999999709182, 57.156235665862923517, -59.597960355475491248, 14.136097974741747174, -0.49191381609762019978,
  0.33994649984811888699e-4, 0.46523628927048575665e-4, -0.98374475304879564677e-4, 0.15808870322491248884e-3,
  -0.21026444172410488319e-3, 0.2174396181152126432e-3, -0.16431810653676389022e-3, 0.84418223983852743293e-4,
  -0.2619083840158140867e-4, 0.36899182659531622704e-5,
];

const G = 607 / 128;
const LOGSQRT2PI = Math.log(Math.sqrt(2 * Math.PI));

/** ln Γ(n) for n > 0; Infinity for n <= 0 (as the package). */
export function gammaln(n: number): number {
  if (n <= 0) return Number.POSITIVE_INFINITY;
  // The approximation is written for n - 1.
  n--;
  let a = COEFFICIENTS[0];
  for (let i = 1; i < 15; i++) a += COEFFICIENTS[i] / (n + i);
  const tmp = G + 0.5 + n;
  return LOGSQRT2PI + Math.log(a) - tmp + (n + 0.5) * Math.log(tmp);
}
