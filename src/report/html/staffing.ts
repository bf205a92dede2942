/**
 * `frontdesk staff --format html`: the staffing answer as a manager reads it. One chart shows,
 * hour by hour and per counter group, the counters the simulation requires, Erlang's formula's
 * answer and (with shifts) the roster's counters on duty; a second shows the service level each
 * reaches against the target (and, when the target caps abandonment, the share who leave). The
 * staffing tables of the terminal report follow.
 */
import * as Plot from '@observablehq/plot';
import type { Summary } from '../../runner/result.js';
import type { StaffingResult } from '../../staffing/staff.js';
import { formatClock, formatPeriod, trimmed } from '../format.js';
import { staffingBlocks } from '../staffing.js';
import { chartHtml, clockOf, draw, hourTicks, type Chart } from './charts.js';
import { renderPage, type HtmlContext } from './page.js';
import { figureText, interval, renderBlocks, type HtmlCell, type HtmlTable } from './tables.js';

const SERIES = ['required (simulated)', "Erlang's formula", 'on duty (roster)'] as const;
const SERIES_COLOURS = ['#4e79a7', '#9c755f', '#f28e2b'];

interface CountSegment {
  group: string;
  series: string;
  x1: number;
  x2: number;
  period: string;
  count: number;
}

function hours(r: StaffingResult, minutes: number): number {
  return (r.openClock + minutes) / 60;
}

export function countersChart(r: StaffingResult): Chart | null {
  const segments: CountSegment[] = [];
  const add = (series: string, start: number, end: number, counts: Record<string, number>) => {
    for (const group of r.groups) {
      const count = counts[group];
      if (count === undefined || !Number.isFinite(count)) continue;
      segments.push({ group, series, x1: hours(r, start), x2: hours(r, end), period: formatPeriod(r.openClock, start, end), count });
    }
  };
  for (const p of r.periods) {
    add(SERIES[0], p.start, p.end, p.required);
    add(SERIES[1], p.start, p.end, p.erlang);
  }
  for (const p of r.roster?.periods ?? []) add(SERIES[2], p.start, p.end, p.onDuty);
  if (segments.length === 0) return null;
  const series = SERIES.filter((s) => segments.some((x) => x.series === s));
  const many = r.groups.length > 1;
  const ticks = hourTicks(segments);
  const tip = (s: CountSegment) => `${many ? `${s.group}, ` : ''}${s.period}\n${s.series}: ${s.count} counters`;
  // The three series often agree; a small vertical offset keeps each visible where they do.
  const offset = (name: string) => (SERIES.indexOf(name as (typeof SERIES)[number]) - 1) * 3;
  const svg = draw({
    height: many ? 60 + 170 * r.groups.length : 320,
    marginTop: 24,
    x: { label: 'Time of day \u2192', ticks, tickFormat: clockOf, domain: [ticks[0], ticks[ticks.length - 1]] },
    y: { label: '\u2191 Counters', grid: true, zero: true, nice: true },
    fy: many ? { label: 'Counter group', domain: r.groups } : undefined,
    color: { domain: [...series], range: SERIES_COLOURS.slice(0, 3).filter((_, i) => series.includes(SERIES[i])), legend: true, label: 'Counters' },
    marks: series.map((name) =>
      Plot.ruleY(
        segments.filter((s) => s.series === name),
        { y: 'count', x1: 'x1', x2: 'x2', fy: many ? 'group' : undefined, stroke: 'series', strokeWidth: 3, dy: offset(name), strokeDasharray: name === SERIES[1] ? '5 3' : undefined, title: tip },
      ),
    ),
  });
  const rosterPeriods = r.roster?.periods ?? [];
  const table: HtmlTable = {
    headers: ['Period', ...r.groups.flatMap((g) => [`${g}: required`, `${g}: Erlang`, ...(r.roster ? [`${g}: on duty`] : [])])],
    rows: r.periods.map((p, i) => [
      formatPeriod(r.openClock, p.start, p.end),
      ...r.groups.flatMap((g): HtmlCell[] => [
        count('required', i, `required.${g}`, p.required[g]),
        count('required', i, `erlang.${g}`, p.erlang[g]),
        ...(r.roster ? [count('roster', i, `onDuty.${g}`, rosterPeriods[i]?.onDuty[g])] : []),
      ]),
    ]),
  };
  return {
    id: 'counters',
    title: 'Counters each hour: required, Erlang\u2019s answer and on duty',
    note: `Required: the fewest counters the simulation finds that meet the target in every period (one fewer in any period makes some period miss). Erlang's formula: the stationary answer for the period's offered load alone, for comparison.${r.roster ? ' On duty: the cheapest roster of the given shifts that covers the requirement.' : ''}`,
    svg,
    table,
  };
}

/** A number of counters (whole, no interval), addressed like the JSON: `periods[i].required.<group>`. */
function count(variant: string, index: number, metric: string, n: number | undefined): HtmlCell {
  return { variant, scope: `period:${index}`, metric, summary: n === undefined ? undefined : { mean: n, sd: null, ci95: null }, kind: 'count' };
}

/** A figure by period for the required staffing and the roster, with the target line. */
export function reachedChart(r: StaffingResult, metric: 'serviceLevel' | 'abandonShare'): Chart | null {
  const target = metric === 'serviceLevel' ? r.target.serviceLevel : r.target.maxAbandon;
  interface Point { series: string; x: number; period: string; mean: number; lo: number; hi: number; s: Summary }
  const points: Point[] = [];
  const add = (series: string, periods: Array<{ start: number; end: number; metrics: Record<string, Summary> }>) => {
    for (const p of periods) {
      const s = p.metrics[metric];
      if (!s || !Number.isFinite(s.mean)) continue;
      const [lo, hi] = interval(s);
      points.push({ series, x: hours(r, (p.start + p.end) / 2), period: formatPeriod(r.openClock, p.start, p.end), mean: s.mean * 100, lo: Math.max(0, lo) * 100, hi: Math.min(1, hi) * 100, s }); // a share's band stays within 0-100%
    }
  };
  add('with the required counters', r.periods);
  if (r.roster) add('with the roster on duty', r.roster.periods);
  if (points.length === 0) return null;
  const series = [...new Set(points.map((p) => p.series))];
  const label = metric === 'serviceLevel' ? `Service level (% served within ${trimmed(r.target.waitTarget, 2)} min)` : 'Left unserved (% of arrivals who abandoned or balked)';
  const tip = (p: Point) => `${p.series}\n${p.period}\n${label}: ${figureText(p.s, 'share')}`;
  const periodEdges = r.periods.map((p) => ({ x1: hours(r, p.start), x2: hours(r, p.end) }));
  const ticks = hourTicks(periodEdges);
  const marks: Plot.Markish[] = [
    Plot.areaY(points, { x: 'x', y1: 'lo', y2: 'hi', z: 'series', fill: 'series', fillOpacity: 0.15 }),
    Plot.lineY(points, { x: 'x', y: 'mean', z: 'series', stroke: 'series', strokeWidth: 2 }),
    Plot.dot(points, { x: 'x', y: 'mean', fill: 'series', r: 3, title: tip }),
  ];
  if (target !== null) {
    marks.push(
      Plot.ruleY([target * 100], { stroke: '#c0392b', strokeDasharray: '6 3', strokeWidth: 1.5 }),
      Plot.text([target * 100], { y: (d: number) => d, text: () => `target ${metric === 'serviceLevel' ? '' : 'at most '}${trimmed(target * 100, 1)}%`, frameAnchor: 'right', textAnchor: 'end', dy: -7, fill: '#c0392b' }),
    );
  }
  const svg = draw({
    height: 320,
    marginTop: 24,
    x: { label: 'Time of day (customers by the period they arrived) \u2192', ticks, tickFormat: clockOf, domain: [ticks[0], ticks[ticks.length - 1]] },
    y: { label: `\u2191 ${label}`, grid: true, domain: metric === 'serviceLevel' ? [0, 100] : undefined, zero: true, nice: true },
    color: { domain: series, range: ['#4e79a7', '#f28e2b'].slice(0, series.length), legend: true, label: 'Staffing' },
    marks,
  });
  const table: HtmlTable = {
    headers: ['Period', ...series.map((s) => `${label.split(' (')[0]} ${s}`)],
    rows: r.periods.map((p, i) => [
      formatPeriod(r.openClock, p.start, p.end),
      { variant: 'required', scope: `period:${i}`, metric, summary: p.metrics[metric], kind: 'share' },
      ...(r.roster ? [{ variant: 'roster', scope: `period:${i}`, metric, summary: r.roster.periods[i]?.metrics[metric], kind: 'share' } as HtmlCell] : []),
    ]),
  };
  return {
    id: metric === 'serviceLevel' ? 'staff-service-level' : 'staff-abandonment',
    title: metric === 'serviceLevel' ? 'Service level reached each hour' : 'Customers left unserved each hour',
    note: `Simulated with the required counters${r.roster ? ' and with the roster on duty' : ''}; the band is the 95% confidence interval over replications${target !== null ? ', the dashed red line the target' : ''}.`,
    svg,
    table,
  };
}

export function renderStaffingHtml(r: StaffingResult, context: HtmlContext = {}): string {
  const charts = [countersChart(r), reachedChart(r, 'serviceLevel'), r.target.maxAbandon !== null ? reachedChart(r, 'abandonShare') : null];
  const target = [
    r.target.serviceLevel !== null ? `${trimmed(r.target.serviceLevel * 100, 1)}% served within ${trimmed(r.target.waitTarget, 2)} min` : '',
    r.target.maxAbandon !== null ? `at most ${trimmed(r.target.maxAbandon * 100, 1)}% leave unserved` : '',
  ].filter(Boolean).join(', ');
  const staffHours = Object.entries(r.staffHours).map(([g, h]) => `${g} ${trimmed(h, 1)}`).join(', ');
  const facts: Array<[string, string]> = [
    ['Target, each period', target],
    ['Counter groups staffed', r.groups.join(', ')],
    ['Staff-hours required', staffHours],
    ...(r.roster ? ([['Roster at least cost', `${trimmed(r.roster.cost, 2)} (staff-hours ${Object.entries(r.roster.staffHours).map(([g, h]) => `${g} ${trimmed(h, 1)}`).join(', ')})`]] as Array<[string, string]>) : []),
    ['Replications', `${r.replications} per plan (up to ${r.maxReplications} near the target)`],
    ['Seed', String(r.seed)],
    ['Period', `${trimmed(r.period, 2)} min from ${formatClock(r.openClock, 0)}`],
  ];
  const blocks = staffingBlocks(r).filter((b) => b.kind !== 'title');
  return renderPage({
    title: r.scenario,
    facts,
    context,
    body: [
      ...charts.filter((c): c is Chart => c !== null).map(chartHtml),
      `<section class="tables"><h2>The staffing, period by period</h2>${renderBlocks(blocks)}</section>`,
    ],
  });
}
