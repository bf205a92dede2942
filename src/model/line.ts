/**
 * A line of waiting customers: FIFO within a priority level, higher levels served first
 * (non-preemptive within the line). Each level is a ring buffer of (customer, ticket).
 *
 * Why tickets: a customer who leaves the middle of a line (patience ran out, moved to a shorter
 * line) is not searched for and spliced out; its entry stays behind and is skipped when it reaches
 * an end, because the customer's current ticket no longer matches the entry's. That keeps leaving
 * O(1) and the line allocation-free; stale entries cost one comparison each, once.
 */
import type { CustomerPool } from './customers.js';

class TicketRing {
  ids = new Int32Array(16);
  tickets = new Float64Array(16);
  head = 0;
  /** Entries held, stale ones included. */
  size = 0;

  pushBack(id: number, ticket: number): void {
    if (this.size === this.ids.length) this.grow();
    const at = (this.head + this.size) & (this.ids.length - 1);
    this.ids[at] = id;
    this.tickets[at] = ticket;
    this.size++;
  }

  pushFront(id: number, ticket: number): void {
    if (this.size === this.ids.length) this.grow();
    this.head = (this.head - 1) & (this.ids.length - 1);
    this.ids[this.head] = id;
    this.tickets[this.head] = ticket;
    this.size++;
  }

  private grow(): void {
    const n = this.ids.length;
    const ids = new Int32Array(n * 2);
    const tickets = new Float64Array(n * 2);
    for (let i = 0; i < this.size; i++) {
      const at = (this.head + i) & (n - 1);
      ids[i] = this.ids[at];
      tickets[i] = this.tickets[at];
    }
    this.ids = ids;
    this.tickets = tickets;
    this.head = 0;
  }
}

export class Line {
  /** Customers really waiting (stale entries excluded). */
  waiting = 0;
  private readonly levels: TicketRing[];

  /**
   * @param levelCount number of distinct priorities; level 0 is served first.
   * @param customers the pool whose `ticket` field says which entries are current.
   */
  constructor(
    levelCount: number,
    private readonly customers: CustomerPool,
  ) {
    this.levels = [];
    for (let i = 0; i < levelCount; i++) this.levels.push(new TicketRing());
  }

  clear(): void {
    this.waiting = 0;
    for (const level of this.levels) {
      level.head = 0;
      level.size = 0;
    }
  }

  /** Joins at the back of its priority level. */
  join(id: number, ticket: number, level: number): void {
    this.levels[level].pushBack(id, ticket);
    this.waiting++;
  }

  /** Goes back to the front of its level: an interrupted service is resumed before newcomers. */
  joinFront(id: number, ticket: number, level: number): void {
    this.levels[level].pushFront(id, ticket);
    this.waiting++;
  }

  /** Records that a customer left from inside the line; its entry goes stale. */
  left(): void {
    this.waiting--;
  }

  /** Takes the customer whose turn it is, or -1 when nobody is waiting. */
  next(): number {
    if (this.waiting === 0) return -1;
    const current = this.customers.ticket;
    for (let l = 0; l < this.levels.length; l++) {
      const ring = this.levels[l];
      while (ring.size > 0) {
        const at = ring.head;
        const id = ring.ids[at];
        const ticket = ring.tickets[at];
        ring.head = (at + 1) & (ring.ids.length - 1);
        ring.size--;
        if (current[id] === ticket) {
          this.waiting--;
          return id;
        }
      }
    }
    return -1;
  }

  /** Takes the customer at the very back (lowest priority, latest), or -1: the one who jockeys. */
  last(): number {
    if (this.waiting === 0) return -1;
    const current = this.customers.ticket;
    for (let l = this.levels.length - 1; l >= 0; l--) {
      const ring = this.levels[l];
      while (ring.size > 0) {
        const at = (ring.head + ring.size - 1) & (ring.ids.length - 1);
        ring.size--;
        const id = ring.ids[at];
        if (current[id] === ring.tickets[at]) {
          this.waiting--;
          return id;
        }
      }
    }
    return -1;
  }
}
