/**
 * `frontdesk fit LOG --check`: simulate the fitted scenario as `run` does, and set the log's
 * figures beside the simulated ones, period by period. The log's figure is an average over its D
 * days; if the model were right, such an average would fall within the simulated mean ± t·sd·√(1/R + 1/D)
 * (R replications, sd the day-to-day spread of the simulated days), the "simulated interval" shown.
 * A figure outside it is flagged `!`: there the model departs from the log by more than chance.
 */
import { figureOf } from '../figures/figures.js';
import type { FittedLog } from '../fit/fit-log.js';
import { observedPeriods, type ObservedFigure } from '../fit/observed.js';
import type { Summary } from '../runner/result.js';
import { runStudy } from '../runner/study.js';
import type { LoadedScenario } from '../scenario/load.js';
import { clockLabel } from '../scenario/time.js';
import { studentTQuantile } from '../stats/summary.js';
import { defaultWorkers } from '../runner/pool.js';
import { UsageError } from './usage-error.js';

export interface CheckOptions {
  replications?: number;
  seed?: number;
  workers?: number;
}

export interface CheckedFigure {
  observed: number;
  simulated: number;
  /** Where a D-day average of the model would fall (95%). */
  interval: [number, number];
  departs: boolean;
}

export interface CheckedPeriod {
  clock: string;
  figures: Record<CheckKey, CheckedFigure>;
}

export const CHECK_KEYS = ['arrived', 'waitMean', 'waitP90', 'abandonShare', 'serviceLevel'] as const;
export type CheckKey = (typeof CHECK_KEYS)[number];

/** The planner's label and natural range of each figure, from the vocabulary of figures. */
function labelOf(key: CheckKey): string {
  return figureOf(key)!.figure.label;
}

function rangeOf(key: CheckKey): [number, number] {
  const [lo, hi] = figureOf(key)!.figure.range;
  return [lo, hi];
}

function compare(observed: ObservedFigure, simulated: Summary | undefined, replications: number, range: [number, number]): CheckedFigure {
  const sim = simulated?.mean ?? NaN;
  // With one replication there is no spread (sd null): no range, nothing flagged.
  const sd = simulated?.sd ?? NaN;
  if (!Number.isFinite(observed.mean) || !Number.isFinite(sim) || observed.days === 0) {
    return { observed: observed.mean, simulated: sim, interval: [NaN, NaN], departs: false };
  }
  const half = Number.isFinite(sd) && replications > 1 ? studentTQuantile(0.975, replications - 1) * sd * Math.sqrt(1 / replications + 1 / observed.days) : 0;
  const interval: [number, number] = [Math.max(range[0], sim - half), Math.min(range[1], sim + half)];
  return { observed: observed.mean, simulated: sim, interval, departs: observed.mean < interval[0] - 1e-9 || observed.mean > interval[1] + 1e-9 };
}

export async function checkPeriods(fitted: FittedLog, loaded: LoadedScenario, options: CheckOptions = {}): Promise<CheckedPeriod[]> {
  const scenario = loaded.scenario;
  const replications = options.replications ?? scenario.replications ?? 30;
  if (!(Number.isInteger(replications) && replications >= 2)) throw new UsageError(`--replications: found ${replications}; expected a whole number >= 2 for --check`);
  const result = await runStudy(scenario.name, [{ name: 'baseline', scenario, baseDir: loaded.baseDir }], {
    replications,
    seed: options.seed ?? scenario.seed ?? 1,
    period: fitted.period,
    workers: options.workers ?? defaultWorkers(),
  });
  const simulated = result.variants[0].byPeriod;
  const observed = observedPeriods(fitted, scenario.waitTarget);
  const openClock = fitted.openClock;
  return observed.map((o) => {
    const sim = simulated.find((p) => p.start === o.start)?.metrics ?? {};
    const figures = Object.fromEntries(CHECK_KEYS.map((key) => [key, compare(o[key], sim[key], replications, rangeOf(key))]));
    return { clock: clockLabel(openClock, o.start), figures: figures as Record<CheckKey, CheckedFigure> };
  });
}

function cell(key: CheckKey, f: CheckedFigure): string {
  const percent = key === 'abandonShare' || key === 'serviceLevel';
  const n = (x: number) => (!Number.isFinite(x) ? '-' : percent ? `${(100 * x).toFixed(1)}%` : x.toFixed(1));
  if (!Number.isFinite(f.observed)) return '-';
  const range = Number.isFinite(f.interval[0]) ? ` [${n(f.interval[0])}, ${n(f.interval[1])}]` : '';
  return `${n(f.observed)} vs ${n(f.simulated)}${range}${f.departs ? ' !' : ''}`;
}

/** The check as a Markdown table (reads as text in a terminal too). */
export function checkTable(periods: CheckedPeriod[], days: number, replications: number): string {
  const header = ['period', ...CHECK_KEYS.map((k) => labelOf(k))];
  const rows = periods.map((p) => [p.clock, ...CHECK_KEYS.map((k) => cell(k, p.figures[k]))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const flagged = periods.filter((p) => CHECK_KEYS.some((k) => p.figures[k].departs));
  const compared = periods.reduce((n, p) => n + CHECK_KEYS.filter((k) => Number.isFinite(p.figures[k].interval[0])).length, 0);
  const outside = periods.reduce((n, p) => n + CHECK_KEYS.filter((k) => p.figures[k].departs).length, 0);
  // Each range holds 95%: among many figures a few fall outside by chance alone; say how many.
  const chance = `${outside} of ${compared} figures outside their range; about ${Math.round(0.05 * compared)} would be by chance alone`;
  return [
    `Observed (average of the log's ${days} days) vs simulated (mean of ${replications} replications) [95% range of a ${days}-day average under the model]; ! = departs`,
    '',
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
    '',
    flagged.length === 0
      ? `No period departs from the log by more than chance (${chance}).`
      : `Departs in ${flagged.length} of ${periods.length} periods: ${flagged.map((p) => `${p.clock} (${CHECK_KEYS.filter((k) => p.figures[k].departs).map((k) => labelOf(k)).join(', ')})`).join('; ')}. ${chance[0].toUpperCase()}${chance.slice(1)}.`,
    '',
  ].join('\n');
}

export async function checkFit(fitted: FittedLog, loaded: LoadedScenario, options: CheckOptions = {}): Promise<void> {
  const periods = await checkPeriods(fitted, loaded, options);
  const replications = options.replications ?? loaded.scenario.replications ?? 30;
  process.stdout.write(checkTable(periods, fitted.days, replications));
}
