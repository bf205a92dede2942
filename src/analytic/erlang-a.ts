import { checkServers } from './erlang-b.js';

/** Parameters of an M/M/c+M desk: Erlang C plus customers who give up. */
export interface ErlangAParams {
  /** λ, customers per minute. */
  arrivalRate: number;
  /** E[S], minutes (exponential). */
  serviceMean: number;
  /** c, counters sharing one FIFO line. */
  servers: number;
  /** θ, mean patience in minutes (exponential); Infinity for nobody leaving (then Erlang C). */
  patienceMean: number;
}

/**
 * Steady-state figures of M/M/c+M. "Share" and "mean" are over arriving customers (by PASTA, an
 * arrival sees the stationary distribution pₙ of n customers inside).
 */
export interface ErlangAResult {
  /** A = λ·E[S], Erlangs. */
  offeredLoad: number;
  /** Mean busy counters / c = Σ min(n, c)·pₙ / c. */
  utilization: number;
  /** Share of arrivals who find every counter busy: Σ_{n ≥ c} pₙ. */
  probWait: number;
  /** Share of arrivals who abandon: (abandonment rate)/λ = Σ_{n > c} (n − c)/θ · pₙ / λ. */
  abandonShare: number;
  /** Lq = Σ_{n > c} (n − c)·pₙ, people in line. */
  queueLengthMean: number;
  /** Mean time in line of all arrivals, abandoners up to the moment they leave: Lq / λ (Little). */
  waitMean: number;
  /** Mean time in line of those who get served (0 for those served at once included). */
  waitMeanServed: number;
  /** Mean time in line of those who abandon, until they leave; NaN when nobody abandons. */
  waitMeanAbandoned: number;
  /** Number of states of the truncated chain that was solved. */
  states: number;
}

/** Stop once the mass beyond the last state is below this share of the whole. */
const TAIL = 1e-15;
const MAX_STATES = 50_000_000;

/**
 * Erlang A (Palm 1943; Garnett, Mandelbaum and Reiman 2002): M/M/c with exponential patience of
 * mean θ. Every waiting customer leaves at rate 1/θ, so the line cannot grow without bound and
 * there is a steady state even when A ≥ c — the honest model of an overloaded desk.
 *
 * Solved as the birth–death chain on n = 0, 1, 2, … customers inside, with birth rate λ and death
 * rate dₙ = min(n, c)/E[S] + max(n − c, 0)/θ, so pₙ ∝ Π_{k ≤ n} λ/dₖ. The chain is walked until the
 * remaining tail is provably below 1e-15 of the total (beyond c the ratios λ/dₙ only fall, so the
 * tail after n is at most pₙ·r/(1 − r) with r = λ/dₙ₊₁). One pass, constant memory, products
 * rescaled as they go so that nothing overflows even for hundreds of counters.
 *
 * The served customers' mean wait needs more than pₙ: an arrival who finds q = n − c others waiting
 * must pass q + 1 stages (i = q, …, 0 still ahead); in stage i the line in front advances at
 * aᵢ = c/E[S] + i/θ and the customer itself leaves at 1/θ. Stage times are exponential with mean
 * 1/(aᵢ + 1/θ) whichever happens first, so with sᵢ = aᵢ/(aᵢ + 1/θ):
 * P(served | q) = Π sᵢ and E[W·1{served} | q] = Π sᵢ · Σ 1/(aᵢ + 1/θ).
 *
 * θ = Infinity is Erlang C; with A ≥ c it has no steady state, and waits come back Infinity.
 *
 * @example
 * // One counter, λ = 1/min, E[S] = 1, θ = 1: dₙ = n, so pₙ is Poisson(1).
 * const a = erlangA({ arrivalRate: 1, serviceMean: 1, servers: 1, patienceMean: 1 });
 * a.abandonShare; // e⁻¹ ≈ 0.3679
 * a.probWait;     // 1 − e⁻¹
 */
export function erlangA(params: ErlangAParams): ErlangAResult {
  const { arrivalRate: lambda, serviceMean, servers: c, patienceMean } = params;
  checkServers(c);
  if (!(lambda >= 0 && Number.isFinite(lambda))) {
    throw new RangeError(`erlangA: arrivalRate must be finite and ≥ 0, got ${lambda}`);
  }
  if (!(serviceMean > 0 && Number.isFinite(serviceMean))) {
    throw new RangeError(`erlangA: serviceMean must be finite and > 0, got ${serviceMean}`);
  }
  if (!(patienceMean > 0)) throw new RangeError(`erlangA: patienceMean must be > 0, got ${patienceMean}`);

  const offeredLoad = lambda * serviceMean;
  const mu = 1 / serviceMean;
  const nu = 1 / patienceMean; // 0 when patience is infinite
  if (nu === 0 && offeredLoad >= c) {
    const inf = Number.POSITIVE_INFINITY;
    return {
      offeredLoad,
      utilization: 1,
      probWait: 1,
      abandonShare: 0,
      queueLengthMean: inf,
      waitMean: inf,
      waitMeanServed: inf,
      waitMeanAbandoned: Number.NaN,
      states: 0,
    };
  }
  if (lambda === 0) {
    return {
      offeredLoad,
      utilization: 0,
      probWait: 0,
      abandonShare: 0,
      queueLengthMean: 0,
      waitMean: 0,
      waitMeanServed: 0,
      waitMeanAbandoned: Number.NaN,
      states: 1,
    };
  }

  // Unnormalised pₙ (weight) and the sums we need, all on the same scale.
  let weight = 1; // p₀
  let total = 1;
  let busy = 0; // Σ min(n, c)·pₙ
  let waiting = 0; // Σ_{n ≥ c} pₙ
  let queue = 0; // Σ (n − c)⁺·pₙ
  let servedWait = 0; // Σ_{n ≥ c} pₙ · E[W·1{served} | q = n − c]
  let allWait = 0; // Σ_{n ≥ c} pₙ · E[W | q = n − c]
  // Stage products for an arrival who finds q waiting: Π sᵢ, Σ 1/(aᵢ + ν), E[W | q].
  let survive = 1;
  let stageSum = 0;
  let expectedWait = 0;

  let n = 0;
  for (;;) {
    if (n >= c) {
      const q = n - c;
      const advance = c * mu + q * nu;
      const leaveOrAdvance = advance + nu;
      const s = advance / leaveOrAdvance;
      survive *= s;
      stageSum += 1 / leaveOrAdvance;
      expectedWait = 1 / leaveOrAdvance + s * expectedWait;
      waiting += weight;
      servedWait += weight * survive * stageSum;
      allWait += weight * expectedWait;
    }
    // Next state.
    const next = n + 1;
    const death = Math.min(next, c) * mu + Math.max(next - c, 0) * nu;
    const ratio = lambda / death;
    if (n >= c && ratio < 1 && (weight * ratio) / (1 - ratio) <= TAIL * total) break;
    if (next > MAX_STATES) throw new RangeError(`erlangA: more than ${MAX_STATES} states; patience too long for this load`);
    weight *= ratio;
    n = next;
    total += weight;
    busy += Math.min(n, c) * weight;
    if (n > c) queue += (n - c) * weight;
    if (weight > 1e250) {
      // Rescale everything together; only ratios of these sums are ever used.
      const f = 1e-250;
      weight *= f;
      total *= f;
      busy *= f;
      waiting *= f;
      queue *= f;
      servedWait *= f;
      allWait *= f;
    }
  }

  const queueLengthMean = queue / total;
  const abandonShare = (nu * queueLengthMean) / lambda;
  const waitMean = queueLengthMean / lambda;
  const servedShare = 1 - abandonShare;
  const waitMeanServed = servedWait / total / servedShare;
  const abandonedWait = allWait / total - servedWait / total;
  return {
    offeredLoad,
    utilization: Math.min(1, busy / total / c), // rounding can leave it a hair above 1
    probWait: waiting / total,
    abandonShare,
    queueLengthMean,
    waitMean,
    waitMeanServed,
    waitMeanAbandoned: abandonShare > 0 ? abandonedWait / abandonShare : Number.NaN,
    states: n + 1,
  };
}
