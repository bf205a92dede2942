/**
 * A level that steps at event times — people waiting in a line, busy counters, kiosks in use —
 * and its area under the curve, so that its time average (mean line length, utilisation) comes
 * out of three numbers instead of a stored history.
 *
 * Why the area is accumulated at each change rather than sampled: the level is constant between
 * events, so `level × (now − last change)` is exact, and sampling would only add noise.
 *
 * Times must not go backwards; the event loop guarantees that, and a violation here means a bug
 * upstream, so it throws rather than silently corrupting the area.
 *
 * @example
 * const waiting = new TimeWeighted(0, 0);
 * waiting.set(2, 3);     // 0 people during [0, 2), then 3
 * waiting.add(5, -1);    // 3 during [2, 5), then 2
 * waiting.area(10);      // 0·2 + 3·3 + 2·5 = 19
 * waiting.mean(10);      // 1.9
 * waiting.max;           // 3
 */
export class TimeWeighted {
  private start: number;
  private last: number;
  private current: number;
  /** Area accumulated from `start` up to `last`. */
  private accumulated = 0;
  private highest: number;

  constructor(start = 0, level = 0) {
    this.start = start;
    this.last = start;
    this.current = level;
    this.highest = level;
  }

  /** The level now. */
  get level(): number {
    return this.current;
  }

  /** Highest level seen since the start (or the last reset). */
  get max(): number {
    return this.highest;
  }

  /** Time the observation started (construction or the last reset). */
  get startTime(): number {
    return this.start;
  }

  /** The level becomes `level` at time `now`. */
  set(now: number, level: number): void {
    const dt = now - this.last;
    if (dt < 0) throw new RangeError(`TimeWeighted: time went back from ${this.last} to ${now}`);
    this.accumulated += this.current * dt;
    this.last = now;
    this.current = level;
    if (level > this.highest) this.highest = level;
  }

  /** The level changes by `delta` at time `now` (e.g. +1 when someone joins the line). */
  add(now: number, delta: number): void {
    this.set(now, this.current + delta);
  }

  /** Area under the level from the start up to `now`. */
  area(now: number): number {
    const dt = now - this.last;
    if (dt < 0) throw new RangeError(`TimeWeighted: time went back from ${this.last} to ${now}`);
    return this.accumulated + this.current * dt;
  }

  /**
   * Time average of the level over [start, now]. Over an empty interval there is no average; the
   * current level is its limit, so that is returned.
   */
  mean(now: number): number {
    const duration = now - this.start;
    const area = this.area(now);
    return duration > 0 ? area / duration : this.current;
  }

  /**
   * Restart the observation at `now`, keeping the current level (or taking `level` if given):
   * at the end of warm-up the line is not empty, but what happened before must not count.
   */
  reset(now: number, level: number = this.current): void {
    if (now < this.last) throw new RangeError(`TimeWeighted: time went back from ${this.last} to ${now}`);
    this.start = now;
    this.last = now;
    this.current = level;
    this.accumulated = 0;
    this.highest = level;
  }
}
