/**
 * Covering the required counters with shifts at least cost: a set-covering integer program
 *   minimise Σ cost_j·x_j  subject to  Σ_{j on duty throughout period p of group g} x_j ≥ required[g][p],
 *   Σ_{j of pattern s} x_j ≤ max_s,  x_j ≥ 0 integer,
 * one x_j per way to work a pattern (its start on the grid, each break's start in its window),
 * solved exactly by HiGHS (branch and bound on the LP relaxation) rather than a hand-written search.
 * A shift counts for a period only when it is on duty the whole period: a counter that opens at
 * half past does not serve the customers of the first half hour.
 */
import type { ShiftPattern } from '../scenario/schema.js';

/** One way to work a pattern: its start and its breaks' starts, minutes from opening. */
export interface ShiftOption {
  /** Index into the scenario's `staffing.shifts`. */
  pattern: number;
  /** Index into the searched groups. */
  group: number;
  start: number;
  end: number;
  breaks: { start: number; end: number }[];
  cost: number;
}

/** Every way to work each pattern within [0, horizon]. */
export function shiftOptions(patterns: ShiftPattern[], groupIndex: (name: string) => number, horizon: number): ShiftOption[] {
  const out: ShiftOption[] = [];
  patterns.forEach((pattern, s) => {
    const group = groupIndex(pattern.group);
    for (let start = 0; start + pattern.length <= horizon + 1e-9; start += pattern.every) {
      for (const breaks of breakChoices(pattern, start, 0, start)) {
        out.push({ pattern: s, group, start, end: start + pattern.length, breaks, cost: pattern.cost });
      }
    }
  });
  return out;
}

/** Each choice of starts for breaks k, k+1, … on the grid, in order, not overlapping, after `free`. */
function breakChoices(pattern: ShiftPattern, shiftStart: number, k: number, free: number): { start: number; end: number }[][] {
  if (k === pattern.breaks.length) return [[]];
  const b = pattern.breaks[k];
  const out: { start: number; end: number }[][] = [];
  const first = Math.ceil((shiftStart + b.after[0] - 1e-9) / pattern.every) * pattern.every;
  for (let at = first; at <= shiftStart + b.after[1] + 1e-9; at += pattern.every) {
    if (at < free) continue;
    for (const rest of breakChoices(pattern, shiftStart, k + 1, at + b.length)) out.push([{ start: at, end: at + b.length }, ...rest]);
  }
  return out;
}

/** The option is at its counter throughout [from, to). */
export function onDutyThroughout(option: ShiftOption, from: number, to: number): boolean {
  if (option.start > from || option.end < to) return false;
  return option.breaks.every((b) => b.end <= from || b.start >= to);
}

/** The option is at its counter at minute t. */
export function onDutyAt(option: ShiftOption, t: number): boolean {
  return option.start <= t && t < option.end && option.breaks.every((b) => t < b.start || t >= b.end);
}

export interface CoverProblem {
  options: ShiftOption[];
  /** Most shifts per pattern (Infinity: no cap). */
  maxPerPattern: number[];
  /** Required counters per searched group and staffing period (only groups with patterns are covered). */
  required: number[][];
  /** Staffing periods as [start, end). */
  periods: { start: number; end: number }[];
  /** Searched groups that some pattern staffs. */
  coveredGroups: number[];
}

/** The program in CPLEX LP format, the text HiGHS reads. */
export function coverProgram(problem: CoverProblem): string {
  const { options, required, periods, coveredGroups } = problem;
  const x = (j: number) => `x${j}`;
  const terms = (js: number[]) => (js.length === 0 ? '0 x0' : js.map(x).join(' + '));
  const lines = ['Minimize', ` cost: ${options.map((o, j) => `${o.cost} ${x(j)}`).join(' + ') || '0'}`, 'Subject To'];
  for (const g of coveredGroups) {
    periods.forEach((period, p) => {
      const need = required[g][p];
      if (need <= 0) return;
      const js = options.map((o, j) => (o.group === g && onDutyThroughout(o, period.start, period.end) ? j : -1)).filter((j) => j >= 0);
      lines.push(` cover_${g}_${p}: ${terms(js)} >= ${need}`);
    });
  }
  problem.maxPerPattern.forEach((cap, s) => {
    if (!Number.isFinite(cap)) return;
    const js = options.map((o, j) => (o.pattern === s ? j : -1)).filter((j) => j >= 0);
    if (js.length > 0) lines.push(` cap_${s}: ${terms(js)} <= ${cap}`);
  });
  lines.push('Bounds');
  options.forEach((o, j) => {
    const cap = problem.maxPerPattern[o.pattern];
    lines.push(Number.isFinite(cap) ? ` 0 <= ${x(j)} <= ${cap}` : ` ${x(j)} >= 0`);
  });
  lines.push('Generals', ` ${options.map((_, j) => x(j)).join(' ')}`, 'End', '');
  return lines.join('\n');
}

export interface Cover {
  /** How many of each option, by index. */
  counts: number[];
  cost: number;
}

type Highs = { solve(lp: string, options?: Record<string, number | string | boolean>): { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal: number }> } };
let highsLoaded: Promise<Highs> | null = null;

/** HiGHS, loaded once (its WebAssembly takes a moment to compile). */
function highs(): Promise<Highs> {
  highsLoaded ??= import('highs').then((m) => (m.default as unknown as () => Promise<Highs>)());
  return highsLoaded;
}

/** The cheapest cover, or null when the patterns cannot cover the requirement. */
export async function cheapestCover(problem: CoverProblem): Promise<Cover | null> {
  if (problem.options.length === 0) return null;
  const solver = await highs();
  // No relative gap: the optimum, not a roster within 0.01% of it.
  const solution = solver.solve(coverProgram(problem), { mip_rel_gap: 0 });
  if (solution.Status !== 'Optimal') return null;
  const counts = problem.options.map((_, j) => Math.round(solution.Columns[`x${j}`]?.Primal ?? 0));
  const cost = counts.reduce((sum, n, j) => sum + n * problem.options[j].cost, 0);
  return { counts, cost };
}
