/**
 * The compiled front desk: what the event loop runs. A validated Scenario compiles into this
 * (src/scenario/compile.ts); every time is already in minutes from opening, every name is already
 * an index, so the loop never parses, looks up a name or converts a unit.
 */
import type { ArrivalOffset } from '../core/arrival-offset.js';
import type { Distribution } from '../core/distributions.js';

export interface Model {
  name: string;
  /** Clock time of opening, in minutes after midnight; only used to print clock times. */
  openClock: number;
  /** Minutes during which customers arrive. */
  horizon: number;
  /** Customers still inside at the horizon are served (true) or the day stops there (false). */
  drain: boolean;
  /** Minutes at the start excluded from statistics. */
  warmup: number;
  /** Minutes; serviceLevel is the share of arrived customers served within it. */
  waitTarget: number;
  /** Customer types; a type's index is its id everywhere else. */
  types: CustomerTypeModel[];
  /** Cumulative normalised shares of the types, last entry exactly 1. */
  typeCumShare: Float64Array;
  arrivals: ArrivalModel;
  appointments: AppointmentModel | null;
  /** Counter groups; a group's index is its id. */
  groups: CounterGroupModel[];
  kiosks: KioskModel | null;
  /** `single`: one line per counter group; `per-counter`: one line per counter. */
  lineLayout: 'single' | 'per-counter';
  /** Per-counter lines only: the last in a longer line moves when a neighbour is shorter by 2+. */
  jockey: boolean;
}

export interface CustomerTypeModel {
  name: string;
  service: Distribution;
  /** Reneging: time a customer waits in a line before leaving; null = waits forever. */
  patience: Distribution | null;
  /** Higher is served first within a line; equal priorities are FIFO. */
  priority: number;
  /** A customer of this type interrupts a lower-priority service, which resumes later. */
  preempt: boolean;
  /** Ids of the counter groups whose skills include this type, in scenario order. */
  servedBy: Int32Array;
  /** Share of this type that tries a kiosk first (0 when there are no kiosks). */
  kioskUptake: number;
  balk: BalkModel | null;
}

/** Leave at once on seeing the line: always at `queueLength` or more waiting, else with probability by length. */
export interface BalkModel {
  /** Number waiting at which every arriving customer balks; Infinity for none. */
  queueLength: number;
  /** probabilityByLength[n] = chance to balk on seeing n waiting; the last entry holds for longer lines. Empty for none. */
  probabilityByLength: Float64Array;
}

export type ArrivalModel = PoissonArrivals | TraceArrivals;

/** Piecewise-constant Poisson rate (a constant rate is one piece). */
export interface PoissonArrivals {
  kind: 'poisson';
  /** Start of each piece in minutes, ascending, first is 0; a piece lasts until the next starts. */
  pieceStart: Float64Array;
  /** Arrivals per minute in each piece. */
  ratePerMinute: Float64Array;
}

/** A recorded day replayed exactly. */
export interface TraceArrivals {
  kind: 'trace';
  /** Arrival times in minutes, ascending. */
  times: Float64Array;
  /** Per arrival, an index into typeOfCode (a byte a row: see src/scenario/trace-scan.ts). */
  typeCodes: Uint8Array | Uint16Array | Uint32Array;
  /** Type id of each code, or -1 to draw it from the shares. */
  typeOfCode: Int32Array;
  /** Service time of each arrival in minutes, or NaN to draw it from the type's distribution; null: all drawn. */
  service: Float64Array | null;
}

/** Booked visits on top of walk-ins. */
export interface AppointmentModel {
  /** Minutes between slots; the first slot is at minute 0 (from opening) and the last before the horizon. */
  every: number;
  perSlot: number;
  /** Share of booked customers who do not come. */
  noShow: number;
  /** Arrival offset from the slot time (negative = early); null = exactly on time. */
  punctuality: ArrivalOffset | null;
  /** Type id of booked customers, or -1 to draw from the shares. */
  type: number;
  /** First slot, minutes from opening. */
  start: number;
}

export interface CounterGroupModel {
  name: string;
  /** Shift plan: from shiftAt[i] on, shiftCount[i] counters are staffed; shiftAt[0] is 0. */
  shiftAt: Float64Array;
  shiftCount: Int32Array;
  /** The most counters the plan ever staffs: the number of counters that exist. */
  counters: number;
  breakdown: BreakdownModel | null;
  /** Cost of one counter-hour on duty (the file's `cost`); absent when the file gives none. */
  cost?: number;
}

export interface KioskModel {
  count: number;
  service: Distribution;
  /** Share of kiosk users who still need a counter afterwards. */
  fallback: number;
  breakdown: BreakdownModel | null;
}

/** A counter or kiosk fails after `upTime` of operation and is back after `repair`. */
export interface BreakdownModel {
  upTime: Distribution;
  repair: Distribution;
}

