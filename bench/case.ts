/**
 * One benchmark measurement, in a process of its own so that its peak memory (maxRSS) is its own.
 *   node dist/bench/case.js mm10 <customers>          frontdesk's event loop on bench/scenarios/mm10.yaml
 *   node dist/bench/case.js bare <customers>          the feature-free loop on the same M/M/10
 *   node dist/bench/case.js city-hall <replications>  the whole pipeline on bench/scenarios/city-hall.yaml
 *   node dist/bench/case.js sweep <replications> <workers> [threadsPayOff]   compare of
 *     bench/scenarios/sweep.yaml; threadsPayOff 0 forces worker threads on (see StudyOptions)
 * Prints one JSON line of CaseFigures.
 */
import { fileURLToPath } from 'node:url';
import { FrontDesk } from '../src/model/front-desk.js';
import { runStudy, type Alternative } from '../src/runner/study.js';
import { compileScenario } from '../src/scenario/compile.js';
import { loadScenario } from '../src/scenario/load.js';
import { applyVariant } from '../src/scenario/variants.js';
import { bareMmc } from './bare-loop.js';
import { seconds } from './stopwatch.js';

const scenarioPath = (name: string) => fileURLToPath(new URL(`../../bench/scenarios/${name}.yaml`, import.meta.url));

export interface CaseFigures {
  wallSeconds: number;
  customers: number;
  events: number;
  maxRssBytes: number;
  waitMean: number;
}

function mm10(customers: number): CaseFigures {
  const loaded = loadScenario(scenarioPath('mm10'));
  const perMinute = 540 / 60;
  const scenario = { ...loaded.scenario, horizon: Math.ceil(customers / perMinute) };
  const model = compileScenario(scenario, { baseDir: loaded.baseDir });
  const desk = new FrontDesk(model, scenario.horizon);
  const start = process.hrtime.bigint();
  const day = desk.runDay(scenario.seed, 0);
  return { wallSeconds: seconds(start), customers: day.customers, events: day.events, maxRssBytes: 0, waitMean: day.metrics.waitMean };
}

function bare(customers: number): CaseFigures {
  const start = process.hrtime.bigint();
  const r = bareMmc(9, 1, 10, customers, 2026);
  return { wallSeconds: seconds(start), customers: r.customers, events: 2 * r.customers, maxRssBytes: 0, waitMean: r.waitMean };
}

/** A whole study through the runner (compile, replicate, summarise), as the CLI runs it. */
async function study(name: string, replications: number, workers: number, withVariants: boolean, threadsPayOff?: number): Promise<CaseFigures> {
  const loaded = loadScenario(scenarioPath(name));
  const alternatives: Alternative[] = [{ name: 'baseline', scenario: loaded.scenario, baseDir: loaded.baseDir }];
  if (withVariants) {
    loaded.scenario.variants.forEach((v, i) => alternatives.push({ name: v.name, scenario: applyVariant(loaded, i), baseDir: loaded.baseDir }));
  }
  const start = process.hrtime.bigint();
  const result = await runStudy(loaded.scenario.name, alternatives, {
    replications,
    seed: loaded.scenario.seed,
    period: 60,
    workers,
    ...(threadsPayOff === undefined ? {} : { threadsPayOff }),
  });
  const wall = seconds(start);
  const customers = Math.round(result.variants.reduce((n, v) => n + v.metrics.arrived.mean * v.replications, 0));
  return { wallSeconds: wall, customers, events: NaN, maxRssBytes: 0, waitMean: result.variants[0].metrics.waitMean.mean };
}

async function measure(args: string[]): Promise<CaseFigures | null> {
  const [which, a, b, c] = args;
  switch (which) {
    case 'mm10':
      return mm10(Number(a));
    case 'bare':
      return bare(Number(a));
    case 'city-hall':
      return study('city-hall', Number(a), 1, false);
    case 'sweep':
      return study('sweep', Number(a), Number(b), true, c === undefined ? undefined : Number(c));
    default:
      return null;
  }
}

const figures = await measure(process.argv.slice(2));
if (!figures) {
  process.stderr.write('usage: case.js mm10|bare <customers> | city-hall <replications> | sweep <replications> <workers> [threadsPayOff]\n');
  process.exit(2);
}
figures.maxRssBytes = process.resourceUsage().maxRSS * 1024;
process.stdout.write(`${JSON.stringify(figures)}\n`);
