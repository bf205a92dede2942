/**
 * Times in a scenario. Inside the program every time is minutes from opening; planners may also
 * write a clock time "HH:MM", which is measured from `open` (with open "09:00", "11:00" is 120).
 * A clock time earlier than `open` is taken to be after midnight (open "22:00": "02:00" is 240), so
 * a night desk reads naturally; "24:00" is midnight at the end of the day.
 */

export const MINUTES_PER_DAY = 24 * 60;

/** "H:MM" or "HH:MM", 00:00 to 23:59, or exactly 24:00. */
export const CLOCK_PATTERN = /^(?:(?:[01]?\d|2[0-3]):[0-5]\d|24:00)$/;

/** "HH:MM" for `open`: 00:00 to 23:59. */
export const OPEN_PATTERN = /^(?:[01]?\d|2[0-3]):[0-5]\d$/;

/** A time as written in a scenario: minutes from opening, or a clock time. */
export type TimeValue = number | string;

/** Minutes after midnight of a clock time, or null when it is not "HH:MM". */
export function parseClock(text: string): number | null {
  if (!CLOCK_PATTERN.test(text)) return null;
  const [hours, minutes] = text.split(':').map(Number);
  return hours * 60 + minutes;
}

/**
 * Minutes from opening of a time as written. Numbers are already minutes; clock times count from
 * `openClock` (minutes after midnight) and wrap past midnight. Throws on a malformed clock time:
 * the schema has already rejected those, so reaching it is a bug.
 */
export function toMinutes(value: TimeValue, openClock: number): number {
  if (typeof value === 'number') return value;
  const clock = parseClock(value);
  if (clock === null) throw new Error(`not a clock time: ${JSON.stringify(value)}`);
  const offset = clock - openClock;
  return offset < 0 ? offset + MINUTES_PER_DAY : offset;
}

/** "HH:MM" of a clock time in minutes after midnight (wrapped into one day). */
export function formatClock(minutesAfterMidnight: number): string {
  const whole = Math.floor(minutesAfterMidnight + 1e-9);
  const inDay = ((whole % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const hours = Math.floor(inDay / 60);
  const minutes = inDay % 60;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/**
 * The clock time `offset` minutes after opening, for reports: clockLabel(540, 150) is "11:30";
 * wraps past midnight (clockLabel(1380, 120) is "01:00"). Fractions of a minute are dropped.
 */
export function clockLabel(openClockMinutes: number, offset: number): string {
  return formatClock(openClockMinutes + offset);
}
