/**
 * Re-checks what `frontdesk staff` found, on days the search never saw:
 *   node dist/bench/staffing-check.js FILE [check seed] [replications]
 * finds the staffing with the file's seed, then simulates it on another seed (default: the file's
 * + 1) with many replications (default 1000): every period's service level (and abandonment) with
 * its 95% interval, and for each period and group one counter fewer, the worst of the periods that
 * met with the staffing (a miss there is a miss one counter caused). Prints
 * plain text; the numbers quoted in the staffing note come from here.
 */
import { compileScenario } from '../src/scenario/compile.js';
import { loadScenario } from '../src/scenario/load.js';
import { PlanEvaluator, type PlanDays } from '../src/staffing/evaluate.js';
import { stepsOf } from '../src/staffing/search.js';
import { staff } from '../src/staffing/staff.js';

const [file, seedText, repsText] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node dist/bench/staffing-check.js FILE [check seed] [replications]\n');
  process.exit(1);
}
const loaded = loadScenario(file);
const result = await staff(loaded);
const seed = seedText ? Number(seedText) : result.seed + 1;
const replications = repsText ? Number(repsText) : 1000;
const model = { ...compileScenario(loaded.scenario, { baseDir: loaded.baseDir }), waitTarget: result.target.waitTarget };
const groupIds = result.groups.map((g) => model.groups.findIndex((m) => m.name === g));
const check = new PlanEvaluator(model, { seed, periodLength: result.period, groups: groupIds });
const counts = result.groups.map((g) => {
  const perPeriod = Math.ceil(model.horizon / result.period);
  const steps = result.steps[g];
  return Array.from({ length: perPeriod }, (_, k) => {
    let c = steps.count[0];
    steps.at.forEach((at, i) => {
      if (at <= k * result.period) c = steps.count[i];
    });
    return c;
  });
});
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const interval = (s: { mean: number; ci95: [number, number] | null }) =>
  s.ci95 ? `${pct(s.mean)} [${pct(s.ci95[0])}, ${pct(s.ci95[1])}]` : pct(s.mean);
const { serviceLevel, maxAbandon } = result.target;
/** Margin to the target per (period, group): positive on the good side. */
function margins(days: PlanDays): number[] {
  const out: number[] = [];
  result.periods.forEach((_, i) => {
    result.groups.forEach((_, gi) => {
      out.push(
        Math.min(
          serviceLevel === null ? Infinity : days.served(i, gi).mean - serviceLevel,
          maxAbandon === null ? Infinity : maxAbandon - days.lost(i, gi).mean,
        ),
      );
    });
  });
  return out;
}
const cell = (i: number) => `${result.periods[Math.floor(i / result.groups.length)].clock} ${result.groups[i % result.groups.length]}`;
/** The worst margin over the cells that met with the staffing (all of them when `met` is not given). */
function worst(days: PlanDays, met?: boolean[]): { margin: number; where: string } {
  let margin = Infinity;
  let where = '';
  margins(days).forEach((m, i) => {
    if (met && !met[i]) return;
    if (m < margin) {
      margin = m;
      where = cell(i);
    }
  });
  return { margin, where };
}

const started = performance.now();
const days = check.run(stepsOf(counts, result.period), replications);
process.stdout.write(`${result.scenario}: staffing found with seed ${result.seed}, checked on seed ${seed} with ${replications} replications\n`);
result.periods.forEach((p, i) => {
  const figures = result.groups.map((g, gi) => {
    const parts = [`${g} ${p.required[g]}`];
    if (serviceLevel !== null) parts.push(`level ${interval(days.served(i, gi))}`);
    if (maxAbandon !== null) parts.push(`abandon ${interval(days.lost(i, gi))}`);
    return parts.join(' ');
  });
  process.stdout.write(`  ${p.clock}  ${figures.join('; ')}\n`);
});
const base = worst(days);
const met = margins(days).map((m) => m >= 0);
const missing = met.map((m, i) => (m ? '' : cell(i))).filter((c) => c !== '');
process.stdout.write(`  worst margin with the staffing: ${base.margin.toFixed(4)} (${base.where}); missing here: ${missing.join(', ') || 'none'}\n`);
let missed = 0;
let tried = 0;
result.periods.forEach((p) => {
  const k = Math.round(p.start / result.period);
  result.groups.forEach((g, gi) => {
    if (counts[gi][k] <= 0) return;
    tried++;
    const fewer = counts.map((row, r) => row.map((c, j) => (r === gi && j === k ? c - 1 : c)));
    const w = worst(check.run(stepsOf(fewer, result.period), replications), met);
    if (w.margin < 0) missed++;
    process.stdout.write(`  one fewer ${g} at ${p.clock}: worst margin ${w.margin.toFixed(4)} (${w.where})${w.margin < 0 ? ' miss' : ' STILL MEETS'}\n`);
  });
});
process.stdout.write(`  ${missed} of ${tried} one-fewer plans miss somewhere; ${check.simulatedDays} days in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
