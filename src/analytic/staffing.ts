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
