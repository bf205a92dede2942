/**
 * The analytic seed of the staffing search: per period and counter group, the work offered to the
 * group's counters and the stationary Erlang C (Erlang A with patience) answer for it. It ignores
 * what a simulation sees — the backlog an earlier hour leaves, priorities, lunch breaks, the
 * lognormal tail of service — which is exactly why it is printed beside the simulated figures.
 */
import { countersForTarget } from '../analytic/staffing.js';
import type { Model } from '../model/model.js';
import type { StaffingTarget } from './target.js';

/** What one group is offered in one period, pooled over the types it serves. */
export interface OfferedWork {
  /** Customers per minute who need one of the group's counters. */
  arrivalRate: number;
  /** Pooled mean service, minutes (the load-weighted mean of the types' means). */
  serviceMean: number;
  /** Mean patience, minutes: the inverse of the arrival-weighted giving-up rate; Infinity when nobody gives up. */
  patienceMean: number;
  /** Erlangs: arrivalRate × serviceMean. */
  load: number;
}

/**
 * Customers per minute of each type arriving in [start, end): walk-ins from the profile (or the
 * trace), booked visits from their slots (on time on average), then the kiosks' diverted share
 * removed (a kiosk user who falls back still needs a counter).
 */
export function counterArrivalRates(model: Model, start: number, end: number): Float64Array {
  const types = model.types.length;
  const shares = Float64Array.from(model.typeCumShare, (cum, t) => cum - (t > 0 ? model.typeCumShare[t - 1] : 0));
  const perType = new Float64Array(types);
  const length = end - start;
  const arrivals = model.arrivals;
  if (arrivals.kind === 'poisson') {
    let expected = 0;
    for (let i = 0; i < arrivals.pieceStart.length; i++) {
      const from = Math.max(start, arrivals.pieceStart[i]);
      const to = Math.min(end, i + 1 < arrivals.pieceStart.length ? arrivals.pieceStart[i + 1] : Infinity);
      if (to > from) expected += arrivals.ratePerMinute[i] * (to - from);
    }
    for (let t = 0; t < types; t++) perType[t] += (expected * shares[t]) / length;
  } else {
    for (let i = 0; i < arrivals.times.length; i++) {
      const at = arrivals.times[i];
      if (at < start || at >= end) continue;
      const type = arrivals.typeOfCode[arrivals.typeCodes[i]];
      if (type >= 0) perType[type] += 1 / length;
      else for (let t = 0; t < types; t++) perType[t] += shares[t] / length;
    }
  }
  const booked = model.appointments;
  if (booked) {
    const shift = booked.punctuality ? booked.punctuality.mean : 0;
    for (let slot = booked.start; slot < model.horizon; slot += booked.every) {
      const at = slot + shift;
      if (at < start || at >= end) continue;
      const coming = booked.perSlot * (1 - booked.noShow);
      if (booked.type >= 0) perType[booked.type] += coming / length;
      else for (let t = 0; t < types; t++) perType[t] += (coming * shares[t]) / length;
    }
  }
  if (model.kiosks) {
    const fallback = model.kiosks.fallback;
    for (let t = 0; t < types; t++) perType[t] *= 1 - model.types[t].kioskUptake * (1 - fallback);
  }
  return perType;
}

/**
 * The work offered to `group` in [start, end). A type served by k groups counts 1/k towards each:
 * the formulas know nothing of routing, and an even split is the neutral guess.
 */
export function offeredWork(model: Model, group: number, start: number, end: number): OfferedWork {
  const rates = counterArrivalRates(model, start, end);
  let arrivalRate = 0;
  let work = 0;
  let givingUp = 0;
  model.types.forEach((type, t) => {
    if (!type.servedBy.includes(group)) return;
    const rate = rates[t] / type.servedBy.length;
    arrivalRate += rate;
    work += rate * type.service.mean;
    if (type.patience) givingUp += rate / type.patience.mean;
  });
  if (arrivalRate === 0) return { arrivalRate: 0, serviceMean: 1, patienceMean: Infinity, load: 0 };
  return {
    arrivalRate,
    serviceMean: work / arrivalRate,
    patienceMean: givingUp > 0 ? arrivalRate / givingUp : Infinity,
    load: work,
  };
}

/** Erlang C (or A) counters for the offered work: the stationary answer, uncapped. */
export function erlangCounters(work: OfferedWork, target: StaffingTarget): number {
  if (work.arrivalRate === 0 || work.serviceMean === 0) return 0;
  return countersForTarget({
    arrivalRate: work.arrivalRate,
    serviceMean: work.serviceMean,
    patienceMean: work.patienceMean,
    waitTarget: target.waitTarget,
    serviceLevel: target.serviceLevel ?? undefined,
    maxAbandon: target.maxAbandon ?? undefined,
  });
}
