/**
 * The two numerical tools maximum likelihood needs here: a root of a monotone function by
 * bisection (robust where Newton's method can jump out of the domain), and the standard errors of
 * the estimates from the observed information (the curvature of the log-likelihood at its top).
 */

/** A root of an increasing or decreasing `f` between `lo` and `hi` (f(lo), f(hi) of opposite signs). */
export function bisect(f: (x: number) => number, lo: number, hi: number, tolerance = 1e-10): number {
  let flo = f(lo);
  for (let i = 0; i < 200 && hi - lo > tolerance * Math.max(1, Math.abs(lo)); i++) {
    const mid = 0.5 * (lo + hi);
    const fm = f(mid);
    if (fm === 0) return mid;
    if (Math.sign(fm) === Math.sign(flo)) {
      lo = mid;
      flo = fm;
    } else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/**
 * Maximizes `f` over a few parameters with the Nelder–Mead simplex, starting at `start` with
 * relative steps `step`. Used on log-parameters, so every point is inside the domain.
 */
export function maximize(f: (x: number[]) => number, start: number[], step = 0.2, iterations = 2000): number[] {
  const n = start.length;
  const cost = (x: number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? -v : Infinity;
  };
  let simplex = [start, ...start.map((_, i) => start.map((v, j) => (i === j ? v + step : v)))].map((x) => ({ x, c: cost(x) }));
  for (let it = 0; it < iterations; it++) {
    simplex.sort((a, b) => a.c - b.c);
    const best = simplex[0];
    const worst = simplex[n];
    if (Math.abs(worst.c - best.c) <= 1e-12 * (1 + Math.abs(best.c)) && it > 10) break;
    const centroid = start.map((_, j) => simplex.slice(0, n).reduce((s, p) => s + p.x[j], 0) / n);
    const along = (t: number) => centroid.map((c, j) => c + t * (worst.x[j] - c));
    const reflected = along(-1);
    const rc = cost(reflected);
    if (rc < best.c) {
      const expanded = along(-2);
      const ec = cost(expanded);
      simplex[n] = ec < rc ? { x: expanded, c: ec } : { x: reflected, c: rc };
    } else if (rc < simplex[n - 1].c) {
      simplex[n] = { x: reflected, c: rc };
    } else {
      const contracted = along(0.5);
      const cc = cost(contracted);
      if (cc < worst.c) simplex[n] = { x: contracted, c: cc };
      else simplex = simplex.map((p, i) => (i === 0 ? p : { x: p.x.map((v, j) => best.x[j] + 0.5 * (v - best.x[j])), c: 0 })).map((p, i) => (i === 0 ? p : { x: p.x, c: cost(p.x) }));
    }
  }
  simplex.sort((a, b) => a.c - b.c);
  return simplex[0].x;
}

/**
 * Standard errors of the maximum-likelihood estimates `at` of `logLik`: square roots of the
 * diagonal of the inverse observed information (minus the Hessian, by central differences).
 * NaN where the curvature is not that of a maximum.
 */
export function standardErrors(logLik: (x: number[]) => number, at: number[]): number[] {
  const n = at.length;
  const h = at.map((v) => 1e-4 * Math.max(Math.abs(v), 1e-3));
  const shifted = (d: number[]) => logLik(at.map((v, i) => v + d[i] * h[i]));
  const zero = at.map(() => 0);
  const unit = (i: number, s: number, j = -1, t = 0) => zero.map((_, k) => (k === i ? s : 0) + (k === j ? t : 0));
  const f0 = logLik(at);
  const info: number[][] = at.map(() => at.map(() => 0));
  for (let i = 0; i < n; i++) {
    info[i][i] = -(shifted(unit(i, 1)) - 2 * f0 + shifted(unit(i, -1))) / (h[i] * h[i]);
    for (let j = i + 1; j < n; j++) {
      const v = -(shifted(unit(i, 1, j, 1)) - shifted(unit(i, 1, j, -1)) - shifted(unit(i, -1, j, 1)) + shifted(unit(i, -1, j, -1))) / (4 * h[i] * h[j]);
      info[i][j] = info[j][i] = v;
    }
  }
  if (n === 1) return [info[0][0] > 0 ? Math.sqrt(1 / info[0][0]) : NaN];
  if (n === 2) {
    const det = info[0][0] * info[1][1] - info[0][1] * info[1][0];
    if (!(det > 0) || !(info[0][0] > 0)) return [NaN, NaN];
    return [Math.sqrt(info[1][1] / det), Math.sqrt(info[0][0] / det)];
  }
  throw new Error('standardErrors: only one or two parameters');
}
