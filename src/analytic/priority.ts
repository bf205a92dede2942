import { checkMoments } from './mg1.js';

/** One priority class at a single counter. */
export interface PriorityClass {
  /** λₖ, customers per minute. */
  arrivalRate: number;
  /** E[Sₖ], minutes. */
  serviceMean: number;
  /** Var[Sₖ], minutes² (E[Sₖ]² for exponential service). */
  serviceVariance: number;
}

export interface PriorityMg1Result {
  /** ρ = Σ λₖ E[Sₖ] (may exceed 1). */
  utilization: number;
  /** E[Wq] of each class, minutes, in the order given (class 0 served first); Infinity where σₖ ≥ 1. */
  waitMean: number[];
  /** E[Wq] + E[Sₖ] of each class. */
  timeInSystemMean: number[];
  /** Arrival-weighted mean wait over all classes; Infinity if any class is unstable. */
  waitMeanAll: number;
}

/**
 * Cobham's formula (1954) for a single counter with non-preemptive priorities: Poisson arrivals of
 * K classes, general service, class 0 highest; a customer in service always finishes. Within a
 * class, FIFO. (Kleinrock, *Queueing Systems* vol. 2, §3.6.)
 *
 *   Wₖ = W₀ / ((1 − σₖ₋₁)(1 − σₖ)),  W₀ = Σᵢ λᵢ E[Sᵢ²] / 2,  σₖ = Σ_{i ≤ k} ρᵢ,  σ₋₁ = 0.
 *
 * W₀ is the mean remaining service an arrival finds at the counter; the two factors are the extra
 * work of higher classes already waiting and of those arriving meanwhile.
 *
 * In the scenario file a *higher* `priority` number is served first: sort the types by descending
 * priority before calling this, so that index 0 is the most urgent.
 *
 * When the counter is overloaded (Σρ ≥ 1) the classes with σₖ < 1 still have a steady state: the
 * counter is then always busy, the first unstable class m takes the time the stable ones leave,
 * and the residual becomes W₀ = Σ_{i<m} λᵢ E[Sᵢ²]/2 + (1 − σₘ₋₁)·E[Sₘ²]/(2E[Sₘ]) (the time
 * fractions are ρᵢ for i < m, and 1 − σₘ₋₁ for m). Classes from m on get Infinity.
 *
 * @example
 * // Two exponential classes with mean 1: urgent λ = 0.2, normal λ = 0.5.
 * priorityMg1([
 *   { arrivalRate: 0.2, serviceMean: 1, serviceVariance: 1 },
 *   { arrivalRate: 0.5, serviceMean: 1, serviceVariance: 1 },
 * ]).waitMean; // [0.7 / 0.8, 0.7 / (0.8 · 0.3)] = [0.875, 2.9166…]
 */
export function priorityMg1(classes: readonly PriorityClass[]): PriorityMg1Result {
  if (classes.length === 0) throw new RangeError('priorityMg1: need at least one class');
  for (const k of classes) checkMoments('priorityMg1', k.arrivalRate, k.serviceMean, k.serviceVariance);
  const rho = classes.map((k) => k.arrivalRate * k.serviceMean);
  const utilization = rho.reduce((s, r) => s + r, 0);

  // First class whose cumulative load reaches 1 (K if none): it and those after it are unstable.
  let firstUnstable = classes.length;
  let sigma = 0;
  for (let k = 0; k < classes.length; k++) {
    sigma += rho[k];
    if (sigma >= 1) {
      firstUnstable = k;
      break;
    }
  }

  let residual = 0;
  let sigmaStable = 0;
  for (let i = 0; i < firstUnstable; i++) {
    const { arrivalRate, serviceMean, serviceVariance } = classes[i];
    residual += (arrivalRate * (serviceVariance + serviceMean * serviceMean)) / 2;
    sigmaStable += rho[i];
  }
  if (firstUnstable < classes.length) {
    // The saturating class fills the rest of the counter's time; its residual is E[S²]/(2E[S]).
    const { serviceMean, serviceVariance } = classes[firstUnstable];
    residual += ((1 - sigmaStable) * (serviceVariance + serviceMean * serviceMean)) / (2 * serviceMean);
  }

  const waitMean: number[] = [];
  const timeInSystemMean: number[] = [];
  let above = 0; // σₖ₋₁
  for (let k = 0; k < classes.length; k++) {
    const upTo = above + rho[k];
    const w = k < firstUnstable ? residual / ((1 - above) * (1 - upTo)) : Number.POSITIVE_INFINITY;
    waitMean.push(w);
    timeInSystemMean.push(w + classes[k].serviceMean);
    above = upTo;
  }

  const totalRate = classes.reduce((s, k) => s + k.arrivalRate, 0);
  let waitMeanAll = 0;
  for (let k = 0; k < classes.length; k++) {
    if (classes[k].arrivalRate > 0) waitMeanAll += (classes[k].arrivalRate * waitMean[k]) / totalRate;
  }
  return { utilization, waitMean, timeInSystemMean, waitMeanAll: totalRate > 0 ? waitMeanAll : 0 };
}
