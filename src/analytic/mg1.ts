/** Parameters of an M/G/1 desk: one counter, Poisson arrivals, any service distribution. */
export interface Mg1Params {
  /** λ, customers per minute. */
  arrivalRate: number;
  /** E[S], minutes. */
  serviceMean: number;
  /** Var[S], minutes²: 0 for a fixed service time (M/D/1), E[S]² for exponential (M/M/1). */
  serviceVariance: number;
}

export interface Mg1Result {
  /** ρ = λ·E[S] (may exceed 1: then there is no steady state). */
  utilization: number;
  /** E[Wq] = λ·E[S²] / (2(1 − ρ)), minutes. */
  waitMean: number;
  /** Lq = λ·E[Wq]. */
  queueLengthMean: number;
  /** E[Wq] + E[S]. */
  timeInSystemMean: number;
}

/**
 * The Pollaczek–Khinchine mean-value formula for an M/G/1 queue (Kleinrock, *Queueing Systems*
 * vol. 1, eq. 5.72): the mean wait depends on the service time only through its first two moments,
 * E[S²] = Var[S] + E[S]², which is why cutting the *variability* of a transaction shortens the line
 * even at the same mean. ρ ≥ 1 gives Infinity.
 *
 * @example
 * mg1({ arrivalRate: 0.5, serviceMean: 1, serviceVariance: 0 }).waitMean; // 0.5 (M/D/1, ρ = ½)
 * mg1({ arrivalRate: 0.5, serviceMean: 1, serviceVariance: 1 }).waitMean; // 1   (M/M/1, ρ = ½)
 */
export function mg1(params: Mg1Params): Mg1Result {
  const { arrivalRate, serviceMean, serviceVariance } = params;
  checkMoments('mg1', arrivalRate, serviceMean, serviceVariance);
  const utilization = arrivalRate * serviceMean;
  if (utilization >= 1) {
    const inf = Number.POSITIVE_INFINITY;
    return { utilization, waitMean: inf, queueLengthMean: inf, timeInSystemMean: inf };
  }
  const secondMoment = serviceVariance + serviceMean * serviceMean;
  const waitMean = (arrivalRate * secondMoment) / (2 * (1 - utilization));
  return {
    utilization,
    waitMean,
    queueLengthMean: arrivalRate * waitMean,
    timeInSystemMean: waitMean + serviceMean,
  };
}

/** Shared validation of a class's rate and service moments. */
export function checkMoments(who: string, arrivalRate: number, serviceMean: number, serviceVariance: number): void {
  if (!(arrivalRate >= 0 && Number.isFinite(arrivalRate))) {
    throw new RangeError(`${who}: arrivalRate must be finite and ≥ 0, got ${arrivalRate}`);
  }
  if (!(serviceMean > 0 && Number.isFinite(serviceMean))) {
    throw new RangeError(`${who}: serviceMean must be finite and > 0, got ${serviceMean}`);
  }
  if (!(serviceVariance >= 0 && Number.isFinite(serviceVariance))) {
    throw new RangeError(`${who}: serviceVariance must be finite and ≥ 0, got ${serviceVariance}`);
  }
}
