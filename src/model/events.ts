/**
 * The kinds of event of a day, and which fires first when several fall on the same minute.
 *
 * The calendar orders events by time, then by the rank of their kind (below), then by the order
 * they were scheduled. The ranks are the rules; they used to be implied by the order in which
 * the day's first events were scheduled, so moving a line of code could change the results.
 * (SimPy and simmer name their tie priorities in the same way.)
 *
 * | rank | kinds | why it comes there |
 * |---|---|---|
 * | 0 | shift change | The staffing of a minute is set before anything else happens in it: a counter that opens at 09:00 serves the customer who comes at 09:00, one that closes at 12:00 does not take the customer who comes at 12:00. |
 * | 1 | period mark | A period begins once its staffing is in place and before any customer of its first minute: an arrival's period is read from the last mark (`DayStatistics.currentPeriodOrNone`), and the period's longest line starts from the line as its staffing left it. |
 * | 2 | end of warm-up | Like a period mark: the counted day's levels start from the same state. |
 * | 3 | failure, repair | A counter's state for the minute (broken, back) before the customers of the minute. |
 * | 4 | walk-in, booked arrival, service end, patience expiry | The customers' flow, in the order the events were scheduled: first scheduled, first fired. This is the order of their causes (an arrival drawn before a service was started is its earlier consequence), and it is what makes a day replayable event by event. |
 *
 * Ranks 0-2 only reorder events the day schedules at its start; rank 3 puts breakdowns ahead of
 * customers at an exact tie, which happens only with deterministic up or repair times.
 */

export const WALK_IN = 0;
export const BOOKED = 1;
export const SERVICE_END = 2;
export const PATIENCE = 3;
export const SHIFT = 4;
export const FAILURE = 5;
export const REPAIR = 6;
export const PERIOD_MARK = 7;
export const WARMUP_END = 8;

/** The rank of each kind, indexed by kind: the table above. */
export const EVENT_RANK: readonly number[] = (() => {
  const rank: number[] = [];
  rank[SHIFT] = 0;
  rank[PERIOD_MARK] = 1;
  rank[WARMUP_END] = 2;
  rank[FAILURE] = 3;
  rank[REPAIR] = 3;
  rank[WALK_IN] = 4;
  rank[BOOKED] = 4;
  rank[SERVICE_END] = 4;
  rank[PATIENCE] = 4;
  return rank;
})();
