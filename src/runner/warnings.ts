/**
 * Warnings about a scenario that is valid but cannot settle: where the offered load over the day
 * reaches the capacity staffed over the day, lines grow all day long and the averages then depend
 * on the horizon more than on the hall. (A peak that exceeds capacity for an hour is ordinary and
 * shows in byPeriod; it is not warned about.)
 */
import type { Model } from '../model/model.js';

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
  /** Offered load in erlangs: arrivals per minute × mean service minutes. */
  load: number;
  /** Mean number of counters (or kiosks) staffed. */
  capacity: number;
}

/**
 * Offered load per counter group and for the kiosks, averaged over the day. A type served by
 * several groups is split among them in proportion to their counters, which is what a pooled hall
 * does when it is busy.
 */
export function offeredLoads(model: Model): Map<string, Load> {
  const rate = meanRate(model);
  const loads = new Map<string, Load>();
  for (const g of model.groups) loads.set(g.name, { load: 0, capacity: meanStaff(g.shiftAt, g.shiftCount, model.horizon) });
  const kiosks = model.kiosks;
  if (kiosks) loads.set('kiosks', { load: 0, capacity: kiosks.count });
  let previous = 0;
  model.types.forEach((type, t) => {
    const typeRate = rate * (model.typeCumShare[t] - previous);
    previous = model.typeCumShare[t];
    const toKiosk = kiosks ? type.kioskUptake : 0;
    if (kiosks && toKiosk > 0) loads.get('kiosks')!.load += typeRate * toKiosk * kiosks.service.mean;
    const toCounter = typeRate * (1 - toKiosk + toKiosk * (kiosks?.fallback ?? 0));
    let counters = 0;
    for (const g of type.servedBy) counters += model.groups[g].counters;
    for (const g of type.servedBy) {
      const weight = counters > 0 ? model.groups[g].counters / counters : 1 / type.servedBy.length;
      loads.get(model.groups[g].name)!.load += toCounter * weight * type.service.mean;
    }
  });
  return loads;
}

export function loadWarnings(variant: string, model: Model): string[] {
  const out: string[] = [];
  for (const [name, { load, capacity }] of offeredLoads(model)) {
    if (load < capacity) continue;
    const what = name === 'kiosks' ? 'kiosks' : 'counters';
    const share = capacity > 0 ? `${Math.round((100 * load) / capacity)}% of the ${capacity.toFixed(1)} ${what} staffed on average` : `with no ${what} staffed`;
    out.push(
      `${variant}: ${name} is overloaded over the day: offered load ${load.toFixed(2)} erlangs, ${share}; ` +
        'lines grow all day and the figures depend on the horizon',
    );
  }
  return out;
}
