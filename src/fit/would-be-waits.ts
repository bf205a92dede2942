/**
 * The wait a customer who left would have had, bounded from the log. In one first-come,
 * first-served line, a customer still waiting is called no later than
 * - the moment a counter calls a ticket issued after it (that counter would have called it first), and
 * - the moment a counter falls idle (finishes, stays open, and nobody who was later served was
 *   waiting: had it still been there, that counter would have called it).
 * So its patience was shorter than the earlier of the two, counted from its ticket. A leaver after
 * which neither happens that day (the last tickets) gives no bound and is left out.
 */
import type { Ticket } from './ticket-log.js';

/** Index of the first element of ascending `a` that is >= x (a.length when none). */
function firstAtLeast(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Moments of one day at which a counter fell idle: it finished a service, called again later the
 * same day (so it stayed open, as far as the log tells), and no ticket that was later served
 * was waiting then.
 */
function idleMoments(day: readonly Ticket[]): Float64Array {
  const served = day.filter((t) => !Number.isNaN(t.called));
  // For "was anyone waiting at t": served tickets by issue time, and the latest call among those issued so far.
  const issued = served.map((t) => t.issued);
  const latestCall = new Float64Array(served.length);
  served.forEach((t, i) => (latestCall[i] = Math.max(i > 0 ? latestCall[i - 1] : -Infinity, t.called)));
  const waitingAt = (t: number) => {
    const upTo = firstAtLeast(issued, t + 1e-9) - 1;
    return upTo >= 0 && latestCall[upTo] > t + 1e-9;
  };
  const byCounter = new Map<number, Ticket[]>();
  for (const t of served) {
    if (t.counter < 0 || Number.isNaN(t.finished)) continue;
    const list = byCounter.get(t.counter) ?? [];
    list.push(t);
    byCounter.set(t.counter, list);
  }
  const moments: number[] = [];
  for (const list of byCounter.values()) {
    list.sort((a, b) => a.called - b.called);
    for (let k = 0; k + 1 < list.length; k++) {
      const end = list[k].finished;
      if (list[k + 1].called > end && !waitingAt(end)) moments.push(end);
    }
  }
  return Float64Array.from(moments).sort();
}

/**
 * For each ticket of one day (in issue order), the bound on the wait it would have had (minutes
 * from its ticket), or Infinity when the log gives none. Only leavers need it, but it is defined
 * for every ticket.
 */
export function wouldBeWaits(day: readonly Ticket[]): Float64Array {
  const n = day.length;
  // The earliest call among tickets issued after position i.
  const laterCall = new Float64Array(n + 1).fill(Infinity);
  for (let i = n - 1; i >= 0; i--) {
    const c = day[i].called;
    laterCall[i] = Math.min(laterCall[i + 1], Number.isNaN(c) ? Infinity : c);
  }
  const idle = idleMoments(day);
  const bounds = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const at = day[i].issued;
    const k = firstAtLeast(idle, at);
    const next = Math.min(laterCall[i + 1], k < idle.length ? idle[k] : Infinity);
    bounds[i] = next - at;
  }
  return bounds;
}
