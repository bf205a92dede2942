/**
 * What the log itself says per period, day by day, in the terms a simulation reports (customers
 * counted in the period of their ticket): arrivals, mean and 90th-percentile wait of the served,
 * the share who left unserved, and the service level. Day by day, because a replication of the
 * fitted scenario is one day: the log's average over its days is then compared with the
 * simulated average over replications, with the spread a few days' average has.
 */
import { nearestRank } from '../stats/nearest-rank.js';
import { ticketsByDay, type FittedLog } from './fit-log.js';

export interface ObservedFigure {
  /** The average over the days where the figure exists (a day with no served customer has no wait). */
  mean: number;
  /** Days behind it. */
  days: number;
}

export interface ObservedPeriod {
  start: number;
  arrived: ObservedFigure;
  waitMean: ObservedFigure;
  waitP90: ObservedFigure;
  abandonShare: ObservedFigure;
  serviceLevel: ObservedFigure;
}

function average(values: number[]): ObservedFigure {
  const present = values.filter((v) => Number.isFinite(v));
  return { mean: present.length ? present.reduce((s, v) => s + v, 0) / present.length : NaN, days: present.length };
}

/** The 90th percentile by the same rule as the simulator's (nearest rank). */
function p90(sortedWaits: number[]): number {
  if (sortedWaits.length === 0) return NaN;
  return sortedWaits[nearestRank(0.9, sortedWaits.length) - 1];
}

export function observedPeriods(fitted: FittedLog, waitTarget: number): ObservedPeriod[] {
  const days = ticketsByDay(fitted.log);
  return fitted.periods.map((period) => {
    const from = fitted.openClock + period.start;
    const to = from + fitted.period;
    const perDay = days.map((day) => {
      const mine = day.filter((t) => t.issued >= from && t.issued < to);
      const waits = mine.filter((t) => !Number.isNaN(t.called)).map((t) => t.called - t.issued).sort((a, b) => a - b);
      const n = mine.length;
      return {
        arrived: n,
        waitMean: waits.length ? waits.reduce((s, w) => s + w, 0) / waits.length : NaN,
        waitP90: p90(waits),
        abandonShare: n ? (n - waits.length) / n : NaN,
        // Within the target, as the simulator counts it (a hair of rounding allowed for times kept to the second).
        serviceLevel: n ? waits.filter((w) => w <= waitTarget + 1e-9).length / n : NaN,
      };
    });
    return {
      start: period.start,
      arrived: average(perDay.map((d) => d.arrived)),
      waitMean: average(perDay.map((d) => d.waitMean)),
      waitP90: average(perDay.map((d) => d.waitP90)),
      abandonShare: average(perDay.map((d) => d.abandonShare)),
      serviceLevel: average(perDay.map((d) => d.serviceLevel)),
    };
  });
}

