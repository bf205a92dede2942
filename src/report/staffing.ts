/**
 * The report of `frontdesk staff`: per period the required counters beside Erlang's answer and the
 * simulated figures with their intervals, then the roster. JSON is the contract of SCENARIO.md
 * ("The staffing search"); the table and Markdown share one block model; CSV is tidy, one figure a
 * row, like the run's.
 */
import type { Summary } from '../runner/result.js';
import type { StaffingResult } from '../staffing/staff.js';
import { csvNumber, quote } from './csv.js';
import type { Block, Cell, TableBlock } from './document.js';
import { fixed, formatClock, formatMinutes, formatNumber, formatPeriod, formatShare } from './format.js';
import { renderMarkdownBlocks } from './markdown.js';
import { renderTableBlocks } from './table.js';

export type StaffingFormat = 'table' | 'json' | 'csv' | 'markdown';

export function renderStaffing(result: StaffingResult, format: StaffingFormat, color = false): string {
  switch (format) {
    case 'json':
      return JSON.stringify(staffingJson(result), null, 2) + '\n';
    case 'csv':
      return staffingCsv(result);
    case 'markdown':
      return renderMarkdownBlocks(staffingBlocks(result));
    default:
      return renderTableBlocks(staffingBlocks(result), color);
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Full precision; NaN and infinities as null; -0 as 0. */
function num(x: number): Json {
  return Number.isFinite(x) ? (x === 0 ? 0 : x) : null;
}

function summary(s: Summary): Json {
  return { mean: num(s.mean), sd: s.sd === null ? null : num(s.sd), ci95: s.ci95 === null ? null : [num(s.ci95[0]), num(s.ci95[1])] };
}

function summaries(m: Record<string, Summary>): Json {
  return Object.fromEntries(Object.entries(m).map(([k, s]) => [k, summary(s)]));
}

export function staffingJson(r: StaffingResult): Json {
  return {
    scenario: r.scenario,
    seed: r.seed,
    replications: r.replications,
    maxReplications: r.maxReplications,
    target: { serviceLevel: r.target.serviceLevel, waitTarget: r.target.waitTarget, maxAbandon: r.target.maxAbandon },
    period: r.period,
    groups: r.groups,
    periods: r.periods.map((p) => ({
      start: p.start,
      end: p.end,
      clock: p.clock,
      required: p.required,
      erlang: p.erlang,
      met: p.met,
      replications: p.replications,
      metrics: summaries(p.metrics),
      ...(Object.keys(p.groups).length > 0
        ? { groups: Object.fromEntries(Object.entries(p.groups).map(([g, f]) => [g, summaries(f)])) }
        : {}),
    })),
    staffHours: r.staffHours,
    roster: r.roster
      ? {
          cost: num(r.roster.cost),
          staffHours: r.roster.staffHours,
          shifts: r.roster.shifts.map((s) => ({ ...s })),
          periods: r.roster.periods.map((p) => ({
            start: p.start,
            end: p.end,
            clock: p.clock,
            onDuty: p.onDuty,
            met: p.met,
            metrics: summaries(p.metrics),
          })),
        }
      : null,
    minimality: r.minimality.map((c) => ({
      group: c.group,
      clock: c.clock,
      counters: c.counters,
      missed: c.missed ? { clock: c.missed.clock, group: c.missed.group, margin: num(c.missed.margin) } : null,
    })),
    search: r.search,
    ...(r.warnings.length > 0 ? { warnings: r.warnings } : {}),
  };
}

/** `83.4% ±2.1` : a share with its 95% half-width in points. */
function shareCell(s: Summary): Cell {
  const half = s.ci95 === null ? NaN : (s.ci95[1] - s.ci95[0]) / 2;
  return [
    { text: formatShare(s.mean), align: 'right' },
    { text: Number.isFinite(half) ? `±${fixed(half * 100, 1)}` : '', align: 'left' },
  ];
}

function targetText(r: StaffingResult): string {
  const parts: string[] = [];
  if (r.target.serviceLevel !== null) parts.push(`${formatShare(r.target.serviceLevel)} served within ${formatNumber(r.target.waitTarget)} min`);
  if (r.target.maxAbandon !== null) parts.push(`at most ${formatShare(r.target.maxAbandon)} abandon or balk`);
  return parts.join(', ');
}

export function staffingBlocks(r: StaffingResult): Block[] {
  const blocks: Block[] = [{ kind: 'title', text: `${r.scenario}: staffing` }];
  blocks.push({
    kind: 'text',
    lines: [
      `Target in every ${formatNumber(r.period)}-minute period: ${targetText(r)}.`,
      `Seed ${r.seed}, ${r.replications} replications per plan (up to ${r.maxReplications} where a period sits close to the target); ${r.search.simulatedDays} days simulated.`,
    ],
  });
  const many = r.groups.length > 1;
  const columns: TableBlock['columns'] = [{ header: 'Period', align: 'left' }];
  for (const g of r.groups) {
    columns.push({ header: many ? `${g} required` : 'Required', align: 'right' });
    columns.push({ header: many ? `${g} Erlang` : 'Erlang', align: 'right' });
    if (r.roster) columns.push({ header: many ? `${g} on duty` : 'On duty', align: 'right' });
  }
  const withLevel = r.target.serviceLevel !== null;
  columns.push({ header: 'Arrived', align: 'right' });
  if (withLevel) columns.push({ header: 'Service level', align: 'left' });
  columns.push({ header: 'Abandoned', align: 'left' });
  columns.push({ header: 'Mean wait', align: 'right' });
  if (r.roster) columns.push({ header: withLevel ? 'Roster level' : 'Roster abandoned', align: 'left' });
  const rows: Cell[][] = r.periods.map((p, i) => {
    const row: Cell[] = [formatPeriod(r.openClock, p.start, p.end) + (p.met ? '' : ' (missed)')];
    for (const g of r.groups) {
      row.push(String(p.required[g]));
      row.push(String(p.erlang[g]));
      if (r.roster) row.push(String(r.roster.periods[i].onDuty[g]));
    }
    row.push(fixed(p.metrics.arrived.mean, 1));
    if (withLevel) row.push(shareCell(p.metrics.serviceLevel));
    row.push(shareCell(p.metrics.abandonShare));
    row.push(formatMinutes(p.metrics.waitMean.mean, false));
    if (r.roster) {
      const m = r.roster.periods[i].metrics;
      row.push(shareCell(withLevel ? m.serviceLevel : m.abandonShare));
    }
    return row;
  });
  blocks.push({ kind: 'table', title: 'Counters per period (required: fewest that meet the target, simulated; ± is the 95% interval)', columns, rows });
  const own = r.groups.filter((g) => r.periods.some((p) => p.groups[g] !== undefined));
  if (own.length > 0) {
    // Each group is judged on the customers of the types it serves; these are its figures.
    blocks.push({
      kind: 'table',
      title: "Each group's own customers (the types it serves), with the required counters",
      columns: [
        { header: 'Period', align: 'left' },
        ...own.flatMap((g) => [
          ...(withLevel ? [{ header: `${g} level`, align: 'left' as const }] : []),
          { header: `${g} abandoned`, align: 'left' as const },
        ]),
      ],
      rows: r.periods.map((p) => [
        formatPeriod(r.openClock, p.start, p.end),
        ...own.flatMap((g) => [...(withLevel ? [shareCell(p.groups[g].serviceLevel)] : []), shareCell(p.groups[g].abandonShare)]),
      ]),
    });
  }
  const hours = r.groups.map((g) => `${g} ${formatNumber(r.staffHours[g])}`).join(', ');
  const lines = [`Staff-hours required: ${hours}.`];
  const checked = r.minimality.filter((c) => c.counters !== null);
  const failed = checked.filter((c) => c.missed === null);
  lines.push(
    failed.length === 0
      ? `Minimal: each of ${checked.length} one-counter-fewer trials made some period miss the target (simulated).`
      : `Not minimal: ${failed.length} one-counter-fewer trials still met the target.`,
  );
  blocks.push({ kind: 'text', lines });
  if (r.roster) {
    const shiftRows: Cell[][] = r.roster.shifts.map((s) => [
      s.name,
      s.group,
      s.clock,
      s.breaks.map((b) => formatClock(r.openClock, b)).join(' ') || '\u2013',
      String(s.count),
    ]);
    blocks.push({
      kind: 'table',
      title: `Roster at least cost: ${formatNumber(r.roster.cost)} (staff-hours ${r.groups.map((g) => `${g} ${formatNumber(r.roster!.staffHours[g])}`).join(', ')})`,
      columns: [
        { header: 'Shift', align: 'left' },
        { header: 'Group', align: 'left' },
        { header: 'Starts', align: 'left' },
        { header: 'Breaks at', align: 'left' },
        { header: 'Count', align: 'right' },
      ],
      rows: shiftRows,
    });
  }
  if (r.warnings.length > 0) blocks.push({ kind: 'text', title: 'Warnings', lines: r.warnings, list: true });
  return blocks;
}

/** Tidy rows: plan,period,group,figure,statistic,value; numbers rounded by the figure's unit, as the study's CSV. */
export function staffingCsv(r: StaffingResult): string {
  const rows: string[][] = [['plan', 'period', 'group', 'figure', 'statistic', 'value']];
  const put = (plan: string, period: string, group: string, figure: string, statistic: string, value: number | null) =>
    rows.push([plan, period, group, figure, statistic, csvNumber(figure, value ?? NaN)]);
  const stats = (plan: string, period: string, figure: string, s: Summary) => {
    put(plan, period, '', figure, 'mean', s.mean);
    put(plan, period, '', figure, 'ci95_lo', s.ci95?.[0] ?? null);
    put(plan, period, '', figure, 'ci95_hi', s.ci95?.[1] ?? null);
  };
  r.periods.forEach((p, i) => {
    const label = formatPeriod(r.openClock, p.start, p.end, '-');
    for (const g of r.groups) {
      put('required', label, g, 'counters', 'value', p.required[g]);
      put('erlang', label, g, 'counters', 'value', p.erlang[g]);
    }
    for (const [f, s] of Object.entries(p.metrics)) stats('required', label, f, s);
    if (r.roster) {
      const q = r.roster.periods[i];
      for (const g of r.groups) put('roster', label, g, 'counters', 'value', q.onDuty[g]);
      for (const [f, s] of Object.entries(q.metrics)) stats('roster', label, f, s);
    }
  });
  for (const g of r.groups) {
    put('required', '', g, 'staffHours', 'value', r.staffHours[g]);
    if (r.roster) put('roster', '', g, 'staffHours', 'value', r.roster.staffHours[g]);
  }
  if (r.roster) put('roster', '', '', 'cost', 'value', r.roster.cost);
  return rows.map((row) => row.map(quote).join(',')).join('\n') + '\n';
}
