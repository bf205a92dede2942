/**
 * The charts of the HTML report, drawn by Observable Plot into SVG when the report is written.
 * Every chart has a title, axis labels with units, a `<title>` tooltip on each mark with its
 * numbers, and a table of the same numbers under it; colours never carry meaning alone.
 */
import * as Plot from '@observablehq/plot';
import { groupKey } from '../../figures/figures.js';
import type { Result, VariantResult } from '../../runner/result.js';
import { periodScope } from '../common.js';
import { formatClock, trimmed } from '../format.js';
import { describeMetric, formatBare } from '../metrics.js';
import { escapeHtml } from './escape.js';
import { plotDocument } from './plot-document.js';
import {
  changes,
  periodSeries,
  QUANTILES,
  typeFigures,
  utilisationCells,
  VERDICTS,
  waitQuantiles,
  type PeriodPoint,
} from './series.js';
import { figureText, renderHtmlTable, type HtmlCell, type HtmlTable } from './tables.js';

export interface Chart {
  id: string;
  title: string;
  /** One or two sentences: how to read the chart. */
  note: string;
  svg: string;
  table: HtmlTable;
}

const WIDTH = 760;
const FONT = { fontSize: '12px', fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' };
const TARGET_COLOUR = '#c0392b';
const BAND_COLOUR = '#4e79a7';
const UTILISATION_BANDS = [50, 70, 85, 95];
/** Utilisation from which a heat-map cell is dark enough to need white text. */
const DARK_FROM = 70;

/** Room under the x axis for its tick labels and, below them, its label (centred, so it never sits on a tick). */
const X_AXIS = { labelAnchor: 'center', labelOffset: 36 } as const;

export function draw(options: Plot.PlotOptions): string {
  const element = Plot.plot({ width: WIDTH, style: FONT, marginBottom: 44, ...options, x: { ...X_AXIS, ...options.x }, document: plotDocument() });
  return (element as unknown as { outerHTML: string }).outerHTML;
}

/** Whole hours across the day, every one while it fits, else every 2, 3 or 4. */
export function hourTicks(points: Array<{ x1: number; x2: number }>): number[] {
  if (points.length === 0) return [];
  const from = Math.floor(Math.min(...points.map((p) => p.x1)));
  const to = Math.ceil(Math.max(...points.map((p) => p.x2)));
  const step = [1, 2, 3, 4, 6].find((s) => (to - from) / s <= 12) ?? 12;
  const ticks: number[] = [];
  for (let h = from; h <= to; h += step) ticks.push(h);
  return ticks;
}

export const clockOf = (hours: number) => formatClock(0, hours * 60);

/** Rough width of a label in the chart's 12px font, for margins that fit the longest name. */
function labelWidth(names: string[]): number {
  return Math.min(340, 20 + 7 * Math.max(0, ...names.map((n) => n.length)));
}

/**
 * A quantity by period with its 95% band, one panel per variant in a comparison (the baseline
 * repeated as a dashed grey line in each, to compare against), and an optional target rule.
 */
function byPeriodChart(
  result: Result,
  variants: VariantResult[],
  spec: {
    id: string;
    title: string;
    note: string;
    metric: string;
    axis: string;
    scale: number;
    target?: number;
    targetLabel?: string;
    /** Written in the chart, where the target line would be labelled, when there is no target. */
    noTarget?: string;
    domain?: [number, number];
  },
): Chart | null {
  const points = periodSeries(result, variants, spec.metric, spec.scale).filter((p) => Number.isFinite(p.mean));
  if (points.length === 0) return null;
  const info = describeMetric(spec.metric);
  const many = variants.length > 1;
  const names = variants.map((v) => v.name);
  const baseline = many ? points.filter((p) => p.variant === names[0]) : [];
  const reference = names.slice(1).flatMap((name) => baseline.map((p) => ({ ...p, variant: name })));
  const tip = (p: PeriodPoint) => `${many ? `${p.variant}\n` : ''}${p.period}\n${info.label}: ${figureText({ mean: p.mean / spec.scale, sd: NaN, ci95: [p.lo / spec.scale, p.hi / spec.scale] }, info.kind)}`;
  const fy = many ? 'variant' : undefined;
  const marks: Plot.Markish[] = [
    Plot.areaY(points, { x: 'x', y1: 'lo', y2: 'hi', fy, z: 'variant', fill: BAND_COLOUR, fillOpacity: 0.18, curve: 'monotone-x' }),
    Plot.lineY(reference, { x: 'x', y: 'mean', fy, z: 'variant', stroke: '#888', strokeDasharray: '3 3', curve: 'monotone-x' }),
    Plot.lineY(points, { x: 'x', y: 'mean', fy, z: 'variant', stroke: BAND_COLOUR, strokeWidth: 2, curve: 'monotone-x' }),
    Plot.dot(points, { x: 'x', y: 'mean', fy, r: 3, fill: BAND_COLOUR, title: tip }),
  ];
  if (spec.target !== undefined) {
    marks.push(
      Plot.ruleY([spec.target], { stroke: TARGET_COLOUR, strokeDasharray: '6 3', strokeWidth: 1.5 }),
      // Labelled once, in the first panel: the same words in every panel would only be clutter.
      Plot.text([spec.target], { y: (d: number) => d, fy: many ? () => names[0] : undefined, text: () => spec.targetLabel ?? 'target', frameAnchor: 'right', textAnchor: 'end', dy: -7, fill: TARGET_COLOUR, stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' }),
    );
  }
  if (spec.target === undefined && spec.noTarget !== undefined) {
    const noTarget = spec.noTarget;
    marks.push(Plot.text([noTarget], { fy: many ? () => names[0] : undefined, text: (d: string) => d, frameAnchor: 'bottom-right', dx: -6, dy: -6, fill: '#59636e', stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' }));
  }
  if (many) {
    marks.push(Plot.text(names, { fy: (d: string) => d, text: (d: string) => d, frameAnchor: 'top-left', dx: 6, dy: 4, fontWeight: 'bold' }));
  }
  const ticks = hourTicks(points);
  const svg = draw({
    height: many ? 40 + 120 * variants.length : 340,
    marginTop: 24,
    marginRight: many ? 16 : 20,
    x: { label: 'Time of day (customers by the period they arrived) \u2192', ticks, tickFormat: clockOf, domain: [ticks[0], ticks[ticks.length - 1]] },
    y: { label: spec.axis, grid: true, domain: spec.domain, nice: true, zero: true },
    fy: many ? { domain: names, axis: null, padding: 0.12 } : undefined,
    marks,
  });
  const periods = variants[0].byPeriod.map((p, i) => ({ index: i, label: periodLabel(result, p.start, p.end) }));
  const table: HtmlTable = {
    headers: ['Period', ...names],
    rows: periods.map(({ index, label }) => [
      label,
      ...variants.map((v): HtmlCell => ({ variant: v.name, scope: `period:${index}`, metric: spec.metric, summary: v.byPeriod[index]?.metrics[spec.metric], kind: info.kind })),
    ]),
  };
  return { id: spec.id, title: spec.title, note: spec.note + foldNote(variants), svg, table };
}

/** For a horizon longer than a day, that its periods are folded by time of day (common.ts). */
function foldNote(variants: VariantResult[]): string {
  const scope = periodScope(variants);
  return scope.note ? ` ${scope.title}: ${scope.note}.` : '';
}

function periodLabel(result: Result, start: number, end: number): string {
  return `${formatClock(result.openClock, start)}\u2013${formatClock(result.openClock, end)}`;
}

export function waitByPeriodChart(result: Result, variants: VariantResult[]): Chart | null {
  const target = trimmed(result.waitTarget, 2);
  return byPeriodChart(result, variants, {
    id: 'wait-by-period',
    title: variants.length > 1 ? 'Mean wait by time of day, each alternative' : 'Mean wait by time of day',
    note: `Mean wait of the customers served, by the period they arrived in; the band is the 95% confidence interval over replications. The dashed red line is the wait target (${target} min).${variants.length > 1 ? ' The dashed grey line in each panel is the baseline.' : ''}`,
    metric: 'waitMean',
    axis: '\u2191 Mean wait (min)',
    scale: 1,
    target: result.waitTarget,
    targetLabel: `wait target ${target} min`,
  });
}

export function serviceLevelByPeriodChart(result: Result, variants: VariantResult[], serviceLevelTarget?: number): Chart | null {
  const target = trimmed(result.waitTarget, 2);
  return byPeriodChart(result, variants, {
    id: 'service-level-by-period',
    title: variants.length > 1 ? 'Service level by time of day, each alternative' : 'Service level by time of day',
    note: `Share of the customers arriving in each period who were served within ${target} min (those who left unserved count as misses), with its 95% band.${
      serviceLevelTarget !== undefined
        ? ` The dashed red line is the service-level target (${trimmed(serviceLevelTarget * 100, 1)}%, the file's staffing.serviceLevel).`
        : ' No target line: the scenario file sets no service-level target (staffing.serviceLevel).'
    }${variants.length > 1 ? ' The dashed grey line in each panel is the baseline.' : ''}`,
    metric: 'serviceLevel',
    axis: `\u2191 Service level (% served within ${target} min)`,
    scale: 100,
    domain: [0, 100],
    target: serviceLevelTarget === undefined ? undefined : serviceLevelTarget * 100,
    targetLabel: serviceLevelTarget === undefined ? undefined : `target ${trimmed(serviceLevelTarget * 100, 1)}%`,
    noTarget: 'no service-level target in the file',
  });
}

/** Utilisation of each counter group by period as a heat map, the mean number of open counters written in each cell. */
export function utilisationChart(result: Result, variants: VariantResult[]): Chart | null {
  const cells = utilisationCells(result, variants);
  if (cells.length === 0) return null;
  const many = variants.length > 1;
  const rows = [...new Set(cells.map((c) => c.row))];
  const open = (n: number) => (Number.isFinite(n) ? trimmed(n, 1) : '');
  const tip = (c: (typeof cells)[number]) =>
    `${c.row}\n${c.period}\nUtilisation: ${figureText({ mean: c.mean / 100, sd: NaN, ci95: [c.lo / 100, c.hi / 100] }, 'share')}${Number.isFinite(c.open) ? `\nOpen counters: ${open(c.open)}` : ''}`;
  const drawn = cells.filter((c) => Number.isFinite(c.mean));
  const ticks = hourTicks(cells);
  const svg = draw({
    height: 90 + 26 * rows.length,
    marginLeft: labelWidth(rows),
    marginTop: 28,
    x: { label: 'Time of day (clock time) \u2192', ticks, tickFormat: clockOf, domain: [ticks[0], ticks[ticks.length - 1]] },
    y: { label: many ? 'Alternative \u00b7 counter group' : 'Counter group', labelAnchor: 'top', domain: rows, tickSize: 0 },
    // Bands a planner names (quiet, busy, stretched, saturated) rather than a continuous ramp, which
    // Plot draws through a canvas that a document without a browser does not have.
    color: { type: 'threshold', domain: UTILISATION_BANDS, scheme: 'blues', legend: true, label: 'Utilisation (% of staffed time busy)' },
    marks: [
      Plot.rect(drawn, { x1: 'x1', x2: 'x2', y: 'row', fill: 'mean', inset: 0.5, title: tip }),
      Plot.text(drawn.filter((c) => c.mean >= DARK_FROM), { x: 'x', y: 'row', text: (c) => open(c.open), fill: 'white' }),
      Plot.text(drawn.filter((c) => c.mean < DARK_FROM), { x: 'x', y: 'row', text: (c) => open(c.open), fill: 'black' }),
    ],
  });
  const groupKeys = rows.map((row) => cells.find((c) => c.row === row)!);
  const withOpen = groupKeys.filter((g) => cells.some((c) => c.row === g.row && Number.isFinite(c.open)));
  const periods = variants[0].byPeriod;
  const table: HtmlTable = {
    headers: ['Period', ...rows.map((r) => `${r}: utilisation`), ...withOpen.map((g) => `${g.row}: open counters`)],
    rows: periods.map((p, index) => {
      const util = groupKeys.map((g): HtmlCell => {
        const v = variants.find((x) => x.name === g.variant)!;
        return { variant: g.variant, scope: `period:${index}`, metric: groupKey('utilization', g.group), summary: v.byPeriod[index]?.metrics[groupKey('utilization', g.group)], kind: 'share' };
      });
      const openCells = withOpen.map((g): HtmlCell => {
          const v = variants.find((x) => x.name === g.variant)!;
          return { variant: g.variant, scope: `period:${index}`, metric: groupKey('openCounters', g.group), summary: v.byPeriod[index]?.metrics[groupKey('openCounters', g.group)], kind: 'counters' };
        });
      return [periodLabel(result, p.start, p.end), ...util, ...openCells];
    }),
  };
  return {
    id: 'utilisation',
    title: 'Utilisation by counter group and time of day',
    note: `Share of staffed time the counters of each group spent serving, period by period (darker is busier); the number in a cell is the mean count of counters open in that period.${foldNote(variants)}`,
    svg,
    table,
  };
}

/** How long customers of each type waited: the wait quantiles as points of a cumulative curve. */
export function waitDistributionChart(result: Result, variant: VariantResult, title: string): Chart | null {
  const points = waitQuantiles(variant);
  if (points.length === 0) return null;
  const types = Object.keys(variant.byType);
  const tip = (p: (typeof points)[number]) => `${p.type}: ${p.label} of those served waited at most ${formatBare(p.wait, 'minutes')} min (95% CI ${formatBare(p.lo, 'minutes')}\u2013${formatBare(p.hi, 'minutes')})`;
  const target = trimmed(result.waitTarget, 2);
  const svg = draw({
    height: 340,
    marginTop: 24,
    x: { label: 'Wait (min) \u2192', grid: true, zero: true, nice: true },
    y: { label: '\u2191 Customers served who waited at most this long (%)', domain: [40, 100], grid: true },
    color: { legend: true, domain: types, label: 'Customer type' },
    marks: [
      Plot.ruleX([result.waitTarget], { stroke: TARGET_COLOUR, strokeDasharray: '6 3', strokeWidth: 1.5 }),
      Plot.text([result.waitTarget], { x: (d: number) => d, text: () => `wait target ${target} min`, frameAnchor: 'bottom', textAnchor: 'start', dx: 5, dy: -6, fill: TARGET_COLOUR }),
      Plot.ruleY(points, { y: 'share', x1: 'lo', x2: 'hi', stroke: 'type', strokeOpacity: 0.35, strokeWidth: 2 }),
      Plot.line(points, { x: 'wait', y: 'share', stroke: 'type', strokeWidth: 2 }),
      Plot.dot(points, { x: 'wait', y: 'share', fill: 'type', r: 3.5, symbol: 'type', title: tip }),
    ],
    symbol: { domain: types },
  });
  const table: HtmlTable = {
    headers: ['Customer type', ...QUANTILES.map(([metric]) => describeMetric(metric).label + ' (min)'), 'Mean wait (min)'],
    rows: types.map((type) => [
      type,
      ...[...QUANTILES.map(([metric]) => metric), 'waitMean'].map((metric): HtmlCell => ({ variant: variant.name, scope: `type:${type}`, metric, summary: variant.byType[type][metric], kind: 'minutes' })),
    ]),
  };
  return {
    id: 'wait-distribution',
    title,
    note: 'Each point: the share of served customers of a type who waited at most that long (half at the median, 9 in 10 at p90, and so on up to the longest wait), means over replications; the bar across a point is its 95% interval. A curve further left is a shorter wait.',
    svg,
    table,
  };
}

/** Per-type mean waits of every alternative side by side, one panel per type. */
export function typeWaitsChart(result: Result): Chart | null {
  const rows = typeFigures(result.variants, 'waitMean').filter((r) => Number.isFinite(r.mean));
  if (rows.length === 0) return null;
  const names = result.variants.map((v) => v.name);
  const types = [...new Set(rows.map((r) => r.type))];
  const tip = (r: (typeof rows)[number]) => `${r.type}, ${r.variant}\nMean wait: ${figureText({ mean: r.mean, sd: NaN, ci95: [r.lo, r.hi] }, 'minutes')} min`;
  const svg = draw({
    height: 50 + types.length * (22 * names.length + 20),
    marginLeft: labelWidth(names),
    marginRight: 40 + 6.6 * Math.max(...types.map((t) => t.length)),
    x: { label: 'Mean wait (min) \u2192', grid: true, zero: true, nice: true },
    y: { label: 'Alternative', domain: names, tickSize: 0 },
    fy: { label: null, domain: types },
    color: { domain: types, legend: true, label: 'Customer type' },
    marks: [
      Plot.barX(rows, { x: 'mean', y: 'variant', fy: 'type', fill: 'type', fillOpacity: 0.75, title: tip }),
      Plot.ruleY(rows, { x1: 'lo', x2: 'hi', y: 'variant', fy: 'type', stroke: 'black' }),
      Plot.text(rows, { x: (r) => Math.max(r.hi, r.mean), y: 'variant', fy: 'type', text: (r) => formatBare(r.mean, 'minutes'), dx: 5, textAnchor: 'start' }),
      Plot.ruleX([0]),
    ],
  });
  const table: HtmlTable = {
    headers: ['Alternative', ...types.map((t) => `${t}: mean wait (min)`)],
    rows: result.variants.map((v) => [
      v.name,
      ...types.map((t): HtmlCell => ({ variant: v.name, scope: `type:${t}`, metric: 'waitMean', summary: v.byType[t]?.waitMean, kind: 'minutes' })),
    ]),
  };
  return {
    id: 'type-waits',
    title: 'Mean wait of each customer type, every alternative',
    note: 'Bars are mean waits over replications; the black line across the end of a bar is its 95% confidence interval.',
    svg,
    table,
  };
}

/** Each variant's paired change against the baseline on one figure: a dot and its 95% interval. */
export function changeChart(result: Result, metric: string, id: string): Chart | null {
  const info = describeMetric(metric);
  const share = info.kind === 'share';
  const scale = share ? 100 : 1;
  const points = changes(result, metric, info.better, scale);
  if (points.length === 0) return null;
  const unit = share ? 'percentage points' : info.kind === 'minutes' ? 'min' : info.kind === 'rate' ? 'per hour' : 'customers a day';
  const label = metric === 'serviceLevel' ? `${info.label} (served within ${trimmed(result.waitTarget, 2)} min)` : info.label;
  const names = points.map((p) => p.variant);
  const fmt = (x: number) => (share ? trimmed(x, 1) : formatBare(x, info.kind));
  const tip = (p: (typeof points)[number]) => `${p.variant}: ${fmt(p.diff)} ${unit} against the baseline (95% CI ${fmt(p.lo)} to ${fmt(p.hi)}): ${p.verdict}`;
  const svg = draw({
    height: 70 + 28 * names.length,
    marginLeft: labelWidth(names),
    marginTop: 10,
    x: { label: `Change in ${label.toLowerCase()} against the baseline (${unit}) \u2192`, grid: true, nice: true },
    y: { label: 'Alternative', domain: names, tickSize: 0 },
    color: { domain: [...VERDICTS], range: ['#1a7f37', '#cf222e', '#8c959f'], legend: true, label: 'Verdict' },
    marks: [
      Plot.ruleX([0], { stroke: 'black' }),
      Plot.ruleY(points, { y: 'variant', x1: 'lo', x2: 'hi', stroke: 'verdict', strokeWidth: 2.5 }),
      Plot.tickX(points, { y: 'variant', x: 'lo', stroke: 'verdict', inset: 8 }),
      Plot.tickX(points, { y: 'variant', x: 'hi', stroke: 'verdict', inset: 8 }),
      Plot.dot(points, { y: 'variant', x: 'diff', fill: 'verdict', r: 5, stroke: 'white', title: tip }),
    ],
  });
  const table: HtmlTable = {
    headers: ['Alternative', `Change (${unit}), 95% CI`, 'Verdict'],
    rows: points.map((p): HtmlCell[] => [
      p.variant,
      { variant: p.variant, scope: 'comparison', metric, summary: p.comparison.diff, kind: info.kind === 'share' ? 'points' : info.kind },
      p.verdict,
    ]),
  };
  return {
    id,
    title: `${label}: change of each alternative against the baseline`,
    note: `The dot is the mean of the paired differences (the same customers meet every alternative); the whisker is its 95% confidence interval. Green: a significant improvement; red: a significant deterioration; grey: the interval holds zero.`,
    svg,
    table,
  };
}

/** A chart as a figure with its title, how to read it, and its numbers in a table that opens. */
export function chartHtml(chart: Chart): string {
  return `<figure class="chart" id="${escapeHtml(chart.id)}">
<figcaption><h3>${escapeHtml(chart.title)}</h3><p>${escapeHtml(chart.note)}</p></figcaption>
<div class="plot">${chart.svg}</div>
<details><summary>The numbers behind this chart (mean and 95% confidence interval)</summary><div class="scroll">${renderHtmlTable(chart.table)}</div></details>
</figure>`;
}
