/**
 * `frontdesk staff` without the command line: from a loaded scenario with a `staffing` block to
 * the required counters per period and group (simulated, minimal), Erlang's answer beside them,
 * and, with shifts, the cheapest roster that covers them, simulated in its turn.
 */
import type { Model } from '../model/model.js';
import type { Summary } from '../runner/result.js';
import { compileScenario } from '../scenario/compile.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';
import { staffingPeriodProblem } from '../scenario/semantics.js';
import { clockLabel } from '../scenario/time.js';
import { PERIOD_FIGURES, type Counts, type PlanDays, type StaffSteps } from './evaluate.js';
import { searchStaffing, stepsOf, type SearchOutcome } from './search.js';
import { cheapestCover, onDutyAt, shiftOptions, type ShiftOption } from './shifts.js';
import type { StaffingTarget } from './target.js';

export interface StaffOptions {
  /** Command-line overrides of the file's target. */
  serviceLevel?: number;
  maxAbandon?: number;
  waitTarget?: number;
  replications?: number;
  maxReplications?: number;
  seed?: number;
  onProgress?: (what: string, simulatedDays: number) => void;
  pause?: () => Promise<void>;
}

export type PeriodFigures = Record<(typeof PERIOD_FIGURES)[number], Summary>;

export interface StaffingPeriod {
  start: number;
  end: number;
  clock: string;
  required: Record<string, number>;
  erlang: Record<string, number>;
  /** Every searched group's customers meet the target in this period. */
  met: boolean;
  /** Replications behind this period's figures (more where the figure sat close to the target). */
  replications: number;
  metrics: PeriodFigures;
  /** Per searched group, its own customers' figures (when it serves only some types). */
  groups: Record<string, { serviceLevel: Summary; abandonShare: Summary }>;
}

export interface MinimalityCheck {
  group: string;
  clock: string;
  /** Counters tried; null when the period is already at `min`. */
  counters: number | null;
  /** Where one counter fewer made the target miss; null when at `min`. */
  missed: { clock: string; group: string; margin: number } | null;
}

export interface RosterShift {
  name: string;
  group: string;
  start: number;
  clock: string;
  /** Break starts, minutes from opening. */
  breaks: number[];
  count: number;
}

export interface RosterPeriod {
  start: number;
  end: number;
  clock: string;
  onDuty: Record<string, number>;
  met: boolean;
  metrics: PeriodFigures;
}

export interface Roster {
  cost: number;
  staffHours: Record<string, number>;
  shifts: RosterShift[];
  periods: RosterPeriod[];
  /** The on-duty plan per searched group, as shift-plan steps. */
  steps: Record<string, StaffSteps>;
}

export interface StaffingResult {
  scenario: string;
  seed: number;
  replications: number;
  maxReplications: number;
  target: StaffingTarget;
  period: number;
  openClock: number;
  groups: string[];
  periods: StaffingPeriod[];
  staffHours: Record<string, number>;
  roster: Roster | null;
  minimality: MinimalityCheck[];
  /** The required plan for every staffing period (warm-up ones included), as shift-plan steps. */
  steps: Record<string, StaffSteps>;
  search: { method: string; simulatedDays: number };
  warnings: string[];
}

/** The target: the file's staffing block, each part overridden by the command line when given. */
export function staffingTarget(scenario: Scenario, options: StaffOptions): StaffingTarget {
  const block = scenario.staffing;
  const serviceLevel = options.serviceLevel ?? block?.serviceLevel;
  const maxAbandon = options.maxAbandon ?? block?.maxAbandon;
  return {
    serviceLevel: serviceLevel ?? null,
    waitTarget: options.waitTarget ?? scenario.waitTarget,
    maxAbandon: maxAbandon ?? null,
  };
}

export async function staff(loaded: LoadedScenario, options: StaffOptions = {}): Promise<StaffingResult> {
  const scenario = loaded.scenario;
  const block = scenario.staffing ?? { min: 0, max: 100 };
  const target = staffingTarget(scenario, options);
  const model: Model = { ...compileScenario(scenario, { baseDir: loaded.baseDir, file: loaded.file }), waitTarget: target.waitTarget };
  const groupNames = model.groups.map((g) => g.name);
  const searched = scenario.staffing?.groups ?? groupNames;
  const groups = searched.map((name) => groupNames.indexOf(name));
  const period = scenario.staffing?.period ?? scenario.period;
  const periodProblem = staffingPeriodProblem(period, model.horizon);
  if (periodProblem) throw new StaffingError(`${scenario.staffing?.period === undefined ? 'period' : 'staffing.period'}: found ${period}; expected ${periodProblem}`);
  const replications = options.replications ?? scenario.replications;
  const maxReplications = Math.max(replications, options.maxReplications ?? replications * 8);
  const seed = options.seed ?? scenario.seed;
  const outcome = await searchStaffing(model, {
    target,
    seed,
    periodLength: period,
    groups,
    replications,
    maxReplications,
    min: block.min,
    max: block.max,
    onProgress: options.onProgress,
    pause: options.pause,
  });
  const clock = (t: number) => clockLabel(model.openClock, t);
  const byGroup = (values: number[]) => Object.fromEntries(searched.map((name, g) => [name, values[g]]));
  const reported = outcome.evaluator.periods;
  const ownCustomers = groups.map((g) => !model.types.every((t) => t.servedBy.includes(g)));

  const periods: StaffingPeriod[] = reported.map((p, i) => {
    const n = outcome.replications[i];
    const own: StaffingPeriod['groups'] = {};
    searched.forEach((name, g) => {
      if (ownCustomers[g]) own[name] = { serviceLevel: outcome.days.served(i, g, n), abandonShare: outcome.days.lost(i, g, n) };
    });
    return {
      start: p.start,
      end: p.end,
      clock: clock(p.start),
      required: byGroup(outcome.required.map((row) => row[p.index])),
      erlang: byGroup(outcome.erlang.map((row) => row[p.index])),
      met: outcome.met[i],
      replications: n,
      metrics: figures(outcome.days, i, n),
      groups: own,
    };
  });
  const warnings: string[] = [];
  periods.forEach((p) => {
    if (!p.met) warnings.push(`${p.clock}: the target is not met even with ${block.max} counters (staffing.max) in the groups that miss it`);
  });

  const roster = scenario.staffing?.shifts?.length
    ? await buildRoster(model, outcome, { searched, groups, period, replications, seed, target, clockOf: clock })
    : null;

  return {
    scenario: scenario.name,
    seed,
    replications,
    maxReplications,
    target,
    period,
    openClock: model.openClock,
    groups: searched,
    periods,
    staffHours: byGroup(outcome.required.map((row) => staffHours(row, outcome.periodStarts, period, model.horizon))),
    roster,
    minimality: outcome.checks.map((c) => ({
      group: searched[c.group],
      clock: clock(c.period * period),
      counters: c.counters,
      missed: c.missed ? { clock: clock(c.missed.period * period), group: searched[c.missed.group], margin: c.missed.standing.margin } : null,
    })),
    steps: Object.fromEntries(stepsOf(outcome.required, period).map((s, g) => [searched[g], s])),
    search: {
      method: 'forward pass period by period (LETRIS), repair, then one-counter-fewer minimality checks; common random numbers',
      simulatedDays: outcome.evaluator.simulatedDays,
    },
    warnings,
  };

  async function buildRoster(
    m: Model,
    found: SearchOutcome,
    context: { searched: string[]; groups: number[]; period: number; replications: number; seed: number; target: StaffingTarget; clockOf: (t: number) => string },
  ): Promise<Roster> {
    const patterns = scenario.staffing!.shifts!;
    const options = shiftOptions(patterns, (name) => context.searched.indexOf(name), m.horizon);
    const staffingPeriods = found.periodStarts.map((start) => ({ start, end: Math.min(start + context.period, m.horizon) }));
    const covered = [...new Set(options.map((o) => o.group))];
    const cover = await cheapestCover({
      options,
      maxPerPattern: patterns.map((s) => s.max ?? Infinity),
      required: found.required,
      periods: staffingPeriods,
      coveredGroups: covered,
    });
    if (!cover) {
      throw new StaffingError(
        `staffing.shifts: these shifts cannot cover the required counters (${describeRequirement(found.required, covered, context.searched)}); ` +
          'allow more shifts (max), other starts (every) or longer shifts',
      );
    }
    const used = options.map((o, j) => ({ o, n: cover.counts[j] })).filter((u) => u.n > 0);
    const steps: StaffSteps[] = context.groups.map((_, g) =>
      covered.includes(g) ? onDutySteps(used, g, m.horizon) : stepsOf([found.required[g]], context.period)[0],
    );
    const days = found.evaluator.run(steps, context.replications);
    const onDuty = (g: number, from: number, to: number) => minimumOnDuty(steps[g], from, to);
    const rosterPeriods: RosterPeriod[] = found.evaluator.periods.map((p, i) => {
      const metrics = figures(days, i, days.replications);
      let met = true;
      context.groups.forEach((_, g) => {
        const s = standingOf(context.target, days.served(i, g), days.lost(i, g));
        met &&= s;
      });
      return {
        start: p.start,
        end: p.end,
        clock: context.clockOf(p.start),
        onDuty: Object.fromEntries(context.searched.map((name, g) => [name, onDuty(g, p.start, p.end)])),
        met,
        metrics,
      };
    });
    const hours: Record<string, number> = {};
    context.searched.forEach((name, g) => {
      hours[name] = covered.includes(g)
        ? used.filter((u) => u.o.group === g).reduce((sum, u) => sum + (u.n * workedMinutes(u.o)) / 60, 0)
        : staffHours(found.required[g], found.periodStarts, context.period, m.horizon);
    });
    return {
      cost: cover.cost,
      staffHours: hours,
      shifts: used.map((u) => ({
        name: patterns[u.o.pattern].name,
        group: patterns[u.o.pattern].group,
        start: u.o.start,
        clock: context.clockOf(u.o.start),
        breaks: u.o.breaks.map((b) => b.start),
        count: u.n,
      })),
      periods: rosterPeriods,
      steps: Object.fromEntries(steps.map((s, g) => [context.searched[g], s])),
    };
  }
}

/** A problem with the staffing question itself (exit 1): shifts that cannot cover the requirement. */
export class StaffingError extends Error {}

function standingOf(target: StaffingTarget, served: Summary, lost: Summary): boolean {
  const slOk = target.serviceLevel === null || !Number.isFinite(served.mean) || served.mean >= target.serviceLevel;
  const abOk = target.maxAbandon === null || !Number.isFinite(lost.mean) || lost.mean <= target.maxAbandon;
  return slOk && abOk;
}

function figures(days: PlanDays, p: number, n: number): PeriodFigures {
  return Object.fromEntries(PERIOD_FIGURES.map((f) => [f, days.figure(p, f, n)])) as PeriodFigures;
}

/** Counter-hours of a per-period plan; the last period may be cut short by the horizon. */
function staffHours(row: number[], starts: number[], length: number, horizon: number): number {
  return row.reduce((sum, c, k) => sum + (c * (Math.min(starts[k] + length, horizon) - starts[k])) / 60, 0);
}

function workedMinutes(o: ShiftOption): number {
  return o.end - o.start - o.breaks.reduce((sum, b) => sum + (b.end - b.start), 0);
}

/** The roster's counters on duty for group g, as shift-plan steps at every change before the horizon. */
function onDutySteps(used: { o: ShiftOption; n: number }[], g: number, horizon: number): StaffSteps {
  const mine = used.filter((u) => u.o.group === g);
  const times = new Set<number>([0]);
  for (const { o } of mine) {
    for (const t of [o.start, o.end, ...o.breaks.flatMap((b) => [b.start, b.end])]) if (t < horizon) times.add(t);
  }
  const at: number[] = [];
  const count: number[] = [];
  for (const t of [...times].sort((a, b) => a - b)) {
    const n = mine.reduce((sum, u) => sum + (onDutyAt(u.o, t) ? u.n : 0), 0);
    if (at.length === 0 || n !== count[count.length - 1]) {
      at.push(t);
      count.push(n);
    }
  }
  return { at, count };
}

/** Fewest counters on duty at any moment of [from, to). */
function minimumOnDuty(steps: StaffSteps, from: number, to: number): number {
  let least = Infinity;
  for (let i = 0; i < steps.at.length; i++) {
    const begin = steps.at[i];
    const end = i + 1 < steps.at.length ? steps.at[i + 1] : Infinity;
    if (end > from && begin < to) least = Math.min(least, steps.count[i]);
  }
  return least === Infinity ? 0 : least;
}

function describeRequirement(required: Counts, covered: number[], names: string[]): string {
  return covered.map((g) => `${names[g]}: ${required[g].join(' ')}`).join('; ');
}
