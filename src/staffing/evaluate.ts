/**
 * Simulating a staffing plan: the same days (seed, replications 0, 1, …) for every plan, so two
 * plans are compared on the same customers (common random numbers) and a difference between them
 * is the plan's, not the dice's. Each plan's days are kept, so asking for more replications of a
 * plan only simulates the new ones.
 */
import { FrontDesk, OUTCOME_SERVED } from '../model/front-desk.js';
import { widthOf, type MetricColumns } from '../model/metric-columns.js';
import type { Model } from '../model/model.js';
import { dayPeriods, ReportPeriods, type DayPeriod } from '../model/periods.js';
import type { VisitLog } from '../model/visit-log.js';
import type { Summary } from '../runner/result.js';
import { summarizeFigure } from '../runner/summarize.js';

/** A group's shift plan: from at[i] on, count[i] counters (at[0] = 0). */
export interface StaffSteps {
  at: number[];
  count: number[];
}

/** Counters per searched group (outer) and staffing period (inner). */
export type Counts = number[][];

/** The figures a staffing report shows per period, from the run's own columns. */
export const PERIOD_FIGURES = ['arrived', 'serviceLevel', 'abandonShare', 'waitMean'] as const;
export type PeriodFigure = (typeof PERIOD_FIGURES)[number];

export interface EvaluatorSettings {
  seed: number;
  /** Staffing period, minutes: also the length of the simulated byPeriod periods. */
  periodLength: number;
  /** Model ids of the groups the search staffs. */
  groups: number[];
}

/** What the simulation of one plan has measured so far. */
export class PlanDays {
  /** Per replication: served-in-time and lost shares per (reported period, searched group). */
  private readonly shares: Float64Array[] = [];
  /** Per replication: the PERIOD_FIGURES of every reported period. */
  private readonly figures: Float64Array[] = [];

  constructor(
    readonly key: string,
    private readonly periods: number,
    private readonly groups: number,
  ) {}

  get replications(): number {
    return this.shares.length;
  }

  add(shares: Float64Array, figures: Float64Array): void {
    this.shares.push(shares);
    this.figures.push(figures);
  }

  /** Share of the group's customers arriving in reported period `p` served within the target, over the first `n` days. */
  served(p: number, g: number, n = this.replications): Summary {
    return this.column(this.shares, (p * this.groups + g) * 2, n);
  }

  /** Share of them who abandoned or balked. */
  lost(p: number, g: number, n = this.replications): Summary {
    return this.column(this.shares, (p * this.groups + g) * 2 + 1, n);
  }

  /** A period figure over everyone arriving in reported period `p`. */
  figure(p: number, figure: PeriodFigure, n = this.replications): Summary {
    return this.column(this.figures, p * PERIOD_FIGURES.length + PERIOD_FIGURES.indexOf(figure), n);
  }

  private column(rows: Float64Array[], index: number, n: number): Summary {
    const values = new Float64Array(Math.min(n, rows.length));
    for (let r = 0; r < values.length; r++) values[r] = rows[r][index];
    return summarizeFigure(values);
  }
}

/**
 * Runs plans on one compiled Model. Groups the search does not staff keep their scenario plans.
 * Plans are remembered by their steps, so the search may ask for the same plan twice at no cost.
 */
export class PlanEvaluator {
  /** Days simulated in all: the cost of the search. */
  simulatedDays = 0;
  readonly periods: DayPeriod[];
  private readonly known = new Map<string, PlanDays>();
  /** Per searched group: the types it serves, when that is not every type (else null: the day's own period figures are its customers). */
  private readonly ownTypes: (Uint8Array | null)[];
  private readonly needsTally: boolean;

  constructor(
    private readonly model: Model,
    private readonly settings: EvaluatorSettings,
  ) {
    // The search staffs every period of the horizon, so its periods are never folded by time of day.
    this.periods = dayPeriods(model, settings.periodLength, false);
    this.ownTypes = settings.groups.map((g) => {
      const mine = Uint8Array.from(model.types, (t) => (t.servedBy.includes(g) ? 1 : 0));
      return mine.every((m) => m === 1) ? null : mine;
    });
    this.needsTally = this.ownTypes.some((t) => t !== null);
  }

  /** The plan's days, simulated up to `replications` of them. */
  run(steps: StaffSteps[], replications: number): PlanDays {
    const key = steps.map((s) => `${s.at.join(',')}:${s.count.join(',')}`).join('|');
    let days = this.known.get(key);
    if (!days) {
      days = new PlanDays(key, this.periods.length, this.settings.groups.length);
      this.known.set(key, days);
    }
    if (days.replications >= replications) return days;
    const model = this.withSteps(steps);
    const tally = this.needsTally ? new GroupTally(model, this.settings.periodLength, this.periods) : null;
    const desk = new FrontDesk(model, new ReportPeriods(model, this.settings.periodLength, false), tally);
    const columns = desk.columns;
    const row = new Float64Array(widthOf(columns));
    const at = figureColumns(columns);
    for (let r = days.replications; r < replications; r++) {
      tally?.clear();
      desk.runDayInto(this.settings.seed, r, row, 0);
      days.add(this.groupShares(row, at, tally), periodFigures(row, at));
      this.simulatedDays++;
    }
    return days;
  }

  private groupShares(row: Float64Array, at: FigureColumns, tally: GroupTally | null): Float64Array {
    const groups = this.settings.groups.length;
    const out = new Float64Array(this.periods.length * groups * 2);
    for (let p = 0; p < this.periods.length; p++) {
      const base = at.periodStart + p * at.periodWidth;
      for (let g = 0; g < groups; g++) {
        const i = (p * groups + g) * 2;
        const mine = this.ownTypes[g];
        if (mine === null || tally === null) {
          out[i] = row[base + at.serviceLevel];
          out[i + 1] = lostShare(row, base, at);
        } else {
          const [arrived, inTime, lost] = tally.sum(p, mine);
          out[i] = arrived > 0 ? inTime / arrived : NaN;
          out[i + 1] = arrived > 0 ? lost / arrived : NaN;
        }
      }
    }
    return out;
  }

  /** A copy of the model whose searched groups follow `steps`. */
  withSteps(steps: StaffSteps[]): Model {
    const groups = this.model.groups.slice();
    this.settings.groups.forEach((g, i) => {
      const plan = steps[i];
      groups[g] = {
        ...groups[g],
        shiftAt: Float64Array.from(plan.at),
        shiftCount: Int32Array.from(plan.count),
        // The counters that exist: the most the plan staffs (at least one, so the hall has the group).
        counters: Math.max(1, ...plan.count),
      };
    });
    return { ...this.model, groups };
  }
}

interface FigureColumns {
  periodStart: number;
  periodWidth: number;
  arrived: number;
  abandonShare: number;
  serviceLevel: number;
  waitMean: number;
}

function figureColumns(columns: MetricColumns): FigureColumns {
  const index = (key: string) => {
    const i = columns.periodKeys.indexOf(key);
    if (i < 0) throw new Error(`internal: no period figure ${key}`);
    return i;
  };
  return {
    periodStart: columns.metricKeys.length + columns.typeNames.length * columns.typeKeys.length,
    periodWidth: columns.periodKeys.length,
    arrived: index('arrived'),
    abandonShare: index('abandonShare'),
    serviceLevel: index('serviceLevel'),
    waitMean: index('waitMean'),
  };
}

/** The day's own share who abandoned or balked (the complement of being served). */
function lostShare(row: Float64Array, base: number, at: FigureColumns): number {
  return row[base + at.abandonShare];
}

function periodFigures(row: Float64Array, at: FigureColumns): Float64Array {
  const periods = (row.length - at.periodStart) / at.periodWidth;
  const out = new Float64Array(periods * PERIOD_FIGURES.length);
  for (let p = 0; p < periods; p++) {
    const base = at.periodStart + p * at.periodWidth;
    const o = p * PERIOD_FIGURES.length;
    out[o] = row[base + at.arrived];
    out[o + 1] = row[base + at.serviceLevel];
    out[o + 2] = lostShare(row, base, at);
    out[o + 3] = row[base + at.waitMean];
  }
  return out;
}

/**
 * Per reported period and type: arrived, served within the target, lost. The day's own figures
 * are per period over all types; a group that serves only some types is judged on its own
 * customers, which only a per-visit log can tell apart. A customer's period is the one its
 * arrival time falls in (an arrival exactly on a boundary counts in the later period).
 */
class GroupTally implements VisitLog {
  private arrivedAt = new Float64Array(256);
  private typeOf = new Int32Array(256);
  /** [period][type][arrived, inTime, lost]. */
  private readonly counts: Float64Array;
  private readonly types: number;
  private readonly first: number;

  constructor(
    private readonly model: Model,
    private readonly periodLength: number,
    private readonly periods: DayPeriod[],
  ) {
    this.types = model.types.length;
    this.counts = new Float64Array(periods.length * this.types * 3);
    this.first = periods.length > 0 ? periods[0].index : 0;
  }

  clear(): void {
    this.counts.fill(0);
  }

  /** [arrived, served in time, lost] of the types marked in `mine`, in reported period `p`. */
  sum(p: number, mine: Uint8Array): [number, number, number] {
    let arrived = 0;
    let inTime = 0;
    let lost = 0;
    for (let t = 0; t < this.types; t++) {
      if (!mine[t]) continue;
      const i = (p * this.types + t) * 3;
      arrived += this.counts[i];
      inTime += this.counts[i + 1];
      lost += this.counts[i + 2];
    }
    return [arrived, inTime, lost];
  }

  private slot(now: number, type: number): number {
    if (now < this.model.warmup) return -1;
    const p = Math.floor(now / this.periodLength) - this.first;
    if (p < 0 || p >= this.periods.length) return -1;
    return (p * this.types + type) * 3;
  }

  arrived(customer: number, type: number, now: number): void {
    if (customer >= this.arrivedAt.length) {
      const size = Math.max(customer + 1, this.arrivedAt.length * 2);
      const arrivedAt = new Float64Array(size);
      arrivedAt.set(this.arrivedAt);
      this.arrivedAt = arrivedAt;
      const typeOf = new Int32Array(size);
      typeOf.set(this.typeOf);
      this.typeOf = typeOf;
    }
    this.arrivedAt[customer] = now;
    this.typeOf[customer] = type;
    const i = this.slot(now, type);
    if (i >= 0) this.counts[i]++;
  }

  departed(customer: number, outcome: number, _now: number, waited: number): void {
    const i = this.slot(this.arrivedAt[customer], this.typeOf[customer]);
    if (i < 0) return;
    if (outcome !== OUTCOME_SERVED) this.counts[i + 2]++;
    else if (waited <= this.model.waitTarget) this.counts[i + 1]++;
  }

  joined(): void {}
  started(): void {}
  finished(): void {}
  interrupted(): void {}
  brokeDown(): void {}
  repaired(): void {}
}
