/**
 * One benchmark measurement, in a process of its own so that its peak memory (maxRSS) is its own:
 *   node dist/bench/case.js mm10 <customers>   frontdesk on bench/scenarios/mm10.yaml
 *   node dist/bench/case.js bare <customers>   the feature-free loop on the same M/M/10
 * Prints one JSON line: wall seconds, customers, events, peak RSS in bytes.
 */
import { fileURLToPath } from 'node:url';
import { FrontDesk } from '../src/model/front-desk.js';
import { compileScenario } from '../src/scenario/compile.js';
import { loadScenario } from '../src/scenario/load.js';
import { bareMmc } from './bare-loop.js';

const here = (p: string) => fileURLToPath(new URL(`../../bench/${p}`, import.meta.url));

export interface CaseFigures {
  wallSeconds: number;
  customers: number;
  events: number;
  maxRssBytes: number;
  waitMean: number;
}

function mm10(customers: number): CaseFigures {
  const loaded = loadScenario(here('scenarios/mm10.yaml'));
  const perMinute = 540 / 60;
  const scenario = { ...loaded.scenario, horizon: Math.ceil(customers / perMinute) };
  const model = compileScenario(scenario, { baseDir: loaded.baseDir });
  const desk = new FrontDesk(model, scenario.horizon);
  const start = process.hrtime.bigint();
  const day = desk.runDay(scenario.seed ?? 1, 0);
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  return { wallSeconds: wall, customers: day.customers, events: day.events, maxRssBytes: 0, waitMean: day.metrics.waitMean };
}

function bare(customers: number): CaseFigures {
  const start = process.hrtime.bigint();
  const r = bareMmc(9, 1, 10, customers, 2026);
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  return { wallSeconds: wall, customers: r.customers, events: 2 * r.customers, maxRssBytes: 0, waitMean: r.waitMean };
}

const [which, count] = process.argv.slice(2);
const customers = Number(count);
const figures = which === 'bare' ? bare(customers) : which === 'mm10' ? mm10(customers) : null;
if (!figures) {
  process.stderr.write('usage: case.js mm10|bare <customers>\n');
  process.exit(2);
}
figures.maxRssBytes = process.resourceUsage().maxRSS * 1024;
process.stdout.write(`${JSON.stringify(figures)}\n`);
