/**
 * Counters and kiosks: opening, closing and breaking down. A server is staffed or not; a staffed
 * counter may be closing (its shift ended while it served: it finishes its customer first) or
 * broken (its service is suspended until the repair). A freed server closes, calls the next
 * customer of its line, or becomes idle.
 */
import { FAILURE, REPAIR, SERVICE_END } from './events.js';
import { Routing } from './routing.js';

export abstract class ServerState extends Routing {
  /**
   * A server has just finished (its busy level not yet lowered): it closes if its shift ended;
   * otherwise it calls the next customer of its line, or becomes idle.
   */
  protected serverFreed(s: number): void {
    const now = this.now;
    const st = this.serverStation[s];
    if (this.closing[s]) {
      this.closing[s] = 0;
      this.staffed[s] = 0;
      this.stats.busy(st, now, -1);
      this.stats.staffed(st, now, -1);
      return;
    }
    const line = this.serverLine[s];
    const c = this.lines[line].next();
    if (c < 0) {
      this.stationIdle[st]++;
      this.stats.busy(st, now, -1);
      return;
    }
    // Handed straight to the next customer: the server stays busy, so neither its station's busy
    // level nor its idle count moves (a -1 and a +1 at the same instant add no area).
    this.leaveLine(c);
    this.beginService(s, c);
    if (this.model.jockey) this.jockeyInto(line);
  }

  /** An idle server calls the next customer of its line, if any. */
  protected callNext(s: number): void {
    const line = this.serverLine[s];
    const c = this.lines[line].next();
    if (c < 0) return;
    this.leaveLine(c);
    this.startService(s, c);
    if (this.model.jockey) this.jockeyInto(line);
  }

  protected onShiftChange(code: number): void {
    // Step-major (step × groups + group): a hall of thousands of groups fits the calendar's target.
    const groups = this.model.groups.length;
    const g = code % groups;
    const step = Math.floor(code / groups);
    this.setStaffing(g, this.model.groups[g].shiftCount[step]);
  }

  /**
   * Brings the number of counters taking customers in station `st` to `wanted`. Closing prefers
   * idle counters (last first); a busy counter finishes its customer, then closes. Opening first
   * cancels pending closures, then opens closed counters (first first), which call their line at once.
   */
  protected setStaffing(st: number, wanted: number): void {
    const now = this.now;
    const first = this.stationFirst[st];
    const last = first + this.stationSize[st] - 1;
    let accepting = this.stationAccepting[st];
    for (let s = first; s <= last && accepting < wanted; s++) {
      if (this.closing[s]) {
        this.closing[s] = 0;
        accepting++;
      }
    }
    for (let s = first; s <= last && accepting < wanted; s++) {
      if (this.staffed[s]) continue;
      this.staffed[s] = 1;
      accepting++;
      this.stats.staffed(st, now, 1);
      if (this.broken[s]) this.stats.brokenStaffed(st, now, 1);
      if (!this.broken[s]) {
        this.stationIdle[st]++;
        this.stationAccepting[st] = accepting;
        this.callNext(s);
      }
    }
    for (let s = last; s >= first && accepting > wanted; s--) {
      if (!this.staffed[s] || this.closing[s] || this.serving[s] >= 0) continue;
      this.staffed[s] = 0;
      if (!this.broken[s]) this.stationIdle[st]--;
      else this.stats.brokenStaffed(st, now, -1);
      accepting--;
      this.stats.staffed(st, now, -1);
    }
    for (let s = last; s >= first && accepting > wanted; s--) {
      if (!this.staffed[s] || this.closing[s]) continue;
      this.closing[s] = 1;
      accepting--;
    }
    this.stationAccepting[st] = accepting;
    if (st !== this.kioskStation) this.rehomeStranded();
  }

  protected onFailure(s: number): void {
    const now = this.now;
    const st = this.serverStation[s];
    this.broken[s] = 1;
    if (this.staffed[s]) this.stats.brokenStaffed(st, now, 1);
    const c = this.serving[s];
    if (c >= 0) {
      // The service in progress is suspended and resumes after the repair. The counter is not
      // busy meanwhile: utilisation is time spent serving, and a broken counter serves nobody.
      this.customers.remaining[c] = this.endTime[s] - now;
      this.endToken[s] = -1;
      this.stats.busy(st, now, -1);
      this.stats.serviceInterrupted(now);
    } else if (this.staffed[s]) {
      this.stationIdle[st]--;
    }
    if (this.log) this.log.brokeDown(s, now);
    this.calendar.schedule(now + this.breakdownOf(s)!.repair.sample(this.failureRng[s]), REPAIR, s);
  }

  protected onRepair(s: number): void {
    const now = this.now;
    const st = this.serverStation[s];
    this.broken[s] = 0;
    if (this.staffed[s]) this.stats.brokenStaffed(st, now, -1);
    if (this.log) this.log.repaired(s, now);
    const next = now + this.breakdownOf(s)!.upTime.sample(this.failureRng[s]);
    if (next < this.model.horizon) this.calendar.schedule(next, FAILURE, s);
    const c = this.serving[s];
    if (c >= 0) {
      const need = this.customers.remaining[c];
      this.customers.remaining[c] = NaN;
      this.endTime[s] = now + need;
      this.endToken[s] = this.calendar.schedule(now + need, SERVICE_END, s);
      this.stats.busy(st, now, 1);
    } else if (this.staffed[s]) {
      this.stationIdle[st]++;
      this.callNext(s);
    }
  }
}
