/**
 * Where a customer goes, and the line policies: an idle counter of a group that serves its type;
 * else, for a preempting type, the counter of the lowest-priority customer (`tryPreempt`); else
 * the line that moves soonest (`chooseLine`), unless the customer balks at it. Then the two
 * rules that move customers already waiting: jockeying to a neighbouring per-counter line that
 * got shorter (`jockeyInto`), and re-homing the customers of a line no counter takes from after a
 * staffing change (`rehomeStranded`).
 */
import { HallState } from './hall-state.js';
import { OUTCOME_BALKED } from './visit-log.js';

export abstract class Routing extends HallState {
  /** Sends a customer to a free kiosk, or into the kiosk line. */
  protected goToKiosks(c: number, balkDraw: number): void {
    const st = this.kioskStation;
    if (this.stationIdle[st] > 0) {
      this.startService(this.idleServerOf(st), c);
      return;
    }
    this.joinOrBalk(c, this.stationLine[st], balkDraw);
  }

  /**
   * Sends a customer to the counters: an idle counter of a group that serves its type if there is
   * one (groups in scenario order, counters in order); else, for a preempting type, the counter
   * serving the lowest-priority customer; else a line (see `chooseLine`).
   */
  protected goToCounters(c: number, balkDraw: number): void {
    const groups = this.model.types[this.customers.type[c]].servedBy;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      if (this.stationIdle[g] > 0) {
        this.startService(this.idleServerOf(g), c);
        return;
      }
    }
    if (this.anyPreempt && this.tryPreempt(c)) return;
    this.joinOrBalk(c, this.chooseLine(c), balkDraw);
  }

  /**
   * The line a customer joins when no eligible counter is free.
   * - Single line per group: the group whose line moves soonest for a newcomer, i.e. the fewest
   *   (people waiting + 1) per counter taking customers; ties go to the group listed first.
   * - Line per counter: the shortest line among counters taking customers; ties go to the first
   *   counter in scenario order.
   * When no eligible counter takes customers (all closed), the first eligible group's line: the
   * customer waits for a counter to open.
   */
  protected chooseLine(c: number): number {
    const type = this.customers.type[c];
    const only = this.onlyLineOfType[type];
    if (only >= 0) return only;
    const groups = this.model.types[type].servedBy;
    const perCounter = this.model.lineLayout === 'per-counter';
    let best = -1;
    let bestScore = Infinity;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      if (!perCounter) {
        const open = this.stationAccepting[g];
        if (open === 0) continue;
        const score = (this.lines[this.stationLine[g]].waiting + 1) / open;
        if (score < bestScore) {
          bestScore = score;
          best = this.stationLine[g];
        }
      } else {
        const first = this.stationFirst[g];
        for (let s = first; s < first + this.stationSize[g]; s++) {
          if (!this.staffed[s] || this.closing[s]) continue;
          const waiting = this.lines[this.serverLine[s]].waiting;
          if (waiting < bestScore) {
            bestScore = waiting;
            best = this.serverLine[s];
          }
        }
      }
    }
    if (best >= 0) return best;
    const g = groups[0];
    return perCounter ? this.serverLine[this.stationFirst[g]] : this.stationLine[g];
  }

  protected joinOrBalk(c: number, line: number, balkDraw: number): void {
    const balk = this.anyBalking ? this.model.types[this.customers.type[c]].balk : null;
    if (balk !== null && balkDraw < 1) {
      const seen = this.lines[line].waiting;
      const probabilities = balk.probabilityByLength;
      const p =
        seen >= balk.queueLength
          ? 1
          : probabilities.length === 0
            ? 0
            : probabilities[Math.min(seen, probabilities.length - 1)];
      if (balkDraw < p) {
        this.depart(c, OUTCOME_BALKED);
        return;
      }
    }
    this.joinLine(c, line);
  }

  /**
   * Preemption: a customer of a preempting type takes the counter of the lowest-priority customer
   * being served (the latest started among equals), whose service stops and resumes later from
   * where it stopped, at the front of its line.
   */
  protected tryPreempt(c: number): boolean {
    const now = this.now;
    const pool = this.customers;
    const types = this.model.types;
    const kind = types[pool.type[c]];
    if (!kind.preempt) return false;
    let victimServer = -1;
    let victimPriority = kind.priority;
    let victimStart = -Infinity;
    for (let i = 0; i < kind.servedBy.length; i++) {
      const g = kind.servedBy[i];
      const first = this.stationFirst[g];
      for (let s = first; s < first + this.stationSize[g]; s++) {
        const v = this.serving[s];
        // A closing counter only finishes the customer it has: it is not taken over.
        if (v < 0 || this.broken[s] || this.closing[s]) continue;
        const p = types[pool.type[v]].priority;
        if (p >= kind.priority) continue;
        const start = pool.serviceStart[v];
        if (victimServer < 0 || p < victimPriority || (p === victimPriority && start > victimStart)) {
          victimServer = s;
          victimPriority = p;
          victimStart = start;
        }
      }
    }
    if (victimServer < 0) return false;
    const s = victimServer;
    const v = this.serving[s];
    const st = this.serverStation[s];
    pool.remaining[v] = this.endTime[s] - now;
    this.endToken[s] = -1;
    this.serving[s] = -1;
    this.stats.busy(st, now, -1);
    if (this.log) this.log.interrupted(v, s, now);
    this.stationIdle[st]++;
    this.joinLine(v, this.serverLine[s]);
    this.startService(s, c);
    return true;
  }

  /**
   * Jockeying (per-counter lines): when `line` has just got shorter, the last customer of a
   * neighbouring line (the counters either side, same group) moves over if that line is now
   * longer by two or more.
   */
  protected jockeyInto(line: number): void {
    if (this.model.lineLayout !== 'per-counter') return;
    const st = this.lineStation[line];
    if (st === this.kioskStation) return;
    const first = this.stationFirst[st];
    const last = first + this.stationSize[st] - 1;
    const s = this.layout.serverOfLine(line);
    if (!this.staffed[s] || this.closing[s]) return;
    if (s > first && this.moveLast(this.serverLine[s - 1], line)) return;
    if (s < last) this.moveLast(this.serverLine[s + 1], line);
  }

  /** Moves the last customer of line `from` to the back of line `to` if `from` is longer by 2+. */
  protected moveLast(from: number, to: number): boolean {
    const now = this.now;
    if (this.lines[from].waiting - this.lines[to].waiting < 2) return false;
    const pool = this.customers;
    const c = this.lines[from].last();
    pool.waited[c] += now - pool.joinedAt[c];
    const ticket = this.nextTicket++;
    pool.line[c] = to;
    pool.ticket[c] = ticket;
    pool.joinedAt[c] = now;
    // An interrupted customer keeps its place ahead of newcomers in the line it moves to.
    const level = this.levelOfType[pool.type[c]];
    if (this.canInterrupt && pool.remaining[c] === pool.remaining[c]) this.lines[to].joinFront(c, ticket, level);
    else this.lines[to].join(c, ticket, level);
    if (this.log) this.log.joined(c, to, now);
    return true;
  }

  /**
   * After a staffing change, lines that no counter takes customers from (a per-counter line whose
   * counter closed or is closing, a group's line when the whole group is closed) empty, in order,
   * into the counters that can serve their customers: each chooses again as if it had just come
   * in (an idle counter first, else a line), without balking, since it is already inside. Where no
   * counter can take it, it waits in its first group's line for one to open.
   */
  protected rehomeStranded(): void {
    const movers: number[] = [];
    for (let l = 0; l < this.lines.length; l++) {
      const line = this.lines[l];
      if (line.waiting === 0 || this.takesCustomers(l)) continue;
      for (let c = line.next(); c >= 0; c = line.next()) {
        this.leaveLine(c);
        movers.push(c);
      }
    }
    for (const c of movers) this.goToCounters(c, 1);
  }

  /** Whether some counter calls customers from `line` now or will when it is free. */
  protected takesCustomers(line: number): boolean {
    const st = this.lineStation[line];
    if (st === this.kioskStation) return true;
    if (this.stationLine[st] === line) return this.stationAccepting[st] > 0;
    const s = this.layout.serverOfLine(line);
    return this.staffed[s] === 1 && this.closing[s] === 0;
  }
}
