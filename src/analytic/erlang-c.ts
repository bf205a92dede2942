import { checkServers, erlangB } from './erlang-b.js';

/**
 * Erlang C: the probability that an arrival has to wait in an M/M/c queue (Poisson arrivals,
 * exponential service, c counters, one shared FIFO line, nobody leaves), offered `offeredLoad`
 * Erlangs A = λ·E[S]. Equal to 1 when A ≥ c (the line grows without bound).
 *
 * C(c, A) = c·B / (c − A·(1 − B)) with B = Erlang B (Cooper 1981, eq. 3.3.8), which inherits the
 * recursion's stability: no factorials.
 *
 * @example
 * erlangC(1, 0.9); // 0.9 (M/M/1: P(wait) = ρ)
 * erlangC(2, 1);   // 1/3
 */
export function erlangC(servers: number, offeredLoad: number): number {
  checkServers(servers);
  if (!(offeredLoad >= 0)) throw new RangeError(`erlangC: offered load must be ≥ 0, got ${offeredLoad}`);
  if (offeredLoad >= servers) return 1;
  const b = erlangB(servers, offeredLoad);
  return (servers * b) / (servers - offeredLoad * (1 - b));
}

/** Parameters of an M/M/c front desk: times in minutes, rates per minute. */
export interface MmcParams {
  /** λ, customers per minute (a scenario's perHour / 60). */
  arrivalRate: number;
  /** E[S], minutes. */
  serviceMean: number;
  /** c, staffed counters sharing one line. */
  servers: number;
}

export interface MmcResult {
  /** A = λ·E[S], in Erlangs: the average number of counters the work needs. */
  offeredLoad: number;
  /** Share of time a counter is busy: min(1, A / c). */
  utilization: number;
  /** P(Wq > 0), Erlang C. */
  probWait: number;
  /** E[Wq], minutes in line: C · E[S] / (c − A). */
  waitMean: number;
  /** P(Wq ≤ t) = 1 − C·e^(−(c − A)·t / E[S]); the service level at a wait target of t minutes. */
  waitWithin(t: number): number;
  /** Lq = λ·E[Wq] (Little), people in line. */
  queueLengthMean: number;
  /** E[Wq] + E[S]. */
  timeInSystemMean: number;
}

/**
 * Steady-state M/M/c figures (Gross & Harris, *Fundamentals of Queueing Theory*, §2.3); M/M/1 is
 * servers = 1. When A ≥ c there is no steady state: probWait 1, waits and lengths Infinity,
 * waitWithin(t) 0.
 *
 * @example
 * const desk = mmc({ arrivalRate: 0.9, serviceMean: 1, servers: 1 });
 * desk.waitMean;        // 9  (ρ/(μ − λ))
 * desk.waitWithin(5);   // 1 − 0.9·e^(−0.5) ≈ 0.4541
 */
export function mmc(params: MmcParams): MmcResult {
  const { arrivalRate, serviceMean, servers } = params;
  checkServers(servers);
  if (!(arrivalRate >= 0 && Number.isFinite(arrivalRate))) {
    throw new RangeError(`mmc: arrivalRate must be finite and ≥ 0, got ${arrivalRate}`);
  }
  if (!(serviceMean > 0 && Number.isFinite(serviceMean))) {
    throw new RangeError(`mmc: serviceMean must be finite and > 0, got ${serviceMean}`);
  }
  const offeredLoad = arrivalRate * serviceMean;
  const utilization = Math.min(1, offeredLoad / servers);
  if (offeredLoad >= servers) {
    return {
      offeredLoad,
      utilization,
      probWait: 1,
      waitMean: Number.POSITIVE_INFINITY,
      waitWithin: () => 0,
      queueLengthMean: Number.POSITIVE_INFINITY,
      timeInSystemMean: Number.POSITIVE_INFINITY,
    };
  }
  const probWait = erlangC(servers, offeredLoad);
  const waitMean = (probWait * serviceMean) / (servers - offeredLoad);
  // Given a wait, it is exponential with rate cμ − λ = (c − A)/E[S].
  const drainRate = (servers - offeredLoad) / serviceMean;
  return {
    offeredLoad,
    utilization,
    probWait,
    waitMean,
    waitWithin: (t: number) => (t < 0 ? 0 : 1 - probWait * Math.exp(-drainRate * t)),
    queueLengthMean: arrivalRate * waitMean,
    timeInSystemMean: waitMean + serviceMean,
  };
}
