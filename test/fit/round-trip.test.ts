/**
 * The round trip: simulate a hall whose laws are known (test/fixtures/fit/known-hall.yaml) for 20
 * days with a visit trace, write the trace as a ticket-machine log, fit it, and recover the
 * arrival profile, the type shares, each type's service law and the patience within their
 * standard errors (the fit's own, from the observed information). The fitted file must load with
 * the project's loader. The table of true against recovered figures is printed.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { fitLog, type FittedLog } from '../../src/fit/fit-log.js';
import { scenarioText } from '../../src/fit/scenario-text.js';
import { parseTicketLog } from '../../src/fit/ticket-log.js';
import { traceToTicketLog } from '../../src/fit/trace-to-log.js';
import { runStudy } from '../../src/runner/study.js';
import { TRACE_HEADER } from '../../src/runner/visit-trace.js';
import { loadScenario, parseScenarioText } from '../../src/scenario/load.js';
import { SEED, Z } from './seed.js';

const KNOWN = fileURLToPath(new URL('../fixtures/fit/known-hall.yaml', import.meta.url));
const DAYS = 20;

interface Row {
  figure: string;
  truth: number;
  recovered: number;
  se: number;
}

let fitted: FittedLog;
let text: string;
const rows: Row[] = [];

beforeAll(async () => {
  const known = loadScenario(KNOWN);
  const trace: string[] = [];
  await runStudy(known.scenario.name, [{ name: 'baseline', scenario: known.scenario, baseDir: known.baseDir }], {
    replications: DAYS,
    seed: SEED,
    period: 60,
    workers: 1,
    trace,
  });
  const log = traceToTicketLog([TRACE_HEADER, ...trace].join('\n'), { openClock: 8 * 60, firstDay: '2026-11-02' });
  fitted = fitLog(parseTicketLog(log, 'known-hall-log.csv'));
  text = scenarioText(fitted);

  const s = known.scenario;
  const profile = s.arrivals.profile!;
  fitted.periods.forEach((p, i) => rows.push({ figure: `perHour ${String(profile[i].at)}`, truth: profile[i].perHour, recovered: p.perHour, se: p.perHourSE }));
  const totalShare = Object.values(s.types).reduce((sum, t) => sum + t.share, 0);
  for (const t of fitted.types) {
    const truth = s.types[t.name];
    rows.push({ figure: `${t.name} share`, truth: truth.share / totalShare, recovered: t.share, se: t.shareSE });
    // The true family's fit, parameter by parameter.
    const service = truth.service as unknown as Record<string, number | string>;
    const law = t.service!.fits.find((f) => f.family === service.dist)!;
    for (const [name, value] of Object.entries(law.parameters)) {
      rows.push({ figure: `${t.name} service ${service.dist} ${name}`, truth: service[name] as number, recovered: value, se: law.standardErrors[name] });
    }
    const patience = t.patience!.fits.find((f) => f.family === 'exponential')!;
    rows.push({ figure: `${t.name} patience exponential mean`, truth: (truth.patience as { mean: number }).mean, recovered: patience.mean, se: patience.standardErrors.mean });
  }
  const table = rows.map((r) => `${r.figure.padEnd(40)} ${String(r.truth).padStart(7)}  ${r.recovered.toFixed(3).padStart(8)} ± ${r.se.toPrecision(2).padStart(6)}  z ${((r.recovered - r.truth) / r.se).toFixed(2)}`);
  process.stdout.write(`round trip (seed ${SEED}, ${DAYS} days, ${fitted.tickets} tickets): figure, true, recovered ± SE, z\n${table.join('\n')}\n`);
}, 120_000); // a whole simulation: vitest's 10 s hook default is too tight on a loaded machine

describe('round trip: simulated log -> fit -> the known laws', () => {
  it('the fitted scenario loads with the project\'s own loader', () => {
    const loaded = parseScenarioText(text, 'fitted.yaml');
    expect(Object.keys(loaded.scenario.types).sort()).toEqual(['consult', 'paperwork', 'transaction']);
    expect(loaded.scenario.horizon).toBe(540);
    expect(loaded.scenario.open).toBe('08:00');
  });

  it('recovers the profile, the shares, every service law and the patience within their standard errors', () => {
    expect(rows.length).toBe(9 + 3 * 4);
    for (const r of rows) {
      expect(Math.abs(r.recovered - r.truth), `${r.figure}: true ${r.truth}, recovered ${r.recovered} ± ${r.se}`).toBeLessThan(Z * r.se);
      // Not vacuous: every tolerance is well inside the figure itself (the widest, a patience from ~150 leavers, ~40%).
      expect(Z * r.se, `${r.figure}: tolerance`).toBeLessThan(0.45 * r.truth);
    }
  });

  it('chooses the true service family for each type by AIC', () => {
    const chosen = Object.fromEntries(fitted.types.map((t) => [t.name, t.service!.best.family]));
    expect(chosen).toEqual({ consult: 'lognormal', transaction: 'gamma', paperwork: 'weibull' });
  });

  it('recovers the shift plan: the counters at work each hour', () => {
    expect(fitted.periods.map((p) => p.counters)).toEqual([5, 8, 10, 9, 7, 8, 9, 7, 5]);
  });

  it('the shortcuts for patience are biased: leavers at their would-be wait too long, their time left out too short', () => {
    // Both are bounds of the censored estimate whatever the data (see patience.ts); the true mean is 20.
    for (const t of fitted.types) {
      const p = t.patience!;
      const mean = p.fits.find((f) => f.family === 'exponential')!.mean;
      expect(p.naive.leaversAtWouldBeWait).toBeGreaterThan(mean);
      expect(p.naive.leaversTimeLeftOut).toBeLessThan(mean);
    }
  });
});

describe('round trip with a Weibull patience: the censored fit finds the shape, not only the mean', () => {
  const truth = { dist: 'weibull' as const, shape: 1.5, scale: 25 };
  let weibull: FittedLog;
  beforeAll(async () => {
    const known = loadScenario(KNOWN);
    const types = Object.fromEntries(Object.entries(known.scenario.types).map(([name, t]) => [name, { ...t, patience: truth }]));
    const scenario = { ...known.scenario, types };
    const trace: string[] = [];
    await runStudy('Weibull patience', [{ name: 'baseline', scenario, baseDir: known.baseDir }], { replications: 60, seed: SEED, period: 60, workers: 1, trace });
    weibull = fitLog(parseTicketLog(traceToTicketLog([TRACE_HEADER, ...trace].join('\n'), { openClock: 8 * 60, firstDay: '2026-11-02' }), 'weibull.csv'));
  }, 120_000);

  it('recovers shape and scale within their standard errors, and AIC prefers Weibull where the leavers are many', () => {
    for (const t of weibull.types) {
      const law = t.patience!.fits.find((f) => f.family === 'weibull')!;
      for (const name of ['shape', 'scale'] as const) {
        const se = law.standardErrors[name];
        expect(Math.abs(law.parameters[name] - truth[name]), `${t.name} ${name}: ${law.parameters[name]} ± ${se}`).toBeLessThan(Z * se);
      }
    }
    // Where the leavers are many the check is tight, not vacuous, and the shape tells Weibull from exponential.
    const most = [...weibull.types].sort((a, b) => b.leavers - a.leavers)[0];
    expect(most.leavers).toBeGreaterThan(300);
    const law = most.patience!.fits.find((f) => f.family === 'weibull')!;
    process.stdout.write(`weibull patience (seed ${SEED}, 60 days): ${most.name}, ${most.leavers} leavers: shape ${law.parameters.shape.toFixed(3)} ± ${law.standardErrors.shape.toFixed(3)}, scale ${law.parameters.scale.toFixed(2)} ± ${law.standardErrors.scale.toFixed(2)} (true 1.5, 25)\n`);
    expect(Z * law.standardErrors.shape).toBeLessThan(0.4 * truth.shape);
    expect(Z * law.standardErrors.scale).toBeLessThan(0.4 * truth.scale);
    expect(most.patience!.best.family).toBe('weibull');
  });
});
