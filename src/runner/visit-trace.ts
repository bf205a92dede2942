/**
 * The per-customer trace behind `--trace FILE`: one CSV row per visit with every line joined and
 * every service, so a planner (or a test) can follow any customer through the hall. It is a
 * VisitLog, so the day pays for it only when it is asked for.
 */
import { OUTCOME_ABANDONED, OUTCOME_BALKED, OUTCOME_SERVED, type FrontDesk } from '../model/front-desk.js';
import type { Model } from '../model/model.js';
import type { VisitLog } from '../model/visit-log.js';

export const TRACE_HEADER = 'variant,replication,customer,type,arrival,lines,services,outcome,wait,departure';

const OUTCOMES: Record<number, string> = {
  [OUTCOME_SERVED]: 'served',
  [OUTCOME_ABANDONED]: 'abandoned',
  [OUTCOME_BALKED]: 'balked',
};

interface OpenVisit {
  number: number;
  type: number;
  arrival: number;
  /** `line@time` for each line joined, in order. */
  lines: string[];
  /** `server@start-end` for each service (an interrupted one ends at the interruption). */
  services: string[];
  serviceStart: number;
}

export class VisitTrace implements VisitLog {
  readonly rows: string[] = [];
  /** Rows of the day under way with their visit numbers: sorted into arrival order at the day's end. */
  private day: Array<[number, string]> = [];
  private desk: FrontDesk | null = null;
  private readonly open = new Map<number, OpenVisit>();
  private visits = 0;
  private replication = 0;

  constructor(
    private readonly variant: string,
    private readonly model: Model,
  ) {}

  /** Starts the trace of a replication of `desk` (the desk that reports to this log). */
  startDay(desk: FrontDesk, replication: number): void {
    this.desk = desk;
    this.replication = replication;
    this.visits = 0;
    this.open.clear();
    this.day = [];
  }

  arrived(customer: number, type: number, now: number): void {
    this.open.set(customer, { number: ++this.visits, type, arrival: now, lines: [], services: [], serviceStart: NaN });
  }

  joined(customer: number, line: number, now: number): void {
    this.visit(customer).lines.push(`${this.desk!.lineName(line)}@${now}`);
  }

  started(customer: number, _server: number, now: number): void {
    this.visit(customer).serviceStart = now;
  }

  finished(customer: number, server: number, now: number): void {
    const v = this.visit(customer);
    v.services.push(`${this.desk!.serverName(server)}@${v.serviceStart}-${now}`);
  }

  interrupted(customer: number, server: number, now: number): void {
    this.finished(customer, server, now);
  }

  departed(customer: number, outcome: number, now: number, waited: number): void {
    const v = this.visit(customer);
    this.open.delete(customer);
    this.day.push([
      v.number,
      [
        csvField(this.variant),
        this.replication,
        v.number,
        csvField(this.model.types[v.type].name),
        v.arrival,
        v.lines.join(';'),
        v.services.join(';'),
        OUTCOMES[outcome],
        waited,
        now,
      ].join(','),
    ]);
  }

  /**
   * Closes the day: customers still inside (no drain) get a row with outcome `inside`, and the
   * day's rows go out in arrival order.
   */
  endDay(): void {
    for (const v of this.open.values()) {
      const row = [csvField(this.variant), this.replication, v.number, csvField(this.model.types[v.type].name), v.arrival];
      this.day.push([v.number, [...row, v.lines.join(';'), v.services.join(';'), 'inside', '', ''].join(',')]);
    }
    this.open.clear();
    this.day.sort((a, b) => a[0] - b[0]);
    for (const [, row] of this.day) this.rows.push(row);
    this.day = [];
  }

  brokeDown(): void {}

  repaired(): void {}

  private visit(customer: number): OpenVisit {
    const v = this.open.get(customer);
    if (!v) throw new Error(`internal: trace has no open visit for customer slot ${customer}`);
    return v;
  }
}

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
