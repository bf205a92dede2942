/**
 * Patience from a ticket log, by maximum likelihood on censored data.
 *
 * A ticket system records no time for a customer who gave up: it was never called. What the log
 * does say is, for each customer:
 * - served after waiting w: its patience was longer than w (right-censored at w): a factor
 *   S(w) = P(patience > w) in the likelihood;
 * - left unserved: its patience was shorter than the wait it would have had, V (left-censored at
 *   V, i.e. in the interval (0, V)): a factor F(V) = P(patience < V). V is bounded from the log as
 *   the first moment after its ticket at which the line would surely have reached it: a counter
 *   called a ticket issued after it (first come, first served), or a counter fell idle (see
 *   wouldBeWaits in fit-log.ts).
 * Exponential patience (one parameter) and Weibull (shape and scale) are fitted; the least AIC is
 * chosen. Counting a leaver as if it left at V overstates patience; counting only the served
 * waits against the number of leavers (leaving the leavers' time out) understates it; both are
 * computed here only to show the size of that bias (see naive).
 */
import { gammaln } from 'simple-statistics';
import type { FittedLaw } from './fitted-law.js';
import { bisect, maximize, standardErrors } from './optimize.js';

export interface PatienceData {
  /** Waits of served customers, minutes: patience exceeded each. */
  served: Float64Array;
  /** Would-be waits of leavers, minutes: patience was shorter than each. */
  leavers: Float64Array;
}

export type PatienceLaw = FittedLaw<'exponential' | 'weibull'>;

export interface PatienceFit {
  best: PatienceLaw;
  fits: PatienceLaw[];
  /** Biased shortcuts, for comparison only: mean patience from (Σ served waits + Σ V) / leavers, and Σ served waits / leavers. */
  naive: { leaversAtWouldBeWait: number; leaversTimeLeftOut: number };
}

/** ln(1 − e^−z) without cancellation. */
function logOneMinusExp(z: number): number {
  return z > 0.693 ? Math.log1p(-Math.exp(-z)) : Math.log(-Math.expm1(-z));
}

function exponentialLogLik(d: PatienceData, mean: number, servedSum: number): number {
  if (!(mean > 0)) return -Infinity;
  let l = -servedSum / mean;
  for (const v of d.leavers) l += logOneMinusExp(v / mean);
  return l;
}

function weibullLogLik(d: PatienceData, shape: number, scale: number): number {
  if (!(shape > 0 && scale > 0)) return -Infinity;
  let l = 0;
  for (const w of d.served) l -= Math.pow(w / scale, shape);
  for (const v of d.leavers) l += logOneMinusExp(Math.pow(v / scale, shape));
  return l;
}

/** Null when the log cannot tell a patience: no leavers, or no served customer who waited. */
export function fitPatience(d: PatienceData): PatienceFit | null {
  let servedSum = 0;
  for (const w of d.served) servedSum += w;
  let leaverSum = 0;
  for (const v of d.leavers) leaverSum += v;
  if (d.leavers.length === 0 || !(servedSum > 0)) return null;

  // Exponential: the score Σ_leavers V/(e^{V/m} − 1)·(1/m²)… in the rate λ = 1/m it is
  // Σ V/(e^{λV} − 1) − Σ w, decreasing in λ from +∞ to −Σ w: one root.
  const score = (logRate: number) => {
    const rate = Math.exp(logRate);
    let s = -servedSum;
    for (const v of d.leavers) s += v / Math.expm1(rate * v);
    return s;
  };
  const rate = Math.exp(bisect(score, Math.log(1e-9), Math.log(1e6), 1e-12));
  const expMean = 1 / rate;
  const expLogLik = exponentialLogLik(d, expMean, servedSum);
  const exponential: PatienceLaw = {
    family: 'exponential',
    spec: { dist: 'exponential', mean: expMean },
    parameters: { mean: expMean },
    standardErrors: { mean: standardErrors(([m]) => exponentialLogLik(d, m, servedSum), [expMean])[0] },
    logLik: expLogLik,
    aic: 2 - 2 * expLogLik,
    mean: expMean,
  };

  const fits: PatienceLaw[] = [exponential];
  const [logShape, logScale] = maximize(([a, b]) => weibullLogLik(d, Math.exp(a), Math.exp(b)), [0, Math.log(expMean)]);
  const shape = Math.exp(logShape);
  const scale = Math.exp(logScale);
  if (shape >= 0.1 && shape <= 100 && Number.isFinite(scale)) {
    const logLik = weibullLogLik(d, shape, scale);
    const se = standardErrors(([k, s]) => weibullLogLik(d, k, s), [shape, scale]);
    fits.push({
      family: 'weibull',
      spec: { dist: 'weibull', shape, scale },
      parameters: { shape, scale },
      standardErrors: { shape: se[0], scale: se[1] },
      logLik,
      aic: 4 - 2 * logLik,
      mean: scale * Math.exp(gammaln(1 + 1 / shape)),
    });
  }
  fits.sort((a, b) => a.aic - b.aic);
  const n = d.leavers.length;
  return { best: fits[0], fits, naive: { leaversAtWouldBeWait: (servedSum + leaverSum) / n, leaversTimeLeftOut: servedSum / n } };
}
