/**
 * Several step functions of time (people waiting, busy counters, staffed counters) integrated
 * together, with snapshots of their running areas.
 *
 * Why snapshots instead of resettable accumulators: the same areas feed the whole day, the time
 * after warm-up and each clock period. Recording the running area at each boundary once and taking
 * differences gives all of them from one accumulator, with no work per event beyond one update.
 */
export class Levels {
  /** Per level i: [3i] the level, [3i + 1] when it last changed, [3i + 2] its running area. */
  private readonly state: Float64Array;

  constructor(readonly count: number) {
    this.state = new Float64Array(3 * count);
  }

  clear(): void {
    this.state.fill(0);
  }

  /** The current value of level `i`. */
  level(i: number): number {
    return this.state[3 * i];
  }

  /** Changes level `i` by `delta` at time `now` (never earlier than its previous change). */
  change(i: number, now: number, delta: number): void {
    const state = this.state;
    const at = 3 * i;
    const level = state[at];
    state[at + 2] += level * (now - state[at + 1]);
    state[at + 1] = now;
    state[at] = level + delta;
  }

  /** Running area of level `i` up to `t` (not before its last change). */
  areaAt(i: number, t: number): number {
    const at = 3 * i;
    return this.state[at + 2] + this.state[at] * (t - this.state[at + 1]);
  }

  /** Writes the running area of every level up to `now` into `into` at `offset`. */
  snapshot(now: number, into: Float64Array, offset: number): void {
    for (let i = 0; i < this.count; i++) into[offset + i] = this.areaAt(i, now);
  }
}
