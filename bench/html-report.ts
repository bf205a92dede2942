/**
 * What the HTML report costs on top of the simulation: `frontdesk compare scenarios/bank-branch.yaml
 * --format html` (7 alternatives x 30 replications), measured in a fresh process, as a planner pays
 * it: simulating, then loading the charting library (Plot and linkedom, imported only for HTML), then
 * drawing the page; a second drawing shows the cost once everything is loaded and compiled.
 *   node dist/bench/html-report.js        one measurement (a JSON line)
 * `npm run bench` calls benchHtmlReport. Goal: under 1 s on top of the simulation.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { alternativesOf } from '../src/cli/study-command.js';
import { runStudy } from '../src/runner/study.js';
import { loadScenario } from '../src/scenario/load.js';

const here = fileURLToPath(import.meta.url);
const bank = fileURLToPath(new URL('../../scenarios/bank-branch.yaml', import.meta.url));

interface HtmlFigures {
  simulateSeconds: number;
  importSeconds: number;
  renderSeconds: number;
  warmRenderSeconds: number;
  bytes: number;
  charts: number;
}

export interface BenchContext {
  repeats: number;
  log: (text: string) => void;
  write: (name: string, data: Record<string, unknown>) => void;
}

function spread(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

export function benchHtmlReport({ repeats, log, write }: BenchContext): void {
  const runs = Array.from({ length: repeats }, () => JSON.parse(execFileSync(process.execPath, [here], { encoding: 'utf8' })) as HtmlFigures);
  const onTop = spread(runs.map((r) => r.importSeconds + r.renderSeconds));
  const simulate = spread(runs.map((r) => r.simulateSeconds));
  log(
    `html report, bank-branch compare (${runs[0].charts} charts, ${Math.round(runs[0].bytes / 1024)} kB): ` +
      `${onTop.median.toFixed(2)} s on top of ${simulate.median.toFixed(2)} s of simulation ` +
      `(import ${spread(runs.map((r) => r.importSeconds)).median.toFixed(2)} s, draw ${spread(runs.map((r) => r.renderSeconds)).median.toFixed(2)} s, ` +
      `warm ${spread(runs.map((r) => r.warmRenderSeconds)).median.toFixed(3)} s; goal < 1 s)\n`,
  );
  write('html-report', {
    description: 'compare scenarios/bank-branch.yaml --format html: import of Plot + linkedom and drawing, on top of the simulation, 1 worker',
    onTopOfSimulationSeconds: onTop,
    simulateSeconds: simulate,
    importSeconds: spread(runs.map((r) => r.importSeconds)),
    renderSeconds: spread(runs.map((r) => r.renderSeconds)),
    warmRenderSeconds: spread(runs.map((r) => r.warmRenderSeconds)),
    bytes: runs[0].bytes,
    charts: runs[0].charts,
  });
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

if (process.argv[1] === here) {
  const loaded = loadScenario(bank);
  let start = process.hrtime.bigint();
  const result = await runStudy(loaded.scenario.name, alternativesOf([loaded], 'compare'), {
    replications: loaded.scenario.replications ?? 10,
    seed: loaded.scenario.seed ?? 1,
    period: loaded.scenario.period ?? 60,
    workers: 1,
  });
  const simulateSeconds = seconds(start);
  start = process.hrtime.bigint();
  const { renderHtml } = await import('../src/report/html/index.js');
  const importSeconds = seconds(start);
  const context = { version: 'bench', question: loaded.scenario.question, description: loaded.scenario.description };
  start = process.hrtime.bigint();
  const page = renderHtml(result, context);
  const renderSeconds = seconds(start);
  start = process.hrtime.bigint();
  renderHtml(result, context);
  const warmRenderSeconds = seconds(start);
  const figures: HtmlFigures = {
    simulateSeconds,
    importSeconds,
    renderSeconds,
    warmRenderSeconds,
    bytes: Buffer.byteLength(page),
    charts: page.split('<figure class="chart"').length - 1,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
