/**
 * `--format html`: a report a planner can hand to a manager. The header says what was simulated
 * and the question it answers; charts (drawn now, as SVG) show when and for whom the wait is long
 * and what each alternative changes; the same tables as the terminal report follow, and every
 * chart opens onto the numbers it draws.
 *
 * Apart from the date and version in `context`, the page is a pure function of the Result: the
 * same run gives the same bytes.
 */
import type { Result } from '../../runner/result.js';
import { headerBlocks, own, saysNothing, unionKeys, warningBlocks } from '../common.js';
import { describeMetric, groupOf } from '../metrics.js';
import { buildReport } from '../report.js';
import { trimmed } from '../format.js';
import {
  changeChart,
  chartHtml,
  serviceLevelByPeriodChart,
  typeWaitsChart,
  utilisationChart,
  waitByPeriodChart,
  waitDistributionChart,
  type Chart,
} from './charts.js';
import { renderPage, type HtmlContext } from './page.js';
import { renderBlocks, renderHtmlTable, type HtmlCell, type HtmlTable } from './tables.js';

export type { HtmlContext } from './page.js';

export function renderHtml(result: Result, context: HtmlContext = {}): string {
  const compare = result.variants.length > 1;
  const charts: Array<Chart | null> = [];
  if (result.variants.length > 0) {
    const baseline = result.variants[0];
    if (compare) {
      charts.push(
        changeChart(result, 'waitMean', 'change-wait'),
        changeChart(result, 'serviceLevel', 'change-service-level'),
        typeWaitsChart(result),
      );
    }
    charts.push(
      waitByPeriodChart(result, result.variants),
      serviceLevelByPeriodChart(result, result.variants, context.serviceLevelTarget),
      utilisationChart(result, result.variants),
      waitDistributionChart(result, baseline, compare ? `How long customers waited, by type (${baseline.name})` : 'How long customers waited, by type'),
    );
  }
  // The terminal report without its header (the page has its own) and warnings (shown first here).
  const tables = buildReport(result).slice(headerBlocks(result).length);
  const warnings = warningBlocks(result);
  const body = [
    ...(warnings.length > 0 ? [`<section class="tables warnings">${renderBlocks(warnings)}</section>`] : []),
    ...charts.filter((c): c is Chart => c !== null).map(chartHtml),
    ...staffSection(result),
    `<section class="tables"><h2>${compare ? 'The alternatives side by side' : 'The figures'}</h2>${renderBlocks(tables.slice(0, tables.length - warnings.length))}</section>`,
  ];
  return renderPage({
    title: result.scenario,
    facts: facts(result),
    context,
    body,
  });
}

/**
 * When the hall emptied and what the staffing took, per alternative: the last customer's departure,
 * the overtime past closing, staff-hours per counter group and, where the file prices them, the cost.
 */
function staffSection(result: Result): string[] {
  const keys = unionKeys(result.variants.map((v) => v.metrics)).filter(
    (k) => k === 'lastDeparture' || k === 'overtime' || groupOf(k, 'staffHours') !== null || (k === 'cost' && !saysNothing(k, result.variants.map((v) => v.metrics))),
  );
  if (keys.length === 0 || result.variants.length === 0) return [];
  const table: HtmlTable = {
    caption: 'Mean over replications and 95% confidence interval; the last customer as a clock time, its interval in clock times',
    headers: ['Alternative', ...keys.map((k) => describeMetric(k).header)],
    rows: result.variants.map((v) => [
      v.name,
      ...keys.map((k): HtmlCell => {
        const kind = describeMetric(k).kind;
        return { variant: v.name, scope: 'overall', metric: k, summary: own(v.metrics, k), kind, ...(kind === 'clock' ? { openClock: result.openClock } : {}) };
      }),
    ]),
  };
  return [
    `<section class="tables" id="staff-and-closing"><h2>When the hall emptied, and the staff it took</h2><p class="note">Staff-hours are counter-hours on duty from opening until each group's last counter closed: counters still serving after the doors close count until their last customer leaves. Overtime is how long after closing the last customer left.</p><div class="scroll">${renderHtmlTable(table)}</div></section>`,
  ];
}

function facts(result: Result): Array<[string, string]> {
  const out: Array<[string, string]> = [
    ['Alternatives', result.variants.map((v) => v.name).join(', ')],
    ['Replications', `${result.replications} per alternative${result.precision ? ` (until the mean wait was within \u00b1${trimmed(100 * result.precision.target, 2)}%)` : ''}`],
    ['Seed', String(result.seed)],
    ['Wait target', `${trimmed(result.waitTarget, 2)} min`],
  ];
  return out;
}
