/**
 * Warnings about a scenario that is valid but cannot settle: where the offered load over the day
 * reaches the capacity staffed over the day (patience and balking aside), lines grow all day long and the averages then depend
 * on the horizon more than on the hall. (A peak that exceeds capacity for an hour is ordinary and
 * shows in byPeriod; it is not warned about.)
 *
 * The load counts walk-ins and booked appointments (`perSlot·(1 − noShow)` every `every` minutes
 * from `start`); the capacity counts the time counters are broken as lost (a counter with
 * breakdowns works `mtbf/(mtbf + repair)` of its staffed time, in the means of the two laws).
 */
import type { BreakdownModel, Model } from '../model/model.js';

/** Mean walk-in rate per minute over the horizon. */
function meanRate(model: Model): number {
  const arrivals = model.arrivals;
  if (arrivals.kind === 'trace') return arrivals.times.length / model.horizon;
  const starts = arrivals.pieceStart;
  let expected = 0;
  for (let i = 0; i < starts.length; i++) {
    const end = Math.min(i + 1 < starts.length ? starts[i + 1] : Infinity, model.horizon);
    if (end > starts[i]) expected += arrivals.ratePerMinute[i] * (end - starts[i]);
  }
  return expected / model.horizon;
}

/**
 * Booked customers per minute over the horizon, who come (no-shows left out): slots at
 * `start, start + every, …` before the horizon, `perSlot` each.
 */
function bookedRate(model: Model): number {
  const a = model.appointments;
  if (!a || a.start >= model.horizon) return 0;
  const slots = Math.ceil((model.horizon - a.start) / a.every);
  return (slots * a.perSlot * (1 - a.noShow)) / model.horizon;
}

/** The share of time a server with these breakdowns is not broken, in the long run. */
export function availabilityOf(breakdown: BreakdownModel | null): number {
  if (!breakdown) return 1;
  const up = breakdown.upTime.mean;
  return up / (up + breakdown.repair.mean);
}

/** Mean number of staffed counters of a group over the horizon. */
function meanStaff(shiftAt: Float64Array, shiftCount: Int32Array, horizon: number): number {
  let area = 0;
  for (let i = 0; i < shiftAt.length; i++) {
    const end = Math.min(i + 1 < shiftAt.length ? shiftAt[i + 1] : Infinity, horizon);
    if (end > shiftAt[i]) area += shiftCount[i] * (end - shiftAt[i]);
  }
  return area / horizon;
}

export interface Load {
  /** The counter groups (or `kiosks`) that share this load through their skills. */
  stations: string[];
  /** Offered load in erlangs: arrivals per minute × mean service minutes. */
  load: number;
  /** Mean number of counters (or kiosks) staffed and not broken. */
  capacity: number;
  /** Mean number staffed, breakdowns aside. */
  staffed: number;
  /** Of `load`, the part from booked appointments. */
  booked: number;
}

/**
 * Offered load against capacity, averaged over the day, for each set of counter groups linked by
 * shared skills (a type served by two groups joins them: work can flow between them, so only
 * their total can be compared with their total staff), and for the kiosks.
 */
export function offeredLoads(model: Model): Load[] {
  const rate = meanRate(model);
  const booked = bookedRate(model);
  const groups = model.groups;
  // Union-find over groups: two groups that serve a common type are in one set.
  const parent = groups.map((_, g) => g);
  const root = (g: number): number => (parent[g] === g ? g : (parent[g] = root(parent[g])));
  for (const type of model.types) {
    for (let i = 1; i < type.servedBy.length; i++) parent[root(type.servedBy[i])] = root(type.servedBy[0]);
  }
  const sets = new Map<number, Load>();
  groups.forEach((g, i) => {
    const r = root(i);
    const set = sets.get(r) ?? { stations: [], load: 0, capacity: 0, staffed: 0, booked: 0 };
    const staffed = meanStaff(g.shiftAt, g.shiftCount, model.horizon);
    set.stations.push(g.name);
    set.staffed += staffed;
    set.capacity += staffed * availabilityOf(g.breakdown);
    sets.set(r, set);
  });
  const kiosks = model.kiosks;
  const kioskCount = kiosks?.count ?? 0;
  const kioskLoad: Load = {
    stations: ['kiosks'],
    load: 0,
    capacity: kioskCount * availabilityOf(kiosks?.breakdown ?? null),
    staffed: kioskCount,
    booked: 0,
  };
  const appointmentType = model.appointments?.type ?? -1;
  let previous = 0;
  model.types.forEach((type, t) => {
    const share = model.typeCumShare[t] - previous;
    previous = model.typeCumShare[t];
    const bookedHere = booked * (appointmentType < 0 ? share : appointmentType === t ? 1 : 0);
    const typeRate = rate * share + bookedHere;
    const toKiosk = kiosks ? type.kioskUptake : 0;
    if (kiosks) {
      kioskLoad.load += typeRate * toKiosk * kiosks.service.mean;
      kioskLoad.booked += bookedHere * toKiosk * kiosks.service.mean;
    }
    const toCounter = 1 - toKiosk + toKiosk * (kiosks?.fallback ?? 0);
    const set = sets.get(root(type.servedBy[0]))!;
    set.load += typeRate * toCounter * type.service.mean;
    set.booked += bookedHere * toCounter * type.service.mean;
  });
  const out = [...sets.values()];
  if (kiosks) out.push(kioskLoad);
  return out;
}

export function loadWarnings(variant: string, model: Model): string[] {
  const out: string[] = [];
  for (const { stations, load, capacity, staffed, booked } of offeredLoads(model)) {
    if (load < capacity || load === 0) continue;
    const what = stations[0] === 'kiosks' ? 'kiosks' : 'counters';
    const who = stations.length === 1 ? stations[0] : `${stations.join(' + ')} (cross-trained)`;
    const lost = staffed - capacity;
    const working = lost > 0 ? ` working (${staffed.toFixed(1)} staffed, ${lost.toFixed(1)} lost to breakdowns)` : ' staffed';
    const share =
      capacity > 0 ? `${Math.round((100 * load) / capacity)}% of the ${capacity.toFixed(1)} ${what}${working} on average` : `with no ${what} staffed`;
    const appointments = booked > 0 ? ` (${booked.toFixed(2)} of it booked appointments)` : '';
    out.push(
      `${variant}: ${who} ${stations.length === 1 ? 'is' : 'are'} overloaded over the day: offered load ${load.toFixed(2)} erlangs${appointments}, ${share}; ` +
        'lines grow all day and the figures depend on the horizon',
    );
  }
  return out;
}
