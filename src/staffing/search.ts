/**
 * The simulation search for the fewest counters per period and group that meet the target with
 * the backlog earlier periods leave.
 *
 * Why a forward pass (Corominas & Lusa's LETRIS idea) and not the iterative staffing algorithm of
 * Feldman, Mandelbaum, Massey & Whitt (2008): ISA targets a delay probability in an infinite-server
 * picture and converges to a staffing that is right "on average"; our target is a share served
 * within T of each period's arrivals, and whether the customers of 11:00 make it depends only on
 * the counters of 11:00 and earlier (and a little on 12:00, for those still waiting at the turn of
 * the hour). So the periods are settled in time order, each with the earlier ones already in place:
 * raise a period until it meets the target, then lower it while it and every earlier period still
 * do. Later periods meanwhile hold their Erlang seed. A repair pass then raises any period that the
 * final later periods made miss, and a minimality pass tries every period and group one counter
 * lower, keeping any decrement after which everything that met still meets, until none is left:
 * the result is minimal in the contract's sense, checked by simulation, and the checks are reported.
 *
 * Every plan is judged on the same simulated days (common random numbers): the seed, replications
 * 0, 1, …. Replications adapt: when a period's 95% interval contains the target, the plan gets
 * twice the replications (up to the maximum) before it is judged.
 */
import type { Model } from '../model/model.js';
import { offeredWork, erlangCounters } from './offered-load.js';
import { PlanEvaluator, type Counts, type PlanDays, type StaffSteps } from './evaluate.js';
import { standing, type Standing, type StaffingTarget } from './target.js';

export interface SearchSettings {
  target: StaffingTarget;
  seed: number;
  periodLength: number;
  /** Model ids of the groups to staff. */
  groups: number[];
  /** Replications every plan gets. */
  replications: number;
  /** Replications a plan may get when a period sits close to the target. */
  maxReplications: number;
  min: number;
  max: number;
  /** Called after each simulated plan: what is being done and the days simulated so far. */
  onProgress?: (what: string, simulatedDays: number) => void;
  /** Awaited after each simulated plan: lets Ctrl-C and progress through. */
  pause?: () => Promise<void>;
}

/** One "one counter fewer" trial of the final plan. */
export interface DecrementCheck {
  /** Index into the searched groups. */
  group: number;
  /** Staffing period (index from opening). */
  period: number;
  /** The counters tried (one fewer than required), or null when already at `min`. */
  counters: number | null;
  /** The first period and group that missed with one counter fewer (null: at min, or nothing missed). */
  missed: { period: number; group: number; standing: Standing } | null;
}

export interface SearchOutcome {
  /** Required counters per searched group and staffing period (every period from opening). */
  required: Counts;
  /** Erlang C / A counters per searched group and period. */
  erlang: Counts;
  /** The simulated days of the required plan. */
  days: PlanDays;
  /** Per reported period: every group meets the target. */
  met: boolean[];
  /** Per reported period: the replications its verdict needed. */
  replications: number[];
  checks: DecrementCheck[];
  evaluator: PlanEvaluator;
  /** Start of each staffing period, minutes from opening. */
  periodStarts: number[];
}

export async function searchStaffing(model: Model, settings: SearchSettings): Promise<SearchOutcome> {
  const { target, periodLength: length, groups, min, max } = settings;
  const evaluator = new PlanEvaluator(model, { seed: settings.seed, periodLength: length, groups });
  const periodCount = Math.ceil(model.horizon / length);
  const periodStarts = Array.from({ length: periodCount }, (_, k) => k * length);
  const erlang: Counts = groups.map((g) =>
    periodStarts.map((start) => erlangCounters(offeredWork(model, g, start, Math.min(start + length, model.horizon)), target)),
  );
  const counts: Counts = erlang.map((row) => row.map((c) => Math.min(max, Math.max(min, c))));
  const reported = evaluator.periods; // periods after warm-up, in order; .index is the staffing period
  const all = reported.map((_, p) => p);
  const clock = (p: number) => `period ${reported[p].index + 1} of ${periodCount}`;

  /** The plan's standing in the reported periods `which`, with replications doubled while some sits close. */
  const judge = async (plan: Counts, which: number[], what: string) => {
    let n = settings.replications;
    for (;;) {
      const days = evaluator.run(stepsOf(plan, length), n);
      settings.onProgress?.(what, evaluator.simulatedDays);
      await settings.pause?.();
      const standings = which.map((p) => groups.map((_, g) => standing(target, days.served(p, g, n), days.lost(p, g, n))));
      // More days only when they could change a verdict: once some period clearly misses (its whole
      // interval on the wrong side), the plan fails whatever the close ones turn out to be.
      const clearMiss = standings.some((row) => row.some((s) => !s.meets && !s.close));
      if (n < settings.maxReplications && !clearMiss && standings.some((row) => row.some((s) => s.close))) {
        n = Math.min(settings.maxReplications, n * 2);
        continue;
      }
      return standings;
    }
  };
  const with1 = (plan: Counts, g: number, k: number, delta: number): Counts =>
    plan.map((row, i) => (i === g ? row.map((c, j) => (j === k ? c + delta : c)) : row));

  settings.onProgress?.("starting from Erlang's answer", 0);
  // Forward pass: settle the periods in time order.
  for (const p of all) {
    const k = reported[p].index;
    for (;;) {
      const [row] = await judge(counts, [p], `raising ${clock(p)}`);
      const raisable = row.map((s, g) => ({ s, g })).filter(({ s, g }) => !s.meets && counts[g][k] < max);
      if (raisable.length === 0) break;
      raisable.sort((a, b) => a.s.margin - b.s.margin || a.g - b.g);
      counts[raisable[0].g][k]++;
    }
    const earlier = all.slice(0, p + 1);
    for (let g = 0; g < groups.length; g++) {
      while (counts[g][k] > min) {
        const before = await judge(counts, earlier, `lowering ${clock(p)}`);
        const trial = with1(counts, g, k, -1);
        const after = await judge(trial, earlier, `lowering ${clock(p)}`);
        if (!keepsEverything(before, after)) break;
        counts[g][k]--;
      }
    }
  }

  // Repair: the later periods settled after an earlier one was judged; raise what now misses.
  for (;;) {
    const now = await judge(counts, all, 'checking the whole day');
    const first = firstRaisable(now, counts, reported, max);
    if (!first) break;
    counts[first.group][reported[first.period].index]++;
  }

  // Minimality: one counter fewer anywhere must make something that met miss.
  let checks: DecrementCheck[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    checks = [];
    for (const p of all) {
      const k = reported[p].index;
      for (let g = 0; g < groups.length; g++) {
        if (counts[g][k] <= min) {
          checks.push({ group: g, period: k, counters: null, missed: null });
          continue;
        }
        const before = await judge(counts, all, `checking ${clock(p)} is minimal`);
        const after = await judge(with1(counts, g, k, -1), all, `checking ${clock(p)} is minimal`);
        const miss = firstNewMiss(before, after);
        if (!miss) {
          counts[g][k]--;
          changed = true;
          checks.push({ group: g, period: k, counters: counts[g][k], missed: null });
          continue;
        }
        checks.push({ group: g, period: k, counters: counts[g][k] - 1, missed: { period: reported[miss.p].index, group: miss.g, standing: miss.s } });
      }
    }
  }

  const final = await judge(counts, all, 'final check');
  const days = evaluator.run(stepsOf(counts, length), settings.replications);
  return {
    required: counts,
    erlang,
    days,
    met: final.map((row) => row.every((s) => s.meets)),
    replications: all.map((p) => replicationsFor(days, p, groups.length, target, settings.replications)),
    checks,
    evaluator,
    periodStarts,
  };
}

/** True when every (period, group) that met before still meets. */
function keepsEverything(before: Standing[][], after: Standing[][]): boolean {
  return firstNewMiss(before, after) === null;
}

function firstNewMiss(before: Standing[][], after: Standing[][]): { p: number; g: number; s: Standing } | null {
  for (let p = 0; p < before.length; p++) {
    for (let g = 0; g < before[p].length; g++) {
      if (before[p][g].meets && !after[p][g].meets) return { p, g, s: after[p][g] };
    }
  }
  return null;
}

/** The earliest missing period with a group that can still be raised: its worst such group. */
function firstRaisable(
  standings: Standing[][],
  counts: Counts,
  reported: { index: number }[],
  max: number,
): { period: number; group: number } | null {
  for (let p = 0; p < standings.length; p++) {
    const k = reported[p].index;
    let best = -1;
    standings[p].forEach((s, g) => {
      if (!s.meets && counts[g][k] < max && (best < 0 || s.margin < standings[p][best].margin)) best = g;
    });
    if (best >= 0) return { period: p, group: best };
  }
  return null;
}

/** The replications a period's verdict needed: the first of n, 2n, 4n, … at which no group sat close. */
function replicationsFor(days: PlanDays, p: number, groups: number, target: StaffingTarget, base: number): number {
  let n = base;
  for (; n < days.replications; n = Math.min(days.replications, n * 2)) {
    let close = false;
    for (let g = 0; g < groups; g++) close ||= standing(target, days.served(p, g, n), days.lost(p, g, n)).close;
    if (!close) return n;
  }
  return Math.min(n, days.replications);
}

/** Counts per period as shift plans: a step at each period start where the count changes. */
export function stepsOf(counts: Counts, length: number): StaffSteps[] {
  return counts.map((row) => {
    const at: number[] = [];
    const count: number[] = [];
    row.forEach((c, k) => {
      if (k === 0 || c !== count[count.length - 1]) {
        at.push(k * length);
        count.push(c);
      }
    });
    return { at, count };
  });
}
