/**
 * Hooks through which a day reports each customer's steps, for the optional per-customer trace
 * (`--trace`) and for tests that check laws customer by customer. When no log is given the loop
 * pays one null check per step and nothing else.
 *
 * Customer ids are slots that are reused after a customer leaves; a log that keeps records must
 * map the id to its own visit number at `arrived`.
 */
/** How each visit ended, as the visit log reports it. */
export const OUTCOME_SERVED = 0;
export const OUTCOME_ABANDONED = 1;
export const OUTCOME_BALKED = 2;

export interface VisitLog {
  arrived(customer: number, type: number, now: number): void;
  /** Joined (or moved to) a line. */
  joined(customer: number, line: number, now: number): void;
  started(customer: number, server: number, now: number): void;
  finished(customer: number, server: number, now: number): void;
  /** Its service was interrupted by a preempting customer; it goes back to the front of its line. */
  interrupted(customer: number, server: number, now: number): void;
  /** Left the hall: `OUTCOME_SERVED`, `OUTCOME_ABANDONED` or `OUTCOME_BALKED`; `waited` is its total wait. */
  departed(customer: number, outcome: number, now: number, waited: number): void;
  brokeDown(server: number, now: number): void;
  repaired(server: number, now: number): void;
}
