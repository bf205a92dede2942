/**
 * The event calendar: a binary min-heap of (time, sequence) over typed arrays.
 *
 * Why typed arrays and not objects: the loop schedules and fires millions of events a second; an
 * object per event would make the garbage collector the bottleneck. Entries are three parallel
 * arrays moved together (time, sequence, and kind and target packed in one integer: kind in the
 * low 4 bits), so scheduling and firing allocate nothing once the arrays have grown to the day's
 * peak. Kinds are 0..15; targets fit in 27 bits with sign (-1 is a valid target).
 *
 * Why a sequence number: two events at the same minute must fire in the order they were scheduled
 * (first scheduled, first fired), on every machine, so ties are broken by it and never by heap
 * layout. The sequence number doubles as a token: a handler can remember the number of the event
 * it scheduled and ignore the event when it fires if it no longer matches (lazy cancellation).
 *
 * Why a side slot: the next walk-in is always pending and always replaced by the one after it, so
 * it is kept beside the heap (`scheduleAside`) and compared with the heap's root on each pop. That
 * spares a heap insertion and a sift-down per customer; because it takes its sequence number from
 * the same counter, events fire in exactly the order the heap alone would give.
 */
export class EventCalendar {
  private times: Float64Array;
  private seqs: Float64Array;
  /** target * 16 + kind; decoded with `& 15` and `>> 4`, which also hold for target -1. */
  private codes: Int32Array;
  private count = 0;
  private nextSeq = 0;
  // The side slot: one pending event outside the heap (asideSeq < 0 when empty).
  private asideTime = 0;
  private asideSeq = -1;
  private asideKind = 0;
  private asideTarget = 0;

  /** Fields of the event last taken by `pop()`; read them before the next pop. */
  time = 0;
  kind = 0;
  target = 0;
  seq = 0;

  constructor(initialCapacity = 64) {
    this.times = new Float64Array(initialCapacity);
    this.seqs = new Float64Array(initialCapacity);
    this.codes = new Int32Array(initialCapacity);
  }

  get size(): number {
    return this.count + (this.asideSeq >= 0 ? 1 : 0);
  }

  /** Events taken by `pop()` since the last `clear()`: every event scheduled and no longer pending. */
  get popped(): number {
    return this.nextSeq - this.size;
  }

  /** Empties the calendar for the next replication, keeping the grown arrays. */
  clear(): void {
    this.count = 0;
    this.nextSeq = 0;
    this.asideSeq = -1;
  }

  /** Time of the next event, or Infinity when none is left. */
  peekTime(): number {
    const heap = this.count > 0 ? this.times[0] : Infinity;
    return this.asideSeq >= 0 && this.asideTime < heap ? this.asideTime : heap;
  }

  /**
   * Schedules the one event kept beside the heap (the next walk-in), which must have fired (or
   * never been set) before it is set again. Returns its sequence number, like `schedule`.
   */
  scheduleAside(time: number, kind: number, target: number): number {
    if (this.asideSeq >= 0) throw new Error('internal: the calendar\'s side slot is already taken');
    const seq = this.nextSeq++;
    this.asideTime = time;
    this.asideSeq = seq;
    this.asideKind = kind;
    this.asideTarget = target;
    return seq;
  }

  /** Schedules an event and returns its sequence number (its cancellation token). */
  schedule(time: number, kind: number, target: number): number {
    if (this.count === this.times.length) this.grow();
    const seq = this.nextSeq++;
    // Sift up with a hole: move parents down until the new entry's place is found.
    let hole = this.count++;
    const times = this.times;
    const seqs = this.seqs;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      const pt = times[parent];
      if (pt < time || (pt === time && seqs[parent] < seq)) break;
      this.moveEntry(parent, hole);
      hole = parent;
    }
    times[hole] = time;
    seqs[hole] = seq;
    this.codes[hole] = target * 16 + kind;
    return seq;
  }

  /** Takes the earliest event into `time`, `kind`, `target`, `seq`; false when the calendar is empty. */
  pop(): boolean {
    const aside = this.asideSeq;
    if (
      aside >= 0 &&
      (this.count === 0 || this.asideTime < this.times[0] || (this.asideTime === this.times[0] && aside < this.seqs[0]))
    ) {
      this.time = this.asideTime;
      this.kind = this.asideKind;
      this.target = this.asideTarget;
      this.seq = aside;
      this.asideSeq = -1;
      return true;
    }
    if (this.count === 0) return false;
    this.time = this.times[0];
    const code = this.codes[0];
    this.kind = code & 15;
    this.target = code >> 4;
    this.seq = this.seqs[0];
    const last = --this.count;
    if (last > 0) this.siftDownFrom(last);
    return true;
  }

  /** Puts the entry at `from` (the last one) into the root's hole and sifts it down. */
  private siftDownFrom(from: number): void {
    const times = this.times;
    const seqs = this.seqs;
    const time = times[from];
    const seq = seqs[from];
    const code = this.codes[from];
    const n = this.count;
    let hole = 0;
    for (;;) {
      let child = 2 * hole + 1;
      if (child >= n) break;
      const right = child + 1;
      if (
        right < n &&
        (times[right] < times[child] || (times[right] === times[child] && seqs[right] < seqs[child]))
      ) {
        child = right;
      }
      const ct = times[child];
      if (time < ct || (time === ct && seq < seqs[child])) break;
      this.moveEntry(child, hole);
      hole = child;
    }
    times[hole] = time;
    seqs[hole] = seq;
    this.codes[hole] = code;
  }

  private moveEntry(from: number, to: number): void {
    this.times[to] = this.times[from];
    this.seqs[to] = this.seqs[from];
    this.codes[to] = this.codes[from];
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    const seqs = new Float64Array(capacity);
    const codes = new Int32Array(capacity);
    times.set(this.times);
    seqs.set(this.seqs);
    codes.set(this.codes);
    this.times = times;
    this.seqs = seqs;
    this.codes = codes;
  }
}
