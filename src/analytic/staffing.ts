import { erlangA } from './erlang-a.js';
import { erlangAServiceLevel } from './erlang-a-service-level.js';

/** What the planner asks of a staffing level. */
export interface ServiceLevelTarget {
  /** λ, customers per minute. */
  arrivalRate: number;
  /** E[S], minutes. */
  serviceMean: number;
  /** Minutes a customer may wait and still count as well served (the scenario's `waitTarget`). */
  waitTarget: number;
  /** Required share served within the target, in [0, 1), e.g. 0.8 for "80% within 10 minutes". */
  serviceLevel: number;
}

/**
 * The fewest counters for which an M/M/c line meets a service level: the smallest c with
 * P(Wq ≤ waitTarget) ≥ serviceLevel. The classic "square-root staffing" question, answered
 * exactly; a staffing optimiser starts its simulation search here.
 *
 * Steps c upward from 1 with the Erlang B recursion (B(c) from B(c − 1), no factorials), so the
 * whole search costs O(c). Service level at c (for c > A = λ·E[S]) is
 * 1 − C(c, A)·e^(−(c − A)·t / E[S]) with C = c·B / (c − A·(1 − B)).
 *
 * @example
 * countersForServiceLevel({ arrivalRate: 1, serviceMean: 5, waitTarget: 1, serviceLevel: 0.8 }); // 8 (7 give 78%)
 */
export function countersForServiceLevel(target: ServiceLevelTarget): number {
  const { arrivalRate, serviceMean, waitTarget, serviceLevel } = target;
  if (!(arrivalRate >= 0 && Number.isFinite(arrivalRate))) {
    throw new RangeError(`countersForServiceLevel: arrivalRate must be finite and ≥ 0, got ${arrivalRate}`);
  }
  if (!(serviceMean > 0 && Number.isFinite(serviceMean))) {
    throw new RangeError(`countersForServiceLevel: serviceMean must be finite and > 0, got ${serviceMean}`);
  }
  if (!(waitTarget >= 0)) throw new RangeError(`countersForServiceLevel: waitTarget must be ≥ 0, got ${waitTarget}`);
  if (!(serviceLevel >= 0 && serviceLevel < 1)) {
    throw new RangeError(`countersForServiceLevel: serviceLevel must be in [0, 1), got ${serviceLevel}`);
  }
  const a = arrivalRate * serviceMean;
  let b = 1;
  for (let c = 1; ; c++) {
    b = (a * b) / (c + a * b);
    if (c <= a) continue;
    const probWait = (c * b) / (c - a * (1 - b));
    const level = 1 - probWait * Math.exp((-(c - a) * waitTarget) / serviceMean);
    if (level >= serviceLevel) return c;
  }
}

/** A period's offered work and what the planner asks of it, for Erlang C or Erlang A. */
export interface QueueTarget {
  /** λ, customers per minute. */
  arrivalRate: number;
  /** E[S], minutes. */
  serviceMean: number;
  /** θ, mean patience in minutes; Infinity when nobody gives up (Erlang C). */
  patienceMean: number;
  /** Minutes within which a customer counts as well served. */
  waitTarget: number;
  /** Required share served within `waitTarget` (abandoners are misses), when asked. */
  serviceLevel?: number;
  /** Largest share of arrivals who may give up, when asked. */
  maxAbandon?: number;
}

/**
 * The fewest counters meeting every part of the target in steady state: Erlang C without
 * patience (service level 1 − C·e^(−(c − A)t/E[S]); nobody abandons, but the line must be stable,
 * c > A), Erlang A with patience (service level from `erlangAServiceLevel`, abandonment from
 * `erlangA`). 0 when nobody arrives. Both figures only improve with c, so the first c that meets
 * them is the answer.
 *
 * @example
 * countersForTarget({ arrivalRate: 1, serviceMean: 5, patienceMean: Infinity, waitTarget: 1, serviceLevel: 0.8 }); // 8
 */
export function countersForTarget(target: QueueTarget): number {
  const { arrivalRate, serviceMean, patienceMean, waitTarget, serviceLevel, maxAbandon } = target;
  if (!(arrivalRate >= 0 && Number.isFinite(arrivalRate))) {
    throw new RangeError(`countersForTarget: arrivalRate must be finite and ≥ 0, got ${arrivalRate}`);
  }
  if (arrivalRate === 0) return 0;
  const load = arrivalRate * serviceMean;
  if (!Number.isFinite(patienceMean)) {
    const stable = Math.floor(load) + 1;
    if (serviceLevel === undefined || serviceLevel <= 0) return stable;
    return Math.max(stable, countersForServiceLevel({ arrivalRate, serviceMean, waitTarget, serviceLevel: Math.min(serviceLevel, 1 - 1e-12) }));
  }
  for (let c = 1; ; c++) {
    const params = { arrivalRate, serviceMean, servers: c, patienceMean };
    if (maxAbandon !== undefined && erlangA(params).abandonShare > maxAbandon) continue;
    if (serviceLevel !== undefined && erlangAServiceLevel(params, waitTarget) < serviceLevel) continue;
    return c;
  }
}
