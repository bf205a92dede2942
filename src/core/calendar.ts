/**
 * The event calendar: a binary min-heap of (time, sequence) in one Float64Array.
 *
 * Why a typed array and not objects: the loop schedules and fires millions of events a second; an
 * object per event would make the garbage collector the bottleneck. Each entry is three adjacent
 * numbers (time, sequence, and kind and target packed in one integer: kind in the low 4 bits), so
 * scheduling and firing allocate nothing once the array has grown to the day's peak, and an entry
 * moves as one short run of memory (3% faster on mm10 than three parallel arrays). Kinds are
 * 0..15; targets fit in 27 bits with sign (-1 is a valid target).
 *
 * Why a rank and a sequence number: events at the same minute fire by the rank of their kind
 * (given at construction: the model's table of what comes first at a minute, model/events.ts),
 * and events of the same rank in the order they were scheduled (first scheduled, first fired), on
 * every machine, never by heap layout. Both live in one number, the event's key: rank * 2^40 +
 * sequence, so ranking costs the hot loop one table read per scheduled event and not one extra
 * comparison. The key doubles as a token: a handler can remember the key of the event it
 * scheduled and ignore the event when it fires if it no longer matches (lazy cancellation).
 * 2^40 events a day (a trillion) and ranks 0..15 keep keys exact in a double (below 2^53).
 *
 * Why a side slot: the next walk-in is always pending and always replaced by the one after it, so
 * it is kept beside the heap (`scheduleAside`) and compared with the heap's root on each pop. That
 * spares a heap insertion and a sift-down per customer; because it takes its sequence number from
 * the same counter, events fire in exactly the order the heap alone would give.
 */
/** Keys of one rank span 2^40 sequence numbers. */
const RANK_SPAN = 2 ** 40;

/** The largest target an event can carry: `code >> 4` reads back 27 bits and a sign. */
export const MAX_TARGET = 2 ** 27 - 1;

export class EventCalendar {
  /** Entries of three numbers each: time, key (rank * RANK_SPAN + sequence), code (target * 16 + kind). */
  private heap: Float64Array;
  private count = 0;
  private nextSeq = 0;
  // The side slot: one pending event outside the heap (asideSeq < 0 when empty).
  private asideTime = 0;
  private asideSeq = -1;
  private asideKind = 0;
  private asideTarget = 0;

  /** Per kind, the first key of its rank (rank * RANK_SPAN). */
  private readonly rankBase = new Float64Array(16);

  /** Fields of the event last taken by `pop()`; read them before the next pop. */
  time = 0;
  kind = 0;
  target = 0;
  /** Its key: the token `schedule` returned for it. */
  seq = 0;

  /**
   * @param rankOfKind the rank of each kind (0..15) at a tie in time, lowest first; kinds not
   *   listed rank 0. Without it every event has rank 0: ties fire in scheduling order.
   */
  constructor(initialCapacity = 64, rankOfKind: ArrayLike<number> = []) {
    this.heap = new Float64Array(3 * initialCapacity);
    for (let kind = 0; kind < rankOfKind.length; kind++) {
      const rank = rankOfKind[kind];
      if (!(Number.isInteger(rank) && rank >= 0 && rank < 16)) throw new RangeError(`internal: rank ${rank} of event kind ${kind} is not in 0..15`);
      this.rankBase[kind] = rank * RANK_SPAN;
    }
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
    const heap = this.count > 0 ? this.heap[0] : Infinity;
    return this.asideSeq >= 0 && this.asideTime < heap ? this.asideTime : heap;
  }

  /**
   * Schedules the one event kept beside the heap (the next walk-in), which must have fired (or
   * never been set) before it is set again. Returns its key, like `schedule`.
   */
  scheduleAside(time: number, kind: number, target: number): number {
    if (this.asideSeq >= 0) throw new Error('internal: the calendar\'s side slot is already taken');
    const seq = this.rankBase[kind] + this.nextSeq++;
    this.asideTime = time;
    this.asideSeq = seq;
    this.asideKind = kind;
    this.asideTarget = target;
    return seq;
  }

  /** Schedules an event and returns its key (its cancellation token). */
  schedule(time: number, kind: number, target: number): number {
    // The packed code keeps 27 bits of target: a larger one would come back as another target.
    if (target > MAX_TARGET) throw new RangeError(`internal: event target ${target} does not fit the calendar (at most ${MAX_TARGET})`);
    if (3 * this.count === this.heap.length) this.grow();
    const seq = this.rankBase[kind] + this.nextSeq++;
    const heap = this.heap;
    // Sift up with a hole: move parents down until the new entry's place is found.
    let hole = 3 * this.count++;
    while (hole > 0) {
      const parent = 3 * (((hole / 3 - 1) >> 1));
      const pt = heap[parent];
      if (pt < time || (pt === time && heap[parent + 1] < seq)) break;
      heap[hole] = pt;
      heap[hole + 1] = heap[parent + 1];
      heap[hole + 2] = heap[parent + 2];
      hole = parent;
    }
    heap[hole] = time;
    heap[hole + 1] = seq;
    heap[hole + 2] = target * 16 + kind;
    return seq;
  }

  /** Takes the earliest event into `time`, `kind`, `target`, `seq`; false when the calendar is empty. */
  pop(): boolean {
    const aside = this.asideSeq;
    const heap = this.heap;
    if (aside >= 0 && (this.count === 0 || this.asideTime < heap[0] || (this.asideTime === heap[0] && aside < heap[1]))) {
      this.time = this.asideTime;
      this.kind = this.asideKind;
      this.target = this.asideTarget;
      this.seq = aside;
      this.asideSeq = -1;
      return true;
    }
    if (this.count === 0) return false;
    this.time = heap[0];
    this.seq = heap[1];
    const code = heap[2];
    this.kind = code & 15;
    this.target = code >> 4;
    const last = --this.count;
    if (last > 0) this.siftDownFrom(3 * last);
    return true;
  }

  /** Puts the entry at `from` (the last one) into the root's hole and sifts it down. */
  private siftDownFrom(from: number): void {
    const heap = this.heap;
    const time = heap[from];
    const seq = heap[from + 1];
    const code = heap[from + 2];
    const end = 3 * this.count;
    let hole = 0;
    for (;;) {
      let child = 2 * hole + 3;
      if (child >= end) break;
      const right = child + 3;
      if (right < end && (heap[right] < heap[child] || (heap[right] === heap[child] && heap[right + 1] < heap[child + 1]))) {
        child = right;
      }
      const ct = heap[child];
      if (time < ct || (time === ct && seq < heap[child + 1])) break;
      heap[hole] = ct;
      heap[hole + 1] = heap[child + 1];
      heap[hole + 2] = heap[child + 2];
      hole = child;
    }
    heap[hole] = time;
    heap[hole + 1] = seq;
    heap[hole + 2] = code;
  }

  private grow(): void {
    const heap = new Float64Array(this.heap.length * 2);
    heap.set(this.heap);
    this.heap = heap;
  }
}
