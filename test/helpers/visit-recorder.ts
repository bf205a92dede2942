/**
 * A VisitLog that keeps every step of a simulated day, for tests that check laws customer by
 * customer (test/properties/).
 *
 * The event loop reuses customer ids (slots of a struct-of-arrays pool) once a customer has left,
 * so the recorder maps a slot to its own visit number at `arrived` and forgets the mapping at
 * `departed`. A step for a slot that holds no visit, or an arrival into a slot still occupied,
 * is a bug of the loop's bookkeeping: the recorder throws, and the property that ran the day
 * fails with the message.
 */
import type { VisitLog } from '../../src/model/visit-log.js';

export type StepKind = 'arrived' | 'joined' | 'started' | 'finished' | 'interrupted' | 'departed';
export type EntryKind = StepKind | 'brokeDown' | 'repaired';

export const SERVED = 0;
export const ABANDONED = 1;
export const BALKED = 2;

/** One hook call, in the order the loop made it. Fields that do not apply are -1. */
export interface LogEntry {
  /** Position in the log (0, 1, 2, ...). */
  seq: number;
  kind: EntryKind;
  at: number;
  /** Visit number (arrival order, from 0); -1 for breakdowns and repairs. */
  visit: number;
  line: number;
  server: number;
  /** `departed` only: 0 served, 1 abandoned, 2 balked. */
  outcome: number;
  /** `departed` only: the total wait the loop reports. */
  waited: number;
}

export interface Visit {
  number: number;
  type: number;
  arrivedAt: number;
  /** Its own entries, in log order (the first is `arrived`). */
  steps: LogEntry[];
  /** null while still inside. */
  outcome: number | null;
  departedAt: number;
  /** The total wait reported at `departed` (NaN while inside). */
  waited: number;
}

export class VisitRecorder implements VisitLog {
  readonly entries: LogEntry[] = [];
  readonly visits: Visit[] = [];
  private readonly bySlot = new Map<number, number>();

  arrived(customer: number, type: number, now: number): void {
    if (this.bySlot.has(customer)) {
      throw new Error(`visit log: slot ${customer} arrived at ${now} while visit ${this.bySlot.get(customer)} still holds it`);
    }
    const number = this.visits.length;
    this.bySlot.set(customer, number);
    this.visits.push({ number, type, arrivedAt: now, steps: [], outcome: null, departedAt: NaN, waited: NaN });
    this.push('arrived', now, number, -1, -1);
  }

  joined(customer: number, line: number, now: number): void {
    this.push('joined', now, this.visitOf(customer, 'joined', now), line, -1);
  }

  started(customer: number, server: number, now: number): void {
    this.push('started', now, this.visitOf(customer, 'started', now), -1, server);
  }

  finished(customer: number, server: number, now: number): void {
    this.push('finished', now, this.visitOf(customer, 'finished', now), -1, server);
  }

  interrupted(customer: number, server: number, now: number): void {
    this.push('interrupted', now, this.visitOf(customer, 'interrupted', now), -1, server);
  }

  departed(customer: number, outcome: number, now: number, waited: number): void {
    const visit = this.visitOf(customer, 'departed', now);
    const entry = this.push('departed', now, visit, -1, -1);
    entry.outcome = outcome;
    entry.waited = waited;
    const v = this.visits[visit];
    v.outcome = outcome;
    v.departedAt = now;
    v.waited = waited;
    this.bySlot.delete(customer);
  }

  brokeDown(server: number, now: number): void {
    this.push('brokeDown', now, -1, -1, server);
  }

  repaired(server: number, now: number): void {
    this.push('repaired', now, -1, -1, server);
  }

  /** Visits still inside the hall (no `departed`). */
  inside(): Visit[] {
    return this.visits.filter((v) => v.outcome === null);
  }

  private visitOf(customer: number, step: string, now: number): number {
    const visit = this.bySlot.get(customer);
    if (visit === undefined) throw new Error(`visit log: ${step} at ${now} for slot ${customer}, which holds no visit`);
    return visit;
  }

  private push(kind: EntryKind, at: number, visit: number, line: number, server: number): LogEntry {
    const entry: LogEntry = { seq: this.entries.length, kind, at, visit, line, server, outcome: -1, waited: NaN };
    this.entries.push(entry);
    if (visit >= 0) this.visits[visit].steps.push(entry);
    return entry;
  }
}
