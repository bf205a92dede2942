/**
 * Sanity limits on what a scenario file may contain. They exist so that a typo (an extra zero, a
 * pasted timestamp) or a hostile file gives a clear error at load time instead of a simulation that
 * never ends, runs out of memory or silently computes with Infinity.
 */

/** Ten years of minutes: longer than any front-desk day anyone will simulate. */
export const MAX_MINUTES = 10 * 365 * 24 * 60;

/** A busy hall sees hundreds of customers an hour; a million is certainly a typo. */
export const MAX_PER_HOUR = 1_000_000;

/** Counters, kiosks, people per appointment slot. */
export const MAX_COUNT = 100_000;

/** Replications per run: beyond this, confidence intervals stop narrowing in any useful way. */
export const MAX_REPLICATIONS = 1_000_000;

/** Nesting depth of the parsed file. A scenario needs about 6; deeper is an error or an attack. */
export const MAX_DEPTH = 64;

/**
 * Size of a scenario file in characters. Scenarios are a few kilobytes (a long empirical list is tens
 * of kilobytes); recorded data belongs in a trace CSV. The YAML parser needs about a second for
 * 256 KiB of adversarial shapes (thousands of tags or keys), so larger files are refused outright.
 */
export const MAX_FILE_CHARS = 256 * 1024;

/** YAML alias expansions (`*name`) allowed when building the data: stops "billion laughs" files. */
export const MAX_ALIAS_COUNT = 100;

/** Rows in a trace file: a year of one arrival a second. */
export const MAX_TRACE_ROWS = 40_000_000;

/**
 * Combinations a `grid` may expand into. Each is a validated scenario held in memory while the
 * study runs (a few kilobytes); a planner's sweep is dozens to a few thousand; an extra value in
 * every list multiplies, so a typo can ask for millions.
 */
export const MAX_GRID_VARIANTS = 10_000;

/**
 * Booked visits a day (slots × perSlot). The appointment times are laid out when a day starts, so
 * `every: 1e-9` would ask for billions of them (V8 died with a fatal error); a million booked
 * visits in a day is already far beyond any front desk.
 */
export const MAX_BOOKED = 1_000_000;

/**
 * The shortest report period: finer than a minute no planner reads, and it multiplies the periods.
 * Each period keeps its own tallies and a wait histogram (~23 kB) in every replication, and ~40
 * figures in each replication's row; `period: 1e-9` asked for an impossible typed array. A horizon
 * longer than a day has its by-period report folded by time of day (model/periods.ts), so a
 * report has at most 1,440 periods (one day of minutes), however long the horizon.
 */
export const MIN_PERIOD = 1;

/**
 * Periods the staffing search staffs (`frontdesk staff`): it staffs every period of the horizon,
 * never folded by time of day, and simulates each; 10,000 periods (a week of minutes, a year of
 * hours) is more than any search finishes.
 */
export const MAX_STAFFING_PERIODS = 10_000;

/**
 * Counters and kiosks of a hall in all (every group at its largest staffing): the event calendar
 * packs a server's number with the event kind (core/calendar.ts), and each server has its arrays.
 */
export const MAX_SERVERS = 100_000;
