/**
 * Several step functions of time (people waiting, busy counters, staffed counters) integrated
 * together, with snapshots of their running areas.
 *
 * Why snapshots instead of resettable accumulators: the same areas feed the whole day, the time
 * after warm-up and each clock period. Recording the running area at each boundary once and taking
 * differences gives all of them from one accumulator, with no work per event beyond one update.
 */
export class Levels {
  readonly level: Float64Array;
  private readonly since: Float64Array;
  private readonly area: Float64Array;

  constructor(readonly count: number) {
    this.level = new Float64Array(count);
    this.since = new Float64Array(count);
    this.area = new Float64Array(count);
  }

  clear(): void {
    this.level.fill(0);
    this.since.fill(0);
    this.area.fill(0);
  }

  /** Changes level `i` by `delta` at time `now` (never earlier than its previous change). */
  change(i: number, now: number, delta: number): void {
    this.area[i] += this.level[i] * (now - this.since[i]);
    this.since[i] = now;
    this.level[i] += delta;
  }

  /** Running area of level `i` up to `t` (not before its last change). */
  areaAt(i: number, t: number): number {
    return this.area[i] + this.level[i] * (t - this.since[i]);
  }

  /** Writes the running area of every level up to `now` into `into` at `offset`. */
  snapshot(now: number, into: Float64Array, offset: number): void {
    for (let i = 0; i < this.count; i++) {
      into[offset + i] = this.area[i] + this.level[i] * (now - this.since[i]);
    }
  }
}
