/**
 * The vocabulary of figures: every figure a day reports, once, in report order. What a figure is
 * (its key), where it is reported (its scopes), whether it is one per counter group, its unit, its
 * natural range, which direction is better and the planner's label all live here, and nowhere
 * else: the day's statistics write their row from this table (model/day-statistics.ts), the runner
 * keys its columns and summaries by it, and every renderer (table, Markdown, CSV, JSON) labels,
 * formats and nests from it.
 *
 * The order of the table is the order of the columns, of the summaries and of the JSON keys (a
 * public contract, SCENARIO.md): add a figure where a planner expects to read it, never by
 * reordering the existing ones.
 *
 * To add a figure: one entry here, and its value in `DayStatistics` (the compiler points there:
 * the writer switches over every key of this table).
 *
 * This module imports nothing: it is at the bottom of the house, so any layer may read it.
 */

/** The unit a figure is measured in; renderers choose the format from it. */
export type Unit = 'count' | 'minutes' | 'share' | 'rate' | 'people' | 'counters' | 'hours' | 'money' | 'clock';
// `hours`: counter-hours on duty; `money`: the unit the file's `cost` per counter-hour is in;
// `clock`: a moment of the day, in minutes from `open` (renderers print it as a clock time).

/**
 * Where a figure is reported: `hall` is the whole day (the `metrics` of a variant), `type` each
 * customer type (`byType`), `period` each period of the day (`byPeriod`).
 */
export type Scope = 'hall' | 'type' | 'period';

/** Which direction is an improvement; null where it depends (utilisation, arrivals). */
export type Better = 'lower' | 'higher' | null;

export interface Figure {
  readonly key: string;
  readonly scopes: readonly Scope[];
  /**
   * One value per station (each counter group, then the kiosk bank), keyed `<key>.<group>`; the
   * JSON nests them as `"<key>": { "<group>": ... }`.
   */
  readonly perGroup: boolean;
  /**
   * Of a per-group figure: one value per counter group only, not for the kiosk bank (staff-hours:
   * kiosks are machines, nobody is on duty there).
   */
  readonly countersOnly: boolean;
  readonly unit: Unit;
  /** The values the figure can take: [lowest, highest], Infinity where unbounded. */
  readonly range: readonly [number, number];
  readonly better: Better;
  /** The planner's label in a list of key figures: `Mean wait`. */
  readonly label: string;
  /** A short column header for dense tables, whose title names the units: `In system`. */
  readonly short: string;
}

const ALL: readonly Scope[] = ['hall', 'type', 'period'];
const HALL_AND_PERIOD: readonly Scope[] = ['hall', 'period'];
const COUNT: readonly [number, number] = [0, Infinity];
const SHARE: readonly [number, number] = [0, 1];

function figure<K extends string>(
  key: K,
  scopes: readonly Scope[],
  unit: Unit,
  range: readonly [number, number],
  better: Better,
  label: string,
  short = label,
  perGroup: boolean | 'counters' = false,
): Figure & { readonly key: K } {
  return { key, scopes, perGroup: perGroup !== false, countersOnly: perGroup === 'counters', unit, range, better, label, short };
}

/** Every figure, in report order. */
export const FIGURES = [
  figure('arrived', ALL, 'count', COUNT, null, 'Arrived'),
  figure('served', ALL, 'count', COUNT, 'higher', 'Served'),
  figure('abandoned', ALL, 'count', COUNT, 'lower', 'Abandoned'),
  figure('balked', ALL, 'count', COUNT, 'lower', 'Balked'),
  figure('waitMean', ALL, 'minutes', COUNT, 'lower', 'Mean wait'),
  figure('waitP50', ALL, 'minutes', COUNT, 'lower', 'Median wait'),
  figure('waitP90', ALL, 'minutes', COUNT, 'lower', 'p90 wait'),
  figure('waitP95', ALL, 'minutes', COUNT, 'lower', 'p95 wait'),
  figure('waitP99', ALL, 'minutes', COUNT, 'lower', 'p99 wait'),
  figure('waitMax', ALL, 'minutes', COUNT, 'lower', 'Longest wait', 'Max wait'),
  figure('serviceLevel', ALL, 'share', SHARE, 'higher', 'Service level'),
  // Beside the waits: a layout that shortens waits by losing customers shows it here.
  figure('abandonShare', ALL, 'share', SHARE, 'lower', 'Left unserved', 'Left'),
  figure('timeInSystemMean', ALL, 'minutes', COUNT, 'lower', 'Mean time in system', 'In system'),
  figure('queueLengthMean', HALL_AND_PERIOD, 'people', COUNT, 'lower', 'Mean line length', 'Mean line'),
  figure('queueLengthMax', HALL_AND_PERIOD, 'people', COUNT, 'lower', 'Longest line', 'Max line'),
  figure('throughputPerHour', ALL, 'rate', COUNT, 'higher', 'Throughput', 'Per hour'),
  figure('kioskShare', ALL, 'share', SHARE, null, 'Kiosk share'),
  figure('utilization', HALL_AND_PERIOD, 'share', SHARE, null, 'Utilisation', 'Util.', true),
  figure('availability', HALL_AND_PERIOD, 'share', SHARE, 'higher', 'Availability', 'Avail.', true),
  figure('interrupted', HALL_AND_PERIOD, 'count', COUNT, 'lower', 'Services interrupted by breakdowns', 'Interrupted'),
  figure('openCounters', ['period'], 'counters', COUNT, null, 'Open counters', 'Open', true),
  // When the hall empties: the last customer's departure (minutes from open; NaN when nobody came)
  // and how far past the horizon that is (0 when the hall empties by then).
  figure('lastDeparture', ['hall'], 'clock', COUNT, 'lower', 'Last customer left at', 'Last left'),
  figure('overtime', ['hall'], 'minutes', COUNT, 'lower', 'Overtime past closing', 'Overtime'),
  // Counter-hours on duty from open to each group's last counter closing (drain included), and
  // their cost at the groups' `cost` per counter-hour (NaN when no group has one).
  figure('staffHours', ['hall'], 'hours', COUNT, null, 'Staff-hours', 'Staff-h', 'counters'),
  figure('cost', ['hall'], 'money', COUNT, 'lower', 'Staff cost', 'Cost'),
] as const satisfies readonly Figure[];

/** The key of a figure of the table (per-group figures by their family key, `utilization`). */
export type FigureKey = (typeof FIGURES)[number]['key'];

/** The figures reported in `scope`, in report order. */
export function figuresIn(scope: Scope): readonly Figure[] {
  return FIGURES.filter((f) => f.scopes.includes(scope));
}

/**
 * The keys of the figures reported in `scope`, in report order, with each per-group figure
 * expanded to one key per group (`utilization.general`, `utilization.kiosks`): the columns of a
 * day's row and the keys of its summaries. `groups` are the counter groups, then the kiosk bank;
 * the first `counterGroups` are counter groups (a counters-only figure has no kiosk key).
 */
export function figureKeys(scope: Scope, groups: readonly string[], counterGroups = groups.length): string[] {
  const keys: string[] = [];
  for (const f of figuresIn(scope)) {
    if (f.perGroup) for (const g of f.countersOnly ? groups.slice(0, counterGroups) : groups) keys.push(groupKey(f.key, g));
    else keys.push(f.key);
  }
  return keys;
}

/** The key of a per-group figure for one group: `utilization.general`. */
export function groupKey(family: string, group: string): string {
  return `${family}.${group}`;
}

/** A Map, not an object literal, so keys such as `constructor` are not found on the prototype. */
const BY_KEY = new Map<string, Figure>(FIGURES.map((f) => [f.key, f]));

/**
 * What a reported key is: its figure, and for a per-group figure the group (`utilization.general`
 * gives the `utilization` figure and `general`). Null for a key the table does not know.
 */
export function figureOf(key: string): { figure: Figure; group: string | null } | null {
  const exact = BY_KEY.get(key);
  if (exact) return exact.perGroup ? null : { figure: exact, group: null };
  const dot = key.indexOf('.');
  if (dot <= 0 || dot === key.length - 1) return null;
  const family = BY_KEY.get(key.slice(0, dot));
  return family && family.perGroup ? { figure: family, group: key.slice(dot + 1) } : null;
}
