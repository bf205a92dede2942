/**
 * The report of a single variant (`frontdesk run`): key figures with their confidence intervals,
 * utilisation per counter group, then the same figures by customer type and by period, which is
 * where a planner finds *who* waits and *when*.
 */
import type { MetricSummaries, Result, VariantResult } from '../runner/result.js';
import { infoOf, labelOf, meanText, own, periodScope, saysNothing, summarySegments, unionKeys } from './common.js';
import type { Block, Cell, Column, TableBlock } from './document.js';
import { formatPeriod } from './format.js';
import { groupOf, isKnownMetric, isPerGroup } from './metrics.js';

/** Columns of the by-type table: the customer figures a planner compares between types. */
const TYPE_COLUMNS = ['arrived', 'served', 'abandoned', 'balked', 'waitMean', 'waitP90', 'serviceLevel', 'kioskShare'];

/** Columns of the by-period table before the per-group utilisation and open counters. */
const PERIOD_COLUMNS = ['arrived', 'abandoned', 'waitMean', 'waitP90', 'serviceLevel', 'queueLengthMean'];

/**
 * Columns whose cells carry their 95% half-width too: the figures a planner reads period by period
 * and type by type to decide, where a difference between two rows may be noise.
 */
const WITH_INTERVAL = new Set(['waitMean', 'serviceLevel']);

/** Columns that only add noise when every row is zero (no kiosks, no balking configured). */
const HIDDEN_WHEN_ZERO = new Set(['balked', 'kioskShare']);

export function runBlocks(result: Result, variant: VariantResult): Block[] {
  const blocks: Block[] = [keyFigures(result, variant)];
  const util = utilisation(result, variant);
  if (util) blocks.push(util);
  const staff = staffHours(result, variant);
  if (staff) blocks.push(staff);
  const types = Object.entries(variant.byType);
  if (types.length > 0) {
    blocks.push(
      detailTable(
        result,
        'By customer type (means over replications, ± 95% CI half-width of the mean wait and service level; waits in minutes)',
        { header: 'Type', align: 'left' },
        types.map(([name, metrics]) => [name, metrics]),
        TYPE_COLUMNS,
      ),
    );
  }
  if (variant.byPeriod.length > 0) {
    const rows = variant.byPeriod.map((p): [string, MetricSummaries] => [
      formatPeriod(result.openClock, p.start, p.end),
      p.metrics,
    ]);
    const keys = unionKeys(rows.map(([, m]) => m));
    const groups = [
      ...keys.filter((k) => groupOf(k, 'utilization') !== null),
      ...keys.filter((k) => groupOf(k, 'availability') !== null && !saysNothing(k, rows.map(([, m]) => m))),
      ...keys.filter((k) => groupOf(k, 'openCounters') !== null),
    ];
    const scope = periodScope([variant]);
    blocks.push(
      detailTable(
        result,
        `${scope.title} (means, ± 95% CI half-width of the mean wait and service level; ${scope.note ? `${scope.note}; ` : ''}customers by arrival time, lines and utilisation by clock time; waits in minutes)`,
        { header: 'Period', align: 'left' },
        rows,
        [...PERIOD_COLUMNS, ...groups],
      ),
    );
  }
  return blocks;
}

/** A headerless two-column list, `label  mean ±half`: the shape of the run report's figure blocks. */
function figureList(title: string, labelHeader: string, rows: Cell[][]): TableBlock {
  return {
    kind: 'table',
    title,
    columns: [
      { header: labelHeader, align: 'left' },
      { header: 'Mean ±95% CI', align: 'left' },
    ],
    rows,
    headerless: true,
  };
}

/** Every overall figure except utilisation, in the simulator's order, as `label  value ±half`. */
function keyFigures(result: Result, variant: VariantResult): TableBlock {
  const rows: Cell[][] = Object.entries(variant.metrics)
    .filter(([key]) => !isPerGroup(key) && !saysNothing(key, [variant.metrics]))
    .map(([key, s]) => [labelOf(result, key, false), summarySegments(s, infoOf(result, key), true)]);
  return figureList('Key figures (mean over replications ±95% CI half-width)', 'Figure', rows);
}

/**
 * Share of staffed time each counter group (and the kiosks) spent serving, then, where breakdowns
 * took any of it, the share of staffed time not broken; none measured, no block.
 */
function utilisation(result: Result, variant: VariantResult): TableBlock | null {
  const rows: Cell[][] = [];
  let broken = false;
  for (const [key, s] of Object.entries(variant.metrics)) {
    const util = groupOf(key, 'utilization');
    const available = groupOf(key, 'availability');
    if (util === null && available === null && groupOf(key, 'openCounters') === null) continue;
    if (available !== null && saysNothing(key, [variant.metrics])) continue;
    broken ||= available !== null;
    const label = util ?? (available !== null ? `${available} available` : infoOf(result, key).label);
    rows.push([label, summarySegments(s, infoOf(result, key), true)]);
  }
  if (rows.length === 0) return null;
  const title = broken
    ? 'Utilisation (share of staffed time serving; a broken counter is not busy) and availability (share of staffed time not broken)'
    : 'Utilisation (share of staffed time busy)';
  return figureList(title, 'Counters', rows);
}

/**
 * Counter-hours on duty per counter group, from the opening to the group's last counter closing
 * (with drain, the counters serving the last customers after the horizon count); none, no block.
 */
function staffHours(result: Result, variant: VariantResult): TableBlock | null {
  const rows: Cell[][] = [];
  for (const [key, s] of Object.entries(variant.metrics)) {
    const group = groupOf(key, 'staffHours');
    if (group !== null) rows.push([group, summarySegments(s, infoOf(result, key), true)]);
  }
  if (rows.length === 0) return null;
  return figureList('Staff-hours (counter-hours on duty, from opening to the last counter closing)', 'Counters', rows);
}

/**
 * A table of means, one row per type or period. Known columns come in `preferred` order when any
 * row has them; metrics the renderers do not know are appended under their key so nothing the
 * simulator measures is silently dropped.
 */
function detailTable(
  result: Result,
  title: string,
  first: Column,
  rows: Array<[string, MetricSummaries]>,
  preferred: string[],
): TableBlock {
  const present = unionKeys(rows.map(([, m]) => m));
  const has = new Set(present);
  const keys = [
    ...preferred.filter(
      (k) => has.has(k) && !(HIDDEN_WHEN_ZERO.has(k) && rows.every(([, m]) => (own(m, k)?.mean ?? 0) === 0)),
    ),
    ...present.filter((k) => !isKnownMetric(k)),
  ];
  const infos = keys.map((k) => infoOf(result, k));
  return {
    kind: 'table',
    title,
    columns: [first, ...infos.map((i): Column => ({ header: i.short, align: 'right' }))],
    rows: rows.map(([name, m]) => [
      name,
      ...infos.map((i): Cell => (WITH_INTERVAL.has(i.key) ? summarySegments(own(m, i.key), i, false) : meanText(own(m, i.key), i))),
    ]),
  };
}
