/**
 * Customers inside the hall, as a struct of arrays. A customer is an index; its fields live in
 * typed arrays that grow to the day's peak occupancy and are then reused through a free list, so
 * the loop allocates nothing per customer and memory follows the number *inside*, not the number
 * served.
 */
export class CustomerPool {
  /** Type id. */
  type: Int32Array;
  /** Minute of arrival. */
  arrivedAt: Float64Array;
  /** Minutes of counter work this customer needs (drawn on arrival, for common random numbers). */
  counterNeed: Float64Array;
  /** Minutes of kiosk work this customer needs, if it uses a kiosk. */
  kioskNeed: Float64Array;
  /** Minutes of waiting this customer tolerates over the whole visit; Infinity = never leaves. */
  patience: Float64Array;
  /** Minutes spent in lines so far, over every line of the visit. */
  waited: Float64Array;
  /** Minute the customer joined its current line. */
  joinedAt: Float64Array;
  /** Work left on an interrupted service (preemption or breakdown); NaN when none. */
  remaining: Float64Array;
  /** Line the customer is waiting in, or -1. */
  line: Int32Array;
  /**
   * Ticket of its place in that line; a line entry whose ticket differs is stale. Not reset when a
   * slot is taken: every join takes a fresh ticket of the day and every leaving sets -1, so the
   * only entries that can carry a slot's ticket are those its current customer made, and a value
   * left by an earlier customer (or an earlier day, whose lines were emptied) matches nothing.
   */
  ticket: Float64Array;
  /** Sequence number of its pending patience event; other patience events for it are stale. */
  patienceToken: Float64Array;
  /** 1 while at the kiosk stage, 0 at the counter stage. */
  atKiosk: Uint8Array;
  /** 1 when the kiosk visit will be followed by a counter visit (fallback). */
  needsCounterAfterKiosk: Uint8Array;
  /** Index of the byPeriod period of its arrival, or -1 when past the last period. */
  period: Int32Array;
  /** Minute its current (or last) service started. */
  serviceStart: Float64Array;

  private free: Int32Array;
  private freeCount = 0;
  private capacity = 0;
  /** Customers inside now. */
  inside = 0;

  constructor(initialCapacity = 256) {
    this.type = new Int32Array(0);
    this.arrivedAt = new Float64Array(0);
    this.counterNeed = new Float64Array(0);
    this.kioskNeed = new Float64Array(0);
    this.patience = new Float64Array(0);
    this.waited = new Float64Array(0);
    this.joinedAt = new Float64Array(0);
    this.remaining = new Float64Array(0);
    this.line = new Int32Array(0);
    this.ticket = new Float64Array(0);
    this.patienceToken = new Float64Array(0);
    this.atKiosk = new Uint8Array(0);
    this.needsCounterAfterKiosk = new Uint8Array(0);
    this.period = new Int32Array(0);
    this.serviceStart = new Float64Array(0);
    this.free = new Int32Array(0);
    this.resize(initialCapacity);
  }

  /** Forgets every customer, keeping the grown arrays for the next replication. */
  clear(): void {
    this.freeCount = 0;
    for (let id = this.capacity - 1; id >= 0; id--) this.free[this.freeCount++] = id;
    this.inside = 0;
  }

  /** Takes a customer slot; its fields hold stale values that the caller must set. */
  admit(): number {
    if (this.freeCount === 0) this.resize(this.capacity * 2);
    this.inside++;
    return this.free[--this.freeCount];
  }

  release(id: number): void {
    this.inside--;
    this.free[this.freeCount++] = id;
  }

  private resize(capacity: number): void {
    const old = this.capacity;
    this.type = growInt32(this.type, capacity);
    this.arrivedAt = growFloat64(this.arrivedAt, capacity);
    this.counterNeed = growFloat64(this.counterNeed, capacity);
    this.kioskNeed = growFloat64(this.kioskNeed, capacity);
    this.patience = growFloat64(this.patience, capacity);
    this.waited = growFloat64(this.waited, capacity);
    this.joinedAt = growFloat64(this.joinedAt, capacity);
    this.remaining = growFloat64(this.remaining, capacity);
    this.line = growInt32(this.line, capacity);
    this.ticket = growFloat64(this.ticket, capacity);
    this.patienceToken = growFloat64(this.patienceToken, capacity);
    this.atKiosk = growUint8(this.atKiosk, capacity);
    this.needsCounterAfterKiosk = growUint8(this.needsCounterAfterKiosk, capacity);
    this.period = growInt32(this.period, capacity);
    this.serviceStart = growFloat64(this.serviceStart, capacity);
    const free = new Int32Array(capacity);
    free.set(this.free.subarray(0, this.freeCount));
    this.free = free;
    // New slots go on the free list highest first, so ids are handed out in increasing order.
    for (let id = capacity - 1; id >= old; id--) this.free[this.freeCount++] = id;
    this.capacity = capacity;
  }
}

function growFloat64(a: Float64Array, n: number): Float64Array {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}
function growInt32(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}
function growUint8(a: Uint8Array, n: number): Uint8Array {
  const b = new Uint8Array(n);
  b.set(a);
  return b;
}
